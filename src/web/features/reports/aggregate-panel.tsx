import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Space, Table, Tag, Typography, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { AggregateResult } from '../../../core/reports/aggregate.js';
import type { TableReport } from '../../../core/reports/types.js';
import { api, errorMessage } from '../../api/client.js';
import { ChecksList, Gov2014Table, RequestsTable, ReviewsTable } from './report-tables.js';

/**
 * 汇总下级单位年度报告: an upper-level office uploads its departments' reports (JSON or XLSX written by this system)
 * and gets the summed report, with every agency's own checks.
 */
export function AggregatePanel() {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [agency, setAgency] = useState('');
  const { message } = App.useApp();
  const run = useMutation({
    mutationFn: () => {
      const body = new FormData();
      for (const f of files) if (f.originFileObj) body.append('files', f.originFileObj, f.name);
      if (agency.trim()) body.append('agency', agency.trim());
      return api<AggregateResult>('/api/reports/aggregate', { method: 'POST', body });
    },
    onError: (e) => message.error(errorMessage(e)),
  });
  const r = run.data;
  return (
    <>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">县级以上地方人民政府的政府信息公开工作主管部门汇总本级政府所属各部门的年度报告（条例第四十九条）。请上传本系统导出的 JSON 或 XLSX 报告，可一次选择多个文件。</Typography.Paragraph>
        <Space wrap align="start">
          <Upload multiple accept=".json,.xlsx" fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList)}>
            <Button icon={<UploadOutlined />}>选择报告文件</Button>
          </Upload>
          <Input placeholder="汇总单位名称（可选）" value={agency} onChange={(e) => setAgency(e.target.value)} style={{ width: 260 }} aria-label="汇总单位名称" />
          <Button type="primary" disabled={files.length < 2} loading={run.isPending} onClick={() => run.mutate()}>汇总</Button>
        </Space>
        {files.length === 1 && <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>请至少选择两个单位的报告。</Typography.Paragraph>}
      </Card>
      {r && (
        <>
          <Card size="small" title={`${r.report.agency} · ${r.report.year}年度`} style={{ marginBottom: 16 }}>
            <Table size="small" rowKey="agency" pagination={false} dataSource={r.perAgency}
              columns={[
                { title: '单位', dataIndex: 'agency' },
                { title: '格式', key: 'f', width: 120, render: (_v, a) => a.report.format },
                { title: '勾稽校验', key: 'c', width: 160, render: (_v, a) => (a.ok ? <Tag color="success">全部通过</Tag> : <Tag color="error">{a.checks.filter((c) => !c.ok).length} 项未通过</Tag>) },
              ]} />
          </Card>
          {r.perAgency.some((a) => !a.ok) && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="部分单位的报告勾稽校验未通过，汇总数据按原样相加，请核实后再发布。" />}
          <Card size="small" title="汇总结果" style={{ marginBottom: 16 }}>
            {r.report.format === 'gov-2014' ? <Gov2014Table report={r.report} /> : <><RequestsTable report={r.report as TableReport} /><div style={{ height: 16 }} /><ReviewsTable report={r.report as TableReport} /></>}
          </Card>
          <Card size="small" title="汇总报告的勾稽校验"><ChecksList report={r.report} /></Card>
        </>
      )}
    </>
  );
}
