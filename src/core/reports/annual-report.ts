/**
 * The annual report engine (条例 Art.49–50; formats of 国办公开办函〔2021〕30号, 〔2019〕60号 and 国办发〔2014〕32号):
 * a pure function from the year's request, 补正 and case rows (fetched by set-based SQL) plus the entered annual
 * facts to the report JSON of DESIGN.md "Report JSON".
 */
import { DomainError } from '../errors.js';
import { APPLICANT_TYPES, CHANNELS, type Channel } from '../types.js';
import type { Outcome } from '../requests/outcomes.js';
import { CASE_RESULT_LABELS, gov2014CaseCategory, isCaseResult, reviewCategory } from './cases.js';
import { checkReport } from './checks.js';
import { ANNUAL_FACT_FIELDS, type AnnualFacts, type ComputedProactive, type FactValue } from './facts.js';
import {
  GOV2014_REQUEST_KEYS, GOV2014_WITHHELD_ROWS, REQUEST_COLUMNS, REVIEW_CELLS, REVIEW_GROUPS, TOTAL_COLUMN,
  isReportFormat, requestRowsOf, type Gov2014RequestKey, type ReportFormat, type RequestRowKey, type ReviewGroup, type TableFormat,
} from './formats.js';
import { gov2014RowFor, isCrossVocabulary, requestRowFor } from './outcome-mapping.js';
import { setPath } from './paths.js';
import type {
  AnnualReport, DepartmentStat, FeeSummary, Gov2014Report, MappedOutcome, ReportCaseRow, ReportCheck, ReportRequestRow,
  ReportSupplementRow, Reviews, TableReport, ValueSource,
} from './types.js';

/** Where the gov-2014 统计表 counts requests of channel 其他 (DESIGN.md: 其他 counts as 信函 unless the agency says otherwise). */
export type Gov2014OtherChannelRow = 'receivedInPerson' | 'receivedByFax' | 'receivedOnline' | 'receivedByLetter';

export interface BuildAnnualReportOptions {
  format: ReportFormat;
  year: number;
  agency: string;
  requests: readonly ReportRequestRow[];
  supplements?: readonly ReportSupplementRow[];
  cases?: readonly ReportCaseRow[];
  facts?: AnnualFacts | null;
  /** Counts from the proactive-disclosure module; used before entered facts for the same field. */
  proactive?: ComputedProactive | null;
  /** Last year's report, for the cross-year check (legal-facts §2.7 rule 5). */
  previous?: AnnualReport | null;
  gov2014OtherChannel?: Gov2014OtherChannelRow;
}

/** The report year as inclusive ISO-date bounds (dates are Asia/Shanghai calendar dates, DESIGN.md "Time"). */
interface YearBounds { start: string; end: string }

/** How a request stands in the report year. */
interface Placement {
  /** Received in the year (row 一). */
  received: boolean;
  /** Received before the year and still open on 1 January (row 二). */
  carriedIn: boolean;
  /** Closed in the year (rows 三; gov-2014 申请办结数). */
  closed: boolean;
  /** Received by 31 December and still open then (row 四). */
  carriedOut: boolean;
}

function place(r: ReportRequestRow, { start, end }: YearBounds): Placement | null {
  if (r.receivedOn > end) return null;
  const received = r.receivedOn >= start;
  const closedBefore = r.closedOn !== null && r.closedOn < start;
  if (!received && closedBefore) return null;
  return {
    received,
    carriedIn: !received,
    closed: r.closedOn !== null && r.closedOn >= start && r.closedOn <= end,
    carriedOut: r.closedOn === null || r.closedOn > end,
  };
}

const inYear = (d: string | null | undefined, b: YearBounds): boolean => !!d && d >= b.start && d <= b.end;
const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * The entered/computed values of a format (part 二, gov-2014 rows 一/二/六/八/九, 举报投诉), as a nested object
 * following `ANNUAL_FACT_FIELDS[].path`. A field is `computed` when the proactive module supplies it, else
 * `entered` when staff filled it in, else null (not reported).
 */
