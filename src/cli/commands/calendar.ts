import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { addWorkingDays, isWorkingDay, type Calendar } from '../../core/calendar/working-days.js';
import { SHIPPED_CALENDAR, STATUTORY_HOLIDAY_LAW } from '../../core/calendar/index.js';
import { isIsoDate } from '../../core/types.js';
import { loadConfig } from '../../config.js';
import { openRuntime } from '../../runtime.js';
import { loadCalendar, upsertCalendarYear } from '../../services/calendar.js';
import { recomputeOpenDeadlines } from '../../services/requests/recompute.js';
import { readFile } from 'node:fs/promises';
import { CliError, flagString, type ParsedArgs } from '../args.js';

/**
 * The calendar of the deployment (with administrators' corrections) when its database can be opened; the shipped
 * calendar when there is no database yet, or when a running server holds the embedded one (said on stderr).
 */
async function withCalendar<T>(fn: (cal: Calendar) => T): Promise<T> {
  const config = loadConfig();
  const hasDb = config.databaseUrl !== null || existsSync(join(config.dataDir, 'pglite'));
  if (!hasDb) return fn(SHIPPED_CALENDAR);
  try {
    const rt = await openRuntime({}, { migrate: config.databaseUrl !== null });
    try { return fn(await loadCalendar(rt.handle.db)); } finally { await rt.close(); }
  } catch (e) {
    process.stderr.write(`提示：无法打开数据库（${(e as Error).message.split('\n')[0]}），使用内置节假日数据。\n`);
    return fn(SHIPPED_CALENDAR);
  }
}

/** The years without a loaded notice that a count of `days` working days from `from` runs through, e.g. "2027". */
function missingYears(from: string, days: number, cal: Calendar): string {
  const to = addWorkingDays(from, days, cal).date;
  const years: number[] = [];
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!cal.coveredYears.has(y)) years.push(y);
  return years.join('、');
}

export async function calendarCommand(args: ParsedArgs): Promise<number> {
  const [sub, arg] = args.positionals;
  if (sub === 'due') {
    const from = flagString(args.flags, 'from');
    const days = Number(flagString(args.flags, 'days'));
    if (!from || !isIsoDate(from)) throw new CliError(`--from 需要一个有效日期（YYYY-MM-DD），收到 "${from ?? ''}"`);
    if (!Number.isInteger(days) || days < 0 || days > 1000) throw new CliError(`--days 需要 0–1000 的整数，收到 "${args.flags.days ?? ''}"`);
    const r = await withCalendar((cal) => ({ ...addWorkingDays(from, days, cal), missing: missingYears(from, days, cal) }));
    process.stdout.write(`${r.date}\n`);
    if (r.provisional) process.stderr.write(`暂定：期间跨入尚未载入节假日安排的年份（${r.missing}年），按${STATUTORY_HOLIDAY_LAW}规定的法定节假日和周末推算。\n`);
    return 0;
  }
  if (sub === 'is-workday') {
    if (!arg || !isIsoDate(arg)) throw new CliError(`需要一个有效日期（YYYY-MM-DD），收到 "${arg ?? ''}"`);
    const r = await withCalendar((cal) => ({ work: isWorkingDay(arg, cal), covered: cal.coveredYears.has(Number(arg.slice(0, 4))), presumed: cal.presumed?.get(arg) }));
    process.stdout.write(`${r.work}\n`);
    if (!r.covered) {
      const day = r.presumed ? `${arg} 为${r.presumed.festival}${r.presumed.kind === 'makeup' ? '补假' : ''}（法定节假日）` : `${arg} 按周末和法定节假日判断`;
      process.stderr.write(`暂定：${arg.slice(0, 4)}年节假日安排尚未载入，${day}，依据${STATUTORY_HOLIDAY_LAW}推算。\n`);
    }
    return 0;
  }
  if (sub === 'set-year') {
    // gongkai calendar set-year FILE.json — {year, notice, title, issuedOn, source, holidays[], workdays[]}
    if (!arg) throw new CliError('用法：gongkai calendar set-year FILE.json');
    const input = JSON.parse(await readFile(arg, 'utf8'));
    const rt = await openRuntime();
    try {
      await upsertCalendarYear(rt.handle.db, input, null);
      const n = await recomputeOpenDeadlines(rt.systemContext());
      process.stdout.write(`已保存 ${input.year} 年节假日安排；重算未结申请期限，${n} 件到期日变化。\n`);
    } finally { await rt.close(); }
    return 0;
  }
  throw new CliError('用法：gongkai calendar due --from YYYY-MM-DD --days N | gongkai calendar is-workday YYYY-MM-DD | gongkai calendar set-year FILE.json');
}
