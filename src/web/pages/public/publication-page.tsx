import { Link, useParams } from 'react-router-dom';
import { Alert, Breadcrumb, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { ApiError } from '../../api/client.js';
import { usePublicPublication } from '../../features/publications/use-publications.js';
import { HtmlFragment } from '../../components/html-fragment.js';
import { PageLoading } from '../../components/page-loading.js';
import { ErrorResult } from '../../components/error-result.js';
import { formatDate } from '../../components/format.js';

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** One published item: the 目录 fields of Art.12 (索引号, 名称, 生成日期…), the text, attachments and interpretations. */
export function PublicationPage() {
  const indexNo = decodeURIComponent(useParams()['*'] ?? '');
  const item = usePublicPublication(indexNo);
  if (item.isPending) return <PageLoading />;
  if (item.isError) {
    const notFound = item.error instanceof ApiError && item.error.status === 404;
    return notFound
      ? <Alert type="warning" showIcon title="没有找到该信息" description={<>该信息不存在或已撤回。<Link to="/publications">返回主动公开</Link></>} />
      : <ErrorResult error={item.error} onRetry={() => void item.refetch()} />;
  }
  const p = item.data;
  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }}>
      <Breadcrumb style={{ marginBottom: 12 }} items={[{ title: <Link to="/publications">主动公开</Link> }, ...p.categoryPath.map((c) => ({ title: <Link to={`/publications?category=${encodeURIComponent(c.code)}`}>{c.name}</Link> }))]} />
      <Card>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} style={{ marginBottom: 20 }}
          items={[
            { key: 'i', label: '索引号', children: p.indexNo },
            { key: 'c', label: '公开目录', children: p.category?.name ?? '—' },
            { key: 'is', label: '发布机构', children: p.issuer },
            { key: 'w', label: '成文日期', children: formatDate(p.writtenOn) ?? '—' },
            { key: 'd', label: '文号', children: p.docNumber ?? '—' },
            { key: 'p', label: '发布日期', children: formatDate(p.publishedOn) },
            { key: 't', label: '主题分类', children: p.topic ?? '—' },
            { key: 'v', label: '效力状态', children: <Space>{p.validityLabel}{p.validityChangedOn ? `（${formatDate(p.validityChangedOn)}）` : ''}{p.normativeKindLabel && <Tag>{p.normativeKindLabel}</Tag>}</Space> },
          ]}
        />
        <Typography.Title level={3} style={{ textAlign: 'center' }}>{p.title}</Typography.Title>
        {p.docNumber && <Typography.Paragraph style={{ textAlign: 'center' }} type="secondary">{p.docNumber}</Typography.Paragraph>}
        <HtmlFragment html={p.bodyHtml} title={p.title} />
        {p.attachments.length > 0 && (
          <div style={{ marginTop: 16 }}>
            <Typography.Text strong>附件：</Typography.Text>
            <ul>{p.attachments.map((a) => <li key={a.id}><a href={a.url} target="_blank" rel="noreferrer"><PaperClipOutlined /> {a.filename}</a> <Typography.Text type="secondary">（{kb(a.size)}）</Typography.Text></li>)}</ul>
          </div>
        )}
        {(p.interprets || p.interpretations.length > 0) && (
          <div style={{ marginTop: 16 }}>
            <Typography.Text strong>{p.interprets ? '解读的文件：' : '相关解读：'}</Typography.Text>
            <ul>
              {(p.interprets ? [p.interprets] : p.interpretations).map((x) => <li key={x.indexNo}><Link to={`/publications/${encodeURIComponent(x.indexNo)}`}>{x.title}</Link>（{formatDate(x.publishedOn)}）</li>)}
            </ul>
          </div>
        )}
      </Card>
    </div>
  );
}