function factValues(format: ReportFormat, facts: AnnualFacts, proactive: ComputedProactive, sources: Record<string, ValueSource>) {
  const out: Record<string, unknown> = {};
  for (const field of ANNUAL_FACT_FIELDS) {
    if (field.path === null || field.path.startsWith('fees.') || !(field.formats as readonly string[]).includes(format)) continue;
    const key = field.key as keyof ComputedProactive;
    const computed = proactive[key];
    const entered = (facts as Record<string, FactValue | null | undefined>)[field.key];
    let value: FactValue | null = null;
    if (computed !== undefined && computed !== null) {
      value = computed;
      sources[field.path] = 'computed';
    } else if (entered !== undefined && entered !== null) {
      value = entered;
      sources[field.path] = 'entered';
    }
    setPath(out, field.path, value);
  }
  return out;
}

/**
 * 信息处理费 of the year (国办函〔2020〕109号; gov-2021 part 六, gov-2014 row 七): notices issued and their amount,
 * attributed by `feeNoticedOn` (else the closing date); amounts paid, attributed by `feePaidOn` (else the
 * closing date). An entered figure replaces the computed one (ledgers often hold only one amount).
 */
function feeSummary(requests: readonly ReportRequestRow[], b: YearBounds, facts: AnnualFacts, sources: Record<string, ValueSource>): FeeSummary {
  let noticesIssued = 0;
  let amountNoticed = 0;
  let amountCollected = 0;
  for (const r of requests) {
    const n = r.count ?? 1;
    if ((r.feeNoticeYuan ?? 0) > 0 && inYear(r.feeNoticedOn ?? r.closedOn, b)) {
      noticesIssued += n;
      amountNoticed += (r.feeNoticeYuan ?? 0) * n;
    }
    if ((r.feeCollectedYuan ?? 0) > 0 && inYear(r.feePaidOn ?? r.closedOn, b)) amountCollected += (r.feeCollectedYuan ?? 0) * n;
  }
  const pick = (path: string, computed: number, entered: FactValue | null | undefined): FactValue => {
    if (entered !== undefined && entered !== null) {
      sources[path] = 'entered';
      return entered;
    }
    sources[path] = 'computed';
    return computed;
  };
  return {
    noticesIssued: pick('fees.noticesIssued', noticesIssued, facts.feeNoticesIssued),
    amountNoticedYuan: pick('fees.amountNoticedYuan', round(amountNoticed, 2), facts.feeAmountNoticedYuan),
    amountCollectedYuan: pick('fees.amountCollectedYuan', round(amountCollected, 2), facts.feeAmountCollectedYuan),
  };
}

