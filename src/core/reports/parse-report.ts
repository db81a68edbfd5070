/**
 * Validation of an uploaded report JSON (an agency's report, sent to its upper-level office for aggregation,
 * 条例 Art.49 ¶2). Everything is checked against the stable keys of DESIGN.md "Report JSON"; every problem is
 * listed with its JSON path and what to fix. The invariant checks are recomputed, never trusted from the file.
 */
import { DomainError } from '../errors.js';
import { isOutcome } from '../requests/outcomes.js';
import { CHANNELS, type Channel } from '../types.js';
import { checkReport } from './checks.js';
import { ANNUAL_FACT_FIELDS, type FactValue } from './facts.js';
import {
  GOV2014_CASE_CELLS, GOV2014_REQUEST_KEYS, REQUEST_COLUMN_LABELS, REQUEST_COLUMNS, REVIEW_CELLS, REVIEW_GROUP_LABELS,
  REVIEW_GROUPS, isReportFormat, requestRowsOf, type ReportFormat, type TableFormat,
} from './formats.js';
import { getPath, setPath } from './paths.js';
import type { AnnualReport, DepartmentStat, FeeSummary, MappedOutcome, ReportCheck, ValueSource } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

class Reader {
  readonly issues: string[] = [];
  blanks = 0;

  /** A table cell: a non-negative integer; blank (null, '') counts as 0 and is reported (legal-facts §2.7 rule 7). */
  count(v: unknown, path: string): number {
    if (v === null || v === '') {
      this.blanks += 1;
      return 0;
    }
    const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) return n;
    this.issues.push(`「${path}」应为不小于0的整数，当前为${JSON.stringify(v)}`);
    return 0;
  }

  fact(v: unknown, path: string): FactValue | null {
    if (v === undefined || v === null || v === '') return null;
    if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string') return v;
    this.issues.push(`「${path}」应为数字或简短文字，当前为${JSON.stringify(v)}`);
    return null;
  }

  counts(v: unknown, path: string, n: number, what: string): number[] {
    if (!Array.isArray(v) || v.length !== n) {
      this.issues.push(`「${path}」应为${n}个整数（${what}），当前为${JSON.stringify(v)?.slice(0, 60)}`);
      return new Array<number>(n).fill(0);
    }
    return v.map((x, i) => this.count(x, `${path}[${i}]`));
  }
}

const COLUMNS_TEXT = REQUEST_COLUMNS.map((c) => REQUEST_COLUMN_LABELS[c]).join('、');

function readFacts(r: Reader, src: Obj, format: ReportFormat): Obj {
  const out: Obj = {};
  for (const field of ANNUAL_FACT_FIELDS) {
    if (field.path === null || field.path.startsWith('fees.') || field.path === 'complaints') continue;
    if (!(field.formats as readonly string[]).includes(format)) continue;
    setPath(out, field.path, r.fact(getPath(src, field.path), field.path));
  }
  return out;
}

function readExtras(r: Reader, src: Obj): Obj {
  const out: Obj = {};
  if (src.fees !== undefined) {
    const fees: FeeSummary = {
      noticesIssued: r.fact(getPath(src, 'fees.noticesIssued'), 'fees.noticesIssued'),
      amountNoticedYuan: r.fact(getPath(src, 'fees.amountNoticedYuan'), 'fees.amountNoticedYuan'),
      amountCollectedYuan: r.fact(getPath(src, 'fees.amountCollectedYuan'), 'fees.amountCollectedYuan'),
    };
    out.fees = fees;
  }
  if (src.byMonth !== undefined) out.byMonth = r.counts(src.byMonth, 'byMonth', 12, '1月至12月');
  if (src.byChannel !== undefined) {
    if (!isObj(src.byChannel)) r.issues.push('「byChannel」应为按申请方式的计数对象');
    else out.byChannel = Object.fromEntries(CHANNELS.map((c) => [c, r.count((src.byChannel as Obj)[c] ?? 0, `byChannel.${c}`)])) as Record<Channel, number>;
  }
  if (Array.isArray(src.byDepartment)) {
    out.byDepartment = src.byDepartment.filter(isObj).map((d, i): DepartmentStat => ({
      department: String(d.department ?? ''),
      received: r.count(d.received ?? 0, `byDepartment[${i}].received`),
      closed: r.count(d.closed ?? 0, `byDepartment[${i}].closed`),
      extended: r.count(d.extended ?? 0, `byDepartment[${i}].extended`),
      carriedOut: r.count(d.carriedOut ?? 0, `byDepartment[${i}].carriedOut`),
    }));
  }
  if (Array.isArray(src.mappedOutcomes)) {
    out.mappedOutcomes = src.mappedOutcomes.filter(
      (m): m is MappedOutcome => isObj(m) && isOutcome(m.outcome) && typeof m.row === 'string' && Number.isInteger(m.count),
    );
  }
  if (isObj(src.sources)) {
    out.sources = Object.fromEntries(Object.entries(src.sources).filter(([, v]) => v === 'computed' || v === 'entered')) as Record<string, ValueSource>;
  }
  return out;
}

