import { describe, expect, it } from 'vitest';
import { buildCalendar, checkYearNotice } from './build-calendar.js';
import { HOLIDAY_NOTICES, type YearNotice } from './holiday-notices.js';
import { addWorkingDays, isWorkingDay } from './working-days.js';

function draft(partial: Partial<YearNotice>): YearNotice {
  return { year: 2027, notice: '文号待核', title: '国务院办公厅关于2027年部分节假日安排的通知', issuedOn: null, source: '管理员录入', holidays: [], workdays: [], ...partial };
}

describe('buildCalendar', () => {
  it('unions the shipped notices and covers 2008–2026 only (later years: presumed statutory holidays only)', () => {
    const cal = buildCalendar(HOLIDAY_NOTICES);
    expect([...cal.coveredYears].sort()).toEqual(Array.from({ length: 19 }, (_, i) => 2008 + i));
    expect(cal.holidays.size).toBe(HOLIDAY_NOTICES.reduce((s, n) => s + n.holidays.length, 0) + cal.presumed!.size);
    expect([...cal.holidays].filter((d) => d >= '2027-01-01').every((d) => cal.presumed!.has(d))).toBe(true);
    expect(cal.workdays.size).toBe(HOLIDAY_NOTICES.reduce((s, n) => s + n.workdays.length, 0));
    expect(cal.holidays.has('2024-10-01')).toBe(true);
    expect(cal.workdays.has('2024-09-29')).toBe(true);
  });

  it('takes an administrator-entered next-year notice and stops flagging that year as provisional', () => {
    const next = draft({ holidays: ['2026-12-31', '2027-01-01'], workdays: ['2027-01-02'] }); // hypothetical 2027 元旦
    const cal = buildCalendar([...HOLIDAY_NOTICES, next]);
    expect(isWorkingDay('2027-01-02', cal)).toBe(true);
    expect(addWorkingDays('2026-12-30', 2, cal)).toEqual({ date: '2027-01-04', provisional: false });
    // 12-31 (off), 1-1 (off), 1-2 (Sat, 上班) = 1st, 1-3 (Sun) skipped, 1-4 = 2nd
    expect(addWorkingDays('2026-12-30', 1, cal)).toEqual({ date: '2027-01-02', provisional: false });
  });

  it('builds an empty calendar from no notices', () => {
    const cal = buildCalendar([]);
    expect(cal.coveredYears.size).toBe(0);
    expect(addWorkingDays('2024-10-01', 1, cal)).toEqual({ date: '2024-10-02', provisional: true });
  });

  it('throws with every problem listed when a notice is inconsistent', () => {
    const bad = draft({ holidays: ['2027-10-01', '2027-02-30'], workdays: ['2027-10-01', '2027-10-04'] });
    expect(() => buildCalendar([bad])).toThrow(/2027年：放假日期“2027-02-30”不是有效日期/);
    expect(() => buildCalendar([bad])).toThrow(/调休上班日期“2027-10-04”是工作日（星期一）/);
    expect(() => buildCalendar([bad])).toThrow(/日期“2027-10-01”同时被列为放假日和调休上班日/);
  });

  it('catches a date that two notices contradict', () => {
    const a = draft({ year: 2027, holidays: ['2026-12-26'] });
    const b = draft({ year: 2026, workdays: ['2026-12-26'] });
    expect(() => buildCalendar([a, b])).toThrow(/2026年：日期“2026-12-26”同时被列为放假日和调休上班日/);
  });
});

describe('checkYearNotice messages say what to fix', () => {
  const cases: [string, YearNotice, string[]][] = [
    ['a clean notice', draft({ holidays: ['2027-01-01'], workdays: ['2027-01-02'] }), []],
    ['a December 元旦 day of the year before', draft({ holidays: ['2026-12-31'], workdays: ['2026-12-26'] }), []],
    ['a bad year', draft({ year: 27 }), ['年份“27”无效：请填写四位数年份，如 2027。']],
    ['a malformed date', draft({ holidays: ['2027/10/01'] }), ['放假日期“2027/10/01”不是有效日期：请按 YYYY-MM-DD 填写，如 2027-10-01。']],
    ['a date of another year', draft({ holidays: ['2028-01-01'] }), ['放假日期“2028-01-01”不属于 2027 年：2027 年通知只能包含 2027 年的日期（元旦可含上年 12 月下旬）。']],
    ['a weekday 调休上班', draft({ workdays: ['2027-10-08'] }), ['调休上班日期“2027-10-08”是工作日（星期五），无需列出：只填写需要上班的星期六、星期日。']],
  ];
  it.each(cases)('%s', (_label, notice, expected) => {
    expect(checkYearNotice(notice)).toEqual(expected);
  });
});
