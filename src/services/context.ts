import type { Db, Executor } from '../db/client.js';
import type { Keys } from '../security/crypto.js';
import type { IsoDate } from '../core/types.js';

import { ROLES, ROLE_LABELS, type Role } from '../shared/roles.js';

export { ROLES, ROLE_LABELS, type Role };

export interface Actor {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  departmentId: number | null;
}

/** System actor for CLI, jobs and imports. */
export const SYSTEM_ACTOR: Actor = { id: 0, username: 'system', displayName: '系统', roles: [...ROLES], departmentId: null };

/**
 * What every use case receives: resolved once at the edge (route, CLI command, job). `today` is the date in
 * Asia/Shanghai; services never read the clock themselves.
 */
export interface ServiceContext {
  db: Db;
  keys: Keys;
  now: Date;
  today: IsoDate;
  actor: Actor | null;
  ip?: string | null;
}

export type { Db, Executor };

/**
 * Today's date in Asia/Shanghai, as YYYY-MM-DD: the one place the legal date is taken from a clock. China Standard
 * Time is UTC+8 with no daylight saving since 1991, so a fixed offset is exact (and far cheaper than Intl per call).
 */
export function shanghaiToday(now: Date = new Date()): IsoDate {
  const t = now.getTime() + 8 * 3600_000;
  // Every request asks; the answer changes once a day (it was 2–3% of a public status query's time).
  if (t >= today.from && t < today.from + 86_400_000) return today.date;
  today.from = t - (((t % 86_400_000) + 86_400_000) % 86_400_000);
  today.date = new Date(t).toISOString().slice(0, 10);
  return today.date;
}
const today = { from: Number.NaN, date: '' };