/** Record-level data problems that explain a failing invariant; reported, never corrected. */
function dataChecks(requests: readonly ReportRequestRow[], cases: readonly ReportCaseRow[], b: YearBounds, format: ReportFormat): ReportCheck[] {
  let closedNoOutcome = 0;
  let closedBeforeReceived = 0;
  let outcomeNotClosed = 0;
  for (const r of requests) {
    const p = place(r, b);
    if (!p) continue;
    const n = r.count ?? 1;
    if (p.closed && r.outcome === null) closedNoOutcome += n;
    if (r.closedOn !== null && r.closedOn < r.receivedOn) closedBeforeReceived += n;
    if (r.closedOn === null && r.outcome !== null) outcomeNotClosed += n;
  }
  const yearCases = cases.filter((c) => inYear(c.receivedOn, b));
  const countOf = (xs: readonly ReportCaseRow[]) => xs.reduce((s, c) => s + (c.count ?? 1), 0);
  const caseClosedNoResult = countOf(yearCases.filter((c) => c.closedOn !== null && c.closedOn <= b.end && c.result === null));
  const unknown = yearCases.filter((c) => !knownResult(c));
  const unknownValues = [...new Set(unknown.map((c) => `“${String(c.result)}”`))].join('、');
  const checks: ReportCheck[] = [
    {
      rule: '复议、诉讼案件的结果均可识别',
      ok: unknown.length === 0,
      detail: unknown.length === 0 ? '无异常'
        : `${countOf(unknown)}件案件的结果${unknownValues}无法识别，未计入第四部分任何一格；结果应为：${Object.values(CASE_RESULT_LABELS).join('、')}。请在案件台账中更正。`,
    },
    {
      rule: '本年办结的申请均已登记办理结果',
      ok: closedNoOutcome === 0,
      detail: closedNoOutcome === 0 ? '无缺失' : `${closedNoOutcome}件申请有答复日期但没有办理结果，未计入任何办理结果行，请补登办理结果。`,
    },
    {
      rule: '答复日期不早于收到日期',
      ok: closedBeforeReceived === 0,
      detail: closedBeforeReceived === 0 ? '无异常' : `${closedBeforeReceived}件申请的答复日期早于收到日期，请更正日期。`,
    },
    {
      rule: '登记了办理结果的申请均有答复日期',
      ok: outcomeNotClosed === 0,
      detail: outcomeNotClosed === 0 ? '无异常' : `${outcomeNotClosed}件申请登记了办理结果但没有答复日期，按未办结计入结转，请补登答复日期。`,
    },
    {
      rule: '本年已结案的复议、诉讼案件均已填写结果',
      ok: caseClosedNoResult === 0,
      detail: caseClosedNoResult === 0 ? '无缺失' : `${caseClosedNoResult}件案件有结案日期但没有结果，按“尚未审结/其他情形”统计，请补填结果。`,
    },
  ];
  if (format !== 'gov-2014') {
    const noRoute = countOf(yearCases.filter((c) => c.kind === 'litigation' && c.route === null));
    checks.push({
      rule: '本年行政诉讼案件均已填写起诉类型',
      ok: noRoute === 0,
      detail: noRoute === 0 ? '无缺失' : `${noRoute}件行政诉讼案件未填写起诉类型，暂按“未经复议直接起诉”统计，请补填。`,
    });
  }
  return checks;
}

/** A case whose 结果 is empty or a known code; any other stored value is reported by a failing check, never counted as 其他结果. */
function knownResult(c: ReportCaseRow): boolean {
  return c.result === null || isCaseResult(c.result);
}

function extras(requests: readonly ReportRequestRow[], b: YearBounds) {
  const byMonth = new Array<number>(12).fill(0);
  const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;
  const depts = new Map<string, DepartmentStat>();
  for (const r of requests) {
    const p = place(r, b);
    if (!p) continue;
    const n = r.count ?? 1;
    if (p.received) {
      byMonth[Number(r.receivedOn.slice(5, 7)) - 1] += n;
      byChannel[r.channel] += n;
    }
    if (r.department) {
      let d = depts.get(r.department);
      if (!d) depts.set(r.department, (d = { department: r.department, received: 0, closed: 0, extended: 0, carriedOut: 0 }));
      if (p.received) d.received += n;
      if (p.closed) d.closed += n;
      if (p.closed && r.extended) d.extended += n;
      if (p.carriedOut) d.carriedOut += n;
    }
  }
  const byDepartment = [...depts.values()].sort((x, y) => y.received - x.received || x.department.localeCompare(y.department, 'zh-CN'));
  return { byMonth, byChannel, byDepartment };
}

function mapped(counts: Map<string, MappedOutcome>, outcome: Outcome, row: string, n: number): void {
  const k = `${outcome}→${row}`;
  const m = counts.get(k);
  if (m) m.count += n;
  else counts.set(k, { outcome, row, count: n });
}

