/**
 * Invariant checks of the annual report tables (legal-facts.md §2.7). They read only the report's numbers, so the
 * same checks run on a report just built, on an uploaded one and on an aggregate. A failing check is reported
 * with the figures that disagree; nothing is ever adjusted to make it pass.
 */
import {
  GOV2014_ANSWER_ROWS, GOV2014_WITHHELD_ROWS, REQUEST_COLUMN_LABELS, REQUEST_COLUMNS, REVIEW_GROUP_LABELS, REVIEW_GROUPS,
  TOTAL_COLUMN, requestRowsOf, type RequestRowDef, type RequestRowKey,
} from './formats.js';
import type { AnnualReport, Gov2014Report, ReportCheck, TableReport } from './types.js';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function rowLabel(def: RequestRowDef): string {
  return [def.group ?? def.section, def.item].filter(Boolean).join('');
}

/** Rows of a table report, with the right typing for both gov-2021 and gov-2019. */
function rowsOf(report: TableReport): Record<RequestRowKey, number[]> {
  return report.requests.rows as Record<RequestRowKey, number[]>;
}

/** Checks of a gov-2021 / gov-2019 report (legal-facts §2.7 rules 1–4). */
function checkTableReport(report: TableReport): ReportCheck[] {
  const defs = requestRowsOf(report.format);
  const rows = rowsOf(report);
  const checks: ReportCheck[] = [];

  // Rule 1: per column, 一 + 二 = 三（七） + 四 (the header note of the official table).
  {
    const bad: string[] = [];
    REQUEST_COLUMNS.forEach((col, c) => {
      const left = rows.received[c] + rows.carriedIn[c];
      const right = rows.handledTotal[c] + rows.carriedOut[c];
      if (left !== right) {
        bad.push(`${REQUEST_COLUMN_LABELS[col]}列：新收${rows.received[c]}+上年结转${rows.carriedIn[c]}=${left}，` +
          `办理结果总计${rows.handledTotal[c]}+结转下年度${rows.carriedOut[c]}=${right}，相差${left - right}`);
      }
    });
    const t = TOTAL_COLUMN;
    checks.push({
      rule: '勾稽关系：第一项加第二项之和，等于第三项加第四项之和（每一列）',
      ok: bad.length === 0,
      detail: bad.length === 0
        ? `7列均相符（总计列：${rows.received[t]}+${rows.carriedIn[t]}=${rows.handledTotal[t]}+${rows.carriedOut[t]}）`
        : `${bad.join('；')}。请核对该列的收到、办结和结转数（常见原因：已办结但未登记办理结果，或答复日期早于收到日期）。`,
    });
  }

  // Rule 2: （七）总计 = Σ outcome rows, per column.
  {
    const outcomeKeys = defs.filter((d) => d.isOutcome).map((d) => d.key);
    const bad: string[] = [];
    REQUEST_COLUMNS.forEach((col, c) => {
      const s = sum(outcomeKeys.map((k) => rows[k][c]));
      if (s !== rows.handledTotal[c]) bad.push(`${REQUEST_COLUMN_LABELS[col]}列：各项之和${s}，总计${rows.handledTotal[c]}`);
    });
    checks.push({
      rule: '三、本年度办理结果：（七）总计等于（一）至（六）各项之和（每一列）',
      ok: bad.length === 0,
      detail: bad.length === 0 ? `7列均相符（总计${rows.handledTotal[TOTAL_COLUMN]}件）` : `${bad.join('；')}。每件办结的申请都应有且只有一个办理结果。`,
    });
  }

  // Rule 3: per row, 总计 = 自然人 + Σ five 法人或其他组织 columns.
  {
    const bad: string[] = [];
    for (const def of defs) {
      const r = rows[def.key];
      const s = sum(r.slice(0, TOTAL_COLUMN));
      if (s !== r[TOTAL_COLUMN]) bad.push(`「${rowLabel(def)}」：各列之和${s}，总计列${r[TOTAL_COLUMN]}`);
    }
    checks.push({
      rule: '每一行的总计等于自然人与五类法人或其他组织之和',
      ok: bad.length === 0,
      detail: bad.length === 0 ? `${defs.length}行均相符` : `${bad.join('；')}。`,
    });
  }

  // Rule 4: part 四, each group 总计 = 维持 + 纠正 + 其他 + 尚未审结.
  for (const g of REVIEW_GROUPS) {
    const v = report.reviews[g];
    const s = v.upheld + v.corrected + v.other + v.pending;
    checks.push({
      rule: `${REVIEW_GROUP_LABELS[g]}：总计等于结果维持、结果纠正、其他结果、尚未审结之和`,
      ok: s === v.total,
      detail: `${v.upheld}+${v.corrected}+${v.other}+${v.pending}=${s}，总计${v.total}${s === v.total ? '' : '，请核对案件结果'}`,
    });
  }
  return checks;
}

