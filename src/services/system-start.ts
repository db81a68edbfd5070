import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import type { IsoDate } from '../core/types.js';
import { getSetting, putSetting } from './settings.js';

/**
 * The date the deployment started (settings key `system`, `startedOn`). Publications published before it are
 * "historical": they came from the old portal and may be imported without the secrecy review that anything published
 * since must pass (issue 12 item 3).
 */
export interface SystemSettings { startedOn: IsoDate | null }

/**
 * The start date; when never recorded, the day the first account was created (the first start), else `today`.
 * Dates are in Asia/Shanghai.
 */
export async function getSystemStartDate(db: Executor, today: IsoDate): Promise<IsoDate> {
  const s = await getSetting<SystemSettings>(db, 'system', { startedOn: null });
  if (s.startedOn) return s.startedOn;
  const r = await db.execute(sql`SELECT to_char(min(created_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS d FROM users`);
  return (r as unknown as { rows: { d: string | null }[] }).rows[0]?.d ?? today;
}

/** Records the start date once (first start, or the first start after this setting existed). */
export async function ensureSystemStartDate(db: Executor, today: IsoDate): Promise<IsoDate> {
  const s = await getSetting<SystemSettings>(db, 'system', { startedOn: null });
  if (s.startedOn) return s.startedOn;
  const startedOn = await getSystemStartDate(db, today);
  await putSetting(db, 'system', { ...s, startedOn });
  return startedOn;
}
