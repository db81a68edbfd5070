import { and, asc, eq, gt, lt, sql } from 'drizzle-orm';
import { departments, sessions, users } from '../db/schema/index.js';
import type { Executor } from '../db/client.js';
import { DomainError } from '../core/errors.js';
import { hashPassword, randomToken, sm3, verifyPassword } from '../security/crypto.js';
import { appendAudit } from './audit.js';
import { requireRole } from './authorize.js';
import { ROLES, type Actor, type Role, type ServiceContext } from './context.js';

export const SESSION_HOURS = 12;
const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;

function toActor(u: typeof users.$inferSelect): Actor {
  return { id: u.id, username: u.username, displayName: u.displayName, roles: (u.roles ?? []) as Role[], departmentId: u.departmentId ?? null };
}

export function assertPasswordStrength(password: string): void {
  if (password.length < 10 || !/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    throw new DomainError('VALIDATION', '密码至少10位，且须同时包含字母和数字', { problems: [{ field: 'password', message: '密码强度不足' }] });
  }
}

/** Use case: log in. Returns the cookie token (only its SM3 hash is stored) and the CSRF token of the session. */
export async function login(ctx: ServiceContext, username: string, password: string) {
  const [u] = await ctx.db.select().from(users).where(eq(users.username, username.trim()));
  const fail = () => new DomainError('UNAUTHORIZED', '用户名或密码错误');
  if (!u || !u.active) { await verifyPassword(password, 'scrypt$16384$8$1$00$00').catch(() => false); throw fail(); }
  if (u.lockedUntil && u.lockedUntil > ctx.now) throw new DomainError('UNAUTHORIZED', `连续登录失败次数过多，账号已锁定至 ${u.lockedUntil.toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai' })}`);
  if (!(await verifyPassword(password, u.passwordHash))) {
    const failed = u.failedLogins + 1;
    await ctx.db.update(users).set({ failedLogins: failed, lockedUntil: failed >= MAX_FAILED_LOGINS ? new Date(ctx.now.getTime() + LOCK_MINUTES * 60_000) : null }).where(eq(users.id, u.id));
    await ctx.db.transaction((tx) => appendAudit(tx, toActor(u), { action: 'auth.login_failed', targetType: 'user', targetId: u.id }, ctx.ip ?? null, ctx.now));
    throw fail();
  }
  const token = randomToken(32);
  const csrfToken = randomToken(24);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, u.id));
    await tx.delete(sessions).where(lt(sessions.expiresAt, ctx.now));
    await tx.insert(sessions).values({ id: sm3(token), userId: u.id, csrfToken, expiresAt: new Date(ctx.now.getTime() + SESSION_HOURS * 3600_000) });
    await appendAudit(tx, toActor(u), { action: 'auth.login', targetType: 'user', targetId: u.id }, ctx.ip ?? null, ctx.now);
  });
  return { token, csrfToken, user: { ...toActor(u), mustChangePassword: u.mustChangePassword } };
}

export async function findSession(db: Executor, token: string, now: Date) {
  const [row] = await db.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sm3(token)), gt(sessions.expiresAt, now)));
  if (!row || !row.user.active) return null;
  return { actor: toActor(row.user), csrfToken: row.session.csrfToken, mustChangePassword: row.user.mustChangePassword };
}

export async function logout(db: Executor, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sm3(token)));
}

export async function changeOwnPassword(ctx: ServiceContext, oldPassword: string, newPassword: string) {
  if (!ctx.actor) throw new DomainError('UNAUTHORIZED', '请先登录');
  const [u] = await ctx.db.select().from(users).where(eq(users.id, ctx.actor.id));
  if (!u || !(await verifyPassword(oldPassword, u.passwordHash))) throw new DomainError('VALIDATION', '原密码不正确', { problems: [{ field: 'oldPassword', message: '原密码不正确' }] });
  assertPasswordStrength(newPassword);
  const hash = await hashPassword(newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash: hash, mustChangePassword: false }).where(eq(users.id, u.id));
    await appendAudit(tx, ctx.actor, { action: 'user.password_changed', targetType: 'user', targetId: u.id }, ctx.ip ?? null, ctx.now);
  });
}

export interface UserInput { username: string; displayName: string; roles: Role[]; departmentId?: number | null; active?: boolean; password?: string }

function assertRoles(roles: string[]): asserts roles is Role[] {
  const bad = roles.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (bad.length) throw new DomainError('VALIDATION', `未知角色：${bad.join('、')}`);
}

