import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../types.js';
import { buildCalendar } from './build-calendar.js';
import { LUNAR_FESTIVAL_DATES } from './festival-dates.js';
import { HOLIDAY_NOTICES, type YearNotice } from './holiday-notices.js';
import { SHIPPED_CALENDAR } from './index.js';
import { presumedHolidays, statutoryFestivalDays } from './statutory-holidays.js';
import { addCalendarDays, addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days.js';

const notice = (year: number): YearNotice => HOLIDAY_NOTICES.find((n) => n.year === year)!;
const lunar = (year: number) => LUNAR_FESTIVAL_DATES.find((r) => r[0] === year)!;

describe('lunar festival dates (generated from chinese-days) against every real notice 2008–2026', () => {
  it.each(HOLIDAY_NOTICES.map((n) => [n.year]))('%i: 春节初一, 清明, 端午 and 中秋 are days off in that year’s notice', (year) => {
    const [, chunjie, qingming, duanwu, zhongqiu] = lunar(year);
    const off = new Set(notice(year).holidays);
    expect({ chunjie: off.has(chunjie), qingming: off.has(qingming), duanwu: off.has(duanwu), zhongqiu: off.has(zhongqiu) })
      .toEqual({ chunjie: true, qingming: true, duanwu: true, zhongqiu: true });
  });

  it('agrees with a published table of 春节 dates 2021–2030 (hbzqbyyxgs.com/zhishi/173288.html)', () => {
    const published: Record<number, IsoDate> = {
      2021: '2021-02-12', 2022: '2022-02-01', 2023: '2023-01-22', 2024: '2024-02-10', 2025: '2025-01-29',
      2026: '2026-02-17', 2027: '2027-02-06', 2028: '2028-01-26', 2029: '2029-02-13', 2030: '2030-02-03',
    };
    for (const [year, date] of Object.entries(published)) expect(lunar(Number(year))[1]).toBe(date);
  });
});

describe('presumed statutory holidays (办法 第二条 + 第六条, 国务院令第795号)', () => {
  it.each([[2025], [2026]])('%i: every presumed day (补假 included) is a day off in the real notice', (year) => {
    const off = new Set(notice(year).holidays);
    const presumed = presumedHolidays(year);
    expect(presumed.filter((p) => !off.has(p.date))).toEqual([]);
    // 13 statutory days a year since 2025 (legal-facts §5.1)
    expect(statutoryFestivalDays(year).flatMap((f) => f.days)).toHaveLength(13);
  });

  it('2025 and 2026: the 补假 days are the ones the notices gave', () => {
    const makeup = (year: number) => presumedHolidays(year).filter((p) => p.kind === 'makeup').map((p) => `${p.date} ${p.festival}`);
    // 2025 端午 5/31 is a Saturday → 6/2 (notice: 5月31日至6月2日); 国庆 and 中秋 fall on weekdays
    expect(makeup(2025)).toEqual(['2025-06-02 端午节']);
    // 2026 清明 4/5 Sun → 4/6; 劳动节 5/2 Sat → 5/4; 国庆 10/3 Sat → 10/5 (all inside the notice's blocks)
    expect(makeup(2026)).toEqual(['2026-04-06 清明节', '2026-05-04 劳动节', '2026-10-05 国庆节']);
  });

  it('2027 (no notice yet): the days the law fixes', () => {
    expect(presumedHolidays(2027).map((p) => `${p.date} ${p.festival}${p.kind === 'makeup' ? '补假' : ''}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节', '2027-02-06 春节', '2027-02-07 春节', '2027-02-08 春节', '2027-02-09 春节补假', '2027-02-10 春节补假',
      '2027-04-05 清明节',
      '2027-05-01 劳动节', '2027-05-02 劳动节', '2027-05-03 劳动节补假', '2027-05-04 劳动节补假',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节', '2027-10-02 国庆节', '2027-10-03 国庆节', '2027-10-04 国庆节补假', '2027-10-05 国庆节补假',
    ]);
  });

  it('a 中秋 that coincides with 国庆 owes one more day (2028: 中秋 10/3)', () => {
    expect(lunar(2028)[4]).toBe('2028-10-03');
    const oct = presumedHolidays(2028).filter((p) => p.date.startsWith('2028-10'));
    // 10/1 Sun, 10/2 Mon, 10/3 Tue (国庆 and 中秋): 补假 for 10/1 and for the shared 10/3 → 10/4, 10/5
    expect(oct.map((p) => `${p.date}${p.kind === 'makeup' ? '*' : ''}`)).toEqual(['2028-10-01', '2028-10-02', '2028-10-03', '2028-10-04*', '2028-10-05*']);
  });

  it('nothing is presumed before the 2024 amendment took effect, or past the data', () => {
    expect(presumedHolidays(2024)).toEqual([]);
    expect(presumedHolidays(2100)).toEqual([]);
  });
});

describe('the shipped calendar in 2027 (issue 11 item 4)', () => {
  it('2027-01-01 is not a working day, provisionally', () => {
    expect(isWorkingDay('2027-01-01', SHIPPED_CALENDAR)).toBe(false);
    expect(SHIPPED_CALENDAR.coveredYears.has(2027)).toBe(false);
    expect(SHIPPED_CALENDAR.presumed?.get('2027-01-01')).toEqual({ date: '2027-01-01', festival: '元旦', kind: 'statutory' });
  });

  it('20 working days after 2026-12-04 is 2027-01-04, not 2027-01-01 (the old, weekends-only answer), and 暂定', () => {
    // 12-07…12-11, 12-14…12-18, 12-21…12-25 = 15; 12-28…12-31 = 19; 2027-01-01 元旦 off; 2027-01-04 (Mon) = 20
    expect(workingDaysBetween('2026-12-04', '2026-12-31', SHIPPED_CALENDAR)).toBe(19);
    expect(addWorkingDays('2026-12-04', 20, SHIPPED_CALENDAR)).toEqual({ date: '2027-01-04', provisional: true });
    expect(addWorkingDays('2026-12-04', 20, buildCalendar(HOLIDAY_NOTICES.filter((n) => n.year <= 2024))).date).not.toBe('2027-01-01');
  });

  it('loaded years are never touched: 2025 and 2026 follow their notices exactly, and a loaded 2027 replaces the presumption', () => {
    expect([...SHIPPED_CALENDAR.presumed!.keys()].some((d) => d < '2027-01-01')).toBe(false);
    // a (hypothetical) 2027 notice that keeps 2027-10-04 as a working day wins over the presumed 补假
    const with2027 = buildCalendar([...HOLIDAY_NOTICES, { year: 2027, notice: '国办发明电〔2026〕1号', title: '国务院办公厅关于2027年部分节假日安排的通知', issuedOn: null, source: '测试', holidays: ['2027-01-01', '2027-10-01', '2027-10-02', '2027-10-03'], workdays: [] }]);
    expect(isWorkingDay('2027-10-04', with2027)).toBe(true);
    expect(with2027.presumed?.has('2027-01-01')).toBe(false);
    // 2028 is still presumed: 2028-01-01 is a Saturday → 补假 Monday 01-03
    expect(with2027.presumed?.get('2028-01-01')?.festival).toBe('元旦');
    expect(with2027.presumed?.get('2028-01-03')).toEqual({ date: '2028-01-03', festival: '元旦', kind: 'makeup' });
    expect(isWorkingDay('2028-01-03', with2027)).toBe(false);
  });

  it('every presumed day in 2027–2099 is in the calendar as a day off', () => {
    let n = 0;
    for (let y = 2027; y <= 2099; y++) for (const p of presumedHolidays(y)) { expect(isWorkingDay(p.date, SHIPPED_CALENDAR)).toBe(false); n++; }
    expect(n).toBeGreaterThan(73 * 13);
    expect(addCalendarDays('2099-12-31', 1)).toBe('2100-01-01');
  });
});
