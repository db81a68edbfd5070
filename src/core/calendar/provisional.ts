import type { IsoDate } from '../types.js';
import type { Calendar } from './working-days.js';

/**
 * What "暂定" (provisional) means for one date or period, in one place: a working-day result is provisional when
 * it falls in — or its count runs through — a year whose 国务院办公厅 holiday notice is not loaded (the calendar then
 * knows only weekends and the statutory holidays presumed by law, statutory-holidays.ts).
 */

const yearOf = (d: IsoDate): number => Number(d.slice(0, 4));

/** Whether `date` lies in a year without a loaded holiday notice. */
export function isProvisionalDate(date: IsoDate, cal: Calendar): boolean {
  return !cal.coveredYears.has(yearOf(date));
}

/** Whether a working-day period from `from` to `to` (inclusive, either order) runs through a year without a notice. */
export function isProvisionalPeriod(from: IsoDate, to: IsoDate, cal: Calendar): boolean {
  const [a, b] = from <= to ? [yearOf(from), yearOf(to)] : [yearOf(to), yearOf(from)];
  for (let y = a; y <= b; y++) if (!cal.coveredYears.has(y)) return true;
  return false;
}

/** The distinct dates among `dates` that are provisional, sorted (absent dates are skipped). */
export function provisionalDates(dates: readonly (IsoDate | null | undefined)[], cal: Calendar): IsoDate[] {
  return [...new Set(dates.filter((d): d is IsoDate => typeof d === 'string' && d.length === 10 && isProvisionalDate(d, cal)))].sort();
}

/**
 * The words a notice prints after a provisional date, e.g. “2027年1月4日（暂定，2027年节假日安排尚未公布）”; '' when
 * the date is not in `provisional`. Pure text, so the notice builder needs no calendar.
 */
export function provisionalDateSuffix(date: IsoDate, provisional: readonly IsoDate[] | undefined): string {
  return provisional?.includes(date) ? `（暂定，${yearOf(date)}年节假日安排尚未公布）` : '';
}

export interface CalendarWarning {
  /** The year whose notice is missing. */
  year: number;
  /** One line: what is missing. */
  title: string;
  /** Chinese text for every staff member: what it means, who loads it and where. */
  message: string;
}

/** 国务院办公厅 has published next year's notice between late October and mid-November since 2008 (legal-facts §5). */
export const WARN_FROM_MONTH_DAY = '10-01';

/**
 * The workbench warning (issue 11 item 4): from 1 October, when next year's holiday notice is not loaded — or at any
 * time, when this year's is not — deadlines that run into that year are 暂定 and expiry events that rely on them
 * are refused until the notice is loaded. Null when nothing is missing.
 */
export function missingCalendarWarning(today: IsoDate, cal: Calendar): CalendarWarning | null {
  const year = yearOf(today);
  const missing = !cal.coveredYears.has(year) ? year : today.slice(5) >= WARN_FROM_MONTH_DAY && !cal.coveredYears.has(year + 1) ? year + 1 : null;
  if (missing === null) return null;
  return {
    year: missing,
    title: `${missing}年节假日安排尚未载入，相关期限为“暂定”`,
    message: `期限跨入${missing}年的，暂按《全国年节及纪念日放假办法》规定的法定节假日和周末推算，标为“暂定”；`
      + `依赖暂定期限的“逾期”事项（逾期未补正、逾期未缴费、征求意见逾期未答复）暂不能登记。`
      + `国务院办公厅发布《关于${missing}年部分节假日安排的通知》后，请系统管理员在“系统管理 → 节假日日历”中新增${missing}年，录入放假和调休上班日期。`,
  };
}
