import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestDb } from '../../../test/db.js';
import { buildTestApp, buildUser, loginAs, type Client, type TestApp } from '../../../test/build-test-app.js';
import type { DbHandle } from '../../db/client.js';

const applicant = { type: 'natural', name: '王五', idType: '身份证', idNumber: '11010519491231002X', phone: '13900139000' };

describe('administration: departments, users (三员分立), calendar with deadline recomputation, audit', () => {
  let handle: DbHandle;
  let t: TestApp;
  let admin: Client, security: Client, registrar: Client, auditor: Client;

  beforeAll(async () => {
    handle = await getTestDb();
    t = await buildTestApp(handle, '2026-12-10');
    await buildUser(handle, { username: 'sys', roles: ['admin'] });
    await buildUser(handle, { username: 'sec', roles: ['security_admin'] });
    await buildUser(handle, { username: 'reg', roles: ['registrar'] });
    await buildUser(handle, { username: 'aud', roles: ['auditor'] });
    [admin, security, registrar, auditor] = await Promise.all(['sys', 'sec', 'reg', 'aud'].map((u) => loginAs(t.app, u)));
  });
  afterAll(async () => { await t.app.close(); });

  it('departments: 403 for non-admins, 400 for an empty name, 201, 409 for a duplicate', async () => {
    expect((await registrar.post('/api/departments', { name: '政策法规司' })).statusCode).toBe(403);
    expect((await admin.post('/api/departments', { name: '' })).statusCode).toBe(400);
    expect((await admin.post('/api/departments', { name: '政策法规司' })).statusCode).toBe(201);
    const dup = await admin.post('/api/departments', { name: '政策法规司' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('已存在');
  });

  it('users are created by the security administrator only; a handler needs a department; the new user can log in', async () => {
    expect((await admin.post('/api/users', { username: 'zhang', displayName: '张三', roles: ['registrar'] })).statusCode).toBe(403);
    const noDept = await security.post('/api/users', { username: 'lisi', displayName: '李四', roles: ['handler'] });
    expect(noDept.statusCode).toBe(400);
    expect(noDept.json().error.message).toContain('承办单位');
    const res = await security.post('/api/users', { username: 'zhang', displayName: '张三', roles: ['registrar'], password: 'Qiushui-2026abc' });
    expect(res.statusCode).toBe(201);
    const c = await loginAs(t.app, 'zhang', 'Qiushui-2026abc');
    expect((await c.get('/api/auth/me')).json().user.username).toBe('zhang');
    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'zhang', password: 'wrong' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error.message).toMatch(/^用户名或密码错误/);
  });

  it('an initial password opens nothing but the password change (the security admin knows it); a reset ends open sessions', async () => {
    const created = (await security.post('/api/users', { username: 'wangwu', displayName: '王五', roles: ['registrar'] })).json();
    expect(created.initialPassword).toBeTruthy();
    const c = await loginAs(t.app, 'wangwu', created.initialPassword);
    const refused = await c.get('/api/requests');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toContain('请先修改初始密码');
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/auth/password', { oldPassword: created.initialPassword, newPassword: 'Chunfeng-2026own' })).statusCode).toBe(200);
    expect((await c.get('/api/requests')).statusCode).toBe(200);
    // the security admin resets it: the session in use ends, and the new one is again limited to changing it
    expect((await security.patch(`/api/users/${created.id}`, { password: 'Reset-2026pass' })).statusCode).toBe(200);
    expect((await c.get('/api/requests')).statusCode).toBe(401);
    const again = await loginAs(t.app, 'wangwu', 'Reset-2026pass');
    expect((await again.get('/api/requests')).statusCode).toBe(403);
  });

  it('a deadline running into 2027 is provisional until the 2027 notice is entered; entering it recomputes open deadlines', async () => {
    const reg = await registrar.post('/api/requests', { applicant, description: '申请公开2026年度征地批复', channel: 'in_person', receivedOn: '2026-12-10' });
    expect(reg.statusCode).toBe(201);
    const id = reg.json().id;
    let d = (await registrar.get(`/api/requests/${id}`)).json();
    // no 2027 notice: 12-11…12-31 = 15 working days, 2027-01-01 元旦 presumed off by law (办法 第二条), 01-04 … 01-08
    // → 20th = 2027-01-08, 暂定 (it was 2027-01-07 when 2027 counted weekends only)
    expect(d.view.deadline.dueOn).toBe('2027-01-08');
    expect(d.view.deadline.provisional).toBe(true);
    expect((await registrar.put('/api/calendar/2027', { year: 2027, notice: '测试', title: '', source: 'x', holidays: [], workdays: [] })).statusCode).toBe(403);
    const bad = await admin.put('/api/calendar/2027', { year: 2027, notice: '国办发明电〔2026〕X号', title: '2027年部分节假日安排', source: '测试', holidays: ['2027-13-01'], workdays: ['2027-01-05'] });
    expect(bad.statusCode).toBe(400);
    // a hypothetical 2027 notice: 元旦 01-01…01-03 off
    const ok = await admin.put('/api/calendar/2027', { year: 2027, notice: '国办发明电〔2026〕X号', title: '2027年部分节假日安排（测试）', source: '测试数据', holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().recomputed).toBe(0); // the presumption was right: same date, now final
    d = (await registrar.get(`/api/requests/${id}`)).json();
    expect(d.view.deadline.dueOn).toBe('2027-01-08');
    expect(d.view.deadline.provisional).toBe(false);
    const years = (await admin.get('/api/calendar')).json() as { year: number; origin: string }[];
    expect(years.find((y) => y.year === 2027)!.origin).toBe('admin');
    expect(years.filter((y) => y.origin === 'shipped').length).toBe(19);
  });

  it('dashboard statistics count open work, due dates and this year by month', async () => {
    const s = (await registrar.get('/api/stats/dashboard?year=2026')).json();
    expect(s.open).toBe(1);
    expect(s.receivedThisYear).toBe(1);
    expect(s.receivedByMonth[11]).toBe(1);
    expect(s.states[0].label).toBe('已登记');
  });

  it('the auditor reads the log and verifies the chain; others cannot', async () => {
    expect((await registrar.get('/api/audit')).statusCode).toBe(403);
    const log = (await auditor.get('/api/audit?pageSize=100')).json();
    expect(log.items.some((e: { action: string }) => e.action === 'calendar.year_saved')).toBe(true);
    expect(log.items.some((e: { action: string }) => e.action === 'user.created')).toBe(true);
    expect((await auditor.get('/api/audit/verify')).json().ok).toBe(true);
  });
});
