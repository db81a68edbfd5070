import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { Button, Card, Input, Segmented, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { usePublicationList, type PublicationListItem } from '../../features/publications/use-publications.js';
import { hasAnyRole, useMe } from '../../features/auth/use-session.js';
import { ErrorResult } from '../../components/error-result.js';
import { TimelinessPanel } from '../../features/publications/timeliness-panel.js';
import { SuggestionsPanel } from '../../features/publications/suggestions-panel.js';
import { CataloguePanel } from '../../features/publications/catalogue-panel.js';
import { GuideEditor } from '../../features/publications/guide-editor.js';
import { formatDate } from '../../components/format.js';

const STATE_COLORS: Record<string, string> = { draft: 'default', pending_review: 'gold', pending_approval: 'cyan', approved: 'blue', published: 'green', withdrawn: 'default' };

/** Tabs: what each role works on first (保密审查员 → 待保密审查, 审核人 → 待审核). */
const TABS = [
  { key: 'all', label: '全部', states: undefined },
  { key: 'draft', label: '草稿', states: ['draft'] },
  { key: 'pending_review', label: '待保密审查', states: ['pending_review'] },
  { key: 'pending_approval', label: '待审核', states: ['pending_approval'] },
  { key: 'approved', label: '待发布', states: ['approved'] },
  { key: 'published', label: '已发布', states: ['published'] },
  { key: 'withdrawn', label: '已撤回', states: ['withdrawn'] },
];

export function TimelinessTag({ t }: { t: PublicationListItem['timeliness'] }) {
  if (!t || !t.dueOn) return null;
  if (t.status === 'overdue') return <Tooltip title={`条例第二十六条：应于${formatDate(t.dueOn)}前公开`}><Tag color="red">已超期</Tag></Tooltip>;
  if (t.status === 'at_risk') return <Tooltip title={`应于${formatDate(t.dueOn)}前公开`}><Tag color="orange">剩 {t.workingDaysLeft} 个工作日</Tag></Tooltip>;
  if (t.status === 'late') return <Tag color="volcano">超期发布</Tag>;
  return null;
}

/** 主动公开 (workbench): the items, Art.26 timeliness, Art.44 suggestions, the 目录 and the 指南. */
export function StaffPublicationsPage() {
  const me = useMe().data?.user;
  const [params, setParams] = useSearchParams();
  const isPublisher = hasAnyRole(me, ['publisher']);
  const views = [
    { key: 'items', label: '信息列表', children: <PublicationItems /> },
    { key: 'timeliness', label: '公开时效', children: <TimelinessPanel /> },
    ...(hasAnyRole(me, ['publisher', 'reviewer', 'auditor']) ? [{ key: 'suggestions', label: '转主动公开建议', children: <SuggestionsPanel canAct={isPublisher} /> }] : []),
    { key: 'catalogue', label: '公开目录', children: <CataloguePanel canEdit={isPublisher} /> },
    { key: 'guide', label: '公开指南', children: <GuideEditor canEdit={isPublisher} /> },
  ];
  const view = views.find((v) => v.key === params.get('view'))?.key ?? 'items';
  return (
    <>
      <div className="gk-page-title">
        <Typography.Title level={3}>主动公开</Typography.Title>
        {isPublisher && <Link to="/staff/publications/new"><Button type="primary" icon={<PlusOutlined />}>起草</Button></Link>}
      </div>
      <Card>
        <Tabs activeKey={view} onChange={(k) => setParams(k === 'items' ? {} : { view: k })} items={views} destroyOnHidden />
      </Card>
    </>
  );
}

function PublicationItems() {
  const me = useMe().data?.user;
  const navigate = useNavigate();
  const defaultTab = hasAnyRole(me, ['secrecy_reviewer']) && !hasAnyRole(me, ['publisher']) ? 'pending_review' : hasAnyRole(me, ['reviewer']) && !hasAnyRole(me, ['publisher']) ? 'pending_approval' : 'all';
  const [tab, setTab] = useState(defaultTab);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const states = TABS.find((t) => t.key === tab)?.states;
  const list = usePublicationList({ state: states, q: q || undefined, page, pageSize });
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
        <Segmented value={tab} onChange={(k) => { setTab(String(k)); setPage(1); }} options={TABS.map((t) => ({ value: t.key, label: t.label }))} />
        <Input.Search placeholder="标题、索引号、文号或正文" allowClear onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ width: 300 }} aria-label="搜索主动公开信息" />
      </Space>
      {list.isError && <ErrorResult error={list.error} onRetry={() => void list.refetch()} />}
      <Table<PublicationListItem>
        rowKey="id"
        className="gk-table-clickable"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 900 }}
        onRow={(r) => ({ onClick: () => navigate(`/staff/publications/${r.id}`) })}
        locale={{ emptyText: '没有符合条件的信息' }}
        pagination={{ current: page, pageSize, total: list.data?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 条`, onChange: (p, s) => { setPage(s !== pageSize ? 1 : p); setPageSize(s); } }}
        columns={[
          { title: '标题', dataIndex: 'title', ellipsis: true, render: (t: string, r) => <Link to={`/staff/publications/${r.id}`} onClick={(e) => e.stopPropagation()}>{t}</Link> },
          { title: '索引号', dataIndex: 'indexNo', width: 190, render: (x: string | null) => x ?? <Typography.Text type="secondary">发布时生成</Typography.Text> },
          { title: '目录', dataIndex: 'category', width: 130, ellipsis: true, render: (c: string | null) => c ?? '—' },
          { title: '状态', dataIndex: 'stateLabel', width: 110, render: (l: string, r) => <Tag color={STATE_COLORS[r.state]}>{l}</Tag> },
          { title: '时效', key: 't', width: 130, render: (_v, r) => <TimelinessTag t={r.timeliness} /> },
          { title: '发布日期', dataIndex: 'publishedOn', width: 110, render: (d: string | null) => d ?? '—' },
        ]}
      />
    </>
  );
}
