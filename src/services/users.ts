import { and, asc, eq, gt, isNull, lt, lte, ne, or, sql } from 'drizzle-orm';
import { departments, sessions, settings, users } from '../db/schema/index.js';
import type { Executor } from '../db/client.js';
import { DomainError } from '../core/errors.js';
import { hashPassword, randomToken, sm3, verifyPassword } from '../security/crypto.js';
import { appendAudit } from './audit.js';
import { requireRole } from './authorize.js';
import { ROLES, ROLE_LABELS, SYSTEM_ACTOR, type Actor, type Role, type ServiceContext } from './context.js';
import { COMMAND_LINE_ONLY_ROLES, roleCombinationProblem, type AdminRole } from '../shared/roles.js';
import { passwordProblems } from '../shared/password-policy.js';

export const SESSION_HOURS = 12;
/** Default idle timeout of a session (config GONGKAI_SESSION_IDLE_MINUTES). */
export const SESSION_IDLE_MINUTES = 30;
/** A session's last-seen time is written at most this often (not on every request). */
const SEEN_EVERY_MS = 60_000;
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
/**
 * The one answer to every failed login: wrong password, unknown or disabled account, locked account. It does not
 * tell whether the account exists or is locked (issue 12 item 5); it says the rule, so a locked-out user understands.
 */
export const LOGIN_FAILED_MESSAGE = `用户名或密码错误（连续${MAX_FAILED_LOGINS}次错误后账号将锁定${LOCK_MINUTES}分钟）`;

function toActor(u: typeof users.$inferSelect): Actor {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: (u.roles ?? []) as Role[], departmentId: u.departmentId ?? null };
}

/** Refuses a password that breaks the policy (shared/password-policy.ts), naming every reason. */
export function assertPasswordStrength(password: string, username?: string | null, field = 'password'): void {
  const problems = passwordProblems(password, username);
  if (problems.length) throw new DomainError('VALIDATION', `密码不符合要求：${problems.join('；')}`, { problems: problems.map((message) => ({ field, message })) });
}

/** A random initial password that passes the policy (printed or shown once; the user must replace it). */
export function generatePassword(username?: string): string {
  for (;;) {
    const p = `Gk${randomToken(9)}7`;
    if (passwordProblems(p, username).length === 0) return p;
  }
}

/**
 * A hash with the real scrypt parameters of a password nobody knows: unknown, disabled and locked accounts are
 * checked against it so that every failed login costs the same (a cheaper dummy told which user names exist).
 */
let dummyHash: Promise<string> | null = null;
const getDummyHash = () => (dummyHash ??= hashPassword(randomToken(32)));
/** Computes the dummy hash ahead of the first failed login (else that one answer would cost two scrypt runs). */
export const prepareLogin = (): void => { void getDummyHash(); };

/**
 * Use case: log in. Returns the cookie token (only its SM3 hash is stored) and the CSRF token of the session.
 * Lockout: the failure counter is incremented in one UPDATE … RETURNING (concurrent wrong passwords each count; a
 * read-then-write let 60 at once through without a lock), and a success only resets it when the account is not
 * locked at that moment, so a right password racing a burst of wrong ones cannot slip between them.
 */
