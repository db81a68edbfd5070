import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../types.js';
import { SHIPPED_CALENDAR as cal } from './index.js';
import { addCalendarDays, addWorkingDays, EMPTY_CALENDAR, isWorkingDay, workingDaysBetween, type Calendar } from './working-days.js';

// Expectations below are written from the notice texts (国务院办公厅关于XXXX年部分节假日安排的通知), not from the data.
describe('isWorkingDay on the shipped calendar (real notices)', () => {
  const cases: [IsoDate, boolean, string][] = [
    // 2009 (国办发明电〔2008〕42号): 春节 1/25–1/31, 1/24 (Sat) 2/1 (Sun) 上班; 国庆中秋 10/1–10/8, 9/27 (Sun) 10/10 (Sat) 上班
    ['2009-01-23', true, 'Fri before Spring Festival'],
    ['2009-01-24', true, 'Sat 调休上班'],
    ['2009-01-25', false, '除夕 (Sun), day off'],
    ['2009-01-30', false, 'Fri inside the block'],
    ['2009-02-01', true, 'Sun 调休上班'],
    ['2009-02-02', true, 'Mon after'],
    ['2009-09-27', true, 'Sun 调休上班 before National Day'],
    ['2009-10-08', false, 'Thu, last day of the 8-day block'],
    ['2009-10-09', true, 'Fri after the block'],
    ['2009-10-10', true, 'Sat 调休上班'],
    ['2009-10-11', false, 'ordinary Sunday'],
    // 2012 (国办发明电〔2011〕45号): 元旦 1/1–1/3, 2011-12-31 (Sat) 上班; 春节 1/22–1/28, 1/21 1/29 上班; 9/30–10/7, 9/29 上班
    ['2011-12-31', true, 'Sat 调休上班 of the 2012 notice (year crossing)'],
    ['2012-01-03', false, 'Tue, 元旦 block'],
    ['2012-01-21', true, 'Sat 调休上班'],
    ['2012-01-27', false, 'Fri inside Spring Festival'],
    ['2012-01-29', true, 'Sun 调休上班'],
    ['2012-06-23', false, '端午 Sat, inside 6/22–6/24 block'],
    ['2012-09-29', true, 'Sat 调休上班'],
    ['2012-09-30', false, '中秋 Sun'],
    ['2012-10-08', true, 'Mon after National Day'],
    // 2016 (国办发明电〔2015〕18号): 春节 2/7–2/13, 2/6 (Sat) 2/14 (Sun) 上班; 国庆 10/1–10/7, 10/8 10/9 上班
    ['2016-02-05', true, 'Fri'],
    ['2016-02-06', true, 'Sat 调休上班'],
    ['2016-02-07', false, '除夕 Sun'],
    ['2016-02-12', false, 'Fri inside the block'],
    ['2016-02-14', true, 'Sun 调休上班'],
    ['2016-04-02', false, 'Sat: 清明 "4月4日放假，与周末连休" has no 调休 (holiday-calendar wrongly says working)'],
    ['2016-10-07', false, 'Fri, last day of National Day'],
    ['2016-10-08', true, 'Sat 调休上班'],
    ['2016-10-09', true, 'Sun 调休上班'],
    // 2019 (国办发明电〔2018〕15号 + 〔2019〕3号): 元旦 2018-12-30–2019-01-01, 2018-12-29 上班; 春节 2/4–2/10, 2/2 2/3 上班;
    // 劳动节 (adjusted) 5/1–5/4, 4/28 5/5 上班; 国庆 10/1–10/7, 9/29 10/12 上班
    ['2018-12-29', true, 'Sat 调休上班 of the 2019 notice'],
    ['2018-12-31', false, 'Mon off (元旦 block)'],
    ['2019-01-02', true, 'Wed after 元旦'],
    ['2019-02-02', true, 'Sat 调休上班'],
    ['2019-02-03', true, 'Sun 调休上班'],
    ['2019-02-04', false, '除夕 Mon'],
    ['2019-02-11', true, 'Mon after'],
    ['2019-04-28', true, 'Sun 调休上班 (May Day adjustment 〔2019〕3号)'],
    ['2019-05-03', false, 'Fri inside adjusted May Day block'],
    ['2019-05-05', true, 'Sun 调休上班 (May Day adjustment)'],
    ['2019-09-29', true, 'Sun 调休上班'],
    ['2019-10-07', false, 'Mon, last day'],
    ['2019-10-12', true, 'Sat 调休上班'],
    // 2020 (国办发明电〔2019〕16号 + 〔2020〕1号 extension to 2/2; the planned 2/1 (Sat) 上班 fell away)
    ['2020-01-19', true, 'Sun 调休上班'],
    ['2020-01-23', true, 'Thu before'],
    ['2020-01-24', false, '除夕 Fri'],
    ['2020-01-31', false, 'Fri: COVID extension'],
    ['2020-02-01', false, 'Sat: planned 调休上班 cancelled by the extension'],
    ['2020-02-02', false, 'Sun, last day of the extension'],
    ['2020-02-03', true, 'Mon: work resumes'],
    ['2020-09-27', true, 'Sun 调休上班'],
    ['2020-10-08', false, 'Thu, last day of the 8-day block'],
    ['2020-10-09', true, 'Fri'],
    ['2020-10-10', true, 'Sat 调休上班'],
    // 2024 (国办发明电〔2023〕7号)
    ['2024-02-04', true, 'Sun 调休上班'],
    ['2024-02-09', true, '除夕 Fri is a working day in 2024'],
    ['2024-02-10', false, 'Sat, first day'],
    ['2024-02-16', false, 'Fri inside the block'],
    ['2024-02-17', false, 'Sat, last day'],
    ['2024-02-18', true, 'Sun 调休上班'],
    ['2024-02-19', true, 'Mon'],
    ['2024-09-29', true, 'Sun 调休上班'],
    ['2024-10-04', false, 'Fri inside National Day'],
    ['2024-10-08', true, 'Tue after'],
    ['2024-10-12', true, 'Sat 调休上班'],
    ['2024-10-13', false, 'ordinary Sunday'],
    // 2025 (国办发明电〔2024〕12号)
    ['2025-01-26', true, 'Sun 调休上班'],
    ['2025-01-27', true, 'Mon'],
    ['2025-01-28', false, '除夕 Tue (first year 除夕 is statutory again)'],
    ['2025-02-04', false, '初七 Tue'],
    ['2025-02-05', true, 'Wed'],
    ['2025-02-08', true, 'Sat 调休上班'],
    ['2025-09-28', true, 'Sun 调休上班'],
    ['2025-10-08', false, 'Wed, last day of 8-day 国庆+中秋'],
    ['2025-10-09', true, 'Thu'],
    ['2025-10-11', true, 'Sat 调休上班'],
    // 2026 (国办发明电〔2025〕7号)
    ['2026-01-02', false, 'Fri, 元旦 block'],
    ['2026-01-04', true, 'Sun 调休上班'],
    ['2026-02-14', true, 'Sat 调休上班'],
    ['2026-02-15', false, 'Sun, 腊月二十八, first day'],
    ['2026-02-16', false, '除夕 Mon'],
    ['2026-02-23', false, '初七 Mon, last day'],
    ['2026-02-24', true, 'Tue'],
    ['2026-02-28', true, 'Sat 调休上班'],
    ['2026-09-20', true, 'Sun 调休上班'],
    ['2026-10-07', false, 'Wed, last day'],
    ['2026-10-08', true, 'Thu'],
    ['2026-10-10', true, 'Sat 调休上班'],
  ];
  it.each(cases)('%s → %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, cal)).toBe(expected);
  });
});

