import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Badge, Card, Empty, Tabs, Typography } from 'antd';
import type { Role, SessionUser } from '../../api/types.js';
import { hasAnyRole, useMe } from '../../features/auth/use-session.js';
import { RequestTable } from '../../features/requests/request-table.js';
import { useRequestCount, useRequestList } from '../../features/requests/use-requests.js';
import { ErrorResult } from '../../components/error-result.js';

interface InboxTab {
  key: string;
  label: string;
  roles: Role[];
  states: string[];
  hint: string;
}

/** What each role has to act on, as request-state filters (the server scopes handlers to their department). */
export const INBOX_TABS: InboxTab[] = [
  { key: 'dept', label: '本单位在办', roles: ['handler'], states: ['in_progress', 'consulting', 'awaiting_fee', 'awaiting_supplement'], hint: '分派给本单位（主办或协办）、尚未起草答复的申请。' },
  { key: 'confirm', label: '待确认网上申请', roles: ['registrar'], states: ['submitted'], hint: '网上提交的申请，确认之日为收到申请之日（条例第三十一条）。' },
  { key: 'assign', label: '待分派', roles: ['registrar'], states: ['registered'], hint: '已登记、尚未分派承办单位的申请。' },
  { key: 'review', label: '待审核答复', roles: ['reviewer'], states: ['reply_drafted'], hint: '承办单位已起草、等待审核的答复。' },
  { key: 'secrecy', label: '待保密审查', roles: ['secrecy_reviewer'], states: ['reply_approved'], hint: '已审核通过、等待保密审查的答复（先审查后公开）。' },
  { key: 'send', label: '待发出答复', roles: ['registrar'], states: ['reply_cleared'], hint: '已通过审核和保密审查，可以发出答复。' },
  { key: 'deliver', label: '待登记送达', roles: ['registrar'], states: ['replied'], hint: '答复已发出，等待登记送达。' },
  { key: 'close', label: '待办结', roles: ['registrar'], states: ['delivered', 'withdrawn'], hint: '已送达或已撤回，可以办结归档。' },
];

function TabLabel({ tab }: { tab: InboxTab }) {
  const count = useRequestCount({ state: tab.states });
  return <span>{tab.label} <Badge count={count.data ?? 0} showZero={false} overflowCount={999} style={{ marginInlineStart: 4 }} /></span>;
}

function TabBody({ tab }: { tab: InboxTab }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const list = useRequestList({ state: tab.states, page, pageSize, sort: 'due' });
  return (
    <>
      <Typography.Paragraph type="secondary">{tab.hint}</Typography.Paragraph>
      {list.isError && <ErrorResult error={list.error} onRetry={() => void list.refetch()} />}
      <RequestTable compact data={list.data} loading={list.isFetching} page={page} pageSize={pageSize} onPageChange={(p, s) => { setPage(s !== pageSize ? 1 : p); setPageSize(s); }} />
    </>
  );
}

export function tabsFor(user: SessionUser | null | undefined): InboxTab[] {
  return INBOX_TABS.filter((t) => hasAnyRole(user, t.roles));
}

/** 我的待办: the department inbox for handlers, and the queue of each office role. */
export function InboxPage() {
  const user = useMe().data?.user;
  const tabs = tabsFor(user);
  const [params, setParams] = useSearchParams();
  const active = tabs.find((t) => t.key === params.get('tab'))?.key ?? tabs[0]?.key;
  return (
    <>
      <div className="gk-page-title"><Typography.Title level={3}>我的待办</Typography.Title></div>
      <Card>
        {tabs.length === 0 ? (
          <Empty description="当前角色没有待办的申请" />
        ) : (
          <Tabs activeKey={active} onChange={(k) => setParams({ tab: k }, { replace: true })} destroyOnHidden
            items={tabs.map((t) => ({ key: t.key, label: <TabLabel tab={t} />, children: <TabBody tab={t} /> }))} />
        )}
      </Card>
    </>
  );
}
