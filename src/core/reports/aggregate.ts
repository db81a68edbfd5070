/**
 * Aggregation of several agencies' annual reports by an upper-level office (条例 Art.49 ¶2: 县级以上地方人民政府的
 * 政府信息公开工作主管部门 publishes the 本级政府 report built from its departments' reports).
 */
import { DomainError } from '../errors.js';
import { CHANNELS, type Channel } from '../types.js';
import { checkReport } from './checks.js';
import type { FactValue } from './facts.js';
import { REPORT_FORMAT_LABELS } from './formats.js';
import type { AnnualReport, MappedOutcome, ReportCheck, ValueSource } from './types.js';

export interface AgencyBreakdown {
  agency: string;
  report: AnnualReport;
  /** The invariant checks recomputed on this agency's numbers. */
  checks: ReportCheck[];
  ok: boolean;
}

export interface AggregateResult {
  report: AnnualReport;
  perAgency: AgencyBreakdown[];
}

export interface AggregateOptions {
  /** Name of the aggregate (default: "汇总（N个单位）"). */
  agency?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sums the numbers of one value position across reports; entered text that cannot be added is reported. */
class Summer {
  readonly notes: string[] = [];
  constructor(private readonly agencies: string[]) {}

  fact(values: unknown[], path: string): FactValue | null {
    let total = 0;
    let numbers = 0;
    const texts: { agency: string; text: string }[] = [];
    values.forEach((v, i) => {
      if (typeof v === 'number') {
        total += v;
        numbers += 1;
      } else if (typeof v === 'string') texts.push({ agency: this.agencies[i], text: v });
    });
    if (numbers === 0 && texts.length === 0) return null;
    if (numbers === 0 && texts.every((t) => t.text === texts[0].text)) return texts[0].text;
    if (texts.length > 0) {
      this.notes.push(`「${path}」：${texts.map((t) => `${t.agency}填写为“${t.text}”`).join('、')}，无法相加，合计只含数字部分`);
    }
    return Math.round(total * 10000) / 10000;
  }

  /** Recursively sums objects of the same shape (numbers, number arrays, entered values). */
  merge(values: unknown[], path: string): unknown {
    const first = values.find((v) => v !== undefined && v !== null);
    if (Array.isArray(first)) {
      return first.map((_, i) => values.reduce<number>((s, v) => s + (Array.isArray(v) && typeof v[i] === 'number' ? v[i] : 0), 0));
    }
    if (isObj(first)) {
      const keys = new Set(values.flatMap((v) => (isObj(v) ? Object.keys(v) : [])));
      return Object.fromEntries([...keys].map((k) => [k, this.merge(values.map((v) => (isObj(v) ? v[k] : undefined)), `${path}.${k}`)]));
    }
    return this.fact(values, path);
  }
}

/**
 * Sums reports of one format and one year into a single report (every table cell, case cell and entered number),
 * with a per-agency breakdown and the invariant checks (legal-facts §2.7) recomputed on each agency's numbers
 * and on the sum. Refuses mixed formats, mixed years and the same agency twice (`DomainError('VALIDATION')`).
 */
export function aggregateReports(reports: readonly AnnualReport[], options: AggregateOptions = {}): AggregateResult {
  if (reports.length === 0) throw new DomainError('VALIDATION', '没有可汇总的报告，请至少上传一份年度报告。');
  const formats = [...new Set(reports.map((r) => r.format))];
  if (formats.length > 1) {
    const list = formats.map((f) => `${REPORT_FORMAT_LABELS[f]}（${reports.filter((r) => r.format === f).map((r) => r.agency).join('、')}）`);
    throw new DomainError('VALIDATION', `报告格式不一致，不能汇总：${list.join('；')}。请按同一格式重新生成后再汇总。`, { formats });
  }
  const years = [...new Set(reports.map((r) => r.year))];
  if (years.length > 1) {
    throw new DomainError('VALIDATION', `报告年度不一致，不能汇总：${reports.map((r) => `${r.agency}为${r.year}年度`).join('、')}。请上传同一年度的报告。`, { years });
  }
  const seen = new Set<string>();
  for (const r of reports) {
    if (seen.has(r.agency)) throw new DomainError('VALIDATION', `单位“${r.agency}”的报告上传了不止一份，请删除重复的报告。`, { agency: r.agency });
    seen.add(r.agency);
  }

  const agencies = reports.map((r) => r.agency);
  const s = new Summer(agencies);
  const first = reports[0];
  const sumKeys = first.format === 'gov-2014'
    ? ['requests', 'reconsideration', 'litigation', 'complaints', 'feesWanYuan', 'proactive', 'responses', 'organisation', 'meetings']
    : ['proactive', 'requests', 'reviews', 'complaints'];
  const out: Obj = { format: first.format, year: first.year, agency: options.agency ?? `汇总（${reports.length}个单位）` };
  for (const k of sumKeys) out[k] = s.merge(reports.map((r) => (r as unknown as Obj)[k]), k);
  if (first.format === 'gov-2014') {
    // carriedIn/carriedOut are extras: only meaningful when every report has them.
    const req = out.requests as Obj;
    for (const k of ['carriedIn', 'carriedOut']) {
      if (!reports.every((r) => r.format === 'gov-2014' && r.requests[k as 'carriedIn'] !== undefined)) delete req[k];
    }
  } else {
    (out.requests as Obj).columns = [...(first.requests.columns)];
  }
  if (reports.every((r) => r.fees)) out.fees = s.merge(reports.map((r) => r.fees), 'fees');
  if (reports.every((r) => r.byMonth)) out.byMonth = s.merge(reports.map((r) => r.byMonth), 'byMonth');
  if (reports.every((r) => r.byChannel)) {
    out.byChannel = Object.fromEntries(CHANNELS.map((c) => [c, reports.reduce((n, r) => n + (r.byChannel?.[c] ?? 0), 0)])) as Record<Channel, number>;
  }
  const mapped = new Map<string, MappedOutcome>();
  for (const r of reports) {
    for (const m of r.mappedOutcomes ?? []) {
      const key = `${m.outcome}→${m.row}`;
      const prev = mapped.get(key);
      if (prev) prev.count += m.count;
      else mapped.set(key, { ...m });
    }
  }
  out.mappedOutcomes = [...mapped.values()];
  const sources: Record<string, ValueSource> = {};
  for (const r of reports) {
    for (const [path, src] of Object.entries(r.sources ?? {})) if (sources[path] !== 'entered') sources[path] = src;
  }
  out.sources = sources;

  const report = out as unknown as AnnualReport;
  const perAgency = reports.map((r): AgencyBreakdown => {
    const checks = checkReport(r);
    return { agency: r.agency, report: { ...r, checks } as AnnualReport, checks, ok: checks.every((c) => c.ok) };
  });
  const failing = perAgency.filter((p) => !p.ok).map((p) => p.agency);
  report.checks = [
    ...checkReport(report),
    {
      rule: '各单位报告的勾稽关系均成立',
      ok: failing.length === 0,
      detail: failing.length === 0 ? `${reports.length}个单位均通过校验` : `${failing.join('、')}的报告未通过校验，请查看分单位校验结果并请其更正。`,
    },
    ...s.notes.map((n): ReportCheck => ({ rule: '填报数据可以相加', ok: false, detail: `${n}。` })),
  ];
  return { report, perAgency };
}