describe('addWorkingDays across holidays (day of receipt not counted)', () => {
  const cases: [IsoDate, number, IsoDate, boolean, string][] = [
    ['2024-09-27', 5, '2024-10-10', false, '9/29 (Sun) counts, 10/1–10/7 skipped'],
    ['2024-09-27', 20, '2024-10-30', false, 'Art.33 20 working days over National Day incl. 10/12 (Sat)'],
    ['2024-02-01', 5, '2024-02-07', false, '2/4 (Sun) 调休 counts'],
    ['2024-02-01', 10, '2024-02-20', false, '除夕 2/9 counts, 2/10–2/17 skipped, 2/18 (Sun) counts'],
    ['2020-01-20', 5, '2020-02-04', false, 'COVID extension: nothing counts 1/24–2/2'],
    ['2009-09-25', 2, '2009-09-28', false, '9/27 (Sun) 调休 counts'],
    ['2009-09-25', 20, '2009-10-29', false, '20 working days over the 8-day 2009 National Day'],
    ['2016-02-05', 20, '2016-03-09', false, 'leap February 2016'],
    ['2012-01-20', 2, '2012-01-29', false, '1/21 (Sat) and 1/29 (Sun) are the two working days'],
    ['2026-02-13', 1, '2026-02-14', false, '2/14 (Sat) 调休上班'],
    ['2026-02-13', 2, '2026-02-24', false, 'Spring Festival 2026 skipped whole'],
    // Year-end crossings
    ['2018-12-27', 3, '2019-01-02', false, '2018-12-29 (Sat) counts (2019 notice), 12/30–1/1 skipped'],
    ['2025-12-30', 3, '2026-01-05', false, '2026-01-04 (Sun) counts'],
    ['2026-12-28', 3, '2026-12-31', false, 'stays inside 2026'],
    // Provisional: no 2027 notice — weekends and the statutory holidays presumed by law (was: 2027-01-01 counted as an
    // ordinary Friday, giving 2027-01-04)
    ['2026-12-28', 5, '2027-01-05', true, '2027-01-01 元旦 presumed off (办法 第二条); flagged provisional'],
    ['2027-03-01', 1, '2027-03-02', true, 'start in an unpublished year'],
  ];
  it.each(cases)('%s + %i → %s (provisional %s; %s)', (start, n, date, provisional) => {
    expect(addWorkingDays(start, n, cal)).toEqual({ date, provisional });
  });

  it('n = 0 returns the start date itself', () => {
    expect(addWorkingDays('2024-10-01', 0, cal)).toEqual({ date: '2024-10-01', provisional: false });
    expect(addWorkingDays('2027-10-01', 0, cal)).toEqual({ date: '2027-10-01', provisional: true });
  });

  it('skips excluded (paused) days without counting them', () => {
    const paused = (d: IsoDate): boolean => d >= '2024-10-08' && d <= '2024-10-09';
    expect(addWorkingDays('2024-09-27', 5, cal, paused)).toEqual({ date: '2024-10-12', provisional: false });
  });

  it('on the empty calendar counts weekdays only and is provisional', () => {
    expect(addWorkingDays('2024-09-30', 1, EMPTY_CALENDAR)).toEqual({ date: '2024-10-01', provisional: true });
    expect(addWorkingDays('2024-10-04', 1, EMPTY_CALENDAR)).toEqual({ date: '2024-10-07', provisional: true });
  });

  it('rejects a date that does not exist', () => {
    expect(() => addWorkingDays('2024-02-30', 1, cal)).toThrow(RangeError);
    expect(() => workingDaysBetween('2024-01-01', '2024-13-01', cal)).toThrow(RangeError);
  });
});

