import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../types.js';
import { checkYearNotice } from './build-calendar.js';
import { CALENDAR_DATA_VERSION, HOLIDAY_NOTICES, type YearNotice } from './holiday-notices.js';
import { addCalendarDays, dayOfWeek } from './working-days.js';

const byYear = new Map<number, YearNotice>(HOLIDAY_NOTICES.map((n) => [n.year, n]));
function notice(year: number): YearNotice {
  const n = byYear.get(year);
  if (!n) throw new Error(`no notice for ${year}`);
  return n;
}

function expand(from: IsoDate, to: IsoDate = from): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d <= to; d = addCalendarDays(d, 1)) out.push(d);
  return out;
}

const isWeekend = (d: IsoDate): boolean => dayOfWeek(d) === 0 || dayOfWeek(d) === 6;

describe('shipped notices 2008–2026', () => {
  it('has exactly one notice per year 2008..2026, oldest first, each internally consistent', () => {
    expect(HOLIDAY_NOTICES.map((n) => n.year)).toEqual(expand('2008-01-01', '2026-01-01').filter((d) => d.endsWith('-01-01')).map((d) => Number(d.slice(0, 4))));
    for (const n of HOLIDAY_NOTICES) {
      expect(n.title).toBe(`国务院办公厅关于${n.year}年部分节假日安排的通知`);
      expect(checkYearNotice(n)).toEqual([]);
      expect(n.notice === '文号待核' || /^国办发明电〔\d{4}〕\d+号$/.test(n.notice)).toBe(true);
      expect(n.source.length).toBeGreaterThan(10);
      expect(n.source).not.toMatch(/legal-facts|\bS\d+\b/); // shown to administrators: no internal references
    }
    expect(CALENDAR_DATA_VERSION).toBe('2026:2025-11-04:chinese-days@1.5.7:r2');
  });

  it('carries the verified notice numbers', () => {
    const numbers = Object.fromEntries(HOLIDAY_NOTICES.map((n) => [n.year, n.notice]));
    expect(numbers).toEqual({
      2008: '文号待核',
      2009: '国办发明电〔2008〕42号',
      2010: '国办发明电〔2009〕27号',
      2011: '国办发明电〔2010〕40号',
      2012: '国办发明电〔2011〕45号',
      2013: '国办发明电〔2012〕33号',
      2014: '国办发明电〔2013〕28号',
      2015: '国办发明电〔2014〕28号',
      2016: '国办发明电〔2015〕18号',
      2017: '国办发明电〔2016〕17号',
      2018: '国办发明电〔2017〕12号',
      2019: '国办发明电〔2018〕15号',
      2020: '国办发明电〔2019〕16号',
      2021: '国办发明电〔2020〕27号',
      2022: '国办发明电〔2021〕11号',
      2023: '国办发明电〔2022〕16号',
      2024: '国办发明电〔2023〕7号',
      2025: '国办发明电〔2024〕12号',
      2026: '国办发明电〔2025〕7号',
    });
    expect(notice(2015).supplements?.map((s) => s.notice)).toEqual(['国发明电〔2015〕1号']);
    expect(notice(2019).supplements?.map((s) => s.notice)).toEqual(['国办发明电〔2019〕3号']);
    expect(notice(2020).supplements?.map((s) => s.notice)).toEqual(['国办发明电〔2020〕1号']);
  });

  it('only lists weekend days as 调休上班 and never a date twice', () => {
    const all = HOLIDAY_NOTICES.flatMap((n) => [...n.holidays, ...n.workdays]);
    expect(new Set(all).size).toBe(all.length);
    for (const n of HOLIDAY_NOTICES) for (const d of n.workdays) expect(isWeekend(d), d).toBe(true);
  });

  // Each statutory day off either falls on a weekday or is made up by a weekday 补休, and every other weekday off is
  // paid back by a weekend 调休上班 day; so weekday days off − 调休上班 days = the statutory count of the year:
  // 11 (全国年节及纪念日放假办法 2007/2013) and 13 from 2025 (国务院令第795号). Two years carry extra nationwide days:
  // 2015 the 抗战胜利70周年 day (国发明电〔2015〕1号, +1) and 2020 the COVID extension (国办发明电〔2020〕1号: 1/31 and the
  // cancelled 2/1 调休上班, +2). An error in any year's dates would almost certainly break this identity.
  it('balances weekday days off against 调休上班 days to the statutory count', () => {
    const expected = (year: number): number => (year === 2015 ? 12 : year === 2020 ? 13 : year >= 2025 ? 13 : 11);
    for (const n of HOLIDAY_NOTICES) {
      const weekdaysOff = n.holidays.filter((d) => !isWeekend(d)).length;
      expect(weekdaysOff - n.workdays.length, String(n.year)).toBe(expected(n.year));
    }
  });

  it('contains no partial-population days (妇女节/青年节/儿童节/建军节 do not close agencies)', () => {
    const all = new Set(HOLIDAY_NOTICES.flatMap((n) => n.holidays));
    const weekdayOffs = [...all].filter((d) => !isWeekend(d));
    expect(weekdayOffs.filter((d) => d.endsWith('-03-08') || d.endsWith('-06-01') || d.endsWith('-08-01'))).toEqual([]);
    // 5月4日 (青年节, half day for youths) is off only inside a 劳动节 block, i.e. when 5月3日 is off too.
    const mayFourth = weekdayOffs.filter((d) => d.endsWith('-05-04'));
    expect(mayFourth).toEqual(['2020-05-04', '2021-05-04', '2022-05-04', '2026-05-04']);
    for (const d of mayFourth) expect(all.has(`${d.slice(0, 4)}-05-03`)).toBe(true);
  });

  it('puts late-December 元旦 days in the next year’s notice', () => {
    expect(notice(2008).workdays).toContain('2007-12-29');
    expect(notice(2008).holidays).toEqual(expect.arrayContaining(['2007-12-30', '2007-12-31', '2008-01-01']));
    expect(notice(2012).workdays).toContain('2011-12-31');
    expect(notice(2019).workdays).toContain('2018-12-29');
    expect(notice(2019).holidays).toEqual(expect.arrayContaining(['2018-12-30', '2018-12-31', '2019-01-01']));
    expect(notice(2023).holidays).toEqual(expect.arrayContaining(['2022-12-31', '2023-01-01', '2023-01-02']));
    expect(notice(2018).holidays.some((d) => d.startsWith('2018-12'))).toBe(false);
  });

  it('fills weekend days inside a block that the source package leaves out', () => {
    expect(notice(2011).holidays).toEqual(expect.arrayContaining(expand('2011-06-04', '2011-06-06')));
    expect(notice(2012).holidays).toEqual(expect.arrayContaining(expand('2012-06-22', '2012-06-24')));
    expect(notice(2015).holidays).toEqual(expect.arrayContaining(expand('2015-09-03', '2015-09-05')));
    expect(notice(2015).workdays).toContain('2015-09-06');
  });
});