/**
 * Validates an uploaded annual report (a parsed JSON object or its text) and returns it normalised: stable keys
 * checked, blank table cells counted as 0 and reported, entered values kept, invariant `checks` recomputed
 * (legal-facts §2.7). Throws `DomainError('VALIDATION')` listing every problem (JSON path + what to fix).
 */
export function parseReportJson(input: unknown): AnnualReport {
  let src: unknown = input;
  if (typeof input === 'string') {
    try {
      src = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch {
      throw new DomainError('VALIDATION', '文件不是有效的JSON，请上传本系统导出的年度报告JSON文件。');
    }
  }
  if (!isObj(src)) throw new DomainError('VALIDATION', '报告JSON应为一个对象，请上传本系统导出的年度报告JSON文件。');
  const r = new Reader();
  const format = src.format;
  if (!isReportFormat(format)) {
    throw new DomainError('VALIDATION', `「format」应为 gov-2021、gov-2019 或 gov-2014，当前为${JSON.stringify(format)}。`, { issues: ['format'] });
  }
  const year = src.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2008 || year > 9999) r.issues.push(`「year」应为四位年份，当前为${JSON.stringify(year)}`);
  const agency = typeof src.agency === 'string' ? src.agency.trim() : '';
  if (!agency) r.issues.push('「agency」应填写报告单位名称');

  let report: Obj;
  if (format === 'gov-2014') {
    const req = isObj(src.requests) ? src.requests : {};
    if (!isObj(src.requests)) r.issues.push('缺少「requests」（依申请公开情况）');
    const requests: Obj = {};
    for (const k of GOV2014_REQUEST_KEYS) {
      if (!(k in req)) r.issues.push(`缺少「requests.${k}」`);
      requests[k] = r.count(req[k] ?? 0, `requests.${k}`);
    }
    for (const k of ['carriedIn', 'carriedOut'] as const) if (req[k] !== undefined && req[k] !== null) requests[k] = r.count(req[k], `requests.${k}`);
    const cases = (key: 'reconsideration' | 'litigation') => {
      const c = isObj(src[key]) ? (src[key] as Obj) : {};
      if (!isObj(src[key])) r.issues.push(`缺少「${key}」`);
      return Object.fromEntries(GOV2014_CASE_CELLS.map((k) => [k, r.count(c[k] ?? 0, `${key}.${k}`)]));
    };
    report = {
      format, year, agency,
      requests,
      reconsideration: cases('reconsideration'),
      litigation: cases('litigation'),
      complaints: r.fact(src.complaints, 'complaints'),
      feesWanYuan: r.fact(src.feesWanYuan, 'feesWanYuan'),
      ...readFacts(r, src, format),
    };
  } else {
    const rowsSrc = getPath(src, 'requests.rows');
    if (!isObj(rowsSrc)) r.issues.push('缺少「requests.rows」（三、收到和处理政府信息公开申请情况）');
    const rows: Obj = {};
    for (const def of requestRowsOf(format as TableFormat)) {
      const v = isObj(rowsSrc) ? rowsSrc[def.key] : undefined;
      if (v === undefined) {
        r.issues.push(`缺少「requests.rows.${def.key}」（${def.item ?? def.group ?? def.section}）`);
        rows[def.key] = new Array<number>(7).fill(0);
      } else rows[def.key] = r.counts(v, `requests.rows.${def.key}`, 7, COLUMNS_TEXT);
    }
    const reviews: Obj = {};
    for (const g of REVIEW_GROUPS) {
      const v = getPath(src, `reviews.${g}`);
      if (!isObj(v)) r.issues.push(`缺少「reviews.${g}」（${REVIEW_GROUP_LABELS[g]}）`);
      reviews[g] = Object.fromEntries(REVIEW_CELLS.map((c) => [c, r.count(isObj(v) ? (v[c] ?? 0) : 0, `reviews.${g}.${c}`)]));
    }
    report = {
      format, year, agency,
      ...readFacts(r, src, format),
      requests: { columns: [...REQUEST_COLUMNS], rows },
      reviews,
      complaints: r.fact(src.complaints, 'complaints'),
    };
  }
  Object.assign(report, readExtras(r, src));
  if (r.issues.length > 0) {
    const shown = r.issues.slice(0, 20).join('；');
    throw new DomainError('VALIDATION', `报告JSON有${r.issues.length}处错误：${shown}${r.issues.length > 20 ? '……' : ''}。请改正后重新上传。`, { issues: r.issues });
  }
  const parsed = report as unknown as AnnualReport;
  const checks: ReportCheck[] = checkReport(parsed);
  if (r.blanks > 0) checks.push({ rule: '表格单元格均已填写', ok: false, detail: `${r.blanks}个空白单元格按0计算，请确认是否漏填。` });
  parsed.checks = checks;
  return parsed;
}
