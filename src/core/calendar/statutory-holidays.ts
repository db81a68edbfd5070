import type { IsoDate } from '../types.js';
import { LUNAR_FESTIVAL_DATES } from './festival-dates.js';
import { addCalendarDays, dayOfWeek } from './working-days.js';

/**
 * The statutory holidays (法定节假日) of 《全国年节及纪念日放假办法》 as amended by 国务院令第795号 (公布 2024-11-12,
 * 施行 2025-01-01; legal-facts §5.1, S33 https://zggxw.com.cn/yaowen/9563.html):
 *
 * - 第二条 全体公民放假的节日：元旦 1天（1月1日）；春节 4天（农历除夕、正月初一至初三）；清明节 1天（农历清明当日）；
 *   劳动节 2天（5月1日、2日）；端午节 1天（农历端午当日）；中秋节 1天（农历中秋当日）；国庆节 3天（10月1日至3日）。
 * - 第六条 全体公民放假的假日，如果适逢星期六、星期日，应当在工作日补假。（The 2024 decision changed only 第二条
 *   items (二)(四) and added 第七条 on 调休 — decision text: S33 above and http://124.115.170.182/yw/gzdt/85761.htm;
 *   第二条 as amended: https://mzfsra.com/PolicyInformation/info.aspx?itemid=886; 第六条 unchanged since 1999:
 *   https://78911.com.cn/HuaDangXinWen/462155-2.html.)
 *
 * For a year whose 国务院办公厅 holiday notice is not loaded yet these days are certain by law, so deadlines presume
 * them instead of counting 1月1日 as a working day. What the notice adds — 调休 blocks, weekend working days, the
 * choice of the 补假 day — is not known; the presumed days are therefore always flagged 暂定 (provisional), and the
 * 补假 of 第六条 is presumed on the first working day(s) after the festival, as every notice 2008–2026 placed it.
 */

export const STATUTORY_HOLIDAY_LAW = '《全国年节及纪念日放假办法》（2024年11月10日国务院令第795号第四次修订，2025年1月1日起施行）';

/** Years for which days are presumed: from the amendment's entry into force to the end of the lunar-festival data. */
export const PRESUMED_FIRST_YEAR = 2025;
export const PRESUMED_LAST_YEAR = LUNAR_FESTIVAL_DATES[LUNAR_FESTIVAL_DATES.length - 1][0];

export const FESTIVALS = ['元旦', '春节', '清明节', '劳动节', '端午节', '中秋节', '国庆节'] as const;
export type Festival = (typeof FESTIVALS)[number];

export interface PresumedHoliday {
  date: IsoDate;
  festival: Festival;
  /** statutory = a day named by 第二条; makeup = 补假 for a statutory day on a weekend (第六条). */
  kind: 'statutory' | 'makeup';
}

const lunarByYear = new Map(LUNAR_FESTIVAL_DATES.map((r) => [r[0], r]));

/** The days 第二条 names for `year`, per festival in calendar order (empty outside PRESUMED_FIRST_YEAR…LAST_YEAR). */
export function statutoryFestivalDays(year: number): { festival: Festival; days: IsoDate[] }[] {
  const lunar = lunarByYear.get(year);
  if (!lunar || year < PRESUMED_FIRST_YEAR) return [];
  const [, chunjie, qingming, duanwu, zhongqiu] = lunar;
  const y = String(year);
  const list: { festival: Festival; days: IsoDate[] }[] = [
    { festival: '元旦', days: [`${y}-01-01`] },
    { festival: '春节', days: [addCalendarDays(chunjie, -1), chunjie, addCalendarDays(chunjie, 1), addCalendarDays(chunjie, 2)] },
    { festival: '清明节', days: [qingming] },
    { festival: '劳动节', days: [`${y}-05-01`, `${y}-05-02`] },
    { festival: '端午节', days: [duanwu] },
    { festival: '中秋节', days: [zhongqiu] },
    { festival: '国庆节', days: [`${y}-10-01`, `${y}-10-02`, `${y}-10-03`] },
  ];
  return list.sort((a, b) => (a.days[0] < b.days[0] ? -1 : a.days[0] > b.days[0] ? 1 : 0));
}

const isWeekend = (d: IsoDate): boolean => dayOfWeek(d) === 0 || dayOfWeek(d) === 6;

/**
 * The days off presumed for `year` by law alone: the statutory days of 第二条 and, for each of them that falls on a
 * Saturday or Sunday (or on the same day as another festival's day, e.g. 中秋 on 10月1日), one 补假 day (第六条) on
 * the first Monday–Friday after the festival that is not already a day off. Sorted by date. Empty outside
 * PRESUMED_FIRST_YEAR…PRESUMED_LAST_YEAR.
 */
export function presumedHolidays(year: number): PresumedHoliday[] {
  const festivals = statutoryFestivalDays(year);
  const statutory = new Set(festivals.flatMap((f) => f.days));
  const taken = new Set<IsoDate>();
  const out: PresumedHoliday[] = [];
  for (const f of festivals) {
    let owed = 0;
    for (const d of f.days) {
      if (taken.has(d)) { owed++; continue; }
      out.push({ date: d, festival: f.festival, kind: 'statutory' });
      taken.add(d);
      if (isWeekend(d)) owed++;
    }
    let d = f.days[f.days.length - 1];
    while (owed > 0) {
      d = addCalendarDays(d, 1);
      if (isWeekend(d) || taken.has(d) || statutory.has(d)) continue;
      out.push({ date: d, festival: f.festival, kind: 'makeup' });
      taken.add(d);
      owed--;
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
