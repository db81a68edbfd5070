import { isIsoDate, type IsoDate } from '../types.js';
import type { YearNotice } from './holiday-notices.js';
import type { Calendar } from './working-days.js';
import { dayOfWeek } from './working-days.js';
import { PRESUMED_FIRST_YEAR, PRESUMED_LAST_YEAR, presumedHolidays, type PresumedHoliday } from './statutory-holidays.js';

/**
 * Problems with one year's notice data, as messages that say what to fix (empty when the notice is usable). Used
 * before a notice entered by an administrator (a year not yet shipped) is stored or loaded. Checks: the year is a
 * four-digit year; every date is a real `YYYY-MM-DD` date in that year (or in late December of the year before, for a
 * 元旦 block such as 2018-12-29); 调休上班 days fall on a Saturday or Sunday (legal-facts §5 calendar model); no date is
 * both a day off and a working day.
 */
export function checkYearNotice(notice: YearNotice): string[] {
  const problems: string[] = [];
  const { year } = notice;
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    problems.push(`年份“${String(year)}”无效：请填写四位数年份，如 2027。`);
    return problems;
  }
  const inRange = (d: IsoDate): boolean => d.startsWith(`${year}-`) || (d >= `${year - 1}-12-25` && d <= `${year - 1}-12-31`);
  const check = (d: IsoDate, label: string): boolean => {
    if (!isIsoDate(d)) {
      problems.push(`${label}“${d}”不是有效日期：请按 YYYY-MM-DD 填写，如 ${year}-10-01。`);
      return false;
    }
    if (!inRange(d)) {
      problems.push(`${label}“${d}”不属于 ${year} 年：${year} 年通知只能包含 ${year} 年的日期（元旦可含上年 12 月下旬）。`);
      return false;
    }
    return true;
  };
  for (const d of notice.holidays) check(d, '放假日期');
  const holidays = new Set(notice.holidays);
  for (const d of notice.workdays) {
    if (!check(d, '调休上班日期')) continue;
    const dow = dayOfWeek(d);
    if (dow !== 0 && dow !== 6) problems.push(`调休上班日期“${d}”是工作日（星期${'日一二三四五六'[dow]}），无需列出：只填写需要上班的星期六、星期日。`);
    if (holidays.has(d)) problems.push(`日期“${d}”同时被列为放假日和调休上班日：请删除其中之一。`);
  }
  return problems;
}

/**
 * Builds the working-day {@link Calendar} from holiday notices (国务院办公厅关于XXXX年部分节假日安排的通知, legal-facts §5):
 * the union of their days off and 调休上班 days, and the set of notice years, which marks every other year as
 * provisional. For a provisional year from 2025 on, the statutory holidays of 《全国年节及纪念日放假办法》 (第二条, with
 * 第六条 补假) are presumed days off ({@link presumedHolidays}), listed in `presumed`: 2027-01-01 is a holiday before
 * the 2027 notice is loaded, and every result that relies on it stays 暂定. Later entries for the same year are merged in. Throws an Error listing every problem
 * (see {@link checkYearNotice}) when a notice is inconsistent, so a bad notice cannot silently shift deadlines.
 */
export function buildCalendar(notices: readonly YearNotice[]): Calendar {
  const problems = notices.flatMap((n) => checkYearNotice(n).map((p) => `${n.year}年：${p}`));
  const holidays = new Set<IsoDate>();
  const workdays = new Set<IsoDate>();
  const coveredYears = new Set<number>();
  for (const n of notices) {
    for (const d of n.holidays) holidays.add(d);
    for (const d of n.workdays) workdays.add(d);
    coveredYears.add(n.year);
  }
  for (const d of workdays) {
    const clash = `日期“${d}”同时被列为放假日和调休上班日：请删除其中之一。`;
    if (holidays.has(d) && !problems.some((p) => p.endsWith(clash))) problems.push(`${d.slice(0, 4)}年：${clash}`);
  }
  if (problems.length > 0) throw new Error(`节假日数据有误：\n${problems.join('\n')}`);
  const presumed = new Map<IsoDate, PresumedHoliday>();
  for (let year = PRESUMED_FIRST_YEAR; year <= PRESUMED_LAST_YEAR; year++) {
    if (coveredYears.has(year)) continue;
    for (const p of presumedHolidays(year)) {
      if (workdays.has(p.date) || holidays.has(p.date)) continue;
      holidays.add(p.date);
      presumed.set(p.date, p);
    }
  }
  return { holidays, workdays, coveredYears, presumed };
}
