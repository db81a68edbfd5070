import { DomainError } from '../errors.js';

/**
 * 信息处理费 — 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号, applied from 2021-01-01), under 条例
 * Art.42 ("申请人申请公开政府信息的数量、频次明显超过合理范围的，行政机关可以收取信息处理费").
 *
 * - Art.3: 按件计收 or 按量计收, both 超额累进; one application is charged by ONE of the two, never both
 *   (modelled by `FeeBasis`: a `FeeCalculation` carries exactly one basis).
 * - Art.4 按件: by the number of applications the same applicant made in one natural month (自然月):
 *   ≤10 free; 11–30: 100元/件; from 31 on, every further band of 10 (31–40, 41–50, …) costs 100元/件 more.
 * - Art.5 按量: by the pages of one application (paper, e-mail, copied electronic data): ≤30 free; 31–100:
 *   10元/页; 101–200: 20元/页; ≥201: 40元/页, each rate applying only to the pages inside its band.
 * All amounts are whole yuan (元). legal-facts §4 [C S27, S28].
 */

export const FEE_BASES = ['per_request', 'per_page'] as const;
export type FeeBasis = (typeof FEE_BASES)[number];
export const FEE_BASIS_LABELS: Record<FeeBasis, string> = { per_request: '按件计收', per_page: '按量计收' };

/** One band of a progressive (超额累进) schedule as applied: units `from`–`to` (inclusive), `count` of them. */
export interface FeeBreakdownLine {
  /** First unit (件 or 页) of the band that was counted, 1-based, inclusive. */
  from: number;
  /** Last unit counted in the band, inclusive. */
  to: number;
  /** Rate of the band in 元 per unit (0 for the free band). */
  unitYuan: number;
  /** Units counted in the band (`to - from + 1`). */
  count: number;
  /** `unitYuan × count`, in 元. */
  subtotal: number;
}

export interface FeeCalculation {
  basis: FeeBasis;
  /** The quantity charged: the nth application of the month (single) / applications in the month (total) / pages. */
  quantity: number;
  /** Total in 元 = Σ breakdown subtotals. */
  amountYuan: number;
  /** Every band touched, free band included, in ascending order. */
  breakdown: FeeBreakdownLine[];
}

/** A band of a schedule: units `from`..`to` (inclusive; `to` = null for the open last band) at `unitYuan`. */
export interface FeeBand {
  from: number;
  to: number | null;
  unitYuan: number;
}

/** 国办函〔2020〕109号 Art.4: applications 1–10 free, 11–30 at 100元; open-ended bands of 10 start at 31. */
export const PER_REQUEST_FREE_COUNT = 10;
export const PER_REQUEST_FIRST_BAND_END = 30;
export const PER_REQUEST_BASE_YUAN = 100;
export const PER_REQUEST_STEP_COUNT = 10;
export const PER_REQUEST_STEP_YUAN = 100;

/** 国办函〔2020〕109号 Art.5: the page schedule of one application. */
export const PER_PAGE_BANDS: readonly FeeBand[] = Object.freeze([
  { from: 1, to: 30, unitYuan: 0 },
  { from: 31, to: 100, unitYuan: 10 },
  { from: 101, to: 200, unitYuan: 20 },
  { from: 201, to: null, unitYuan: 40 },
]);

function requirePositiveInteger(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new DomainError('VALIDATION', `${what}必须是不小于1的整数（收到：${String(value)}）`, { value });
  }
  return value;
}

function requireNonNegativeInteger(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new DomainError('VALIDATION', `${what}必须是不小于0的整数（收到：${String(value)}）`, { value });
  }
  return value;
}

/**
 * Rate in 元 of the `nth` application by the same applicant in one natural month (国办函〔2020〕109号 Art.4):
 * n ≤ 10 → 0; 11 ≤ n ≤ 30 → 100; n ≥ 31 → 100 × (1 + ⌈(n − 30) / 10⌉), i.e. 31–40 → 200, 41–50 → 300, …
 */
export function perRequestUnitYuan(nth: number): number {
  requirePositiveInteger(nth, '申请件数（本自然月第几件）');
  if (nth <= PER_REQUEST_FREE_COUNT) return 0;
  if (nth <= PER_REQUEST_FIRST_BAND_END) return PER_REQUEST_BASE_YUAN;
  return PER_REQUEST_BASE_YUAN + PER_REQUEST_STEP_YUAN * Math.ceil((nth - PER_REQUEST_FIRST_BAND_END) / PER_REQUEST_STEP_COUNT);
}

/** The Art.4 band (inclusive bounds) that contains the `nth` application of the month. */
export function perRequestBand(nth: number): FeeBand & { to: number } {
  requirePositiveInteger(nth, '申请件数（本自然月第几件）');
  if (nth <= PER_REQUEST_FREE_COUNT) return { from: 1, to: PER_REQUEST_FREE_COUNT, unitYuan: 0 };
  if (nth <= PER_REQUEST_FIRST_BAND_END) return { from: PER_REQUEST_FREE_COUNT + 1, to: PER_REQUEST_FIRST_BAND_END, unitYuan: PER_REQUEST_BASE_YUAN };
  const step = Math.ceil((nth - PER_REQUEST_FIRST_BAND_END) / PER_REQUEST_STEP_COUNT);
  const from = PER_REQUEST_FIRST_BAND_END + (step - 1) * PER_REQUEST_STEP_COUNT + 1;
  return { from, to: from + PER_REQUEST_STEP_COUNT - 1, unitYuan: perRequestUnitYuan(nth) };
}