export async function login(ctx: ServiceContext, username: string, password: string) {
  const name = username.trim();
  const [u] = await ctx.db.select().from(users).where(eq(users.username, name));
  const fail = () => new DomainError('UNAUTHORIZED', LOGIN_FAILED_MESSAGE);
  const locked = !!u && !!u.lockedUntil && u.lockedUntil > ctx.now;
  const ok = await verifyPassword(password, u && u.active && !locked ? u.passwordHash : await getDummyHash());
  if (!u || !u.active || locked || !ok) {
    await ctx.db.transaction(async (tx) => {
      let detail: Record<string, unknown> | undefined;
      if (u && u.active && !locked) {
        const lockEnd = new Date(ctx.now.getTime() + LOCK_MINUTES * 60_000);
        // One statement: the count is read and written under the row lock, so concurrent failures all count.
        const r = await tx.execute(sql`UPDATE users SET
            failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= ${ctx.now} THEN 1 ELSE failed_logins + 1 END,
            locked_until = CASE WHEN locked_until > ${ctx.now} THEN locked_until
              WHEN (CASE WHEN locked_until IS NOT NULL AND locked_until <= ${ctx.now} THEN 1 ELSE failed_logins + 1 END) >= ${MAX_FAILED_LOGINS} THEN ${lockEnd}
              ELSE NULL END
          WHERE id = ${u.id} RETURNING failed_logins AS "failedLogins", locked_until AS "lockedUntil"`);
        const row = (r as unknown as { rows: { failedLogins: number; lockedUntil: unknown }[] }).rows[0];
        detail = { failedLogins: row?.failedLogins, locked: row?.lockedUntil != null };
      } else {
        detail = { username: name.slice(0, 64), reason: !u ? 'unknown_user' : !u.active ? 'inactive' : 'locked' };
      }
      await appendAudit(tx, u ? toActor(u) : null, { action: 'auth.login_failed', targetType: 'user', targetId: u?.id ?? null, detail }, ctx.ip ?? null, ctx.now);
    });
    throw fail();
  }
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  await ctx.db.transaction(async (tx) => {
    const reset = await tx.update(users).set({ failedLogins: 0, lockedUntil: null })
      .where(and(eq(users.id, u.id), or(isNull(users.lockedUntil), lte(users.lockedUntil, ctx.now)))).returning({ id: users.id });
    if (!reset.length) throw fail(); // locked meanwhile by concurrent failures
    await tx.delete(sessions).where(lt(sessions.expiresAt, ctx.now));
    await tx.insert(sessions).values({ id: sm3(token), userId: u.id, csrfToken, expiresAt: new Date(ctx.now.getTime() + SESSION_HOURS * 3600_000), lastSeenAt: ctx.now });
    await appendAudit(tx, toActor(u), { action: 'auth.login', targetType: 'user', targetId: u.id }, ctx.ip ?? null, ctx.now);
  });
  return { token, csrfToken, user: { ...toActor(u), mustChangePassword: u.mustChangePassword } };
}

/**
 * The session of a cookie token, or null when it is unknown, past its absolute end (12 h), idle longer than
 * `idleMinutes`, or its user is disabled. Activity is recorded at most once a minute. An account whose roles break
 * 三员分立 (possible only in data written before the rule) acts with no roles until the security admin fixes it.
 */
export async function findSession(db: Executor, token: string, now: Date, idleMinutes = SESSION_IDLE_MINUTES) {
  const id = sm3(token);
  const [row] = await db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, new Date(now.getTime() - idleMinutes * 60_000))));
  if (!row || !row.user.active) return null;
  if (now.getTime() - row.session.lastSeenAt.getTime() >= SEEN_EVERY_MS) await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  const actor = toActor(row.user);
  if (roleCombinationProblem(actor.roles)) actor.roles = [];
  return { actor, sessionId: id, csrfToken: row.session.csrfToken, mustChangePassword: row.user.mustChangePassword };
}

export async function logout(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sm3(token)));
}

/** Use case: a user replaces their password; their other sessions end (the one in use, `keepSessionId`, stays). */
export async function changeOwnPassword(ctx: ServiceContext, oldPassword: string, newPassword: string, keepSessionId?: string | null) {
  if (!ctx.actor) throw new DomainError('UNAUTHORIZED', '请先登录');
  const [u] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.id));
  if (!u || !(await verifyPassword(oldPassword, u.passwordHash))) throw new DomainError('VALIDATION', '原密码不正确', { problems: [{ field: 'oldPassword', message: '原密码不正确' }] });
  assertPasswordStrength(newPassword, u.username, 'newPassword');
  if (await verifyPassword(newPassword, u.passwordHash)) throw new DomainError('VALIDATION', '新密码不能与原密码相同', { problems: [{ field: 'newPassword', message: '新密码不能与原密码相同' }] });
  const hash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash, mustChangePassword: false }).where(eq(users.id, u.id));
    const ended = await tx.delete(sessions).where(keepSessionId ? and(eq(sessions.userId, u.id), ne(sessions.id, keepSessionId)) : eq(sessions.userId, u.id)).returning({ id: sessions.id });
    await appendAudit(tx, ctx.actor, { action: 'user.password_changed', targetType: 'user', targetId: u.id, detail: { otherSessionsEnded: ended.length } }, ctx.ip ?? null, ctx.now);
  });
}

export interface UserInput { username: string; displayName: string; roles: Role[]; departmentId?: number | null; active?: boolean; password?: string }

function assertRoles(roles: string[]): asserts roles is Role[] {
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (bad.length) throw new DomainError('VALIDATION', `未知角色：${bad.join('、')}`, { problems: [{ field: 'roles', message: `未知角色：${bad.join('、')}` }] });
  const problem = roleCombinationProblem(roles);
  if (problem) throw new DomainError('VALIDATION', problem, { problems: [{ field: 'roles', message: problem }] });
}

