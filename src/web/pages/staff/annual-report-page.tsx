import { useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Row, Segmented, Select, Space, Tabs, Typography } from 'antd';
import { DownloadOutlined, EyeOutlined, GlobalOutlined } from '@ant-design/icons';
import { REPORT_FORMATS, REPORT_FORMAT_LABELS, defaultFormatForYear, type ReportFormat } from '../../../core/reports/formats.js';
import { CHANNEL_LABELS, type Channel } from '../../../core/types.js';
import type { AnnualReport, TableReport } from '../../../core/reports/types.js';
import { downloadUrl, useAnnualReport, type DownloadType } from '../../features/reports/use-annual-report.js';
import { PublishingPanel } from '../../features/reports/publishing-panel.js';
import { FactsForm } from '../../features/reports/facts-form.js';
import { AggregatePanel } from '../../features/reports/aggregate-panel.js';
import { hasAnyRole, useMe } from '../../features/auth/use-session.js';
import { toQueryString } from '../../api/client.js';
import { ChecksList, Gov2014Table, ProactiveTable, RequestsTable, ReviewsTable } from '../../features/reports/report-tables.js';
import { EChart } from '../../components/echart.js';
import { ErrorResult } from '../../components/error-result.js';
import { PageLoading } from '../../components/page-loading.js';

const NOW = new Date();
const THIS_YEAR = NOW.getFullYear();
const YEARS = Array.from({ length: THIS_YEAR - 2007 }, (_, i) => THIS_YEAR - i);
const DOWNLOADS: { type: DownloadType; label: string }[] = [
  { type: 'docx', label: 'Word 报告（DOCX）' },
  { type: 'xlsx', label: '统计表（XLSX）' },
  { type: 'html', label: '网页版（HTML）' },
  { type: 'json', label: '数据（JSON）' },
];

const OUTCOME_ROW_GROUPS: { label: string; keys: string[] }[] = [
  { label: '予以公开', keys: ['disclosed'] },
  { label: '部分公开', keys: ['partlyDisclosed'] },
  { label: '不予公开', keys: ['withheldStateSecret', 'withheldProhibitedByLaw', 'withheldSecurityStability', 'withheldThirdParty', 'withheldInternalAffairs', 'withheldProcessInfo', 'withheldEnforcementFile', 'withheldQueryMatter'] },
  { label: '无法提供', keys: ['unavailableNotHeld', 'unavailableNeedsCreation', 'unavailableUnclear'] },
  { label: '不予处理', keys: ['notProcessedPetition', 'notProcessedDuplicate', 'notProcessedPublication', 'notProcessedExcessive', 'notProcessedConfirmation'] },
  { label: '其他处理', keys: ['otherNoSupplement', 'otherUnpaidFee', 'otherOther', 'other'] },
];

function Charts({ report }: { report: AnnualReport }) {
  const month = useMemo(() => report.byMonth && ({
    tooltip: { trigger: 'axis' }, grid: { left: 40, right: 16, top: 24, bottom: 28 },
    xAxis: { type: 'category', data: Array.from({ length: 12 }, (_, i) => `${i + 1}月`) }, yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: '收到申请', data: report.byMonth, itemStyle: { color: '#1d4f91' }, barMaxWidth: 28 }],
  }), [report]);
  const outcomes = useMemo(() => {
    if (report.format === 'gov-2014') return null;
    const rows = report.requests.rows as Record<string, number[]>;
    const data = OUTCOME_ROW_GROUPS.map((g) => ({ name: g.label, value: g.keys.reduce((s, k) => s + (rows[k]?.[6] ?? 0), 0) })).filter((d) => d.value > 0);
    return { tooltip: { trigger: 'item', formatter: '{b}：{c} 件（{d}%）' }, legend: { bottom: 0, itemWidth: 12, itemHeight: 10 }, series: [{ type: 'pie', radius: ['38%', '62%'], center: ['50%', '44%'], label: { formatter: '{b}：{c}' }, data }] };
  }, [report]);
  const channels = useMemo(() => report.byChannel && ({
    tooltip: { trigger: 'axis' }, grid: { left: 70, right: 16, top: 16, bottom: 24 },
    yAxis: { type: 'category', data: Object.keys(report.byChannel).map((c) => CHANNEL_LABELS[c as Channel] ?? c) }, xAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: Object.values(report.byChannel), itemStyle: { color: '#1f5fae' }, barMaxWidth: 22 }],
  }), [report]);
  return (
    <Row gutter={16}>
      {month && <Col xs={24} xl={12}><Card size="small" title="各月收到申请" style={{ marginBottom: 16 }}><EChart option={month} ariaLabel="各月收到申请" /></Card></Col>}
      {outcomes && <Col xs={24} xl={12}><Card size="small" title="办理结果" style={{ marginBottom: 16 }}><EChart option={outcomes} ariaLabel="办理结果" /></Card></Col>}
      {channels && <Col xs={24} xl={12}><Card size="small" title="申请方式" style={{ marginBottom: 16 }}><EChart option={channels} height={240} ariaLabel="申请方式" /></Card></Col>}
      {!month && !outcomes && !channels && <Col span={24}><Empty description="本报告没有可绘制的数据" /></Col>}
    </Row>
  );
}

