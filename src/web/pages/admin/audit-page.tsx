import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Table, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { AuditRow } from '../../api/types.js';
import { errorMessage } from '../../api/client.js';
import { useAuditLog, useVerifyAudit } from '../../features/admin/use-admin.js';
import { ErrorResult } from '../../components/error-result.js';
import { formatDateTime } from '../../components/format.js';
import { EVENT_LABELS, type EventType } from '../../../core/requests/events.js';

const ACTION_LABELS: Record<string, string> = {
  'auth.login': '登录', 'auth.login_failed': '登录失败', 'auth.logout': '退出登录',
  'user.created': '新增用户', 'user.updated': '修改用户', 'user.password_changed': '修改密码',
  'department.created': '新增承办单位', 'department.updated': '修改承办单位',
  'calendar.year_saved': '保存节假日安排', 'settings.agency_saved': '修改机关信息',
  'request.registered': '登记申请', 'request.confirmed': '确认网上申请', 'request.submitted_online': '网上提交申请',
  'notice.issued': '生成文书', 'notice.downloaded': '下载文书', 'notice_template.saved': '修改文书模板',
  'import.requests': '导入申请台账', 'import.requests.replaced': '导入台账（更新已有申请）',
  'publication.created': '新建主动公开信息', 'publication.edited': '修改主动公开信息', 'publication.published': '发布主动公开信息',
  'publication.imported': '导入主动公开信息', 'publication.guide_saved': '修改公开指南', 'publication.settings_updated': '修改主动公开设置',
  'publication.attachment_added': '添加附件', 'publication.attachment_removed': '删除附件',
  'publication.suggestion_drafted': '依申请转主动公开（起草）', 'publication.suggestion_dismissed': '忽略转主动公开建议',
  'catalogue.created': '新增公开目录', 'catalogue.updated': '修改公开目录', 'demo.loaded': '载入演示数据',
};

const TARGET_LABELS: Record<string, string> = {
  request: '申请', user: '用户', department: '承办单位', calendar: '日历', settings: '设置', publication: '主动公开信息',
  notice_template: '文书模板', import_job: '导入任务', guide: '公开指南', catalogue_category: '公开目录', suggestion: '转主动公开建议',
};

/** Chinese name of an audit action; request events use the lifecycle's own labels. */
export function actionLabel(a: string): string {
  if (ACTION_LABELS[a]) return ACTION_LABELS[a];
  const [head, ...rest] = a.split('.');
  const tail = rest.join('.');
  if (head === 'request' && EVENT_LABELS[tail as EventType]) return `申请：${EVENT_LABELS[tail as EventType]}`;
  if (head === 'publication') return `主动公开：${tail}`;
  return a;
}

/** 审计日志 (审计员): who did what when, newest first, with the SM3 chain check. */
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
        <Button type="primary" icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()}>校验日志完整性</Button>
      </div>
      {verify.data && <Alert style={{ marginBottom: 16 }} showIcon type={verify.data.ok ? 'success' : 'error'} title={verify.data.ok ? '审计日志完整' : '审计日志校验失败'} description={verify.data.message} closable />}
      {verify.isError && <Alert style={{ marginBottom: 16 }} showIcon type="error" title="校验未能完成" description={errorMessage(verify.error)} />}
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Input.Search placeholder="按操作前缀筛选，如 request. 或 user." allowClear onSearch={(v) => { setAction(v.trim() || undefined); setPage(1); }} style={{ width: 320 }} aria-label="操作筛选" />
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
            { title: '操作', dataIndex: 'action', width: 180, render: (a: string) => <span title={a}>{actionLabel(a)}</span> },
            { title: '对象', key: 't', width: 140, render: (_v, r) => (r.targetType ? `${TARGET_LABELS[r.targetType] ?? r.targetType}${r.targetId ? ` #${r.targetId}` : ''}` : '—') },
            { title: '详情', dataIndex: 'detail', ellipsis: true, render: (d: unknown) => (d ? <Typography.Text code style={{ fontSize: 12 }}>{JSON.stringify(d)}</Typography.Text> : '—') },
            { title: 'IP', dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
          ]}
        />
      </Card>
    </>
  );
}
