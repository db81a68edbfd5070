/**
 * Issue 12 items 3, 5 and 8 over HTTP: 三员分立 (the security admin's reproduction), first-login password change,
 * role checks before validation on every staff route, Secure cookies behind HTTPS, idle sessions, a password change
 * ending the other sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getTestDb } from '../../../test/db.js';
import { TEST_KEYS } from '../../../test/db.js';
import { buildTestApp, buildUser, loginAs, TEST_PASSWORD, type Client, type TestApp } from '../../../test/build-test-app.js';
import { buildApp } from '../app.js';
import { users } from '../../db/schema/index.js';
import type { DbHandle } from '../../db/client.js';

const applicant = { type: 'natural', name: '王五', idType: '身份证', idNumber: '11010519491231002X', phone: '13900139000' };

describe('三员分立 and sessions over HTTP', () => {
  let handle: DbHandle;
  let t: TestApp;
  let sec: Client, sys: Client, aud: Client, reg: Client;
  let secId: number;

  beforeAll(async () => {
    handle = await getTestDb();
    t = await buildTestApp(handle, '2026-12-04');
    await buildUser(handle, { username: 'sys', roles: ['admin'] });
    secId = await buildUser(handle, { username: 'sec', roles: ['security_admin'] });
    await buildUser(handle, { username: 'aud', roles: ['auditor'] });
    await buildUser(handle, { username: 'reg', roles: ['registrar'] });
    [sys, sec, aud, reg] = await Promise.all(['sys', 'sec', 'aud', 'reg'].map((u) => loginAs(t.app, u)));
  });
  afterAll(async () => { await t.app.close(); });

  it('the reproduction: the security admin cannot give itself admin, auditor and registrar, nor read an ID number', async () => {
    const self = await sec.patch(`/api/users/${secId}`, { roles: ['security_admin', 'admin', 'auditor', 'registrar'] });
    expect(self.statusCode).toBe(400); // the combination itself is refused first
    expect(self.json().error.message).toContain('三员分立');
    const selfOne = await sec.patch(`/api/users/${secId}`, { roles: ['registrar'] });
    expect(selfOne.statusCode).toBe(403);
    expect(selfOne.json().error.message).toContain('不能修改本人的角色');
    expect((await sec.patch(`/api/users/${secId}`, { active: false })).statusCode).toBe(403);
    const [me] = await handle.db.select({ roles: users.roles }).from(users).where(sql`id = ${secId}`);
    expect(me.roles).toEqual(['security_admin']);
    // and it reads no request (so no 身份证 number)
    const id = (await reg.post('/api/requests', { applicant, description: '申请公开征地批复', channel: 'letter', receivedOn: '2026-12-03' })).json().id;
    expect((await sec.get(`/api/requests/${id}`)).statusCode).toBe(403);
    expect((await sys.get(`/api/requests/${id}`)).statusCode).toBe(403);
    // nor does the system admin export or import ledgers (personal data): the office's business roles do
    expect((await sys.get('/api/exports/requests?format=csv')).statusCode).toBe(403);
    expect((await sys.post('/api/imports/requests', {})).statusCode).toBe(403);
    expect((await reg.get('/api/exports/requests?format=json')).statusCode).toBe(200);
  });

  it('the security admin grants neither 系统管理员 nor 审计员, to new or existing accounts, and cannot reset theirs', async () => {
    for (const role of ['admin', 'auditor']) {
      const r = await sec.post('/api/users', { username: `new${role}`, displayName: '新', roles: [role] });
      expect(r.statusCode, role).toBe(403);
      expect(r.json().error.message).toContain('命令行');
    }
    const clerk = (await sec.post('/api/users', { username: 'clerk1', displayName: '职员', roles: ['registrar'] })).json().id;
    expect((await sec.patch(`/api/users/${clerk}`, { roles: ['auditor'] })).statusCode).toBe(403);
    const audId = (await handle.db.select({ id: users.id }).from(users).where(sql`username = 'aud'`))[0].id;
    expect((await sec.patch(`/api/users/${audId}`, { password: 'Reset-2026pass' })).statusCode).toBe(403);
    expect((await sec.patch(`/api/users/${audId}`, { active: false })).statusCode).toBe(403);
    // a second security admin is fine (same duty), its roles alone
    expect((await sec.post('/api/users', { username: 'sec2', displayName: '安全二', roles: ['security_admin'] })).statusCode).toBe(201);
  });

  it('no account holds two administrator roles, or one with a business role: refused by the API and by the database', async () => {
    for (const roles of [['security_admin', 'registrar'], ['admin', 'security_admin'], ['security_admin', 'auditor'], ['auditor', 'handler']]) {
      const r = await sec.post('/api/users', { username: `mix${roles.length}${roles[1]}`, displayName: '混', roles });
      expect(r.statusCode, roles.join('+')).toBe(400);
      expect(r.json().error.message).toMatch(/三员分立：.+不能/);
    }
    const clerk = (await handle.db.select({ id: users.id }).from(users).where(sql`username = 'clerk1'`))[0].id;
    expect((await sec.patch(`/api/users/${clerk}`, { roles: ['registrar', 'security_admin'] })).statusCode).toBe(400);
    for (const roles of [['admin', 'security_admin'], ['auditor', 'registrar']]) {
      await expect(handle.db.insert(users).values({ username: `raw${roles[0]}`, displayName: 'x', passwordHash: 'x', roles })).rejects.toThrow();
    }
  });

  it('a password chosen by the security admin must be changed at first login, and the new one follows the policy', async () => {
    const r = await sec.post('/api/users', { username: 'chosen', displayName: '选定', roles: ['registrar'], password: 'Qiushui-2026abc' });
    expect(r.statusCode).toBe(201);
    const c = await loginAs(t.app, 'chosen', 'Qiushui-2026abc');
    expect((await c.get('/api/requests')).json().error.message).toContain('请先修改初始密码');
    const weak = await c.post('/api/auth/password', { oldPassword: 'Qiushui-2026abc', newPassword: 'Gongkai2026' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toContain('常见');
    expect((await c.post('/api/auth/password', { oldPassword: 'Qiushui-2026abc', newPassword: 'password12' })).statusCode).toBe(400);
    expect((await c.post('/api/auth/password', { oldPassword: 'Qiushui-2026abc', newPassword: 'Chosen-2026abc' })).json().error.message).toContain('用户名');
    expect((await c.post('/api/auth/password', { oldPassword: 'Qiushui-2026abc', newPassword: 'Lanting#2026x' })).statusCode).toBe(200);
    expect((await c.get('/api/requests')).statusCode).toBe(200);
  });

  it('a password change ends the user\'s other sessions, not the one in use', async () => {
    await buildUser(handle, { username: 'twice', roles: ['registrar'] });
    const a = await loginAs(t.app, 'twice');
    const b = await loginAs(t.app, 'twice');
    expect((await b.get('/api/requests')).statusCode).toBe(200);
    expect((await a.post('/api/auth/password', { oldPassword: TEST_PASSWORD, newPassword: 'Lanting#2026x' })).statusCode).toBe(200);
    expect((await a.get('/api/requests')).statusCode).toBe(200);
    expect((await b.get('/api/requests')).statusCode).toBe(401);
  });

  it('every staff route answers an anonymous caller 401, before looking at its input (was 400 on some)', async () => {
    const open = /^\/api\/(public\/|health$|docs|auth\/(login|logout|me)$)/;
    const staff = t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !open.test(r.url) && r.method !== 'HEAD');
    expect(staff.length).toBeGreaterThan(60);
    const wrong: string[] = [];
    for (const r of staff) {
      const url = r.url.replace(/:[A-Za-z]+/g, 'not-a-number').replace('*', 'x') + '?page=-1&year=abc&format=nonsense';
      const res = await t.app.inject({ method: r.method as 'GET', url, headers: { 'content-type': 'application/json' }, payload: r.method === 'GET' || r.method === 'DELETE' ? undefined : '{"broken json' });
      if (res.statusCode !== 401) wrong.push(`${r.method} ${r.url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect(staff.every((r) => r.needsLogin)).toBe(true);
  });

  it('a logged-in user without the role gets 403 before validation too', async () => {
    const res = await aud.post('/api/departments', { name: '' });
    expect(res.statusCode).toBe(403);
    expect((await sys.post('/api/departments', { name: '' })).statusCode).toBe(400);
  });

  it('cookies are Secure when the request came over HTTPS through a trusted proxy, not when an outsider claims it', async () => {
    const login = (headers: Record<string, string>, remoteAddress?: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'reg', password: TEST_PASSWORD }, headers, ...(remoteAddress ? { remoteAddress } : {}) });
    const viaProxy = await login({ 'x-forwarded-proto': 'https' });
    expect(viaProxy.cookies.map((c) => [c.name, c.secure])).toEqual([['gk_session', true], ['gk_csrf', true]]);
    const plain = await login({});
    expect(plain.cookies.every((c) => !c.secure)).toBe(true);
    const spoofed = await login({ 'x-forwarded-proto': 'https' }, '203.0.113.9');
    expect(spoofed.statusCode).toBe(200);
    expect(spoofed.cookies.every((c) => !c.secure)).toBe(true);
  });

  it('an idle session ends after the idle timeout; activity keeps it alive; 12 h is still the limit', async () => {
    let now = Date.parse('2026-12-04T01:00:00Z');
    const app = await buildApp({ db: handle.db, keys: TEST_KEYS, clock: () => new Date(now), today: () => '2026-12-04', publicRateLimit: 1000, webDir: '/nonexistent', sessionIdleMinutes: 30 });
    try {
      const c = await loginAs(app, 'reg');
      const minutes = (m: number) => { now += m * 60_000; };
      minutes(29);
      expect((await c.get('/api/auth/me')).json().user?.username).toBe('reg');
      minutes(29); // 58 min since login, 29 since the last request
      expect((await c.get('/api/requests')).statusCode).toBe(200);
      minutes(31);
      expect((await c.get('/api/requests')).statusCode).toBe(401);
      const d = await loginAs(app, 'reg');
      for (let i = 0; i < 24; i++) { minutes(29); expect((await d.get('/api/auth/me')).json().user?.username).toBe('reg'); }
      minutes(29); // 12 h 5 min after login, active all along
      expect((await d.get('/api/requests')).statusCode).toBe(401);
    } finally { await app.close(); }
  });

  it('a real 查询码 with a wrong key answers as fast as an unknown code (it used to fetch the timeline first)', async () => {
    const made = (await reg.post('/api/requests', { applicant, description: '申请公开查询计时测试', channel: 'letter', receivedOn: '2026-12-03' })).json();
    // a long timeline makes the old extra work visible: 3,000 events fetched and refused
    await handle.db.execute(sql`INSERT INTO request_events (request_id, seq, type, "on", payload, actor_name)
      SELECT ${made.id}, 1000 + g, 'consultation_started', '2026-12-03', '{"note":"计时"}'::jsonb, '测试' FROM generate_series(1, 3000) g`);
    const ask = async (code: string, key: string) => { const t0 = performance.now(); const r = await t.app.inject({ method: 'GET', url: `/api/public/requests/${code}?key=${key}` }); expect(r.statusCode).toBe(404); return performance.now() - t0; };
    const wrongKey: number[] = [], unknown: number[] = [];
    for (let i = 0; i < 25; i++) { wrongKey.push(await ask(made.trackingCode, 'WRONGKEY')); unknown.push(await ask('GK0000000000', 'WRONGKEY')); }
    const median = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
    expect(median(wrongKey)).toBeLessThan(median(unknown) * 1.5 + 0.5);
    const right = await t.app.inject({ method: 'GET', url: `/api/public/requests/${made.trackingCode}?key=${made.accessKey}` });
    expect(right.statusCode).toBe(200);
  });
});
