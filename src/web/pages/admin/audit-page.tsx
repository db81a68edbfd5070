import { useState } from 'react';
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditRow } from '../../api/types.js';
import { errorMessage } from '../../api/client.js';
import { useAuditLog, useVerifyAudit } from '../../features/admin/use-admin.js';
import { ErrorResult } from '../../components/error-result.js';
import { formatDateTime } from '../../components/format.js';
import { auditActionLabel, auditDetailItems, auditTargetLabel } from '../../../shared/audit-labels.js';

/** What the auditor can filter by: groups of actions (prefixes of the action codes). */
const ACTION_GROUPS: { value: string; label: string }[] = [
  { value: 'auth.', label: '登录' },
  { value: 'user.', label: '用户与密码' },
  { value: 'department.', label: '承办单位' },
  { value: 'request.', label: '申请登记与办理' },
  { value: 'notice', label: '文书' },
  { value: 'import.', label: '导入' },
  { value: 'export.', label: '导出' },
  { value: 'case.', label: '行政复议、行政诉讼' },
  { value: 'report.', label: '年度报告' },
  { value: 'publication.', label: '主动公开' },
  { value: 'catalogue.', label: '公开目录' },
  { value: 'settings.', label: '系统设置' },
  { value: 'calendar.', label: '节假日安排' },
  { value: 'audit.', label: '审计链' },
];

function DetailCell({ detail }: { detail: unknown }) {
  const items = auditDetailItems(detail);
  if (items.length === 0) return <>—</>;
  const text = items.map((i) => `${i.label}：${i.value}`).join('；');
  return (
    <Typography.Paragraph style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 2, tooltip: <div>{items.map((i) => <div key={i.label}>{i.label}：{i.value}</div>)}</div> }}>
      {text}
    </Typography.Paragraph>
  );
}

/** 审计日志 (审计员): who did what when, newest first, in Chinese; with the check of the keyed chains. */
export function AuditPage() {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [action, setAction] = useState<string | undefined>();
  const log = useAuditLog(page, pageSize, { action });
  const verify = useVerifyAudit();

  return (
    <>
      <div className="gk-page-title">
        <Typography.Title level={3}>审计日志</Typography.Title>
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>校验审计日志与办理记录</Button>
      </div>
      {verify.data && (
        <Alert style={{ marginBottom: 16 }} showIcon type={verify.data.ok ? 'success' : 'error'} title={verify.data.ok ? '校验通过' : '校验未通过：审计日志或办理记录被改动'} closable
          description={verify.data.ok || !verify.data.findings?.length ? verify.data.message : (
            <ul style={{ margin: 0, paddingLeft: 18 }}>{verify.data.findings.slice(0, 10).map((f, i) => <li key={i}>{f.message}</li>)}{verify.data.findings.length > 10 && <li>……另有 {verify.data.findings.length - 10} 处</li>}</ul>
          )} />
      )}
      {verify.isError && <Alert style={{ marginBottom: 16 }} showIcon type="error" title="校验未能完成" description={errorMessage(verify.error)} />}
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Select placeholder="按操作类别筛选" allowClear options={ACTION_GROUPS} value={action} onChange={(v?: string) => { setAction(v); setPage(1); }} style={{ width: 240 }} aria-label="操作类别" />
        </Space>
        {log.isError && <ErrorResult error={log.error} onRetry={() => void log.refetch()} />}
        <Table<AuditRow>
          rowKey="id"
          size="small"
          loading={log.isFetching}
          dataSource={log.data?.items ?? []}
          scroll={{ x: 1000 }}
          pagination={{ current: page, pageSize, total: log.data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 条`, onChange: (p, s) => { setPage(s !== pageSize ? 1 : p); setPageSize(s); } }}
          columns={[
            { title: '序号', dataIndex: 'id', width: 80 },
            { title: '时间', dataIndex: 'at', width: 160, render: (t: string) => formatDateTime(t) },
            { title: '操作人', dataIndex: 'actorName', width: 120 },
            { title: '操作', dataIndex: 'action', width: 200, render: (a: string) => auditActionLabel(a) },
            { title: '对象', key: 't', width: 150, render: (_v, r) => auditTargetLabel(r.targetType, r.targetId) },
            { title: '详情', dataIndex: 'detail', render: (d: unknown) => <DetailCell detail={d} /> },
            { title: 'IP', dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