function buildTableReport(o: BuildAnnualReportOptions & { format: TableFormat }, b: YearBounds): TableReport {
  const defs = requestRowsOf(o.format);
  const rows = Object.fromEntries(defs.map((d) => [d.key, new Array<number>(REQUEST_COLUMNS.length).fill(0)])) as Record<RequestRowKey, number[]>;
  const mappedCounts = new Map<string, MappedOutcome>();
  for (const r of o.requests) {
    const p = place(r, b);
    if (!p) continue;
    const c = APPLICANT_TYPES.indexOf(r.applicantType);
    const n = r.count ?? 1;
    const add = (key: RequestRowKey) => {
      rows[key][c] += n;
      rows[key][TOTAL_COLUMN] += n;
    };
    if (p.received) add('received');
    if (p.carriedIn) add('carriedIn');
    if (p.closed) {
      add('handledTotal');
      if (r.outcome !== null) {
        const row = requestRowFor(r.outcome, o.format);
        add(row);
        if (isCrossVocabulary(r.outcome, o.format)) mapped(mappedCounts, r.outcome, row, n);
      }
    }
    if (p.carriedOut) add('carriedOut');
  }

  const reviews = Object.fromEntries(REVIEW_GROUPS.map((g) => [g, Object.fromEntries(REVIEW_CELLS.map((c) => [c, 0]))])) as Reviews;
  for (const k of o.cases ?? []) {
    if (!inYear(k.receivedOn, b) || !knownResult(k)) continue;
    const group: ReviewGroup = k.kind === 'reconsideration' ? 'reconsideration'
      : k.route === 'after_reconsideration' ? 'litigationAfterReconsideration' : 'litigationDirect';
    const concluded = k.closedOn !== null && k.closedOn <= b.end;
    const n = k.count ?? 1;
    reviews[group][reviewCategory(k.result, concluded)] += n;
    reviews[group].total += n;
  }

  const sources: Record<string, ValueSource> = {};
  const values = factValues(o.format, o.facts ?? {}, o.proactive ?? {}, sources);
  const fees = feeSummary(o.requests, b, o.facts ?? {}, sources);
  return {
    format: o.format,
    year: o.year,
    agency: o.agency,
    proactive: values.proactive,
    requests: { columns: [...REQUEST_COLUMNS], rows },
    reviews,
    complaints: (values.complaints ?? null) as FactValue | null,
    fees,
    ...extras(o.requests, b),
    mappedOutcomes: [...mappedCounts.values()],
    sources,
    checks: [],
  } as TableReport;
}