/** 年度报告: this agency's report of a year, or the aggregation of subordinate agencies' reports. */
export function AnnualReportPage() {
  const [mode, setMode] = useState<'own' | 'aggregate'>('own');
  return (
    <>
      <div className="gk-page-title">
        <Typography.Title level={3}>政府信息公开工作年度报告</Typography.Title>
        <Segmented value={mode} onChange={(v) => setMode(v as 'own' | 'aggregate')}
          options={[{ value: 'own', label: '本机关年度报告' }, { value: 'aggregate', label: '汇总下级单位报告' }]} />
      </div>
      {mode === 'own' ? <OwnReport /> : <AggregatePanel />}
    </>
  );
}

/** Pick a year (and format), see the tables, the checks and the charts, download each file, publish. */
function OwnReport() {
  const [year, setYear] = useState(NOW.getMonth() < 3 ? THIS_YEAR - 1 : THIS_YEAR);
  const [format, setFormat] = useState<ReportFormat | undefined>(undefined);
  const report = useAnnualReport(year, format);
  const effective = format ?? defaultFormatForYear(year);
  const r = report.data;
  const failed = r ? r.checks.filter((c) => !c.ok).length : 0;
  const me = useMe().data?.user;
  const [tab, setTab] = useState('requests');
  const canEditFacts = hasAnyRole(me, ['registrar', 'reviewer', 'admin']);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
          <Select value={year} onChange={(y: number) => setYear(y)} options={YEARS.map((y) => ({ value: y, label: `${y}年度` }))} style={{ width: 120 }} aria-label="报告年度" />
          <Select value={format ?? 'auto'} onChange={(f: string) => setFormat(f === 'auto' ? undefined : (f as ReportFormat))} style={{ width: 390 }} aria-label="报告格式"
            options={[{ value: 'auto', label: `按年度默认（${REPORT_FORMAT_LABELS[defaultFormatForYear(year)]}）` }, ...REPORT_FORMATS.map((f) => ({ value: f, label: REPORT_FORMAT_LABELS[f] }))]} />
      </Space>
      {report.isPending && <PageLoading tip="正在统计…" />}
      {report.isError && <ErrorResult error={report.error} onRetry={() => void report.refetch()} />}
      {r && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
              <Typography.Text>{r.agency} · {r.year}年度 · {REPORT_FORMAT_LABELS[r.format as ReportFormat] ?? effective}</Typography.Text>
              <Space wrap>
                <a href={`/api/reports/annual/preview${toQueryString({ year, format })}`} target="_blank" rel="noreferrer"><Button icon={<EyeOutlined />}>预览网页版</Button></a>
                {DOWNLOADS.map((d) => (
                  <a key={d.type} href={downloadUrl(year, format, d.type)} download>
                    <Button icon={<DownloadOutlined />} data-download={d.type}>{d.label}</Button>
                  </a>
                ))}
                <Button type="primary" icon={<GlobalOutlined />} data-testid="open-publishing" onClick={() => setTab('publishing')}>发布到门户…</Button>
              </Space>
            </Space>
          </Card>
          {failed > 0 && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={`${failed} 项勾稽校验未通过`} description="数据按记录如实统计，未作调整。请核对相关申请记录后重新生成。" />}
          <Card>
            <Tabs
              activeKey={tab === 'requests' && r.format === 'gov-2014' ? 'table' : tab}
              onChange={setTab}
              items={[
                ...(r.format === 'gov-2014'
                  ? [{ key: 'table', label: '统计表', children: <Gov2014Table report={r} /> }]
                  : [
                      { key: 'requests', label: '三、依申请公开', children: <RequestsTable report={r as TableReport} /> },
                      { key: 'proactive', label: '二、主动公开', children: <ProactiveTable report={r as TableReport} /> },
                      { key: 'reviews', label: '四、复议诉讼', children: <ReviewsTable report={r as TableReport} /> },
                    ]),
                { key: 'checks', label: <span>勾稽校验{failed > 0 ? <Typography.Text type="danger">（{failed}）</Typography.Text> : ''}</span>, children: <ChecksList report={r} /> },
                { key: 'charts', label: '图表', children: <Charts report={r} /> },
                { key: 'facts', label: '填报数据', children: <FactsForm year={year} format={format} canEdit={canEditFacts} /> },
                { key: 'publishing', label: '发布与版本', children: <PublishingPanel year={year} format={format} /> },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
