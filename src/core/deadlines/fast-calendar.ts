import type { IsoDate } from '../types.js';
import {
  addWorkingDays,
  isWorkingDay,
  workingDaysBetween,
  type Calendar,
  type WorkingDayResult,
} from '../calendar/working-days.js';
import { daysFromCivil, daysInMonth, isoFromDayNumber, weekdayOfDayNumber } from '../calendar/day-number.js';

/**
 * A precomputed form of a `Calendar` for 1990-01-01 … 2100-12-31, so that "the Nth working day after D" is two
 * array reads instead of a day-by-day walk (the deadline bench asks for ≥ 1M computations per second).
 *
 * Same rules as `isWorkingDay` in calendar/working-days.ts (legal-facts §5 calendar model, §6 counting): a 调休
 * make-up day is a working day; otherwise Monday–Friday unless an official holiday. Outside the range every
 * function falls back to the day-by-day functions of working-days.ts, so results never differ (tested).
 *
 * Calendars are treated as immutable values: a compiled form is cached per `Calendar` object (and rebuilt if the
 * size of one of its sets changed). Build a new `Calendar` object when an admin edits a year.
 */

const RANGE_FIRST_YEAR = 1990;
const RANGE_LAST_YEAR = 2100;

const RANGE_START = daysFromCivil(RANGE_FIRST_YEAR, 1, 1);
const RANGE_END = daysFromCivil(RANGE_LAST_YEAR, 12, 31);
/** Number of days in the precomputed range. */
const RANGE_SIZE = RANGE_END - RANGE_START + 1;

/**
 * Index of an ISO date in the precomputed range, or -1 when the string is not `YYYY-MM-DD` or the date is outside
 * 1990–2100. No allocation (reads char codes).
 */
export function dayIndex(s: IsoDate): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const c0 = s.charCodeAt(0) - 48, c1 = s.charCodeAt(1) - 48, c2 = s.charCodeAt(2) - 48, c3 = s.charCodeAt(3) - 48;
  const c5 = s.charCodeAt(5) - 48, c6 = s.charCodeAt(6) - 48, c8 = s.charCodeAt(8) - 48, c9 = s.charCodeAt(9) - 48;
  if ((c0 | c1 | c2 | c3 | c5 | c6 | c8 | c9) < 0 || c0 > 9 || c1 > 9 || c2 > 9 || c3 > 9 || c5 > 9 || c6 > 9 || c8 > 9 || c9 > 9) return -1;
  const y = c0 * 1000 + c1 * 100 + c2 * 10 + c3;
  const m = c5 * 10 + c6;
  const d = c8 * 10 + c9;
  if (y < RANGE_FIRST_YEAR || y > RANGE_LAST_YEAR || m < 1 || m > 12 || d < 1 || d > 31) return -1;
  // Reject 02-30, 04-31 …: they must not silently become the next month.
  if (d > 28) {
    if (d > daysInMonth(y, m)) return -1;
  }
  return daysFromCivil(y, m, d) - RANGE_START;
}

/** A calendar compiled for O(1) working-day arithmetic. Internal to core/deadlines. */
export interface CompiledCalendar {
  readonly source: Calendar;
  readonly holidaysSize: number;
  readonly workdaysSize: number;
  readonly coveredSize: number;
  /** cum[i] = number of working days among indices 0..i (inclusive). */
  readonly cum: Int32Array;
  /** work[k] = index of the (k+1)-th working day of the range. */
  readonly work: Int32Array;
  /** yearOf[i] = year − 1990 of index i. */
  readonly yearOf: Uint8Array;
  /** uncovered[y − 1990] = number of years ≤ y with no loaded notice. */
  readonly uncovered: Int32Array;
  /** Lazily filled ISO strings per index (so results do not allocate new strings). */
  readonly iso: (IsoDate | undefined)[];
}

