import { Card, Empty, Space, Spin, Table, Tag, Typography } from 'antd';
import { useGuide, usePublishedReports } from '../../features/public/use-public.js';
import { ErrorResult } from '../../components/error-result.js';
import { formatDate } from '../../components/format.js';
import type { PublishedReport } from '../../api/types.js';

function reportLink(r: PublishedReport): string | null {
  if (r.state === 'withdrawn') return null;
  if (typeof r.url === 'string' && r.url) return r.url;
  return `/api/public/reports/${r.year}`;
}

/** Every version of a year: the current one first, earlier ones kept readable with their 更正说明 (条例 Art.49–50). */
function Versions({ r }: { r: PublishedReport }) {
  const versions = r.versions ?? [];
  if (versions.length < 2) return null;
  return (
    <ul style={{ margin: '4px 0 0', paddingLeft: 18 }} data-testid={`versions-${r.year}`}>
      {versions.map((v) => (
        <li key={v.version}>
          {v.url ? <a href={v.url} target="_blank" rel="noreferrer">第{v.version}版</a> : `第${v.version}版`}
          （{formatDate(v.publishedOn) ?? '—'}发布{v.state === 'superseded' ? `，${formatDate(v.supersededOn) ?? ''}被更正` : v.state === 'withdrawn' ? '，已撤回' : '，现行版本'}）
          {v.correctionNote ? <Typography.Text type="secondary">　更正说明：{v.correctionNote}</Typography.Text> : null}
        </li>
      ))}
    </ul>
  );
}

/** 年度报告: the agency's published 政府信息公开工作年度报告 (条例 Art.49–50), with corrections and withdrawals shown. */
export function PublicReportsPage() {
  const reports = usePublishedReports();
  const agency = useGuide().data?.agency;
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <Typography.Title level={3}>政府信息公开工作年度报告</Typography.Title>
      <Typography.Paragraph type="secondary">
        依据《中华人民共和国政府信息公开条例》第四十九条、第五十条，本机关于每年1月31日前公布上一年度政府信息公开工作年度报告。报告如有更正，更正说明和原版本一并公开。
      </Typography.Paragraph>
      {reports.isPending && <Spin style={{ display: 'block', margin: '40px auto' }} />}
      {reports.isError && <ErrorResult error={reports.error} onRetry={() => void reports.refetch()} />}
      {reports.isSuccess && (
        <Card size="small">
          {reports.data.length === 0 ? (
            <Empty description="暂无已发布的年度报告" />
          ) : (
            <Table<PublishedReport>
              rowKey={(r) => String(r.year)}
              dataSource={[...reports.data].sort((a, b) => b.year - a.year)}
              pagination={false}
              columns={[
                { title: '年度', dataIndex: 'year', width: 80 },
                {
                  title: '标题', key: 't', render: (_v, r) => {
                    const title = r.title ?? `${agency?.name ?? ''}${r.year}年政府信息公开工作年度报告`;
                    const link = reportLink(r);
                    return (
                      <Space orientation="vertical" size={2} data-testid={`report-${r.year}`}>
                        <span>
                          {link ? <a href={link} target="_blank" rel="noreferrer">{title}</a> : <Typography.Text delete>{title}</Typography.Text>}
                          {r.state === 'withdrawn' && <Tag color="red" style={{ marginLeft: 8 }}>已撤回</Tag>}
                          {r.state !== 'withdrawn' && r.correctionNote && <Tag color="orange" style={{ marginLeft: 8 }}>已更正（第{r.version}版）</Tag>}
                        </span>
                        {r.state === 'withdrawn' && <Typography.Text type="danger">{formatDate(r.withdrawnOn ?? null)}撤回。撤回理由：{r.withdrawnReason}</Typography.Text>}
                        {r.state !== 'withdrawn' && r.correctionNote && <Typography.Text>更正说明：{r.correctionNote}</Typography.Text>}
                        <Versions r={r} />
                      </Space>
                    );
                  },
                },
                { title: '发布日期', key: 'p', width: 130, responsive: ['sm'], render: (_v, r) => formatDate(r.publishedOn ?? null) ?? '—' },
              ]}
            />
          )}
        </Card>
      )}
    </div>
  );
}
