/**
 * 行政复议 / 行政诉讼 cases arising from 政府信息公开 work (条例 Art.51; 行政复议法 Art.11(十四); 行政诉讼法) and
 * how their results are counted in the annual report (DESIGN.md "Cases ledger").
 */
import { DomainError } from '../errors.js';
import { parseCode } from '../types.js';

export const CASE_KINDS = ['reconsideration', 'litigation'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];
export const CASE_KIND_LABELS: Record<CaseKind, string> = { reconsideration: '行政复议', litigation: '行政诉讼' };

/** 起诉类型 of a 行政诉讼 (gov-2019/2021 part 四 splits the litigation block by it). */
export const CASE_ROUTES = ['direct', 'after_reconsideration'] as const;
export type CaseRoute = (typeof CASE_ROUTES)[number];
export const CASE_ROUTE_LABELS: Record<CaseRoute, string> = {
  direct: '未经复议直接起诉',
  after_reconsideration: '复议后起诉',
};

/** 结果 of a case. Codes are stable; labels are what users type in the cases ledger. */
export const CASE_RESULTS = [
  'upheld', 'dismissed', 'revoked', 'partly_revoked', 'varied', 'confirmed_illegal', 'confirmed_invalid', 'ordered_to_perform',
  'not_accepted', 'terminated', 'suspended', 'withdrawn', 'settled', 'other',
] as const;
export type CaseResult = (typeof CASE_RESULTS)[number];
export const CASE_RESULT_LABELS: Record<CaseResult, string> = {
  upheld: '维持',
  dismissed: '驳回',
  revoked: '撤销',
  partly_revoked: '部分撤销',
  varied: '变更',
  confirmed_illegal: '确认违法',
  /** 行政复议法（2023）第六十七条（复议机关确认该行政行为无效）；行政诉讼法第七十五条（判决确认无效）. */
  confirmed_invalid: '确认无效',
  ordered_to_perform: '责令履行',
  not_accepted: '不予受理',
  terminated: '终止',
  suspended: '中止',
  withdrawn: '撤诉',
  settled: '和解',
  other: '其他',
};

export function isCaseResult(v: unknown): v is CaseResult {
  return typeof v === 'string' && (CASE_RESULTS as readonly string[]).includes(v);
}

/** Parses a result code or label (whitespace-insensitive); undefined when unknown. */
export function parseCaseResult(value: string): CaseResult | undefined {
  return parseCode(CASE_RESULT_LABELS, value);
}

/** The Chinese message for a 结果 that is neither a code nor a label, naming the value and the accepted ones. */
export function unknownCaseResultMessage(value: unknown): string {
  return `结果“${String(value)}”无法识别，应为：${Object.values(CASE_RESULT_LABELS).join('、')}`;
}
/** Parses 行政复议/行政诉讼 or a kind code. */
export function parseCaseKind(value: string): CaseKind | undefined {
  return parseCode(CASE_KIND_LABELS, value);
}
/** Parses 未经复议直接起诉/复议后起诉 or a route code. */
export function parseCaseRoute(value: string): CaseRoute | undefined {
  return parseCode(CASE_ROUTE_LABELS, value);
}

/**
 * Results that correct the agency (纠错): 撤销, 部分撤销, 变更, 确认违法, 确认无效, 责令履行. 确认无效 (行政复议法 2023
 * Art.67; 行政诉讼法 Art.75: the act is found void for 重大且明显违法) corrects the agency as 确认违法 does.
 */
const CORRECTED: ReadonlySet<CaseResult> = new Set(['revoked', 'partly_revoked', 'varied', 'confirmed_illegal', 'confirmed_invalid', 'ordered_to_perform']);

/** A stored result must be a code: anything else (a label typed into the database, a typo) is an error, never 其他结果. */
function assertKnownResult(result: CaseResult | null): void {
  if (result !== null && !isCaseResult(result)) throw new DomainError('VALIDATION', unknownCaseResultMessage(result), { result });
}

export type ReviewCategory = 'upheld' | 'corrected' | 'other' | 'pending';

/**
 * The gov-2019/gov-2021 part 四 cell a case falls into (国办公开办函〔2019〕60号 / 〔2021〕30号 part 四;
 * DESIGN.md "Cases ledger"): 结果维持 = 维持, 驳回; 结果纠正 = 撤销, 部分撤销, 变更, 确认违法, 责令履行;
 * 其他结果 = 不予受理, 终止, 撤诉, 和解, 其他; 尚未审结 = not concluded or 中止.
 * `concluded` says whether the case was closed by the report's cut-off date (31 December of the report year).
 * Throws VALIDATION for a result that is not a code (it used to fall through to 其他结果).
 */
export function reviewCategory(result: CaseResult | null, concluded: boolean): ReviewCategory {
  assertKnownResult(result);
  if (!concluded || result === null || result === 'suspended') return 'pending';
  if (result === 'upheld' || result === 'dismissed') return 'upheld';
  if (CORRECTED.has(result)) return 'corrected';
  return 'other';
}

export type Gov2014CaseCategory = 'upheld' | 'corrected' | 'other';

/**
 * The gov-2014 统计表 row a case falls into (国办发〔2014〕32号, rows 四 and 五; DESIGN.md "Cases ledger"):
 * 行政复议 （一）维持具体行政行为数 = 维持 only (驳回 goes to 其他情形, as the seed's 2016 table does: its 84 复议
 * = 41 维持 + 18 纠错 + 25 其他, the 25 being 3 不予受理 + 2 终止 + 16 中止或者正在审理 + 4 驳回);
 * 行政诉讼 （一）维持具体行政行为或者驳回原告诉讼请求数 = 维持, 驳回; （二）被依法纠错数 = 撤销, 部分撤销, 变更, 确认违法,
 * 确认无效, 责令履行; everything else — including cases not concluded at year end — is （三）其他情形数.
 */
export function gov2014CaseCategory(kind: CaseKind, result: CaseResult | null, concluded: boolean): Gov2014CaseCategory {
  assertKnownResult(result);
  if (!concluded || result === null) return 'other';
  if (result === 'upheld') return 'upheld';
  if (result === 'dismissed') return kind === 'litigation' ? 'upheld' : 'other';
  if (CORRECTED.has(result)) return 'corrected';
  return 'other';
}
