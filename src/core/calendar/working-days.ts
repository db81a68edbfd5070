import type { IsoDate } from '../types.js';
import type { PresumedHoliday } from './statutory-holidays.js';
import { daysFromCivil, daysInMonth, isoFromDayNumber, weekdayOfDayNumber } from './day-number.js';

/**
 * A working-day calendar: official holidays (放假日) and 调休 make-up working days (调休上班日) for the years
 * whose State Council notice (国务院办公厅关于XXXX年部分节假日安排的通知) is known. Passed in, never looked up.
 */
export interface Calendar {
  /**
   * Days off by notice (including weekend days inside a holiday block), and, for years without a loaded notice, the
   * statutory holidays presumed by law (`presumed`, statutory-holidays.ts).
   */
  readonly holidays: ReadonlySet<IsoDate>;
  /** Weekend days that are working days by notice (调休上班). */
  readonly workdays: ReadonlySet<IsoDate>;
  /**
   * Years for which a notice is loaded. Outside them results are provisional (暂定): only weekends and the presumed
   * statutory holidays count.
   */
  readonly coveredYears: ReadonlySet<number>;
  /** Days off presumed for years without a loaded notice (also in `holidays`), with their festival; 暂定. */
  readonly presumed?: ReadonlyMap<IsoDate, PresumedHoliday>;
}

export const EMPTY_CALENDAR: Calendar = { holidays: new Set(), workdays: new Set(), coveredYears: new Set() };

/** Day of week, 0 = Sunday … 6 = Saturday, of an ISO date (UTC arithmetic, no time zone involved). */
export function dayOfWeek(date: IsoDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The ISO date `n` calendar days after `date` (n may be negative). */
export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Whether `date` is a working day: a 调休 make-up day always is; otherwise Monday–Friday unless it is an
 * official holiday (legal-facts §5 calendar model; 调休上班 weekend days are working days, §6).
 */
export function isWorkingDay(date: IsoDate, cal: Calendar): boolean {
  if (cal.workdays.has(date)) return true;
  const dow = dayOfWeek(date);
  if (dow === 0 || dow === 6) return false;
  return !cal.holidays.has(date);
}

export interface WorkingDayResult {
  date: IsoDate;
  /** True when the count crossed a year with no loaded notice (weekends and presumed statutory holidays only). */
  provisional: boolean;
}

/**
 * The `n`-th working day strictly after `start` (n ≥ 1). Day zero semantics: the start day itself is not
 * counted (民事诉讼法 第八十五条 "期间开始的时和日，不计算在期间内", 民法典 第二百零一条, applied to 条例 Art.33
 * "自收到申请之日起20个工作日内"). The result is by construction a working day, so the 末日顺延 rule needs no
 * extra step. `excluded` days (paused clock) are skipped without counting. n = 0 returns `start`.
 */
export function addWorkingDays(start: IsoDate, n: number, cal: Calendar, excluded?: (d: IsoDate) => boolean): WorkingDayResult {
  if (!(n > 0)) return { date: start, provisional: !cal.coveredYears.has(Number(start.slice(0, 4))) };
  const index = indexFor(cal);
  let day = dayNumber(start);
  let provisional = (flagsAt(index, cal, day) & COVERED) === 0;
  let left = n;
  while (left > 0) {
    day++;
    const flags = flagsAt(index, cal, day);
    if ((flags & COVERED) === 0) provisional = true;
    if ((flags & WORKING) !== 0 && !(excluded?.(isoFromDayNumber(day)) ?? false)) left--;
  }
  return { date: isoFromDayNumber(day), provisional };
}

/**
 * Number of working days in the half-open interval (from, to]: 0 when to ≤ from. Used for "working days left"
 * (from = today, to = due date) and for elapsed periods (e.g. the 7-working-day 补正 window of Art.30).
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, cal: Calendar): number {
  if (to <= from) return 0;
  const index = indexFor(cal);
  const last = dayNumber(to);
  let count = 0;
  for (let day = dayNumber(from) + 1; day <= last; day++) {
    if ((flagsAt(index, cal, day) & WORKING) !== 0) count++;
  }
  return count;
}

// ---------------------------------------------------------------------------------------------------------------
// Fast path (internal). addWorkingDays runs millions of times in bulk jobs, so instead of building a Date and an ISO
// string for every day stepped, a calendar is flattened once into one byte per day (bit 0 = working day, bit 1 =
// covered year) over the years it mentions, and days are walked as integers. Outside that span only the Monday–Friday
// rule applies, which is exactly what isWorkingDay gives there (no notice dates exist outside it). The result is
// identical to stepping isWorkingDay day by day; the index is rebuilt if a calendar's sets change size (calendars are
// meant to be immutable once built).

const WORKING = 1;
const COVERED = 2;
/** Calendars spanning more years than this are not flattened (they still work, through the plain weekday rule + sets). */
const MAX_INDEXED_YEARS = 400;

interface CalendarIndex {
  /** Day number of the first indexed day (1 January of the first year mentioned). */
  first: number;
  flags: Uint8Array;
  sizes: string;
}

const indexes = new WeakMap<Calendar, CalendarIndex | null>();

function sizesOf(cal: Calendar): string {
  return `${cal.holidays.size}/${cal.workdays.size}/${cal.coveredYears.size}`;
}

function indexFor(cal: Calendar): CalendarIndex | null {
  const cached = indexes.get(cal);
  if (cached !== undefined && (cached === null || cached.sizes === sizesOf(cal))) return cached;
  const index = buildIndex(cal);
  indexes.set(cal, index);
  return index;
}

function buildIndex(cal: Calendar): CalendarIndex | null {
  let minYear = Infinity;
  let maxYear = -Infinity;
  const see = (year: number): void => {
    if (year < minYear) minYear = year;
    if (year > maxYear) maxYear = year;
  };
  for (const d of cal.holidays) see(Number(d.slice(0, 4)));
  for (const d of cal.workdays) see(Number(d.slice(0, 4)));
  for (const y of cal.coveredYears) see(y);
  if (minYear === Infinity) return { first: 0, flags: new Uint8Array(0), sizes: sizesOf(cal) };
  if (!Number.isInteger(minYear) || !Number.isInteger(maxYear) || maxYear - minYear > MAX_INDEXED_YEARS) return null;
  const first = daysFromCivil(minYear, 1, 1);
  const end = daysFromCivil(maxYear + 1, 1, 1);
  const flags = new Uint8Array(end - first);
  for (let day = first; day < end; day++) {
    const date = isoFromDayNumber(day);
    let f = isWorkingDay(date, cal) ? WORKING : 0;
    if (cal.coveredYears.has(Number(date.slice(0, 4)))) f |= COVERED;
    flags[day - first] = f;
  }
  return { first, flags, sizes: sizesOf(cal) };
}

function flagsAt(index: CalendarIndex | null, cal: Calendar, day: number): number {
  if (index !== null) {
    const i = day - index.first;
    if (i >= 0 && i < index.flags.length) return index.flags[i];
    const dow = weekdayOfDayNumber(day);
    return dow === 0 || dow === 6 ? 0 : WORKING;
  }
  // No index (implausibly wide calendar): plain set lookups.
  const date = isoFromDayNumber(day);
  return (isWorkingDay(date, cal) ? WORKING : 0) | (cal.coveredYears.has(Number(date.slice(0, 4))) ? COVERED : 0);
}

/** Day number of an ISO date; throws RangeError (as `new Date(...).toISOString()` would) when it is not a real date. */
function dayNumber(date: IsoDate): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-' || !Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new RangeError(`Invalid date: ${date}`);
  }
  return daysFromCivil(y, m, d);
}
