import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestDb } from '../../../test/db.js';
import { buildDepartment, buildTestApp, buildUser, loginAs, type Client, type TestApp } from '../../../test/build-test-app.js';
import { ROLES, isAdminRole } from '../../shared/roles.js';

/**
 * Inputs found by fuzzing every route that used to reach the database or a formatter unchecked and end in a 500.
 * Each must now be a 4xx with a Chinese message, and change nothing.
 */
describe('bad input is refused with a 4xx, never a 500', () => {
  let t: TestApp;
  let all: Client, sys: Client, sec: Client;
  let dept: number;
  let requestId: number;

  beforeAll(async () => {
    const handle = await getTestDb();
    t = await buildTestApp(handle, '2024-09-03');
    dept = await buildDepartment(handle, '坏输入测试司');
    // 三员分立: business roles on one account, the system and security administrators on their own.
    await buildUser(handle, { username: 'everyone', roles: ROLES.filter((r) => !isAdminRole(r)), departmentId: dept });
    await buildUser(handle, { username: 'sys', roles: ['admin'] });
    await buildUser(handle, { username: 'sec', roles: ['security_admin'] });
    [all, sys, sec] = await Promise.all(['everyone', 'sys', 'sec'].map((u) => loginAs(t.app, u)));
    const applicant = { type: 'natural', name: '赵六', idType: '身份证', idNumber: '440524188001010014', phone: '13900139000' };
    requestId = (await all.post('/api/requests', { applicant, description: '申请公开坏输入测试文件', channel: 'letter', receivedOn: '2024-09-02' })).json().id;
  });
  afterAll(async () => { await t.app.close(); });

  const refused = (res: { statusCode: number; json(): { error: { message: string } } }, status: number, message: RegExp) => {
    expect(res.statusCode).toBe(status);
    expect(res.json().error.message).toMatch(message);
  };

  it('ids beyond PostgreSQL integer in paths, queries and bodies', async () => {
    const big = '2147483648';
    for (const url of [`/api/requests/${big}`, `/api/requests?departmentId=${big}`, `/api/requests/${requestId}/notices/${big}`, `/api/cases/${big}`, `/api/publications/${big}`, `/api/public/attachments/${big}`, `/api/imports/${big}`]) {
      refused(await all.get(url), 400, /编号无效：应为 1 至 2147483647 之间的整数/);
    }
    refused(await all.post('/api/publications', { title: '甲', categoryId: 2147483648 }), 400, /编号无效/);
    refused(await sec.post('/api/users', { username: 'bigdept', displayName: '大', roles: ['handler'], departmentId: 2147483648 }), 400, /编号无效/);
  });

  it('an event type that is an inherited property name (toString, constructor)', async () => {
    for (const type of ['toString', 'constructor', '__proto__']) refused(await all.post(`/api/requests/${requestId}/events`, { type }), 400, /未知的办理操作/);
  });

  it('an assignment to a department that does not exist or is not a number; the request stays unassigned', async () => {
    refused(await all.post(`/api/requests/${requestId}/events`, { type: 'assigned', on: '2024-09-03', lead: '999', assisting: [] }), 400, /主办单位（编号 999）不存在/);
    refused(await all.post(`/api/requests/${requestId}/events`, { type: 'assigned', on: '2024-09-03', lead: String(dept), assisting: ['abc'] }), 400, /协办单位“abc”无效/);
    refused(await all.post(`/api/requests/${requestId}/events`, { type: 'assigned', on: '2024-09-03', lead: '2147483648', assisting: [] }), 400, /主办单位“2147483648”无效/);
    expect((await all.get(`/api/requests/${requestId}`)).json().state).toBe('registered');
    expect((await all.post(`/api/requests/${requestId}/events`, { type: 'assigned', on: '2024-09-03', lead: String(dept), assisting: [] })).statusCode).toBe(200);
  });

  it('an event text longer than 5,000 characters (a pasted document) names its field', async () => {
    refused(await all.post(`/api/requests/${requestId}/events`, { type: 'supplement_requested', on: '2024-09-03', items: '补'.repeat(5001), periodDays: 15 }), 400, /“items”过长（5001 字），每项内容不超过 5000 字/);
  });

  it('impossible dates in queries and bodies', async () => {
    refused(await all.get('/api/publications/timeliness?from=2024-02-30'), 400, /不是有效日期/);
    refused(await all.get('/api/publications/timeliness?to=0000-00-00'), 400, /不是有效日期/);
    refused(await all.get('/api/publications/suggestions?to=2024-13-01'), 400, /不是有效日期/);
    refused(await all.post(`/api/requests/${requestId}/events`, { type: 'closed', on: '2024-02-30' }), 400, /不是有效日期/);
  });

  it('users and departments: nothing to change, a department that does not exist, a name already taken', async () => {
    const made = await sec.post('/api/users', { username: 'patchme', displayName: '改', roles: ['registrar'] });
    expect(made.statusCode, made.body).toBe(201);
    const user = made.json().id;
    refused(await sec.patch(`/api/users/${user}`, {}), 400, /没有要修改的内容/);
    refused(await sec.patch(`/api/users/${user}`, { departmentId: 999 }), 400, /承办单位（编号 999）不存在/);
    refused(await sec.post('/api/users', { username: 'nodept', displayName: '无', roles: ['handler'], departmentId: 999 }), 400, /承办单位（编号 999）不存在/);
    const other = (await sys.post('/api/departments', { name: '另一司' })).json().id;
    refused(await sys.patch(`/api/departments/${other}`, {}), 400, /没有要修改的内容/);
    refused(await sys.patch(`/api/departments/${other}`, { name: '坏输入测试司' }), 409, /已存在/);
    expect((await sys.patch(`/api/departments/${other}`, { name: '另一司（改）' })).statusCode).toBe(200);
  });

  it('agency settings of the wrong type are refused (they broke every registration and notice afterwards)', async () => {
    refused(await sys.put('/api/settings/agency', { name: 123 }), 400, /提交的内容有误/);
    refused(await sys.put('/api/settings/agency', { postcode: '10000' }), 400, /邮政编码应为6位数字/);
    const applicant = { type: 'natural', name: '钱七', idType: '身份证', idNumber: '440524188001010014', phone: '13900139000' };
    expect((await all.post('/api/requests', { applicant, description: '设置被拒后仍可登记', channel: 'letter', receivedOn: '2024-09-03' })).statusCode).toBe(201);
  });

  it('a malformed or cut-off multipart upload', async () => {
    const send = (url: string, contentType: string, payload: string) => t.app.inject({ method: 'POST', url, headers: { ...all.headers, 'content-type': contentType }, payload });
    for (const url of ['/api/imports/requests', '/api/reports/aggregate', '/api/publications/import']) {
      refused(await send(url, 'multipart/form-data', 'xxx'), 400, /上传的内容不完整或格式不正确|multipart/);
      refused(await send(url, 'multipart/form-data; boundary=b', '--b\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\n1,2\r\n'), 400, /上传的内容不完整或格式不正确/);
    }
  });
});