function compile(cal: Calendar): CompiledCalendar {
  const working = new Uint8Array(RANGE_SIZE);
  const yearOf = new Uint8Array(RANGE_SIZE);
  let dow = weekdayOfDayNumber(RANGE_START);
  let year = RANGE_FIRST_YEAR;
  let nextYearStart = daysFromCivil(year + 1, 1, 1) - RANGE_START;
  for (let i = 0; i < RANGE_SIZE; i++) {
    if (i === nextYearStart) {
      year++;
      nextYearStart = daysFromCivil(year + 1, 1, 1) - RANGE_START;
    }
    yearOf[i] = year - RANGE_FIRST_YEAR;
    working[i] = dow === 0 || dow === 6 ? 0 : 1;
    dow = dow === 6 ? 0 : dow + 1;
  }
  for (const h of cal.holidays) {
    const i = dayIndex(h);
    if (i >= 0) working[i] = 0;
  }
  // A 调休 make-up day is a working day even if also listed as a holiday (isWorkingDay checks it first).
  for (const w of cal.workdays) {
    const i = dayIndex(w);
    if (i >= 0) working[i] = 1;
  }
  const cum = new Int32Array(RANGE_SIZE);
  let count = 0;
  for (let i = 0; i < RANGE_SIZE; i++) {
    count += working[i];
    cum[i] = count;
  }
  const work = new Int32Array(count);
  for (let i = 0, k = 0; i < RANGE_SIZE; i++) if (working[i] === 1) work[k++] = i;
  const years = RANGE_LAST_YEAR - RANGE_FIRST_YEAR + 1;
  const uncovered = new Int32Array(years);
  let u = 0;
  for (let y = 0; y < years; y++) {
    if (!cal.coveredYears.has(RANGE_FIRST_YEAR + y)) u++;
    uncovered[y] = u;
  }
  return {
    source: cal,
    holidaysSize: cal.holidays.size,
    workdaysSize: cal.workdays.size,
    coveredSize: cal.coveredYears.size,
    cum,
    work,
    yearOf,
    uncovered,
    iso: new Array<IsoDate | undefined>(RANGE_SIZE),
  };
}

const cache = new WeakMap<Calendar, CompiledCalendar>();
let last: CompiledCalendar | undefined;

function isFresh(c: CompiledCalendar, cal: Calendar): boolean {
  return c.holidaysSize === cal.holidays.size && c.workdaysSize === cal.workdays.size && c.coveredSize === cal.coveredYears.size;
}

/** The compiled form of `cal` (built on first use, ~40k days, a few milliseconds; then cached per object). */
export function compiledCalendar(cal: Calendar): CompiledCalendar {
  if (last !== undefined && last.source === cal && isFresh(last, cal)) return last;
  let c = cache.get(cal);
  if (c === undefined || !isFresh(c, cal)) {
    c = compile(cal);
    cache.set(cal, c);
  }
  last = c;
  return c;
}

/** ISO string of an index of the range (cached). */
export function isoOf(c: CompiledCalendar, i: number): IsoDate {
  let s = c.iso[i];
  if (s === undefined) {
    s = isoFromDayNumber(i + RANGE_START);
    c.iso[i] = s;
  }
  return s;
}

/** True when a year between those of indices `from` and `to` (inclusive) has no loaded notice. */
export function crossesUncoveredYear(c: CompiledCalendar, from: number, to: number): boolean {
  const yf = c.yearOf[from];
  const yt = c.yearOf[to];
  return c.uncovered[yt] - (yf === 0 ? 0 : c.uncovered[yf - 1]) > 0;
}

/**
 * The `n`-th working day strictly after `start` (n ≥ 0; n = 0 returns `start`): the same result as
 * `addWorkingDays` of calendar/working-days.ts (day of receipt excluded, 民法典 Art.201 / 民事诉讼法 Art.85; 调休
 * weekend days count, legal-facts §6), in constant time within 1990–2100. `provisional` is true when a year from
 * the start to the result has no loaded holiday notice (DESIGN.md "Calendar").
 */
export function nthWorkingDayAfter(start: IsoDate, n: number, cal: Calendar): WorkingDayResult {
  const c = compiledCalendar(cal);
  const i = dayIndex(start);
  if (i >= 0 && n >= 0) {
    if (n === 0) return { date: start, provisional: crossesUncoveredYear(c, i, i) };
    const k = c.cum[i] + n - 1;
    if (k < c.work.length) {
      const j = c.work[k];
      return { date: isoOf(c, j), provisional: crossesUncoveredYear(c, i, j) };
    }
  }
  return addWorkingDays(start, n, cal);
}

/**
 * Working days in the half-open interval (from, to]; 0 when to ≤ from. Same result as `workingDaysBetween` of
 * calendar/working-days.ts, in constant time within 1990–2100. Used for "working days left" (Art.33 period) and
 * elapsed windows (Art.30 7-day 补正 window).
 */
export function countWorkingDays(from: IsoDate, to: IsoDate, cal: Calendar): number {
  if (to <= from) return 0;
  const c = compiledCalendar(cal);
  const a = dayIndex(from);
  const b = dayIndex(to);
  if (a >= 0 && b >= 0) return c.cum[b] - c.cum[a];
  return workingDaysBetween(from, to, cal);
}

/** Whether `date` is a working day (same as `isWorkingDay`, O(1) within 1990–2100). */
export function isWorkingDayFast(date: IsoDate, cal: Calendar): boolean {
  const i = dayIndex(date);
  if (i < 0) return isWorkingDay(date, cal);
  const c = compiledCalendar(cal);
  return c.cum[i] - (i === 0 ? 0 : c.cum[i - 1]) === 1;
}
