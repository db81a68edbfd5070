import { asc, eq, sql } from 'drizzle-orm';
import { calendarYears } from '../db/schema/index.js';
import type { Executor } from '../db/client.js';
import { HOLIDAY_NOTICES, CALENDAR_DATA_VERSION, type YearNotice } from '../core/calendar/holiday-notices.js';
import { buildCalendar } from '../core/calendar/build-calendar.js';
import type { Calendar } from '../core/calendar/working-days.js';
import { isIsoDate, type IsoDate } from '../core/types.js';
import { missingCalendarWarning, type CalendarWarning } from '../core/calendar/provisional.js';
import { PRESUMED_FIRST_YEAR, PRESUMED_LAST_YEAR, STATUTORY_HOLIDAY_LAW, presumedHolidays, type PresumedHoliday } from '../core/calendar/statutory-holidays.js';
import { DomainError } from '../core/errors.js';

/**
 * The working-day calendar lives in the database (seeded from the shipped notices in core/calendar, editable by an
 * administrator for years not yet shipped). Each process caches it for CACHE_MS; the process that edits it drops its
 * cache at once, other processes within CACHE_MS.
 */
const CACHE_MS = 30_000;
let cache: { at: number; calendar: Calendar; years: YearNotice[] } | null = null;

export function invalidateCalendarCache(): void {
  cache = null;
}

/** Inserts shipped years that are missing and refreshes shipped years from a newer data version. Idempotent. */
export async function seedCalendar(db: Executor): Promise<number> {
  const existing = await db.select({ year: calendarYears.year, origin: calendarYears.origin, dataVersion: calendarYears.dataVersion }).from(calendarYears);
  const byYear = new Map(existing.map((r) => [r.year, r]));
  let changed = 0;
  for (const n of HOLIDAY_NOTICES) {
    const row = byYear.get(n.year);
    if (row && (row.origin === 'admin' || row.dataVersion === CALENDAR_DATA_VERSION)) continue;
    const values = { year: n.year, notice: n.notice, title: n.title, issuedOn: n.issuedOn, source: n.source, holidays: [...n.holidays], workdays: [...n.workdays], origin: 'shipped', dataVersion: CALENDAR_DATA_VERSION };
    await db.insert(calendarYears).values(values).onConflictDoUpdate({ target: calendarYears.year, set: { ...values, updatedAt: sql`now()` } });
    changed++;
  }
  if (changed) invalidateCalendarCache();
  return changed;
}

export async function listCalendarYears(db: Executor): Promise<(YearNotice & { origin: string; updatedAt: Date })[]> {
  const rows = await db.select().from(calendarYears).orderBy(asc(calendarYears.year));
  return rows.map((r) => ({ year: r.year, notice: r.notice, title: r.title, issuedOn: r.issuedOn ?? '', source: r.source, holidays: r.holidays, workdays: r.workdays, origin: r.origin, updatedAt: r.updatedAt }));
}

export async function loadCalendar(db: Executor, nowMs = Date.now()): Promise<Calendar> {
  if (cache && nowMs - cache.at < CACHE_MS) return cache.calendar;
  const years = await listCalendarYears(db);
  const calendar = buildCalendar(years);
  cache = { at: nowMs, calendar, years };
  return calendar;
}

export interface CalendarYearInput {
  year: number;
  notice: string;
  title: string;
  issuedOn?: string | null;
  source: string;
  holidays: string[];
  workdays: string[];
}

/** Validates an administrator's year: every date in that year, holidays not on 调休 days, 调休 days on weekends. */
export function validateCalendarYear(input: CalendarYearInput): void {
  const problems: string[] = [];
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) problems.push(`年份 ${input.year} 无效`);
  if (!input.notice?.trim()) problems.push('请填写通知文号（如 国办发明电〔2026〕X号）');
  if (!input.source?.trim()) problems.push('请填写来源（通知网址或出处）');
  for (const [field, label, list] of [['holidays', '放假日期', input.holidays], ['workdays', '调休上班日期', input.workdays]] as const) {
    for (const d of list) {
      if (!isIsoDate(d)) problems.push(`${label}中的 "${d}" 不是有效日期（格式 YYYY-MM-DD）`);
      else if (Number(d.slice(0, 4)) !== input.year) problems.push(`${label}中的 ${d} 不在 ${input.year} 年`);
    }
    void field;
  }
  for (const d of input.workdays) {
    const dow = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (isIsoDate(d) && dow !== 0 && dow !== 6) problems.push(`调休上班日期 ${d} 不是周末，无需登记`);
    if (input.holidays.includes(d)) problems.push(`${d} 不能同时是放假日和调休上班日`);
  }
  if (problems.length) throw new DomainError('VALIDATION', problems.join('；'), { problems });
}

export async function upsertCalendarYear(db: Executor, input: CalendarYearInput, userId: number | null): Promise<void> {
  validateCalendarYear(input);
  const values = { year: input.year, notice: input.notice.trim(), title: input.title?.trim() || `${input.year}年部分节假日安排`, issuedOn: input.issuedOn || null, source: input.source.trim(), holidays: [...new Set(input.holidays)].sort(), workdays: [...new Set(input.workdays)].sort(), origin: 'admin', dataVersion: null, updatedBy: userId };
  await db.insert(calendarYears).values(values).onConflictDoUpdate({ target: calendarYears.year, set: { ...values, updatedAt: sql`now()` } });
  invalidateCalendarCache();
}

export async function getCalendarYear(db: Executor, year: number) {
  const [row] = await db.select().from(calendarYears).where(eq(calendarYears.year, year));
  return row ?? null;
}

export interface CalendarStatus {
  today: IsoDate;
  /** Last year with a loaded notice (null when none is). */
  loadedThrough: number | null;
  /** The workbench warning for every staff member (from 1 October when next year is missing), or null. */
  warning: CalendarWarning | null;
  /** This year and next, when not loaded: the days presumed by law (暂定), for the calendar page. */
  presumed: { year: number; law: string; days: PresumedHoliday[] }[];
}

/** What the workbench and the calendar page say about missing years (issue 11 item 4). */
export async function calendarStatus(db: Executor, today: IsoDate): Promise<CalendarStatus> {
  const cal = await loadCalendar(db);
  const year = Number(today.slice(0, 4));
  const covered = [...cal.coveredYears];
  const presumed = [year, year + 1]
    .filter((y) => !cal.coveredYears.has(y) && y >= PRESUMED_FIRST_YEAR && y <= PRESUMED_LAST_YEAR)
    .map((y) => ({ year: y, law: STATUTORY_HOLIDAY_LAW, days: presumedHolidays(y) }));
  return { today, loadedThrough: covered.length ? Math.max(...covered) : null, warning: missingCalendarWarning(today, cal), presumed };
}
