import { Link } from 'react-router-dom';
import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import { ErrorResult } from '../../components/error-result.js';
import { formatDate } from '../../components/format.js';
import { useTimeliness, type TimelinessItem } from './workbench-hooks.js';

const STATUS: Record<string, { label: string; color: string }> = {
  overdue: { label: '已超期未公开', color: 'red' },
  at_risk: { label: '即将超期', color: 'orange' },
  late: { label: '超期发布', color: 'volcano' },
};

/** 公开时效 (条例 Art.26: within 20 working days of the information being formed or changed), per department. */
export function TimelinessPanel() {
  const q = useTimeliness();
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => void q.refetch()} />;
  const d = q.data;
  return (
    <>
      <Typography.Paragraph type="secondary">
        条例第二十六条：属于主动公开范围的政府信息，应当自该政府信息形成或者变更之日起20个工作日内及时公开。统计期间：{d ? `${formatDate(d.from)}至${formatDate(d.to)}` : '—'}；剩余不超过 {d?.riskWorkingDays ?? '—'} 个工作日视为即将超期。
      </Typography.Paragraph>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {[['待公开', d?.totals.pending, '#1d4f91'], ['即将超期', d?.totals.atRisk, '#d46b08'], ['已超期未公开', d?.totals.overdue, '#cf1322'], ['按时公开', d?.totals.onTime, '#389e0d'], ['超期发布', d?.totals.late, '#ad4e00']].map(([t, v, c]) => (
          <Col key={t as string} xs={12} md={8} xl={4}><Card size="small"><Statistic title={t as string} value={(v as number | undefined) ?? 0} loading={q.isPending} styles={{ content: { color: c as string } }} /></Card></Col>
        ))}
      </Row>
      <Card size="small" title="按责任单位" style={{ marginBottom: 16 }}>
        <Table size="small" rowKey={(r) => String(r.departmentId)} loading={q.isPending} dataSource={d?.departments ?? []} pagination={false}
          columns={[
            { title: '责任单位', dataIndex: 'department' },
            { title: '待公开', dataIndex: 'pending', width: 90 },
            { title: '即将超期', dataIndex: 'atRisk', width: 90, render: (n: number) => (n ? <Typography.Text type="warning">{n}</Typography.Text> : n) },
            { title: '已超期', dataIndex: 'overdue', width: 90, render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : n) },
            { title: '按时公开', dataIndex: 'onTime', width: 90 },
            { title: '超期发布', dataIndex: 'late', width: 90 },
          ]} />
      </Card>
      <Card size="small" title="需要关注的信息">
        <Table<TimelinessItem> size="small" rowKey="id" loading={q.isPending} dataSource={d?.items ?? []} pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '没有即将超期或已超期的信息' }}
          columns={[
            { title: '标题', dataIndex: 'title', ellipsis: true, render: (t: string, r) => <Link to={`/staff/publications/${r.id}`}>{t}</Link> },
            { title: '责任单位', dataIndex: 'department', width: 140, render: (x: string | null) => x ?? '—' },
            { title: '状态', dataIndex: 'stateLabel', width: 100 },
            { title: '形成日期', dataIndex: 'formedOn', width: 110 },
            { title: '应公开日期', dataIndex: 'dueOn', width: 110 },
            { title: '时效', dataIndex: 'status', width: 170, render: (s: string, r) => <Tag color={STATUS[s]?.color}>{STATUS[s]?.label ?? s}{r.workingDaysLate ? `（${r.workingDaysLate}个工作日）` : r.workingDaysLeft !== null && s === 'at_risk' ? `（剩${r.workingDaysLeft}日）` : ''}</Tag> },
          ]} />
      </Card>
    </>
  );
}
