import { useSearchParams } from 'react-router-dom';
import { Alert, Card, Empty, Input, Pagination, Space, Spin, Tag, Typography } from 'antd';
import { isMissingEndpoint, usePublications } from '../../features/public/use-public.js';
import { HighlightedText } from '../../components/highlight.js';
import { ErrorResult } from '../../components/error-result.js';
import { formatDate } from '../../components/format.js';
import type { PublicationHit } from '../../api/types.js';

const PAGE_SIZE = 10;

/** 主动公开: full-text search over the agency's proactive disclosures (relevance, then date). */
export function PublicationsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const result = usePublications(q, page);
  const items: PublicationHit[] = result.data?.items ?? [];
  const total = result.data?.total ?? 0;

  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }}>
      <Typography.Title level={3}>主动公开</Typography.Title>
      <Input.Search
        size="large"
        placeholder="输入关键词，如：土地出让、规划许可、财政预算"
        enterButton="搜索"
        defaultValue={q}
        allowClear
        loading={result.isFetching}
        onSearch={(v) => setParams(v.trim() ? { q: v.trim() } : {})}
        style={{ marginBottom: 16 }}
      />
      {result.isError && isMissingEndpoint(result.error) && (
        <Alert type="info" showIcon title="功能建设中" description="主动公开信息检索功能正在建设中，敬请期待。" />
      )}
      {result.isError && !isMissingEndpoint(result.error) && <ErrorResult error={result.error} onRetry={() => void result.refetch()} />}
      {result.isPending && <Spin style={{ display: 'block', margin: '40px auto' }} />}
      {result.isSuccess && (
        <>
          <Typography.Text type="secondary">{q ? `“${q}”共找到 ${total} 条结果` : `共 ${total} 条`}</Typography.Text>
          {items.length === 0 ? (
            <Empty description={q ? '没有找到相关信息，请换个关键词试试' : '暂无主动公开信息'} style={{ margin: '40px 0' }} />
          ) : (
            <Space orientation="vertical" size={12} style={{ width: '100%', marginTop: 12 }}>
              {items.map((it) => (
                <Card key={it.indexNo} size="small">
                  <Typography.Title level={5} style={{ marginTop: 0 }}>
                    {it.url ? <a href={it.url}><HighlightedText text={it.title} /></a> : <HighlightedText text={it.title} />}
                  </Typography.Title>
                  {it.snippet && <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}><HighlightedText text={it.snippet} /></Typography.Paragraph>}
                  <Space wrap size={[12, 4]} style={{ fontSize: 13, color: '#6b7280' }}>
                    <span>索引号：{it.indexNo}</span>
                    {it.docNumber && <span>文号：{it.docNumber}</span>}
                    {it.issuer && <span>发布机构：{it.issuer}</span>}
                    {it.publishedOn && <span>发布日期：{formatDate(it.publishedOn)}</span>}
                    {it.category && <Tag>{it.category}</Tag>}
                  </Space>
                </Card>
              ))}
            </Space>
          )}
          {total > PAGE_SIZE && (
            <Pagination
              style={{ marginTop: 16, textAlign: 'center' }}
              current={page}
              pageSize={PAGE_SIZE}
              total={total}
              showSizeChanger={false}
              onChange={(p) => setParams(q ? { q, page: String(p) } : { page: String(p) })}
            />
          )}
        </>
      )}
    </div>
  );
}