/** 系统管理员 and 审计员 are never granted (nor taken away) through the security admin's pages: only from the command line. */
function assertNotCommandLineOnly(roles: readonly string[], what: string): void {
  const held = roles.filter((r): r is AdminRole => (COMMAND_LINE_ONLY_ROLES as readonly string[]).includes(r));
  if (held.length) {
    throw new DomainError('FORBIDDEN', `三员分立：${held.map((r) => ROLE_LABELS[r]).join('、')}账号${what}，只能由服务器运维人员在命令行中办理，安全管理员不能在系统中授予或变更`);
  }
}

/** 三员分立: user accounts and roles are managed by the security administrator. */
export async function listUsers(ctx: ServiceContext) {
  requireRole(ctx.actor, 'security_admin', 'admin', 'auditor');
  const rows = await ctx.db.select({ id: users.id, username: users.username, displayName: users.displayName, roles: users.roles, departmentId: users.departmentId, departmentName: departments.name, active: users.active, mustChangePassword: users.mustChangePassword, createdAt: users.createdAt })
    .from(users).leftJoin(departments, eq(departments.id, users.departmentId)).orderBy(asc(users.id));
  return rows.map((r) => ({ ...r, roleProblem: roleCombinationProblem(r.roles ?? []) }));
}

/**
 * Use case: the security admin creates an account. Rules (三员分立, GB/T 22239-2019 第三级): the role set passes
 * `roleCombinationProblem`; 系统管理员 and 审计员 are not granted here; the password, chosen or generated, is known to
 * someone else, so it opens nothing until the user has replaced it.
 */
export async function createUser(ctx: ServiceContext, input: UserInput) {
  const actor = requireRole(ctx.actor, 'security_admin');
  const roles = [...new Set(input.roles)];
  assertRoles(roles);
  assertNotCommandLineOnly(roles, '的创建');
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(input.username)) throw new DomainError('VALIDATION', '用户名须为3–32位字母、数字、下划线、点或连字符', { problems: [{ field: 'username', message: '用户名格式不正确' }] });
  if (roles.includes('handler') && !input.departmentId) throw new DomainError('VALIDATION', '承办人必须指定所属承办单位', { problems: [{ field: 'departmentId', message: '请选择承办单位' }] });
  const password = input.password ?? generatePassword(input.username);
  assertPasswordStrength(password, input.username);
  const hash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (exists) throw new DomainError('CONFLICT', `用户名 ${input.username} 已存在`);
    if (input.departmentId) await assertDepartmentExists(tx, input.departmentId);
    const [row] = await tx.insert(users).values({ username: input.username, displayName: input.displayName, roles, departmentId: input.departmentId ?? null, passwordHash: hash, mustChangePassword: true }).returning({ id: users.id });
    await appendAudit(tx, actor, { action: 'user.created', targetType: 'user', targetId: row.id, detail: { username: input.username, roles, departmentId: input.departmentId ?? null } }, ctx.ip ?? null, ctx.now);
    return { id: row.id, initialPassword: input.password ? null : password };
  });
}

/**
 * Use case: the security admin edits an account. Nobody changes their own roles or disables themselves; accounts of
 * the 系统管理员 and 审计员 are managed from the command line only (a reset password would let the security admin
 * act as them); a reset password must be replaced at the next login and ends the user's sessions.
 */