/**
 * 按件计收 fee of ONE application: the `nthInMonth`-th application of the same applicant in the same natural
 * month (国办函〔2020〕109号 Art.4, 超额累进 per Art.3). The breakdown has one line (the band it falls in, count 1).
 * Example: the 35th application → 200元.
 */
export function calculatePerRequestFee({ nthInMonth }: { nthInMonth: number }): FeeCalculation {
  const band = perRequestBand(nthInMonth);
  return {
    basis: 'per_request',
    quantity: nthInMonth,
    amountYuan: band.unitYuan,
    breakdown: [{ from: nthInMonth, to: nthInMonth, unitYuan: band.unitYuan, count: 1, subtotal: band.unitYuan }],
  };
}

/**
 * 按件计收 total for a month in which the same applicant made `countInMonth` applications (国办函〔2020〕109号
 * Art.4): the sum of every application's rate, reported band by band. 0 applications → 0元 with no lines.
 * Examples: 30 → 2,000元; 40 → 4,000元; 41 → 4,300元.
 */
export function calculatePerRequestFees(countInMonth: number): FeeCalculation {
  requireNonNegativeInteger(countInMonth, '本自然月申请件数');
  const breakdown: FeeBreakdownLine[] = [];
  let n = 1;
  while (n <= countInMonth) {
    const band = perRequestBand(n);
    const to = Math.min(band.to, countInMonth);
    const count = to - n + 1;
    breakdown.push({ from: n, to, unitYuan: band.unitYuan, count, subtotal: band.unitYuan * count });
    n = to + 1;
  }
  return { basis: 'per_request', quantity: countInMonth, amountYuan: sum(breakdown), breakdown };
}

/**
 * 按量计收 fee of one application of `pages` pages (国办函〔2020〕109号 Art.5, 超额累进): ≤30 free; pages 31–100 at
 * 10元; 101–200 at 20元; from 201 on at 40元. Example: 250 pages → 70×10 + 100×20 + 50×40 = 4,700元.
 */
export function calculatePerPageFee({ pages }: { pages: number }): FeeCalculation {
  requireNonNegativeInteger(pages, '页数');
  const breakdown: FeeBreakdownLine[] = [];
  for (const band of PER_PAGE_BANDS) {
    if (pages < band.from) break;
    const to = band.to === null ? pages : Math.min(band.to, pages);
    const count = to - band.from + 1;
    breakdown.push({ from: band.from, to, unitYuan: band.unitYuan, count, subtotal: band.unitYuan * count });
  }
  return { basis: 'per_page', quantity: pages, amountYuan: sum(breakdown), breakdown };
}

/** Input of `calculateFee`: exactly one basis per application (国办函〔2020〕109号 Art.3 "不得同时按两种标准重复计算"). */
export type FeeInput = { basis: 'per_request'; nthInMonth: number } | { basis: 'per_page'; pages: number };

/**
 * The 信息处理费 of one application under the basis the agency chose (国办函〔2020〕109号 Art.3: 按件 or 按量,
 * never both). Refuses an input that names both quantities, so the two schedules cannot be added up.
 */
export function calculateFee(input: FeeInput): FeeCalculation {
  const raw = input as { basis?: unknown; nthInMonth?: unknown; pages?: unknown };
  if (raw.nthInMonth !== undefined && raw.pages !== undefined) {
    throw new DomainError('VALIDATION', '同一件申请只能选择按件计收或按量计收其中一种，不得同时按两种标准计算（国办函〔2020〕109号第三条）');
  }
  if (input.basis === 'per_request') return calculatePerRequestFee({ nthInMonth: input.nthInMonth });
  if (input.basis === 'per_page') return calculatePerPageFee({ pages: input.pages });
  throw new DomainError('VALIDATION', `收费方式只能是 per_request（按件计收）或 per_page（按量计收），收到：${String(raw.basis)}`);
}

/** Human description of a schedule, for the 收费通知书 "标准" paragraph (国办函〔2020〕109号 Arts.4–5). */
export const FEE_STANDARD_TEXT: Record<FeeBasis, string> = {
  per_request:
    '按件计收：同一申请人一个自然月内累计申请10件以下（含10件）的，不收费；11—30件（含30件）的部分，收费标准为100元/件；31件以上的部分，以10件为一档，每增加一档，收费标准提高100元/件。',
  per_page:
    '按量计收：同一政府信息公开申请30页以下（含30页）的，不收费；31—100页（含100页）的部分，收费标准为10元/页；101—200页（含200页）的部分，收费标准为20元/页；201页以上的部分，收费标准为40元/页。',
};

/** Throws unless `calc.amountYuan` equals the sum of its breakdown and every line is self-consistent. */
export function assertFeeConsistent(calc: FeeCalculation): void {
  for (const line of calc.breakdown) {
    if (line.count !== line.to - line.from + 1 || line.subtotal !== line.unitYuan * line.count) {
      throw new DomainError('VALIDATION', `收费明细第${line.from}—${line.to}项计算有误，请重新计算信息处理费`, { line });
    }
  }
  if (sum(calc.breakdown) !== calc.amountYuan) {
    throw new DomainError('VALIDATION', `收费金额${calc.amountYuan}元与明细合计${sum(calc.breakdown)}元不一致，请重新计算信息处理费`);
  }
}

function sum(lines: readonly FeeBreakdownLine[]): number {
  return lines.reduce((acc, l) => acc + l.subtotal, 0);
}