// legal-facts.md §5.2–5.4, encoded verbatim: [节日, first day off, last day off, 调休上班 days].
type Row = [string, IsoDate, IsoDate, IsoDate[]];
const LEGAL_FACTS_TABLES: Record<number, Row[]> = {
  // §5.2 2024 (通知 dated 2023-10-25)
  2024: [
    ['元旦', '2024-01-01', '2024-01-01', []],
    ['春节', '2024-02-10', '2024-02-17', ['2024-02-04', '2024-02-18']],
    ['清明节', '2024-04-04', '2024-04-06', ['2024-04-07']],
    ['劳动节', '2024-05-01', '2024-05-05', ['2024-04-28', '2024-05-11']],
    ['端午节', '2024-06-10', '2024-06-10', []],
    ['中秋节', '2024-09-15', '2024-09-17', ['2024-09-14']],
    ['国庆节', '2024-10-01', '2024-10-07', ['2024-09-29', '2024-10-12']],
  ],
  // §5.3 2025 (通知 dated 2024-11-12)
  2025: [
    ['元旦', '2025-01-01', '2025-01-01', []],
    ['春节', '2025-01-28', '2025-02-04', ['2025-01-26', '2025-02-08']],
    ['清明节', '2025-04-04', '2025-04-06', []],
    ['劳动节', '2025-05-01', '2025-05-05', ['2025-04-27']],
    ['端午节', '2025-05-31', '2025-06-02', []],
    ['国庆+中秋', '2025-10-01', '2025-10-08', ['2025-09-28', '2025-10-11']],
  ],
  // §5.4 2026 (通知 dated 2025-11-04)
  2026: [
    ['元旦', '2026-01-01', '2026-01-03', ['2026-01-04']],
    ['春节', '2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28']],
    ['清明节', '2026-04-04', '2026-04-06', []],
    ['劳动节', '2026-05-01', '2026-05-05', ['2026-05-09']],
    ['端午节', '2026-06-19', '2026-06-21', []],
    ['中秋节', '2026-09-25', '2026-09-27', []],
    ['国庆节', '2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10']],
  ],
};
const ISSUED_ON: Record<number, IsoDate> = { 2024: '2023-10-25', 2025: '2024-11-12', 2026: '2025-11-04' };

describe.each([2024, 2025, 2026])('legal-facts §5 table for %i', (year) => {
  const rows = LEGAL_FACTS_TABLES[year];
  it('has exactly the listed days off', () => {
    expect([...notice(year).holidays]).toEqual(rows.flatMap(([, from, to]) => expand(from, to)));
  });
  it('has exactly the listed 调休上班 days', () => {
    expect([...notice(year).workdays]).toEqual(rows.flatMap(([, , , work]) => work).sort());
  });
  it('was issued on the listed date', () => {
    expect(notice(year).issuedOn).toBe(ISSUED_ON[year]);
  });
  it.each(rows)('%s: %s … %s', (_name, from, to, work) => {
    for (const d of expand(from, to)) expect(notice(year).holidays).toContain(d);
    for (const d of work) expect(notice(year).workdays).toContain(d);
  });
});

describe('legal-facts §5.2 note', () => {
  it('2024 除夕 (2024-02-09, Friday) is not a day off', () => {
    expect(dayOfWeek('2024-02-09')).toBe(5);
    expect(notice(2024).holidays).not.toContain('2024-02-09');
  });
});