export async function updateUser(ctx: ServiceContext, id: number, input: Partial<UserInput>) {
  const actor = requireRole(ctx.actor, 'security_admin');
  const roles = input.roles ? [...new Set(input.roles)] : undefined;
  if (roles) assertRoles(roles);
  if (id === actor.id && roles !== undefined) throw new DomainError('FORBIDDEN', '三员分立：不能修改本人的角色，须由其他安全管理员或服务器运维人员办理');
  if (id === actor.id && input.active === false) throw new DomainError('FORBIDDEN', '不能停用本人账号');
  if (roles) assertNotCommandLineOnly(roles, '的授予');
  return ctx.db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, id));
    if (!u) throw new DomainError('NOT_FOUND', `用户 ${id} 不存在`);
    const beyondName = Object.entries(input).some(([k, v]) => k !== 'displayName' && v !== undefined);
    if (beyondName) assertNotCommandLineOnly(u.roles ?? [], '的角色、密码和启用状态');
    const set: Partial<typeof users.$inferInsert> = {};
    if (input.displayName !== undefined) set.displayName = input.displayName;
    if (roles !== undefined) set.roles = roles;
    if (input.departmentId !== undefined) set.departmentId = input.departmentId;
    if (input.active !== undefined) set.active = input.active;
    if (input.password) { assertPasswordStrength(input.password, u.username); set.passwordHash = await hashPassword(input.password); set.mustChangePassword = true; set.failedLogins = 0; set.lockedUntil = null; }
    if (input.departmentId) await assertDepartmentExists(tx, input.departmentId);
    if (Object.keys(set).length === 0) throw new DomainError('VALIDATION', '没有要修改的内容：可修改姓名、角色、承办单位、启用状态或重置密码');
    const nextRoles = (roles ?? u.roles ?? []) as Role[];
    if (nextRoles.includes('handler') && !(input.departmentId !== undefined ? input.departmentId : u.departmentId)) throw new DomainError('VALIDATION', '承办人必须指定所属承办单位', { problems: [{ field: 'departmentId', message: '请选择承办单位' }] });
    await tx.update(users).set(set).where(eq(users.id, id));
    // Deactivated, a password reset, or new roles: the user's open sessions end now.
    if (input.active === false || input.password || roles !== undefined) await tx.delete(sessions).where(eq(sessions.userId, id));
    await appendAudit(tx, actor, { action: 'user.updated', targetType: 'user', targetId: id, detail: { ...input, roles, password: input.password ? '***' : undefined } }, ctx.ip ?? null, ctx.now);
  });
}

export async function listDepartments(db: Executor) {
  return db.select().from(departments).orderBy(asc(departments.id));
}

export async function createDepartment(ctx: ServiceContext, input: { name: string; code?: string | null }) {
  const actor = requireRole(ctx.actor, 'admin');
  if (!input.name?.trim()) throw new DomainError('VALIDATION', '请填写单位名称', { problems: [{ field: 'name', message: '单位名称不能为空' }] });
  return ctx.db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.name, input.name.trim()));
    if (exists) throw new DomainError('CONFLICT', `承办单位“${input.name.trim()}”已存在`);
    const [row] = await tx.insert(departments).values({ name: input.name.trim(), code: input.code ?? null }).returning();
    await appendAudit(tx, actor, { action: 'department.created', targetType: 'department', targetId: row.id, detail: { name: row.name } }, ctx.ip ?? null, ctx.now);
    return row;
  });
}

async function assertDepartmentExists(tx: Executor, id: number): Promise<void> {
  const [d] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, id));
  if (!d) throw new DomainError('VALIDATION', `承办单位（编号 ${id}）不存在：请从承办单位列表中选择`, { problems: [{ field: 'departmentId', message: '承办单位不存在' }] });
}

export async function updateDepartment(ctx: ServiceContext, id: number, input: { name?: string; code?: string | null; active?: boolean }) {
  const actor = requireRole(ctx.actor, 'admin');
  const set = Object.fromEntries(Object.entries({ name: input.name?.trim(), code: input.code, active: input.active }).filter(([, v]) => v !== undefined));
  if (Object.keys(set).length === 0) throw new DomainError('VALIDATION', '没有要修改的内容：可修改名称、代码或启用状态');
  return ctx.db.transaction(async (tx) => {
    if (set.name) {
      const [same] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.name, set.name as string));
      if (same && same.id !== id) throw new DomainError('CONFLICT', `承办单位“${set.name}”已存在`);
    }
    const r = await tx.update(departments).set(set).where(eq(departments.id, id)).returning();
    if (!r.length) throw new DomainError('NOT_FOUND', `承办单位 ${id} 不存在`);
    await appendAudit(tx, actor, { action: 'department.updated', targetType: 'department', targetId: id, detail: input }, ctx.ip ?? null, ctx.now);
    return r[0];
  });
}

/** The first-start account of each administrator role (names as in `npx gongkai demo`). */
export const ADMIN_ACCOUNTS: readonly { role: AdminRole; username: string; displayName: string }[] = [
  { role: 'admin', username: 'admin', displayName: '系统管理员' },
  { role: 'security_admin', username: 'anquan', displayName: '安全管理员' },
  { role: 'auditor', username: 'shenji', displayName: '审计员' },
];

export interface CreatedAccount { username: string; role: AdminRole; password: string }

/**
 * 三员分立 on start: every administrator role has an active account that holds it alone. On first start this creates
 * `admin` (系统管理员), `anquan` (安全管理员) and `shenji` (审计员); on an existing deployment it creates the ones
 * missing (e.g. the security admin after migration 0009 took 安全管理员 off the old `admin`). Each gets a random
 * password, returned once for the caller to print, to be replaced at first login. Idempotent.
 */
