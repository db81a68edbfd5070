import type { Db, Executor } from '../db/client.js';
import type { Keys } from '../security/crypto.js';
import type { IsoDate } from '../core/types.js';

/** Roles (DESIGN.md "Who uses it"); 三员分立: admin, security_admin and auditor are separate duties. */
export const ROLES = ['registrar', 'handler', 'reviewer', 'secrecy_reviewer', 'publisher', 'admin', 'security_admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  registrar: '登记员',
  handler: '承办人',
  reviewer: '审核人',
  secrecy_reviewer: '保密审查员',
  publisher: '发布员',
  admin: '系统管理员',
  security_admin: '安全管理员',
  auditor: '审计员',
};

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
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}