/** Checks of a gov-2014 统计表 (sums printed in the table itself). */
function checkGov2014(report: Gov2014Report): ReportCheck[] {
  const q = report.requests;
  const checks: ReportCheck[] = [];
  const eq = (rule: string, parts: [string, number][], total: number, totalName: string, fix: string) => {
    const s = sum(parts.map(([, n]) => n));
    checks.push({
      rule,
      ok: s === total,
      detail: `${parts.map(([name, n]) => `${name}${n}`).join('+')}=${s}，${totalName}${total}${s === total ? '' : `。${fix}`}`,
    });
  };
  eq('（一）收到申请数等于当面、传真、网络、信函申请数之和',
    [['当面', q.receivedInPerson], ['传真', q.receivedByFax], ['网络', q.receivedOnline], ['信函', q.receivedByLetter]],
    q.received, '收到申请数', '请核对各申请的申请方式。');
  eq('（二）申请办结数等于按时办结数与延期办结数之和',
    [['按时', q.completedOnTime], ['延期', q.completedExtended]], q.completed, '办结数', '请核对延期标记。');
  eq('4.不同意公开答复数等于其中各项之和',
    GOV2014_WITHHELD_ROWS.map((k) => [withheldName[k], q[k]] as [string, number]), q.withheld, '不同意公开', '请核对不同意公开的理由。');
  eq('（三）申请答复数等于答复各项（1至6项及第8项）之和',
    GOV2014_ANSWER_ROWS.filter((k) => !(GOV2014_WITHHELD_ROWS as readonly string[]).includes(k))
      .map((k) => [answerName[k], q[k]] as [string, number])
      .concat([['不同意公开', q.withheld]]),
    q.answered, '申请答复数', '每件答复都应有且只有一个答复类型。');
  checks.push({
    rule: '（三）申请答复数等于（二）申请办结数',
    ok: q.answered === q.completed,
    detail: `答复${q.answered}，办结${q.completed}`,
  });
  if (q.carriedIn !== undefined && q.carriedOut !== undefined) {
    const left = q.received + q.carriedIn;
    const right = q.completed + q.carriedOut;
    checks.push({
      rule: '收到申请数加上年结转数等于办结数加结转下年数',
      ok: left === right,
      detail: `${q.received}+${q.carriedIn}=${left}，${q.completed}+${q.carriedOut}=${right}${left === right ? '' : '，请核对答复日期和办理结果'}`,
    });
  }
  for (const [key, name] of [['reconsideration', '四、行政复议数量'], ['litigation', '五、行政诉讼数量']] as const) {
    const c = report[key];
    eq(`${name}等于维持、纠错、其他情形之和`, [['维持', c.upheld], ['纠错', c.corrected], ['其他', c.other]], c.total, '总数', '请核对案件结果。');
  }
  return checks;
}

const withheldName: Record<(typeof GOV2014_WITHHELD_ROWS)[number], string> = {
  withheldStateSecret: '国家秘密', withheldCommercialSecret: '商业秘密', withheldPrivacy: '个人隐私',
  withheldSecurityStability: '危及安全稳定', withheldNotGovernmentInfo: '非《条例》所指政府信息', withheldOtherLaw: '其他情形',
};
const answerName: Record<(typeof GOV2014_ANSWER_ROWS)[number], string> = {
  ...withheldName,
  alreadyPublic: '已主动公开', disclosed: '同意公开', partlyDisclosed: '同意部分公开',
  notThisAgency: '非本机关', notExist: '不存在', otherChannel: '其他途径',
};

/** Carried-out figures of a report: 7 columns for gov-2021/2019, the total only for gov-2014 (when recorded). */
function carriedOutOf(report: AnnualReport): number[] | null {
  if (report.format === 'gov-2014') return report.requests.carriedOut === undefined ? null : [report.requests.carriedOut];
  return rowsOf(report).carriedOut;
}
function carriedInOf(report: AnnualReport): number[] | null {
  if (report.format === 'gov-2014') return report.requests.carriedIn === undefined ? null : [report.requests.carriedIn];
  return rowsOf(report).carriedIn;
}

/** Rule 5 (cross-year): this year's 上年结转 equals last year's 结转下年度继续办理 (legal-facts §2.7 rule 5). */
function checkAgainstPrevious(report: AnnualReport, previous: AnnualReport): ReportCheck | null {
  const rule = '本年“上年结转”等于上年报告的“结转下年度继续办理”';
  if (previous.year !== report.year - 1) {
    return { rule, ok: false, detail: `传入的上年报告为${previous.year}年度，应为${report.year - 1}年度，请选择正确的上年报告。` };
  }
  const cin = carriedInOf(report);
  const cout = carriedOutOf(previous);
  if (!cin || !cout) return null;
  // Compare column by column when both have 7 columns; otherwise only the totals.
  const pairs: [string, number, number][] = cin.length === cout.length
    ? cin.map((v, i) => [cin.length === 7 ? REQUEST_COLUMN_LABELS[REQUEST_COLUMNS[i]] : '总计', v, cout[i]])
    : [['总计', cin[cin.length - 1], cout[cout.length - 1]]];
  const bad = pairs.filter(([, a, b]) => a !== b);
  return {
    rule,
    ok: bad.length === 0,
    detail: bad.length === 0
      ? `相符（总计${cin[cin.length - 1]}件）`
      : `${bad.map(([n, a, b]) => `${n}：本年上年结转${a}，上年结转下年度${b}`).join('；')}。请核对跨年办理的申请的收到和答复日期。`,
  };
}

/**
 * All table invariants of legal-facts.md §2.7 for `report` (rules 1–4 for gov-2021/2019, the printed sums of the
 * gov-2014 统计表), plus the cross-year rule 5 when last year's report is given.
 */
export function checkReport(report: AnnualReport, previous?: AnnualReport | null): ReportCheck[] {
  const checks = report.format === 'gov-2014' ? checkGov2014(report) : checkTableReport(report);
  if (previous) {
    const c = checkAgainstPrevious(report, previous);
    if (c) checks.push(c);
  }
  return checks;
}
