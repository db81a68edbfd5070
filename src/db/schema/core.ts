import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, bigserial, primaryKey } from 'drizzle-orm/pg-core';

/** Key/value settings of the deployment: agency profile, deadline settings, bootstrap flags. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** 承办单位: the agency's 司局/科室. */
export const departments = pgTable('departments', {
  id: serial('id').primaryKey(),
  name: text('name').notNull(),
  code: text('code'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [uniqueIndex('departments_name_uq').on(t.name)]);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  username: text('username').notNull(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: jsonb('roles').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  departmentId: integer('department_id').references(() => departments.id),
  active: boolean('active').notNull().default(true),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  failedLogins: integer('failed_logins').notNull().default(0),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('users_username_uq').on(t.username),
  // 三员分立 held by the database too: an administrator role (系统管理员/安全管理员/审计员) is the account's only role.
  check('users_admin_role_alone', sql`NOT (${t.roles} ?| ARRAY['admin','security_admin','auditor']) OR jsonb_array_length(${t.roles}) = 1`),
]);

/** Sessions live in the database so that several stateless processes can serve one deployment. */
export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(), // SM3 hash of the cookie token
  userId: integer('user_id').notNull().references(() => users.id),
  csrfToken: text('csrf_token').notNull(),
  /** Absolute end (12 h after login). */
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Last request seen (written at most once a minute): the session ends after the idle timeout. */
  lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/** Holiday / 调休 notice per year (shipped data or entered by an administrator). */
export const calendarYears = pgTable('calendar_years', {
  year: integer('year').primaryKey(),
  notice: text('notice').notNull(),
  title: text('title').notNull(),
  issuedOn: date('issued_on', { mode: 'string' }),
  source: text('source').notNull(),
  holidays: jsonb('holidays').$type<string[]>().notNull(),
  workdays: jsonb('workdays').$type<string[]>().notNull(),
  origin: text('origin').notNull().default('shipped'), // shipped | admin
  dataVersion: text('data_version'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  updatedBy: integer('updated_by'),
});

/**
 * Append-only audit log, chained with HMAC-SM3 under a key held outside the database (services/audit-chain.ts):
 * writers only insert, each row carrying a keyed `tag` (no lock, so concurrent transactions never queue on the
 * chain); a sealer (one process at a time, advisory lock) links committed, tagged entries in order every few
 * seconds and anchors the chain head in a signed file outside the database. `gongkai audit verify` only checks.
 */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: text('at').notNull(), // ISO timestamp exactly as hashed
  actorId: integer('actor_id'),
  actorName: text('actor_name').notNull(),
  action: text('action').notNull(),
  targetType: text('target_type'),
  targetId: text('target_id'),
  detail: jsonb('detail'),
  ip: text('ip'),
  /** Writer's keyed mark (nonce.HMAC): a row without a valid one was not written by the system and is never sealed. */
  tag: text('tag'),
  /** Position in the HMAC-SM3 chain, assigned by the sealer (null = written, not yet sealed). */
  chainSeq: bigint('chain_seq', { mode: 'number' }),
  prevHash: text('prev_hash'),
  hash: text('hash'),
}, (t) => [index('audit_log_target_idx').on(t.targetType, t.targetId), index('audit_log_at_idx').on(t.at), uniqueIndex('audit_log_chain_seq_uq').on(t.chainSeq), index('audit_log_unsealed_idx').on(t.id).where(sql`chain_seq IS NULL`), uniqueIndex('audit_log_tag_uq').on(t.tag)]);

/**
 * Keyed stand-ins for sealed chain rows the system itself removed (a re-imported request's event log): the removed
 * row's chain position and hash, with an HMAC-SM3 only the key holder can make, so the chain still verifies.
 */
export const chainTombstones = pgTable('chain_tombstones', {
  chain: text('chain').notNull(), // audit_log | request_events
  chainSeq: bigint('chain_seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  mac: text('mac').notNull(),
  at: text('at').notNull(),
  reason: text('reason').notNull(),
}, (t) => [primaryKey({ columns: [t.chain, t.chainSeq] })]);

/** Results of the daily deadline job (due within 3 working days, overdue), one row per run and department. */
export const deadlineAlerts = pgTable('deadline_alerts', {
  id: serial('id').primaryKey(),
  runOn: date('run_on', { mode: 'string' }).notNull(),
  departmentId: integer('department_id'),
  dueSoon: jsonb('due_soon').$type<unknown[]>().notNull(),
  overdue: jsonb('overdue').$type<unknown[]>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('deadline_alerts_run_idx').on(t.runOn)]);

/** Sequence of 文号 per prefix and year: numbers are never reused. */
export const docNumberSequences = pgTable('doc_number_sequences', {
  prefix: text('prefix').notNull(),
  year: integer('year').notNull(),
  last: integer('last').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.prefix, t.year] })]);

/** Long imports run as jobs: the UI polls progress; errors are listed by row, column and value. */
export const importJobs = pgTable('import_jobs', {
  id: serial('id').primaryKey(),
  kind: text('kind').notNull(), // requests | cases | publications
  filename: text('filename').notNull(),
  status: text('status').notNull(), // running | succeeded | failed
  total: integer('total'),
  processed: integer('processed').notNull().default(0),
  inserted: integer('inserted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  errors: jsonb('errors').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
  message: text('message'),
  createdBy: integer('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
});