export async function ensureAdminAccounts(db: Executor, now = new Date()): Promise<CreatedAccount[]> {
  const all = await db.select({ username: users.username, roles: users.roles, active: users.active }).from(users);
  const created: CreatedAccount[] = [];
  for (const a of ADMIN_ACCOUNTS) {
    if (all.some((u) => u.active && (u.roles ?? []).includes(a.role) && !roleCombinationProblem(u.roles ?? []))) continue;
    let username = a.username;
    for (let i = 2; all.some((u) => u.username === username); i++) username = `${a.username}${i}`;
    const password = generatePassword(username);
    await db.transaction(async (tx) => {
      const [row] = await tx.insert(users).values({ username, displayName: a.displayName, roles: [a.role], passwordHash: await hashPassword(password), mustChangePassword: true }).returning({ id: users.id });
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'user.created', targetType: 'user', targetId: row.id, detail: { username, roles: [a.role], by: '首次启动/三员分立账号补建' } }, null, now);
    });
    all.push({ username, roles: [a.role], active: true });
    created.push({ username, role: a.role, password });
  }
  return created;
}

export interface RoleSplit { username: string; before: string[]; after: string[] }

/**
 * Migration 0009 took the extra administrator roles off accounts that mixed them (see its SQL) and left a note in
 * `settings`; the first start after it writes one audit entry per account and returns the changes to print. Once.
 */
export async function auditRoleSplit(db: Executor, now = new Date()): Promise<RoleSplit[]> {
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(settings).where(eq(settings.key, 'roles_split_0009')).returning();
    if (!row) return [];
    const changes = row.value as RoleSplit[];
    for (const c of changes) {
      const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.username, c.username));
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'user.updated', targetType: 'user', targetId: u?.id ?? null, detail: { username: c.username, rolesBefore: c.before, roles: c.after, by: '三员分立迁移（0009）' } }, null, now);
    }
    return changes;
  });
}

/**
 * Command-line account administration, for whoever runs the server (三员分立: the 系统管理员 and 审计员 accounts are
 * managed here, never by the security admin's pages). Each returns a random password to print once; the user must
 * replace it at first login. Audited as 系统 (command line).
 */
export async function createAccountFromCli(db: Executor, input: { username: string; displayName: string; roles: string[]; departmentId?: number | null }, now = new Date()): Promise<{ username: string; password: string }> {
  const roles = [...new Set(input.roles)];
  if (!roles.length) throw new DomainError('VALIDATION', '请用 --role 指定角色');
  assertRoles(roles);
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(input.username)) throw new DomainError('VALIDATION', '用户名须为3–32位字母、数字、下划线、点或连字符');
  if (roles.includes('handler') && !input.departmentId) throw new DomainError('VALIDATION', '承办人必须指定所属承办单位');
  const password = generatePassword(input.username);
  const hash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (exists) throw new DomainError('CONFLICT', `用户名 ${input.username} 已存在`);
    const [row] = await tx.insert(users).values({ username: input.username, displayName: input.displayName, roles, departmentId: input.departmentId ?? null, passwordHash: hash, mustChangePassword: true }).returning({ id: users.id });
    await appendAudit(tx, SYSTEM_ACTOR, { action: 'user.created', targetType: 'user', targetId: row.id, detail: { username: input.username, roles, by: '命令行' } }, null, now);
  });
  return { username: input.username, password };
}

/** Command line: a new random password (to be replaced at next login), lock cleared, sessions ended; or enable/disable. */
export async function resetAccountFromCli(db: Executor, username: string, change: { resetPassword?: boolean; active?: boolean }, now = new Date()): Promise<{ password: string | null }> {
  const password = change.resetPassword ? generatePassword(username) : null;
  const hash = password ? await hashPassword(password) : null;
  await db.transaction(async (tx) => {
    const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
    if (!u) throw new DomainError('NOT_FOUND', `用户 ${username} 不存在`);
    const set: Partial<typeof users.$inferInsert> = {};
    if (hash) Object.assign(set, { passwordHash: hash, mustChangePassword: true, failedLogins: 0, lockedUntil: null });
    if (change.active !== undefined) set.active = change.active;
    await tx.update(users).set(set).where(eq(users.id, u.id));
    await tx.delete(sessions).where(eq(sessions.userId, u.id));
    await appendAudit(tx, SYSTEM_ACTOR, { action: 'user.updated', targetType: 'user', targetId: u.id, detail: { username, password: hash ? '***' : undefined, active: change.active, by: '命令行' } }, null, now);
  });
  return { password };
}