/** 三员分立: user accounts and roles are managed by the security administrator. */
export async function listUsers(ctx: ServiceContext) {
  requireRole(ctx.actor, 'security_admin', 'admin', 'auditor');
  const rows = await ctx.db.select({ id: users.id, username: users.username, displayName: users.displayName, roles: users.roles, departmentId: users.departmentId, departmentName: departments.name, active: users.active, createdAt: users.createdAt })
    .from(users).leftJoin(departments, eq(departments.id, users.departmentId)).orderBy(asc(users.id));
  return rows;
}

export async function createUser(ctx: ServiceContext, input: UserInput) {
  const actor = requireRole(ctx.actor, 'security_admin');
  assertRoles(input.roles);
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(input.username)) throw new DomainError('VALIDATION', '用户名须为3–32位字母、数字、下划线、点或连字符', { problems: [{ field: 'username', message: '用户名格式不正确' }] });
  if (input.roles.includes('handler') && !input.departmentId) throw new DomainError('VALIDATION', '承办人必须指定所属承办单位', { problems: [{ field: 'departmentId', message: '请选择承办单位' }] });
  // A generated initial password always has letters and a digit (a bare random token sometimes had no digit and
  // failed the strength rule: creating a user then failed about one time in eight).
  const password = input.password ?? `Gk${randomToken(9)}7`;
  assertPasswordStrength(password);
  const hash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const [exists] = await tx.select({ id: users.id }).from(users).where(eq(users.username, input.username));
    if (exists) throw new DomainError('CONFLICT', `用户名 ${input.username} 已存在`);
    if (input.departmentId) await assertDepartmentExists(tx, input.departmentId);
    const [row] = await tx.insert(users).values({ username: input.username, displayName: input.displayName, roles: input.roles, departmentId: input.departmentId ?? null, passwordHash: hash, mustChangePassword: !input.password }).returning({ id: users.id });
    await appendAudit(tx, actor, { action: 'user.created', targetType: 'user', targetId: row.id, detail: { username: input.username, roles: input.roles, departmentId: input.departmentId ?? null } }, ctx.ip ?? null, ctx.now);
    return { id: row.id, initialPassword: input.password ? null : password };
  });
}

export async function updateUser(ctx: ServiceContext, id: number, input: Partial<UserInput>) {
  const actor = requireRole(ctx.actor, 'security_admin');
  if (input.roles) assertRoles(input.roles);
  return ctx.db.transaction(async (tx) => {
    const [u] = await tx.select().from(users).where(eq(users.id, id));
    if (!u) throw new DomainError('NOT_FOUND', `用户 ${id} 不存在`);
    const set: Partial<typeof users.$inferInsert> = {};
    if (input.displayName !== undefined) set.displayName = input.displayName;
    if (input.roles !== undefined) set.roles = input.roles;
    if (input.departmentId !== undefined) set.departmentId = input.departmentId;
    if (input.active !== undefined) set.active = input.active;
    if (input.password) { assertPasswordStrength(input.password); set.passwordHash = await hashPassword(input.password); set.mustChangePassword = true; }
    if (input.departmentId) await assertDepartmentExists(tx, input.departmentId);
    if (Object.keys(set).length === 0) throw new DomainError('VALIDATION', '没有要修改的内容：可修改姓名、角色、承办单位、启用状态或重置密码');
    await tx.update(users).set(set).where(eq(users.id, id));
    // Deactivated, or a password reset by the security admin: the user's open sessions end now.
    if (input.active === false || input.password) await tx.delete(sessions).where(eq(sessions.userId, id));
    await appendAudit(tx, actor, { action: 'user.updated', targetType: 'user', targetId: id, detail: { ...input, password: input.password ? '***' : undefined } }, ctx.ip ?? null, ctx.now);
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

/**
 * First start: create the `admin` account (系统管理员 + 安全管理员) with a random password, returned once so the
 * caller can print it. Nothing happens when any user exists.
 */
export async function bootstrapAdmin(db: Executor): Promise<{ username: string; password: string } | null> {
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
  if (n > 0) return null;
  const password = `Gk${randomToken(9)}7`;
  await db.insert(users).values({ username: 'admin', displayName: '系统管理员', roles: ['admin', 'security_admin'], passwordHash: await hashPassword(password), mustChangePassword: true });
  return { username: 'admin', password };
}
