import { useState } from 'react';
import { Alert, App, Button, Card, Col, Progress, Radio, Result, Row, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { isFailed, isFinished, useImportJob, useStartImport, type ImportKind } from '../../features/imports/use-import.js';
import { errorMessage } from '../../api/client.js';
import type { ImportJob } from '../../../shared/reports.js';

const MAX_MB = 200;
/** The header rows of the two ledgers (DESIGN.md "Ledger import format"), offered as a CSV template. */
const TEMPLATE_HEADERS: Record<ImportKind, string[]> = {
  requests: ['受理编号', '收到日期', '申请方式', '申请人类型', '申请人', '申请内容', '承办单位', '补正告知日期', '补正收到日期', '延期', '答复日期', '办理结果', '收费金额'],
  cases: ['案件编号', '案件类型', '起诉类型', '关联受理编号', '收到日期', '结案日期', '结果'],
};

function downloadTemplate(kind: ImportKind): void {
  const blob = new Blob([`\uFEFF${TEMPLATE_HEADERS[kind].join(',')}\r\n`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = kind === 'requests' ? '依申请公开台账模板.csv' : '行政复议诉讼台账模板.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const HEADERS: Record<ImportKind, string> = {
  requests: '受理编号、收到日期、申请方式、申请人类型、申请人、申请内容（必填）；承办单位、补正告知日期、补正收到日期、延期、答复日期、办理结果、收费金额（可选）',
  cases: '案件编号、案件类型、起诉类型、关联受理编号、收到日期、结案日期、结果',
};

function JobStatus({ job }: { job: ImportJob }) {
  const finished = isFinished(job);
  const failed = isFailed(job);
  const percent = job.total ? Math.min(100, Math.round((job.processed / job.total) * 100)) : finished ? 100 : 0;
  return (
    <>
      <Progress percent={percent} status={failed ? 'exception' : finished ? 'success' : 'active'} aria-label="导入进度" />
      <Typography.Paragraph type="secondary">
        {finished
          ? (failed
            ? `导入未完成：${job.message ?? '文件有错误'}。整个文件未导入，数据库未作任何修改。`
            : `导入完成（${job.filename}）：共 ${job.processed} 行，新增 ${job.inserted} 件，更新 ${job.updated} 件。`)
          : `${job.phase === 'writing' ? '正在写入' : '正在校验'}：已处理 ${job.processed}${job.total ? ` / ${job.total}` : ''} 行…`}
      </Typography.Paragraph>
      {job.errors.length > 0 && (
        <>
          <Alert type="error" showIcon style={{ marginBottom: 12 }} title={`共 ${job.errorCount} 处错误${job.errorCount > job.errors.length ? `（下表列出前 ${job.errors.length} 处）` : ''}，请在表格中改正后重新导入`} />
          <Table
            size="small"
            rowKey={(e) => `${e.row}-${e.column}-${e.message}-${e.value}`}
            dataSource={job.errors}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: '行号', dataIndex: 'row', width: 80 },
              { title: '列', dataIndex: 'column', width: 140 },
              { title: '值', dataIndex: 'value', width: 200, render: (v: unknown) => (v === null || v === undefined || v === '' ? <Typography.Text type="secondary">（空）</Typography.Text> : String(v)) },
              { title: '问题', dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </>
  );
}

/** 台账导入: upload an Excel/CSV/JSON ledger, follow the progress, see every error by row and column. */
export function ImportPage() {
  const [kind, setKind] = useState<ImportKind>('requests');
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useStartImport(kind);
  const job = useImportJob(jobId);
  const { message } = App.useApp();

  return (
    <>
      <div className="gk-page-title"><Typography.Title level={3}>台账导入</Typography.Title></div>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card size="small" title="选择文件" style={{ marginBottom: 16 }}>
            <Radio.Group value={kind} onChange={(e) => { setKind(e.target.value as ImportKind); setJobId(null); start.reset(); }} optionType="button" buttonStyle="solid" style={{ marginBottom: 12 }}
              options={[{ value: 'requests', label: '依申请公开台账' }, { value: 'cases', label: '行政复议/诉讼台账' }]} />
            <Upload.Dragger
              accept=".csv,.xlsx,.json"
              multiple={false}
              showUploadList={false}
              disabled={start.isPending || (job.data !== undefined && !isFinished(job.data))}
              beforeUpload={(file) => {
                if (file.size > MAX_MB * 1024 * 1024) { message.error(`文件超过 ${MAX_MB} MB，请拆分后导入`); return Upload.LIST_IGNORE; }
                if (!/\.(csv|xlsx|json)$/i.test(file.name)) { message.error('只支持 .csv、.xlsx、.json 文件'); return Upload.LIST_IGNORE; }
                return true;
              }}
              customRequest={({ file, onSuccess, onError }) => {
                setJobId(null);
                start.mutate(file as File, {
                  onSuccess: (r) => { setJobId(r.jobId); onSuccess?.(r); },
                  onError: (err) => { message.error(errorMessage(err)); onError?.(err as Error); },
                });
              }}
            >
              <p className="ant-upload-drag-icon"><InboxOutlined /></p>
              <p className="ant-upload-text">点击或拖动文件到这里上传</p>
              <p className="ant-upload-hint">支持 Excel（.xlsx）、CSV（UTF-8 或 GBK）、JSON；第一行为表头</p>
            </Upload.Dragger>
            <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 13 }}>
              表头：{HEADERS[kind]}。日期可写作 2024-01-05、2024/1/5 或 2024年1月5日。文件有任何错误时整个文件不导入；重复导入同一{kind === 'requests' ? '受理编号会更新该申请' : '案件编号会更新该案件'}。
            </Typography.Paragraph>
            <Button icon={<DownloadOutlined />} onClick={() => downloadTemplate(kind)}>下载台账模板（CSV）</Button>
          </Card>
          <Card size="small" title="导出台账" style={{ marginBottom: 16 }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              导出本系统全部已受理的申请，表头与导入格式相同，可修改后原样导回（同一受理编号会更新该申请）。
            </Typography.Paragraph>
            <Space wrap>
              {([['xlsx', 'Excel（.xlsx）'], ['csv', 'CSV'], ['json', 'JSON']] as const).map(([format, label]) => (
                <Button key={format} icon={<DownloadOutlined />} href={`/api/exports/requests?format=${format}`} download>{label}</Button>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card size="small" title="导入结果" style={{ marginBottom: 16 }}>
            {start.isPending ? <Progress percent={0} status="active" aria-label="正在上传" />
              : start.isError ? <Alert type="error" showIcon title="上传失败" description={errorMessage(start.error)} />
              : job.isError ? <Alert type="error" showIcon title="无法获取导入进度" description={errorMessage(job.error)} />
              : job.data ? <JobStatus job={job.data} />
              : <Result status="info" title="尚未导入" subTitle="请在左侧选择台账文件" />}
          </Card>
        </Col>
      </Row>
    </>
  );
}
