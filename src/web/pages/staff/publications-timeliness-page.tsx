import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Card, DatePicker, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { dayjs } from '../../locale.js';
import { useTimelinessDashboard, type TimelinessDashboard, type TimelinessItem } from '../../features/publications/use-publication-insights.js';
import { ErrorResult } from '../../components/error-result.js';
import { formatDate } from '../../components/format.js';

const STATUS: Record<TimelinessItem['status'], { color: string; label: string }> = {
  overdue: { color: 'red', label: '已超期未发布' },
  at_risk: { color: 'orange', label: '即将超期' },
  late: { color: 'volcano', label: '超期发布' },
};

/** 公开时效 (条例第二十六条：自形成或者变更之日起20个工作日内公开): counts per department and the items to act on. */
export function PublicationTimelinessPage() {
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const period = range ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {};
  const q = useTimelinessDashboard(period);
  const d = q.data;
  const totals = d?.totals;

  return (
    <>
      <div className="gk-page-title">
        <Typography.Title level={3}>公开时效</Typography.Title>
        <Space wrap>
          <span>发布统计期间</span>
          <DatePicker.RangePicker
            aria-label="发布统计期间"
            value={range ?? (d ? [dayjs(d.from), dayjs(d.to)] : null)}
            onChange={(v) => setRange(v && v[0] && v[1] ? [v[0], v[1]] : null)}
            allowClear
          />
        </Space>
      </div>
      <Typography.Paragraph type="secondary">
        依据《政府信息公开条例》第二十六条，主动公开的政府信息应当自形成或者变更之日起20个工作日内公开。
        {d && `截至${formatDate(d.asOf)}；剩余不超过 ${d.riskWorkingDays} 个工作日的列为“即将超期”。`}
      </Typography.Paragraph>
      {q.isError && <ErrorResult error={q.error} onRetry={() => void q.refetch()} />}
      <Card loading={q.isLoading} style={{ marginBottom: 16 }}>
        <Space size="large" wrap>
          <Statistic title="已超期未发布" value={totals?.overdue ?? 0} styles={{ content: { color: '#cf1322' } }} />
          <Statistic title="即将超期" value={totals?.atRisk ?? 0} styles={{ content: { color: '#d46b08' } }} />
          <Statistic title="期限内待发布" value={totals?.pending ?? 0} />
          <Statistic title="期间内按时发布" value={totals?.onTime ?? 0} styles={{ content: { color: '#389e0d' } }} />
          <Statistic title="期间内超期发布" value={totals?.late ?? 0} />
        </Space>
      </Card>
      <Card title="各单位情况" style={{ marginBottom: 16 }}>
        <Table<TimelinessDashboard['departments'][number]>
          rowKey={(r) => String(r.departmentId)}
          size="small"
          loading={q.isFetching}
          dataSource={d?.departments ?? []}
          pagination={false}
          scroll={{ x: 700 }}
          locale={{ emptyText: '暂无主动公开信息' }}
          columns={[
            { title: '单位', dataIndex: 'department' },
            { title: '已超期未发布', dataIndex: 'overdue', width: 120, render: (n: number) => (n ? <Typography.Text type="danger" strong>{n}</Typography.Text> : 0) },
            { title: '即将超期', dataIndex: 'atRisk', width: 100, render: (n: number) => (n ? <Typography.Text type="warning" strong>{n}</Typography.Text> : 0) },
            { title: '期限内待发布', dataIndex: 'pending', width: 120 },
            { title: '按时发布', dataIndex: 'onTime', width: 100 },
            { title: '超期发布', dataIndex: 'late', width: 100 },
          ]}
        />
      </Card>
      <Card title="需要关注的信息">
        <Table<TimelinessItem>
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={d?.items ?? []}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 20, showTotal: (t) => `共 ${t} 条` }}
          locale={{ emptyText: '没有即将超期、已超期或超期发布的信息' }}
          columns={[
            { title: '标题', dataIndex: 'title', ellipsis: true, render: (t: string, r) => <Link to={`/staff/publications/${r.id}`}>{t}</Link> },
            { title: '单位', dataIndex: 'department', width: 130, render: (x: string | null) => x ?? '未指定单位' },
            { title: '时效', dataIndex: 'status', width: 120, render: (s: TimelinessItem['status']) => <Tag color={STATUS[s].color}>{STATUS[s].label}</Tag> },
            { title: '形成或变更日期', dataIndex: 'formedOn', width: 140, render: (x: string) => formatDate(x) },
            { title: '应公开日期', dataIndex: 'dueOn', width: 130, render: (x: string) => formatDate(x) },
            {
              title: '工作日', key: 'days', width: 120,
              render: (_v, r) => (r.status === 'at_risk' ? `剩 ${r.workingDaysLeft} 个` : `超 ${r.workingDaysLate} 个`),
            },
            { title: '状态', dataIndex: 'stateLabel', width: 100 },
          ]}
        />
      </Card>
    </>
  );
}
