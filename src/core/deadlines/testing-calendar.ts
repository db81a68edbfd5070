import type { IsoDate } from '../types.js';
import type { Calendar } from '../calendar/working-days.js';

/**
 * Small hand-built calendars for tests of core/deadlines and core/requests (not for production use: the real
 * data lives in core/calendar). Holidays and 调休 days are those of the State Council notices quoted in
 * legal-facts §5.2–5.4 (2024, 2025, 2026); 2019 is from 国办发明电〔2018〕15号 as amended for 劳动节 by
 * 国办发明电〔2019〕2号, cross-checked against the `chinese-days` package in deadlines.test.ts.
 */

function range(from: IsoDate, to: IsoDate): IsoDate[] {
  const out: IsoDate[] = [];
  const d = new Date(`${from}T00:00:00Z`);
  for (;;) {
    const s = d.toISOString().slice(0, 10);
    if (s > to) return out;
    out.push(s);
    d.setUTCDate(d.getUTCDate() + 1);
  }
}

export const HOLIDAYS_2019: IsoDate[] = [
  ...range('2018-12-30', '2019-01-01'), ...range('2019-02-04', '2019-02-10'), ...range('2019-04-05', '2019-04-07'),
  ...range('2019-05-01', '2019-05-04'), ...range('2019-06-07', '2019-06-09'), ...range('2019-09-13', '2019-09-15'),
  ...range('2019-10-01', '2019-10-07'),
];
export const WORKDAYS_2019: IsoDate[] = ['2018-12-29', '2019-02-02', '2019-02-03', '2019-04-28', '2019-05-05', '2019-09-29', '2019-10-12'];

export const HOLIDAYS_2024: IsoDate[] = [
  '2024-01-01', ...range('2024-02-10', '2024-02-17'), ...range('2024-04-04', '2024-04-06'), ...range('2024-05-01', '2024-05-05'),
  '2024-06-10', ...range('2024-09-15', '2024-09-17'), ...range('2024-10-01', '2024-10-07'),
];
export const WORKDAYS_2024: IsoDate[] = ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'];

export const HOLIDAYS_2025: IsoDate[] = [
  '2025-01-01', ...range('2025-01-28', '2025-02-04'), ...range('2025-04-04', '2025-04-06'), ...range('2025-05-01', '2025-05-05'),
  ...range('2025-05-31', '2025-06-02'), ...range('2025-10-01', '2025-10-08'),
];
export const WORKDAYS_2025: IsoDate[] = ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'];

export const HOLIDAYS_2026: IsoDate[] = [
  ...range('2026-01-01', '2026-01-03'), ...range('2026-02-15', '2026-02-23'), ...range('2026-04-04', '2026-04-06'),
  ...range('2026-05-01', '2026-05-05'), ...range('2026-06-19', '2026-06-21'), ...range('2026-09-25', '2026-09-27'),
  ...range('2026-10-01', '2026-10-07'),
];
export const WORKDAYS_2026: IsoDate[] = ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'];

/** 2019 and 2024–2026 notices loaded; every other year is weekends-only (provisional). */
export function buildTestCalendar(): Calendar {
  return {
    holidays: new Set([...HOLIDAYS_2019, ...HOLIDAYS_2024, ...HOLIDAYS_2025, ...HOLIDAYS_2026]),
    workdays: new Set([...WORKDAYS_2019, ...WORKDAYS_2024, ...WORKDAYS_2025, ...WORKDAYS_2026]),
    coveredYears: new Set([2019, 2024, 2025, 2026]),
  };
}

export const TEST_CALENDAR: Calendar = buildTestCalendar();
