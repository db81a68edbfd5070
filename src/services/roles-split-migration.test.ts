/**
 * Migration 0009 on an existing deployment (issue 12 item 3): the old first-start `admin` held 系统管理员 + 安全管理员;
 * an account that granted itself everything held four roles. After it: `admin` keeps 系统管理员, the mixed account
 * keeps nothing, the start-up audits both and creates the missing security admin and auditor with printed passwords.
 * Also the command-line account administration that replaces the security admin for 系统管理员/审计员.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { getTestDb } from '../../test/db.js';
import { auditLog, users } from '../db/schema/index.js';
import { MIGRATIONS_FOLDER } from '../db/migrate.js';
import type { DbHandle } from '../db/client.js';
import { startupAccountNotice } from '../runtime.js';
import { auditRoleSplit, createAccountFromCli, ensureAdminAccounts, resetAccountFromCli } from './users.js';

describe('migration 0009 and command-line accounts', () => {
  let handle: DbHandle;
  const rolesOf = async (username: string) => (await handle.db.select({ roles: users.roles }).from(users).where(eq(users.username, username)))[0]?.roles;

  beforeAll(async () => {
    handle = await getTestDb();
    // the deployment as it was before 0009 (the check did not exist)
    await handle.db.execute(sql`ALTER TABLE users DROP CONSTRAINT users_admin_role_alone`);
    await handle.db.insert(users).values([
      { username: 'admin', displayName: '系统管理员', passwordHash: 'x', roles: ['admin', 'security_admin'] },
      { username: 'rogue', displayName: '越权', passwordHash: 'x', roles: ['security_admin', 'admin', 'auditor', 'registrar'] },
      { username: 'clerk', displayName: '登记', passwordHash: 'x', roles: ['registrar', 'handler'] },
    ]);
    const file = readFileSync(join(MIGRATIONS_FOLDER, '0009_admin_roles_split.sql'), 'utf8');
    for (const stmt of file.split('--> statement-breakpoint').slice(1)) await handle.db.execute(sql.raw(stmt));
  });

  it('splits the old admin, empties the mixed account, leaves business accounts alone, and the check holds again', async () => {
    expect(await rolesOf('admin')).toEqual(['admin']);
    expect(await rolesOf('rogue')).toEqual([]);
    expect(await rolesOf('clerk')).toEqual(['registrar', 'handler']);
    await expect(handle.db.update(users).set({ roles: ['admin', 'security_admin'] }).where(eq(users.username, 'admin'))).rejects.toThrow();
  });

  it('the next start audits the split, creates the security admin and auditor, and prints each once', async () => {
    const roleSplits = await auditRoleSplit(handle.db);
    expect(roleSplits.map((c) => [c.username, c.after])).toEqual([['admin', ['admin']], ['rogue', []]]);
    expect(await auditRoleSplit(handle.db)).toEqual([]);
    const audited = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'user.updated'));
    expect(audited.map((a) => (a.detail as { username: string }).username).sort()).toEqual(['admin', 'rogue']);
    const bootstrap = await ensureAdminAccounts(handle.db);
    expect(bootstrap.map((b) => [b.username, b.role])).toEqual([['anquan', 'security_admin'], ['shenji', 'auditor']]);
    const notice = startupAccountNotice({ bootstrap, roleSplits });
    expect(notice).toContain('账号 admin 的角色由 系统管理员、安全管理员 调整为 系统管理员');
    expect(notice).toContain('账号 rogue 的角色由 安全管理员、系统管理员、审计员、登记员 调整为 （无）');
    expect(notice).toMatch(/anquan\s+安全管理员 {2}初始密码：\S{10,}/);
  });

  it('the command line creates an auditor account and resets passwords; it still refuses mixed roles', async () => {
    const a = await createAccountFromCli(handle.db, { username: 'shenji2', displayName: '审计员二', roles: ['auditor'] });
    expect(a.password.length).toBeGreaterThanOrEqual(10);
    const [u] = await handle.db.select().from(users).where(eq(users.username, 'shenji2'));
    expect([u.roles, u.mustChangePassword]).toEqual([['auditor'], true]);
    await expect(createAccountFromCli(handle.db, { username: 'both', displayName: 'x', roles: ['auditor', 'registrar'] })).rejects.toThrow(/三员分立/);
    const r = await resetAccountFromCli(handle.db, 'admin', { resetPassword: true });
    expect(r.password).toBeTruthy();
  });
});
