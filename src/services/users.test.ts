/**
 * Login lockout under concurrency (issue 12 item 5: 3 bursts of 60 concurrent wrong passwords locked nothing, then the
 * right password logged in), one answer for every failure, and the first-start administrator accounts (三员分立).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getTestDb, TEST_KEYS } from '../../test/db.js';
import { buildUser, TEST_PASSWORD } from '../../test/build-test-app.js';
import { users } from '../db/schema/index.js';
import type { DbHandle } from '../db/client.js';
import { DomainError } from '../core/errors.js';
import { ensureAdminAccounts, LOGIN_FAILED_MESSAGE, login } from './users.js';
import type { ServiceContext } from './context.js';

describe('login lockout and first-start accounts', () => {
  let handle: DbHandle;
  const ctx = (now = new Date()): ServiceContext => ({ db: handle.db, keys: TEST_KEYS, now, today: '2026-12-04', actor: null, ip: '198.51.100.7' });
  const failure = (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof DomainError ? e.message : String(e)));

  beforeAll(async () => {
    handle = await getTestDb();
    await buildUser(handle, { username: 'target', roles: ['registrar'] });
    await buildUser(handle, { username: 'victim2', roles: ['registrar'] });
  });
  afterAll(async () => {});

  it('a burst of 20 concurrent wrong passwords locks the account; then the right password is refused with the same answer', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => failure(login(ctx(), 'target', 'Wrong-pass-123'))));
    expect(new Set(answers)).toEqual(new Set([LOGIN_FAILED_MESSAGE]));
    const [u] = await handle.db.select().from(users).where(eq(users.username, 'target'));
    expect(u.failedLogins).toBeGreaterThanOrEqual(5);
    expect(u.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(await failure(login(ctx(), 'target', TEST_PASSWORD))).toBe(LOGIN_FAILED_MESSAGE);
    // after the lock the right password works again, and the counter starts over
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await failure(login(ctx(later), 'target', TEST_PASSWORD))).toBe('ok');
    const [after] = await handle.db.select().from(users).where(eq(users.username, 'target'));
    expect([after.failedLogins, after.lockedUntil]).toEqual([0, null]);
  });

  it('the right password racing a burst of wrong ones does not slip through once the lock is set', async () => {
    const burst = Array.from({ length: 10 }, () => failure(login(ctx(), 'victim2', 'Wrong-pass-123')));
    await Promise.all(burst);
    expect(await failure(login(ctx(), 'victim2', TEST_PASSWORD))).toBe(LOGIN_FAILED_MESSAGE);
  });

  it('unknown, locked and wrong-password logins give one message and cost about the same (real scrypt work each)', async () => {
    const time = async (username: string) => { const t0 = performance.now(); await failure(login(ctx(), username, 'Wrong-pass-123')); return performance.now() - t0; };
    expect(await failure(login(ctx(), 'nobody-here', 'Wrong-pass-123'))).toBe(LOGIN_FAILED_MESSAGE);
    await buildUser(handle, { username: 'timing', roles: ['registrar'] });
    const unknown: number[] = [], locked: number[] = [], known: number[] = [];
    for (let i = 0; i < 4; i++) { known.push(await time('timing')); unknown.push(await time('nobody-here')); locked.push(await time('target')); }
    const median = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
    // the old dummy hash used scrypt N=2^14 (half the work of the real N=2^15): unknown names answered in ~half the time
    expect(median(unknown) / median(known)).toBeGreaterThan(0.7);
    expect(median(locked) / median(known)).toBeGreaterThan(0.7);
  });

  it('first start creates 系统管理员, 安全管理员 and 审计员 as three accounts, each must change its password; idempotent', async () => {
    const created = await ensureAdminAccounts(handle.db);
    expect(created.map((c) => [c.username, c.role])).toEqual([['admin', 'admin'], ['anquan', 'security_admin'], ['shenji', 'auditor']]);
    for (const c of created) {
      const [u] = await handle.db.select().from(users).where(eq(users.username, c.username));
      expect(u.roles).toEqual([c.role]);
      expect(u.mustChangePassword).toBe(true);
      const s = await login(ctx(), c.username, c.password);
      expect(s.user.mustChangePassword).toBe(true);
    }
    expect(await ensureAdminAccounts(handle.db)).toEqual([]);
  });
});