function buildGov2014Report(o: BuildAnnualReportOptions, b: YearBounds): Gov2014Report {
  const q = Object.fromEntries(GOV2014_REQUEST_KEYS.map((k) => [k, 0])) as Record<Gov2014RequestKey, number>;
  const channelRow: Record<Channel, Gov2014RequestKey> = {
    in_person: 'receivedInPerson',
    fax: 'receivedByFax',
    online: 'receivedOnline',
    email: 'receivedOnline',
    letter: 'receivedByLetter',
    other: o.gov2014OtherChannel ?? 'receivedByLetter',
  };
  let carriedIn = 0;
  let carriedOut = 0;
  const mappedCounts = new Map<string, MappedOutcome>();
  for (const r of o.requests) {
    const p = place(r, b);
    if (!p) continue;
    const n = r.count ?? 1;
    if (p.received) {
      q.received += n;
      q[channelRow[r.channel]] += n;
    }
    if (p.carriedIn) carriedIn += n;
    if (p.carriedOut) carriedOut += n;
    if (p.closed) {
      q.completed += n;
      q[r.extended ? 'completedExtended' : 'completedOnTime'] += n;
      q.answered += n;
      if (r.outcome !== null) {
        const row = gov2014RowFor(r.outcome);
        q[row] += n;
        if (isCrossVocabulary(r.outcome, 'gov-2014')) mapped(mappedCounts, r.outcome, row, n);
      }
    }
  }
  q.withheld = GOV2014_WITHHELD_ROWS.reduce((s, k) => s + q[k], 0);
  q.supplementRequested = (o.supplements ?? []).filter((s) => inYear(s.requestedOn, b)).reduce((s, x) => s + (x.count ?? 1), 0);

  const zero = () => ({ total: 0, upheld: 0, corrected: 0, other: 0 });
  const reconsideration = zero();
  const litigation = zero();
  for (const k of o.cases ?? []) {
    if (!inYear(k.receivedOn, b) || !knownResult(k)) continue;
    const target = k.kind === 'reconsideration' ? reconsideration : litigation;
    const concluded = k.closedOn !== null && k.closedOn <= b.end;
    const n = k.count ?? 1;
    target[gov2014CaseCategory(k.kind, k.result, concluded)] += n;
    target.total += n;
  }

  const sources: Record<string, ValueSource> = {};
  const values = factValues('gov-2014', o.facts ?? {}, o.proactive ?? {}, sources);
  const fees = feeSummary(o.requests, b, o.facts ?? {}, sources);
  const collected = fees.amountCollectedYuan;
  const feesWanYuan = typeof collected === 'number' ? round(collected / 10000, 4) : collected;
  sources.feesWanYuan = sources['fees.amountCollectedYuan'];
  return {
    format: 'gov-2014',
    year: o.year,
    agency: o.agency,
    requests: { ...q, carriedIn, carriedOut },
    reconsideration,
    litigation,
    complaints: (values.complaints ?? null) as FactValue | null,
    feesWanYuan,
    proactive: values.proactive,
    responses: values.responses,
    organisation: values.organisation,
    meetings: values.meetings,
    fees,
    ...extras(o.requests, b),
    mappedOutcomes: [...mappedCounts.values()],
    sources,
    checks: [],
  } as Gov2014Report;
}

/**
 * Builds the annual report of one agency for one year (条例 Art.50 items (二)(三); tables of 国办公开办函〔2021〕30号,
 * 〔2019〕60号 or the 国办发〔2014〕32号 统计表). Semantics (DESIGN.md "Report JSON"):
 * - 一 received = `receivedOn` in the year; 二 carriedIn = received before 1 January and not closed before it;
 * - 三 outcome rows = closed (`closedOn`) in the year, by outcome (either vocabulary, via outcome-mapping.ts);
 *   （七）总计 = every request closed in the year (so one closed without an outcome shows up as a failing check);
 * - 四 carriedOut = received by 31 December and not closed by it;
 * - gov-2014: channel rows (电子邮件 → 网络, 其他 → 信函 by default), 办结 = closed in the year split by `extended`,
 *   答复数 = 办结数, 告知作出更改补充数 = 补正 notices issued in the year;
 * - cases count in the year they were received; a case is 尚未审结 (gov-2014: 其他情形) when not closed by
 *   31 December or when its result is 中止.
 * Every invariant of legal-facts §2.7 is evaluated into `checks`; nothing is adjusted to pass them.
 */
export function buildAnnualReport(options: BuildAnnualReportOptions): AnnualReport {
  if (!isReportFormat(options.format)) {
    throw new DomainError('VALIDATION', `报告格式“${String(options.format)}”无效，请选择 gov-2021、gov-2019 或 gov-2014。`, { format: options.format });
  }
  if (!Number.isInteger(options.year) || options.year < 2008 || options.year > 9999) {
    throw new DomainError('VALIDATION', `报告年度“${options.year}”无效，请填写2008年以后的四位年份。`, { year: options.year });
  }
  const b: YearBounds = { start: `${options.year}-01-01`, end: `${options.year}-12-31` };
  const report = options.format === 'gov-2014'
    ? buildGov2014Report(options, b)
    : buildTableReport(options as BuildAnnualReportOptions & { format: TableFormat }, b);
  report.checks = [...checkReport(report, options.previous), ...dataChecks(options.requests, options.cases ?? [], b, options.format)];
  return report;
}
