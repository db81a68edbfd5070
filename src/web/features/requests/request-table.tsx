import { Link, useNavigate } from 'react-router-dom';
import { Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table/index.js';
import type { Paged, RequestListItem } from '../../api/types.js';
import { formatDate } from '../../components/format.js';
import { RequestStateTag } from './request-state-tag.js';
import { DueCountdown } from './due-countdown.js';
import { applicantTypeLabel, channelLabel } from './labels.js';

/** Requests as a server-paginated table; a row opens the request. */
export function RequestTable({ data, loading, page, pageSize, onPageChange, compact = false }: {
  data: Paged<RequestListItem> | undefined;
  loading: boolean;
  page: number;
  pageSize: number;
  onPageChange: (page: number, pageSize: number) => void;
  compact?: boolean;
}) {
  const navigate = useNavigate();
  const columns: ColumnsType<RequestListItem> = [
    {
      title: '受理编号', dataIndex: 'ref', width: 150, fixed: 'left',
      render: (ref: string, r) => (
        <span>
          <Link to={`/staff/requests/${r.id}`} onClick={(e) => e.stopPropagation()}>{ref}</Link>
          {r.duplicateOfId && <Tooltip title="疑似重复申请"><Tag color="warning" style={{ marginInlineStart: 4 }}>重复?</Tag></Tooltip>}
        </span>
      ),
    },
    {
      title: '申请人', dataIndex: 'applicantName', width: 150, ellipsis: true,
      render: (n: string, r) => <span title={n}>{n}<br /><Typography.Text type="secondary" style={{ fontSize: 12 }}>{applicantTypeLabel(r.applicantType)}</Typography.Text></span>,
    },
    { title: '申请内容', dataIndex: 'description', ellipsis: { showTitle: false }, render: (d: string) => <Tooltip title={d} placement="topLeft"><span>{d}</span></Tooltip> },
    ...(compact ? [] : [{ title: '方式', dataIndex: 'channel', width: 72, render: (c: string | null) => channelLabel(c) }]),
    { title: '收到日期', dataIndex: 'receivedOn', width: 104, render: (d: string | null) => d ?? <Typography.Text type="secondary">待确认</Typography.Text> },
    ...(compact ? [] : [{ title: '承办单位', dataIndex: 'leadDepartment', width: 120, ellipsis: true, render: (d: string | null) => d ?? <Typography.Text type="secondary">未分派</Typography.Text> }]),
    { title: '状态', dataIndex: 'stateLabel', width: 100, render: (_l: string, r) => <RequestStateTag state={r.state} label={r.stateLabel} color={r.stateColor} /> },
    {
      title: '期限 / 结果', key: 'due', width: 170, ellipsis: true,
      render: (_v, r) => r.outcomeLabel && !r.dueState
        ? <Tooltip title={`${r.outcomeLabel}${r.repliedOn ? `；答复日期：${formatDate(r.repliedOn)}` : ''}`}><Typography.Text type="secondary" style={{ fontSize: 12 }}>{r.outcomeLabel}</Typography.Text></Tooltip>
        : <DueCountdown workingDaysLeft={r.workingDaysLeft} dueState={r.dueState} dueOn={r.dueOn} provisional={r.provisional} />,
    },
  ];
  return (
    <Table<RequestListItem>
      rowKey="id"
      size="middle"
      className="gk-table-clickable"
      columns={columns}
      dataSource={data?.items ?? []}
      loading={loading}
      scroll={{ x: 1000 }}
      onRow={(r) => ({ onClick: () => navigate(`/staff/requests/${r.id}`) })}
      locale={{ emptyText: '没有符合条件的申请' }}
      pagination={{
        current: page,
        pageSize,
        total: data?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (t) => `共 ${t} 件`,
        onChange: onPageChange,
      }}
    />
  );
}
