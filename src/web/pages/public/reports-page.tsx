import { Card, Empty, Spin, Table, Typography } from 'antd';
import { useGuide, usePublishedReports } from '../../features/public/use-public.js';
import { ErrorResult } from '../../components/error-result.js';
import { formatDate } from '../../components/format.js';
import type { PublishedReport } from '../../api/types.js';

function reportLink(r: PublishedReport): string {
  if (typeof r.url === 'string' && r.url) return r.url;
  return `/api/public/reports/${r.year}`;
}

/** 年度报告: the agency's published 政府信息公开工作年度报告 (条例 Art.49–50). */
export function PublicReportsPage() {
  const reports = usePublishedReports();
  const agency = useGuide().data?.agency;
  return (
    <div style={{ maxWidth: 900, margin: '0 auto' }}>
      <Typography.Title level={3}>政府信息公开工作年度报告</Typography.Title>
      <Typography.Paragraph type="secondary">
        依据《中华人民共和国政府信息公开条例》第四十九条、第五十条，本机关于每年1月31日前公布上一年度政府信息公开工作年度报告。
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
                { title: '年度', dataIndex: 'year', width: 90 },
                { title: '标题', key: 't', render: (_v, r) => <a href={reportLink(r)} target="_blank" rel="noreferrer">{r.title ?? `${agency?.name ?? ''}${r.year}年政府信息公开工作年度报告`}</a> },
                { title: '发布日期', key: 'p', width: 140, responsive: ['sm'], render: (_v, r) => formatDate(r.publishedOn ?? null) ?? '—' },
              ]}
            />
          )}
        </Card>
      )}
    </div>
  );
}
