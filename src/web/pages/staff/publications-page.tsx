import { useState } from 'react';
import { Alert, Card, Input, Table, Tag, Typography } from 'antd';
import { useQuery, keepPreviousData } from '@tanstack/react-query';
import { apiGet } from '../../api/client.js';
import { isMissingEndpoint } from '../../features/public/use-public.js';
import { ErrorResult } from '../../components/error-result.js';
import type { PublicationHit } from '../../api/types.js';

interface StaffPublication extends PublicationHit {
  id: number;
  state?: string;
  stateLabel?: string;
}

/** 主动公开 (发布员、保密审查员): the publications being drafted, reviewed and published. */
export function StaffPublicationsPage() {
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['publications', q, page],
    queryFn: () => apiGet<{ total: number; items: StaffPublication[] }>('/api/publications', { q, page, pageSize: 20 }),
    placeholderData: keepPreviousData,
    retry: false,
  });
  return (
    <>
      <div className="gk-page-title"><Typography.Title level={3}>主动公开</Typography.Title></div>
      {list.isError && isMissingEndpoint(list.error) ? (
        <Alert type="info" showIcon title="功能建设中" description="主动公开信息的起草、保密审查和发布功能正在建设中。" />
      ) : (
        <Card>
          <Input.Search placeholder="标题、索引号或文号" allowClear onSearch={(v) => { setQ(v.trim()); setPage(1); }} style={{ maxWidth: 360, marginBottom: 12 }} />
          {list.isError && <ErrorResult error={list.error} onRetry={() => void list.refetch()} />}
          <Table<StaffPublication>
            rowKey={(r) => String(r.id ?? r.indexNo)}
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
            columns={[
              { title: '索引号', dataIndex: 'indexNo', width: 200 },
              { title: '标题', dataIndex: 'title' },
              { title: '发布日期', dataIndex: 'publishedOn', width: 120, render: (d: string | null) => d ?? '—' },
              { title: '状态', dataIndex: 'stateLabel', width: 110, render: (s: string | undefined, r) => <Tag>{s ?? r.state ?? '—'}</Tag> },
            ]}
          />
        </Card>
      )}
    </>
  );
}
