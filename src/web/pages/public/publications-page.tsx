import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Col, Empty, Input, Pagination, Row, Select, Space, Spin, Tag, Tree, Typography } from 'antd';
import type { CatalogueNode } from '../../../shared/publications.js';
import { usePublicCatalogue, usePublicFilters, usePublicSearch } from '../../features/publications/use-publications.js';
import { HighlightedText } from '../../components/highlight.js';
import { ErrorResult } from '../../components/error-result.js';
import { formatDate } from '../../components/format.js';

const PAGE_SIZE = 10;
/** The search answers validity as a label (有效/废止/失效); older servers answered the code. */
const VALIDITY_TEXT: Record<string, string> = { 废止: '已废止', 失效: '已失效', repealed: '已废止', invalid: '已失效' };

interface TreeItem { key: string; title: string; children: TreeItem[] }
function toTree(nodes: CatalogueNode[]): TreeItem[] {
  return nodes.map((n) => ({ key: n.code, title: `${n.name}（${n.count ?? 0}）`, children: toTree(n.children ?? []) }));
}

/** The node with `code` and the path of nodes down to it. */
function findPath(nodes: CatalogueNode[], code: string): CatalogueNode[] {
  for (const n of nodes) {
    if (n.code === code) return [n];
    const below = findPath(n.children ?? [], code);
    if (below.length) return [n, ...below];
  }
  return [];
}

/**
 * 主动公开: the 政府信息公开目录 (国办公开办函〔2019〕61号 tree, with the number of items under each node; clicking a node
 * lists its items and those of its sub-nodes) beside a Chinese full-text search (relevance, then date) with filters.
 */
export function PublicationsPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const year = params.get('year') ? Number(params.get('year')) : undefined;
  const category = params.get('category') ?? undefined;
  const issuer = params.get('issuer') ?? undefined;
  const result = usePublicSearch({ q: q || undefined, page, year, category, issuer });
  const filters = usePublicFilters();
  const catalogue = usePublicCatalogue();
  const set = (patch: Record<string, string | number | undefined>) => {
    const next: Record<string, string> = {};
    const merged = { q, year, category, issuer, ...patch };
    for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '') next[k] = String(v);
    setParams(next);
  };
  const data = result.data;
  const nodes = catalogue.data?.categories ?? [];
  const path = category ? findPath(nodes, category) : [];
  const current = path.at(-1);

  return (
    <div style={{ maxWidth: 1180, margin: '0 auto' }}>
      <Typography.Title level={3}>主动公开</Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8} lg={7}>
          <Card size="small" title="政府信息公开目录" aria-label="政府信息公开目录" data-testid="catalogue-tree">
            {catalogue.isPending && <Spin />}
            {catalogue.isError && <Typography.Text type="secondary">目录暂时无法加载</Typography.Text>}
            {nodes.length > 0 && (
              <Tree<TreeItem> blockNode showLine treeData={toTree(nodes)} selectedKeys={category ? [category] : []}
                defaultExpandedKeys={['03', ...path.map((n) => n.code)]}
                onSelect={(keys) => set({ category: keys.length ? String(keys[0]) : undefined, page: undefined })} />
            )}
          </Card>
        </Col>
        <Col xs={24} md={16} lg={17}>
          {current && (
            <Card size="small" style={{ marginBottom: 12 }} data-testid="catalogue-current">
              <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
                <Typography.Text strong>{path.map((n) => n.name).join(' › ')}（{current.count ?? 0}条）</Typography.Text>
                <Button size="small" onClick={() => set({ category: undefined, page: undefined })}>查看全部目录</Button>
              </Space>
              {current.description && <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>{current.description}</Typography.Paragraph>}
            </Card>
          )}
          <Input.Search size="large" placeholder="输入关键词，如：土地征收 补偿、规划许可、财政预算" enterButton="搜索" defaultValue={q} allowClear loading={result.isFetching}
            onSearch={(v) => set({ q: v.trim() || undefined, page: undefined })} style={{ marginBottom: 12 }} aria-label="检索主动公开信息" />
          <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
            <Col xs={12} md={10}>
              <Select allowClear placeholder="发布年份" value={year} onChange={(v?: number) => set({ year: v, page: undefined })} style={{ width: '100%' }} aria-label="发布年份"
                options={(filters.data?.years ?? []).map((y) => ({ value: y, label: `${y}年` }))} />
            </Col>
            <Col xs={12} md={14}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="发布机构" value={issuer} onChange={(v?: string) => set({ issuer: v, page: undefined })} style={{ width: '100%' }} aria-label="发布机构"
                options={(filters.data?.issuers ?? []).map((i) => ({ value: i.name, label: `${i.name}（${i.count}）` }))} />
            </Col>
          </Row>
          {result.isError && <ErrorResult error={result.error} onRetry={() => void result.refetch()} />}
          {result.isPending && <Spin style={{ display: 'block', margin: '40px auto' }} />}
          {data && (
            <>
              <Typography.Text type="secondary" data-testid="search-total">
                {q ? `“${q}”共找到${(data as { totalIsEstimate?: boolean }).totalIsEstimate ? '约' : ''} ${data.total} 条结果${data.mode === 'or' ? '（未找到同时包含全部关键词的信息，以下为包含部分关键词的结果）' : ''}` : `共 ${data.total} 条，按发布日期排列`}
              </Typography.Text>
              {data.items.length === 0 ? (
                <Empty description={q ? '没有找到相关信息，请换个关键词试试' : current ? '该目录下暂无信息' : '暂无主动公开信息'} style={{ margin: '40px 0' }} />
              ) : (
                <Space orientation="vertical" size={12} style={{ width: '100%', marginTop: 12 }}>
                  {data.items.map((it) => (
                    <Card key={it.indexNo} size="small">
                      <Typography.Title level={5} style={{ marginTop: 0 }}>
                        <Link to={`/publications/${encodeURIComponent(it.indexNo)}`}><HighlightedText text={it.titleHighlight || it.title} /></Link>
                        {it.validity && it.validity !== '有效' && it.validity !== 'effective' && <Tag color="default" style={{ marginInlineStart: 8 }}>{VALIDITY_TEXT[it.validity] ?? it.validity}</Tag>}
                      </Typography.Title>
                      {it.snippet && <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}><HighlightedText text={it.snippet} /></Typography.Paragraph>}
                      <Space wrap size={[12, 4]} style={{ fontSize: 13, color: '#6b7280' }}>
                        <span>索引号：{it.indexNo}</span>
                        {it.docNumber && <span>文号：{it.docNumber}</span>}
                        <span>发布机构：{it.issuer}</span>
                        <span>发布日期：{formatDate(it.publishedOn)}</span>
                        {it.category && <Tag>{it.category}</Tag>}
                      </Space>
                    </Card>
                  ))}
                </Space>
              )}
              {data.total > PAGE_SIZE && (
                <Pagination style={{ marginTop: 16, justifyContent: 'center' }} current={page} pageSize={PAGE_SIZE} total={data.total} showSizeChanger={false} onChange={(p) => set({ page: p })} />
              )}
            </>
          )}
        </Col>
      </Row>
    </div>
  );
}
