/**
 * Charts of the annual report rendered server-side to SVG with ECharts (`ssr: true`, no DOM, no canvas):
 * requests by month over the last three years, outcomes of the year, and channels of the year.
 */
import * as echarts from 'echarts';
import { CHANNEL_LABELS, CHANNELS } from '../../core/types.js';
import { requestRowsOf, TOTAL_COLUMN } from '../../core/reports/formats.js';
import type { AnnualReport } from '../../core/reports/types.js';

/** Requests received per month of one year (12 numbers, January first). */
export interface MonthlySeries {
  year: number;
  counts: number[];
}

export interface ReportCharts {
  byMonth: string;
  outcomes: string;
  channels: string;
}

export interface ChartOptions {
  width?: number;
  height?: number;
}

/** Chart slices: gov-2021/2019 part 三 groups (key prefixes) and gov-2014 answer rows. */
const TABLE_GROUPS: [string, string][] = [
  ['予以公开', 'disclosed'], ['部分公开', 'partlyDisclosed'], ['不予公开', 'withheld'], ['无法提供', 'unavailable'],
  ['不予处理', 'notProcessed'], ['其他处理', 'other'],
];
const GOV2014_GROUPS: [string, 'alreadyPublic' | 'disclosed' | 'partlyDisclosed' | 'withheld' | 'notThisAgency' | 'notExist' | 'otherChannel'][] = [
  ['属于已主动公开范围', 'alreadyPublic'], ['同意公开', 'disclosed'], ['同意部分公开', 'partlyDisclosed'], ['不同意公开', 'withheld'],
  ['不属于本行政机关公开', 'notThisAgency'], ['申请信息不存在', 'notExist'], ['告知通过其他途径办理', 'otherChannel'],
];

const FONT_FAMILY = '"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei","SimHei",sans-serif';
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

function render(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT_FAMILY }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const empty = (text: string) => ({ graphic: { type: 'text', left: 'center', top: 'middle', style: { text, fontSize: 14, fill: '#888', fontFamily: FONT_FAMILY } } });

/** The three most recent years up to the report's year: given series first, the report's own `byMonth` otherwise. */
function monthlySeries(report: AnnualReport, series: readonly MonthlySeries[]): MonthlySeries[] {
  const byYear = new Map<number, number[]>();
  if (report.byMonth) byYear.set(report.year, report.byMonth);
  for (const s of series) byYear.set(s.year, s.counts);
  return [report.year - 2, report.year - 1, report.year].filter((y) => byYear.has(y)).map((year) => ({ year, counts: byYear.get(year)! }));
}

/** Outcome totals of the year in the groups of the report's format (zero groups dropped). */
export function outcomeTotals(report: AnnualReport): { name: string; value: number }[] {
  if (report.format === 'gov-2014') {
    const q = report.requests;
    return GOV2014_GROUPS.map(([name, key]) => ({ name, value: q[key] })).filter((d) => d.value > 0);
  }
  const rows = report.requests.rows as Record<string, number[]>;
  const outcomeKeys = requestRowsOf(report.format).filter((d) => d.isOutcome).map((d) => d.key);
  return TABLE_GROUPS
    .map(([name, prefix]) => ({ name, value: outcomeKeys.filter((k) => k.startsWith(prefix)).reduce((s, k) => s + rows[k][TOTAL_COLUMN], 0) }))
    .filter((d) => d.value > 0);
}

/** Channel totals of the year: as recorded (`byChannel`) or, for an uploaded 统计表 without it, its four rows. */
export function channelTotals(report: AnnualReport): { name: string; value: number }[] {
  if (report.byChannel) return CHANNELS.map((c) => ({ name: CHANNEL_LABELS[c], value: report.byChannel![c] })).filter((d) => d.value > 0);
  if (report.format === 'gov-2014') {
    const q = report.requests;
    return [['当面', q.receivedInPerson], ['传真', q.receivedByFax], ['网络', q.receivedOnline], ['信函', q.receivedByLetter]]
      .map(([name, value]) => ({ name: name as string, value: value as number })).filter((d) => d.value > 0);
  }
  return [];
}

function pie(title: string, data: { name: string; value: number }[], emptyText: string) {
  return {
    title: { text: title, left: 'center', top: 8, textStyle: { fontSize: 16 } },
    ...(data.length === 0 ? empty(emptyText) : {}),
    series: [{
      type: 'pie', radius: ['30%', '58%'], center: ['50%', '56%'], percentPrecision: 1,
      label: { formatter: '{b}\n{c}件（{d}%）', fontSize: 12 },
      data,
    }],
  };
}

/**
 * The three report charts as SVG strings: `byMonth` (申请数量按月, a line per year for the report year and the two
 * before it, from `series` plus the report's own `byMonth`), `outcomes` (办理结果 of the year) and `channels`
 * (申请方式 of the year).
 */
export function renderReportCharts(report: AnnualReport, series: readonly MonthlySeries[] = [], options: ChartOptions = {}): ReportCharts {
  const width = options.width ?? 640;
  const height = options.height ?? 360;
  const months = monthlySeries(report, series);
  const byMonth = render({
    title: { text: '政府信息公开申请数量（按月）', left: 'center', top: 8, textStyle: { fontSize: 16 } },
    legend: { bottom: 8, data: months.map((s) => `${s.year}年`) },
    grid: { left: 48, right: 24, top: 56, bottom: 56 },
    xAxis: { type: 'category', data: MONTHS },
    yAxis: { type: 'value', minInterval: 1, name: '件' },
    ...(months.length === 0 ? empty('暂无数据') : {}),
    series: months.map((s) => ({ type: 'line', name: `${s.year}年`, data: s.counts, symbolSize: 6, label: { show: false } })),
  }, width, height);
  const outcomes = render(pie(`${report.year}年度办理结果`, outcomeTotals(report), '本年度无办结的申请'), width, height);
  const channels = render(pie(`${report.year}年度申请方式`, channelTotals(report), '本年度未收到申请'), width, height);
  return { byMonth, outcomes, channels };
}