describe('workingDaysBetween (from, to]', () => {
  const cases: [IsoDate, IsoDate, number][] = [
    ['2024-09-27', '2024-10-10', 5],
    ['2024-02-08', '2024-02-19', 3],
    ['2020-01-23', '2020-02-03', 1],
    ['2024-10-10', '2024-09-27', 0],
    ['2024-10-10', '2024-10-10', 0],
    ['2026-12-31', '2027-01-04', 1], // 2027-01-01 元旦 presumed off (was 2)
  ];
  it.each(cases)('(%s, %s] has %i working days', (from, to, expected) => {
    expect(workingDaysBetween(from, to, cal)).toBe(expected);
  });
});

/** Reference implementation: the plain day-by-day definition the fast path must match exactly. */
function referenceAdd(start: IsoDate, n: number, c: Calendar, excluded?: (d: IsoDate) => boolean): { date: IsoDate; provisional: boolean } {
  let provisional = !c.coveredYears.has(Number(start.slice(0, 4)));
  let date = start;
  let left = n;
  while (left > 0) {
    date = addCalendarDays(date, 1);
    if (!c.coveredYears.has(Number(date.slice(0, 4)))) provisional = true;
    if (isWorkingDay(date, c) && !(excluded?.(date) ?? false)) left--;
  }
  return { date, provisional };
}

describe('fast path equals the day-by-day definition', () => {
  it('for every start date 2007-06-01..2027-06-30 with n in 1..25 (sampled) and a paused window', () => {
    let mismatches = 0;
    let checked = 0;
    for (let start = '2007-06-01', i = 0; start <= '2027-06-30'; start = addCalendarDays(start, 1), i++) {
      const n = 1 + (i % 25);
      const paused = i % 7 === 0 ? (d: IsoDate): boolean => d > start && d <= addCalendarDays(start, 3) : undefined;
      const fast = addWorkingDays(start, n, cal, paused);
      const slow = referenceAdd(start, n, cal, paused);
      if (fast.date !== slow.date || fast.provisional !== slow.provisional) mismatches++;
      if (i % 11 === 0) {
        const to = addCalendarDays(start, 45);
        let count = 0;
        for (let d = addCalendarDays(start, 1); d <= to; d = addCalendarDays(d, 1)) if (isWorkingDay(d, cal)) count++;
        if (workingDaysBetween(start, to, cal) !== count) mismatches++;
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(7000);
    expect(mismatches).toBe(0);
  });

  it('sees later changes to a hand-built calendar', () => {
    const holidays = new Set<IsoDate>(['2027-10-01']);
    const custom: Calendar = { holidays, workdays: new Set(), coveredYears: new Set([2027]) };
    expect(addWorkingDays('2027-09-30', 1, custom).date).toBe('2027-10-04');
    holidays.add('2027-10-04');
    expect(addWorkingDays('2027-09-30', 1, custom).date).toBe('2027-10-05');
  });

  it('handles a calendar spanning too many years to flatten (plain set lookups)', () => {
    const wide: Calendar = { holidays: new Set(['2024-10-01']), workdays: new Set(['1600-01-01']), coveredYears: new Set([1600, 2024]) };
    expect(addWorkingDays('2024-09-30', 1, wide)).toEqual({ date: '2024-10-02', provisional: false });
    expect(addWorkingDays('2024-12-31', 1, wide)).toEqual({ date: '2025-01-01', provisional: true });
    expect(workingDaysBetween('2024-09-27', '2024-10-07', wide)).toBe(5);
  });
});
