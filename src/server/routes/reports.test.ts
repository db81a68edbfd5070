import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getTestDb } from '../../../test/db.js';
import { buildTestApp, buildUser, loginAs, TEST_PASSWORD, type Client, type TestApp } from '../../../test/build-test-app.js';
import { buildScenario } from '../../../test/fixtures/ledgers/scenario.js';
import { writeScenarioFiles, type ScenarioFiles } from '../../../test/fixtures/ledgers/files.js';
import { expectTableReport } from '../../../test/fixtures/ledgers/expect-report.js';
import type { DbHandle } from '../../db/client.js';
import { waitForImportJob } from '../../services/imports/jobs.js';
import { rowsOf } from '../../services/imports/common.js';

/** A multipart/form-data body with file fields (and optional text fields). */
function multipart(files: { filename: string; data: Uint8Array; field?: string }[], fields: Record<string, string> = {}) {
  const boundary = `----gkreport${Date.now()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field ?? 'file'}"; filename="${f.filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`), Buffer.from(f.data), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

const scenario = buildScenario();
let handle: DbHandle;
let t: TestApp;
let dir: string;
let files: ScenarioFiles;
let registrar: Client, reviewer: Client, handler: Client, secAdmin: Client, secrecy: Client, publisher: Client;
const sessions: Record<string, Record<string, string>> = {};

async function sessionOf(username: string): Promise<Record<string, string>> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
  const session = res.cookies.find((c) => c.name === 'gk_session')!.value;
  const csrf = res.json().csrfToken as string;
  return { cookie: `gk_session=${session}; gk_csrf=${csrf}`, 'x-csrf-token': csrf };
}
async function upload(url: string, who: string | null, body: ReturnType<typeof multipart>) {
  return t.app.inject({ method: 'POST', url, payload: body.payload, headers: { ...(who ? sessions[who] : {}), 'content-type': body.contentType } });
}
async function importFile(path: string, kind: 'requests' | 'cases' = 'requests') {
  const res = await upload(`/api/imports/${kind}`, 'reg', multipart([{ filename: path.split('/').pop()!, data: await readFile(path) }]));
  expect(res.statusCode).toBe(202);
  const { jobId } = res.json() as { jobId: string };
  await waitForImportJob(Number(jobId));
  const job = await registrar.get(`/api/imports/${jobId}`);
  expect(job.statusCode).toBe(200);
  return job.json();
}

beforeAll(async () => {
  handle = await getTestDb();
  t = await buildTestApp(handle, '2026-06-30');
  await buildUser(handle, { username: 'reg', roles: ['registrar'], displayName: '登记员' });
  await buildUser(handle, { username: 'rev', roles: ['reviewer'], displayName: '审核人' });
  await buildUser(handle, { username: 'hdl', roles: ['handler'], displayName: '承办人' });
  await buildUser(handle, { username: 'sa', roles: ['security_admin'], displayName: '安全管理员' });
  await buildUser(handle, { username: 'sec', roles: ['secrecy_reviewer'], displayName: '保密审查员' });
  await buildUser(handle, { username: 'pub', roles: ['publisher'], displayName: '发布员' });
  [registrar, reviewer, handler, secAdmin, secrecy, publisher] = await Promise.all(['reg', 'rev', 'hdl', 'sa', 'sec', 'pub'].map((u) => loginAs(t.app, u)));
  for (const u of ['reg', 'hdl']) sessions[u] = await sessionOf(u);
  dir = await mkdtemp(join(tmpdir(), 'gk-routes-report-'));
  files = await writeScenarioFiles(dir, scenario);
});
afterAll(async () => {
  await t.app.close();
  await rm(dir, { recursive: true, force: true });
});

describe('ledger imports over HTTP', () => {
  it('POST /api/imports/requests: 401 → 403 → 400 (no file, wrong type) → 202 and the job succeeds', async () => {
    const body = multipart([{ filename: 'a.csv', data: Buffer.from('受理编号,收到日期\n') }]);
    expect((await upload('/api/imports/requests', null, body)).statusCode).toBe(401);
    expect((await upload('/api/imports/requests', 'hdl', body)).statusCode).toBe(403);
    const noFile = await registrar.post('/api/imports/requests', { file: 'x' });
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.message).toContain('multipart');
    const wrongType = await upload('/api/imports/requests', 'reg', multipart([{ filename: '台账.xls', data: Buffer.from('x') }]));
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.message).toContain('不支持的文件类型“台账.xls”');
    for (const file of files.requests) {
      const job = await importFile(file);
      expect({ file, status: job.status, errors: job.errors }).toEqual({ file, status: 'succeeded', errors: [] });
      expect(job.processed).toBe(job.total);
      expect(job.inserted).toBe(job.total);
    }
    const cases = await importFile(files.cases, 'cases');
    expect(cases).toMatchObject({ status: 'succeeded', inserted: scenario.cases.length });
  });

  it('GET /api/exports/requests: the ledger as CSV, XLSX or JSON, which imports back as updates of the same requests', async () => {
    expect((await handler.get('/api/exports/requests?format=csv')).statusCode).toBe(403);
    expect((await registrar.get('/api/exports/requests?format=pdf')).statusCode).toBe(400);
    const [{ n }] = rowsOf<{ n: number }>(await handle.db.execute(sql`SELECT count(*)::int AS n FROM requests WHERE received_on IS NOT NULL`));
    const json = await registrar.get('/api/exports/requests?format=json');
    expect(json.statusCode).toBe(200);
    expect(json.json()).toHaveLength(n);
    const xlsx = await registrar.get('/api/exports/requests?format=xlsx');
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const csv = await registrar.get('/api/exports/requests?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('依申请公开台账-2026-06-30.csv')}`);
    expect(csv.body.startsWith('\uFEFF受理编号,')).toBe(true);
    const path = join(dir, '导出的台账.csv');
    await writeFile(path, csv.rawPayload);
    const job = await importFile(path);
    expect(job).toMatchObject({ status: 'succeeded', inserted: 0, updated: n, errors: [] });
  });

  it('a bad ledger fails its job with every error listed by row, column and value, and nothing written', async () => {
    const [before] = rowsOf<{ n: number }>(await handle.db.execute(sql`SELECT count(*)::int AS n FROM requests`));
    const bad = Buffer.from('受理编号,收到日期,申请方式,申请人类型,申请人,申请内容,答复日期,办理结果\nZ-1,2024/2/30,网络,自然人,甲,内容,,\nZ-2,2024-02-01,网络,自然人,乙,内容,2024-02-05,大概公开了\n');
    const res = await upload('/api/imports/requests', 'reg', multipart([{ filename: '坏台账.csv', data: bad }]));
    const { jobId } = res.json() as { jobId: string };
    await waitForImportJob(Number(jobId));
    const job = (await registrar.get(`/api/imports/${jobId}`)).json();
    expect(job.status).toBe('failed');
    expect(job.filename).toBe('坏台账.csv');
    expect(job.errors.map((e: { row: number; column: string; value: string }) => [e.row, e.column, e.value])).toEqual([[2, '收到日期', '2024/2/30'], [3, '办理结果', '大概公开了']]);
    expect(job.message).toContain('2 处错误');
    const [after] = rowsOf<{ n: number }>(await handle.db.execute(sql`SELECT count(*)::int AS n FROM requests`));
    expect(after.n).toBe(before.n);
    expect((await registrar.get('/api/imports/999999')).statusCode).toBe(404);
    expect((await handler.get(`/api/imports/${jobId}`)).statusCode).toBe(403);
  });
});

describe('annual report over HTTP', () => {
  it('GET /api/reports/annual: 401 → 403 → 400 → 200 with the constructed gov-2021 tables', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/reports/annual?year=2024' })).statusCode).toBe(401);
    expect((await secAdmin.get('/api/reports/annual?year=2024')).statusCode).toBe(403);
    const bad = await registrar.get('/api/reports/annual?year=二〇二四');
    expect(bad.statusCode).toBe(400);
    expect((await registrar.get('/api/reports/annual?year=2024&format=gov-2000')).statusCode).toBe(400);
    const res = await handler.get('/api/reports/annual?year=2024');
    expect(res.statusCode).toBe(200);
    expectTableReport(res.json(), scenario.gov2021_2024, { everyCellNonZero: true });
    expect(res.json().checks.every((c: { ok: boolean }) => c.ok)).toBe(true);
  });

  it('downloads XLSX, DOCX, HTML and JSON with a Chinese file name', async () => {
    for (const [type, mime] of [['xlsx', 'spreadsheetml'], ['docx', 'wordprocessingml'], ['html', 'text/html'], ['json', 'application/json']] as const) {
      const res = await registrar.get(`/api/reports/annual/download?year=2020&type=${type}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain(mime);
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`示范市自然资源和规划局2020年政府信息公开工作年度报告.${type}`)}`);
    }
    expect((await registrar.get('/api/reports/annual/download?year=2020&type=pdf')).statusCode).toBe(400);
    const preview = await reviewer.get('/api/reports/annual/preview?year=2016');
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('政府信息公开情况统计表');
  });

  it('annual facts: GET the form, 403 for a handler, 400 with Chinese reasons, 200 saved and marked entered', async () => {
    const form = await registrar.get('/api/reports/facts/2016');
    expect(form.statusCode).toBe(200);
    expect(form.json().format).toBe('gov-2014');
    expect(form.json().fields.map((f: { key: string }) => f.key)).toContain('staffFullTime');
    expect((await handler.put('/api/reports/facts/2016', { facts: { staff: 3 } })).statusCode).toBe(403);
    const bad = await registrar.put('/api/reports/facts/2016', { facts: { staff: -1, nonsense: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('未知的填报项「nonsense」');
    const ok = await registrar.put('/api/reports/facts/2016', { facts: { staff: 5, staffFullTime: 2, staffPartTime: 3, meetings: 4, budgetWanYuan: 12.5 } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().facts).toEqual({ staff: 5, staffFullTime: 2, staffPartTime: 3, meetings: 4, budgetWanYuan: 12.5 });
    const report = (await registrar.get('/api/reports/annual?year=2016')).json();
    expect(report.organisation).toMatchObject({ staff: 5, staffFullTime: 2, staffPartTime: 3, budgetWanYuan: 12.5 });
    expect(report.meetings.meetings).toBe(4);
    expect(report.sources['organisation.staff']).toBe('entered');
  });

  it('publish: refused for an open year and for an unfinished report; submitted, reviewed, approved, published with the year confirmed; corrected; withdrawn (issue 11)', async () => {
    // One click no longer publishes: nothing approved yet.
    const direct = await reviewer.post('/api/reports/annual/publish?year=2024', { confirmYear: '2024' });
    expect(direct.statusCode).toBe(409);
    expect(direct.json().error.message).toBe('2024年度报告没有待发布的版本：请先提交发布，经保密审查和审核同意后再发布（条例第十七条）');
    expect((await handler.post('/api/reports/annual/submit?year=2024', {})).statusCode).toBe(403);
    // The current year (today is 2026-06-30) cannot be submitted; the reasons are listed.
    const open = await registrar.post('/api/reports/annual/submit?year=2026', {});
    expect(open.statusCode).toBe(400);
    expect(open.json().error.message).toContain('2026年度尚未结束（今天是2026-06-30）');
    expect(open.json().error.message).toContain('【请填写');
    // 2024 without its entered text and figures: placeholders and empty cells.
    const status = (await registrar.get('/api/reports/annual/publishing?year=2024')).json();
    expect(status.yearEnded).toBe(true);
    expect(status.problems.map((p: { kind: string }) => p.kind)).toEqual(expect.arrayContaining(['placeholder', 'empty_cell']));
    const form = (await registrar.get('/api/reports/facts/2024')).json() as { fields: { key: string; kind: string }[] };
    const facts = Object.fromEntries(form.fields.map((f) => [f.key, f.kind === 'text' ? '已如实填写。' : f.kind === 'amount' ? '/' : 0]));
    expect((await registrar.put('/api/reports/facts/2024', { facts })).statusCode).toBe(200);
    const failing = ((await registrar.get('/api/reports/annual/publishing?year=2024')).json().failingChecks as { rule: string }[]).map((c) => c.rule);
    const explanations = Object.fromEntries(failing.map((r) => [r, '已核实，系历史台账导入数据所致']));
    const submitted = await registrar.post('/api/reports/annual/submit?year=2024', { explanations });
    expect(submitted.statusCode).toBe(201);
    expect(submitted.json()).toMatchObject({ year: 2024, version: 1, state: 'pending_review', stateLabel: '待保密审查' });
    expect((await registrar.post('/api/reports/annual/submit?year=2024', { explanations })).statusCode).toBe(409);
    // Art.17: 保密审查 by a secrecy reviewer, then 审核 by a reviewer; not by the submitter.
    expect((await reviewer.post('/api/reports/annual/2024/versions/1/steps', { step: 'approved' })).statusCode).toBe(409);
    expect((await secrecy.post('/api/reports/annual/2024/versions/1/steps', { step: 'review_passed' })).json()).toMatchObject({ state: 'pending_approval' });
    expect((await reviewer.post('/api/reports/annual/publish?year=2024', { confirmYear: '2024' })).statusCode).toBe(409);
    expect((await reviewer.post('/api/reports/annual/2024/versions/1/steps', { step: 'approved' })).json()).toMatchObject({ state: 'approved' });
    // The confirmation must name the year.
    const wrongYear = await publisher.post('/api/reports/annual/publish?year=2024', { confirmYear: '2025' });
    expect(wrongYear.statusCode).toBe(400);
    expect(wrongYear.json().error.message).toBe('请输入报告年度“2024”确认发布（输入的是“2025”）');
    const res = await publisher.post('/api/reports/annual/publish?year=2024', { confirmYear: '2024' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2024, version: 1, state: 'published', format: 'gov-2021', url: '/api/public/reports/2024', publishedOn: '2026-06-30' });
    const list = await t.app.inject({ method: 'GET', url: '/api/public/reports' });
    expect(list.json()).toMatchObject([{ year: 2024, title: '示范市自然资源和规划局2024年政府信息公开工作年度报告', format: 'gov-2021', publishedOn: '2026-06-30', url: '/api/public/reports/2024', state: 'published', version: 1 }]);
    const page = await t.app.inject({ method: 'GET', url: '/api/public/reports/2024' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<svg');
    expect(page.body).not.toContain('【请填写');
    // a page served under /api/ is a document: full CSP and document headers, and the public page may be cached
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('public, max-age=300');
    expect((await t.app.inject({ method: 'GET', url: '/api/public/reports/2019' })).statusCode).toBe(404);

    // Correction: a new version with a public 更正说明; the first version stays readable.
    expect((await registrar.post('/api/reports/annual/submit?year=2024', { explanations })).json().error.message).toContain('须填写更正说明');
    const v2 = await registrar.post('/api/reports/annual/submit?year=2024', { explanations, correctionNote: '更正第二部分“行政许可 本年处理决定数量”，原数据漏计一项。' });
    expect(v2.json()).toMatchObject({ version: 2, correctionNote: '更正第二部分“行政许可 本年处理决定数量”，原数据漏计一项。' });
    await secrecy.post('/api/reports/annual/2024/versions/2/steps', { step: 'review_passed' });
    await reviewer.post('/api/reports/annual/2024/versions/2/steps', { step: 'approved' });
    expect((await publisher.post('/api/reports/annual/publish?year=2024', { confirmYear: '2024年' })).json()).toMatchObject({ version: 2, state: 'published' });
    const corrected = (await t.app.inject({ method: 'GET', url: '/api/public/reports' })).json()[0];
    expect(corrected).toMatchObject({ version: 2, correctionNote: '更正第二部分“行政许可 本年处理决定数量”，原数据漏计一项。', firstPublishedOn: '2026-06-30' });
    expect(corrected.versions.map((v: { version: number; state: string }) => [v.version, v.state])).toEqual([[2, 'published'], [1, 'superseded']]);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/reports/2024' })).body).toContain('更正说明（第2版）');
    const v1 = await t.app.inject({ method: 'GET', url: '/api/public/reports/2024/v/1' });
    expect(v1.statusCode).toBe(200);
    expect(v1.body).not.toContain('更正说明');

    // Withdrawal needs a reason, which the portal shows.
    expect((await publisher.post('/api/reports/annual/withdraw?year=2024', { reason: ' ' })).statusCode).toBe(400);
    expect((await publisher.post('/api/reports/annual/withdraw?year=2024', { reason: '发现统计口径错误，更正后重新发布' })).json()).toMatchObject({ state: 'withdrawn' });
    const gone = await t.app.inject({ method: 'GET', url: '/api/public/reports/2024' });
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('撤回理由：发现统计口径错误，更正后重新发布');
    expect((await t.app.inject({ method: 'GET', url: '/api/public/reports' })).json()[0]).toMatchObject({ state: 'withdrawn', url: null, withdrawnReason: '发现统计口径错误，更正后重新发布' });
    const audit = rowsOf<{ action: string }>(await handle.db.execute(sql`SELECT action FROM audit_log WHERE target_type = 'annual_report' AND target_id = '2024' ORDER BY id`)).map((r) => r.action);
    expect(audit).toEqual(['report.submitted', 'report.review_passed', 'report.approved', 'report.published', 'report.submitted', 'report.review_passed', 'report.approved', 'report.corrected', 'report.withdrawn']);
  });

  it('aggregate: two agencies summed, per-agency checks; a file that is not a report is named in a 400', async () => {
    const a = Buffer.from((await registrar.get('/api/reports/annual/download?year=2024&type=json')).rawPayload);
    const b = JSON.parse(a.toString('utf8'));
    b.agency = '示范市第二局';
    const xlsx = Buffer.from((await registrar.get('/api/reports/annual/download?year=2024&type=xlsx')).rawPayload);
    const body = multipart([{ filename: 'a.json', data: a }, { filename: 'b.json', data: Buffer.from(JSON.stringify(b)) }], { agency: '示范市' });
    const res = await upload('/api/reports/aggregate', 'reg', body);
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out.report.agency).toBe('示范市');
    expect(out.report.requests.rows.received).toEqual(scenario.gov2021_2024.rows.received.map((v) => 2 * v));
    expect(out.perAgency.map((p: { agency: string; ok: boolean }) => [p.agency, p.ok])).toEqual([['示范市自然资源和规划局', true], ['示范市第二局', true]]);
    // An XLSX written by this system is accepted too; the same agency twice is refused.
    const dup = await upload('/api/reports/aggregate', 'reg', multipart([{ filename: 'a.json', data: a }, { filename: 'a.xlsx', data: xlsx }]));
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.message).toContain('上传了不止一份');
    const bad = await upload('/api/reports/aggregate', 'reg', multipart([{ filename: 'notes.json', data: Buffer.from('{"format":"gov-2099"}') }]));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('文件“notes.json”');
    // Uploads are held in memory: one file over 5 MB is refused (a report exported here is far smaller).
    const big = await upload('/api/reports/aggregate', 'reg', multipart([{ filename: 'big.json', data: Buffer.alloc(5 * 1024 * 1024 + 1, 0x20) }]));
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toBe('文件“big.json”超过 5MB，不是本系统导出的年度报告');
  });
});

describe('cases over HTTP', () => {
  it('create, list, conclude; 401 → 403 → 400 → 409 → 201/200', async () => {
    const body = { ref: 'HTTP-1', kind: 'litigation', route: 'direct', requestRef: scenario.requests2024[0].ref, receivedOn: '2026-03-01' };
    expect((await t.app.inject({ method: 'GET', url: '/api/cases' })).statusCode).toBe(401);
    expect((await handler.post('/api/cases', body)).statusCode).toBe(403);
    const invalid = await registrar.post('/api/cases', { ...body, kind: 'reconsideration', route: 'direct' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.message).toContain('起诉类型只适用于行政诉讼');
    expect((await registrar.post('/api/cases', { ...body, requestRef: 'NOPE' })).statusCode).toBe(400);
    // A label (or any unknown value) as 结果 is refused, naming it (issue 11 item 5: labels were counted as 其他结果).
    const label = await registrar.post('/api/cases', { ...body, closedOn: '2026-05-01', result: '维持' });
    expect(label.statusCode).toBe(400);
    expect(label.json().error.message).toContain('结果“维持”无法识别，应为：维持、驳回');
    const created = await registrar.post('/api/cases', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ref: 'HTTP-1', kindLabel: '行政诉讼', routeLabel: '未经复议直接起诉', reportCell: 'pending', requestRef: scenario.requests2024[0].ref });
    expect(created.json().requestId).toEqual(expect.any(Number));
    expect((await registrar.post('/api/cases', body)).statusCode).toBe(409);
    const id = created.json().id;
    const closedNoResult = await reviewer.patch(`/api/cases/${id}`, { closedOn: '2026-05-01' });
    expect(closedNoResult.statusCode).toBe(400);
    const closed = await reviewer.patch(`/api/cases/${id}`, { closedOn: '2026-05-01', result: 'confirmed_illegal' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ resultLabel: '确认违法', reportCell: 'corrected' });
    const list = await handler.get('/api/cases?year=2026');
    expect(list.json()).toMatchObject({ total: 1, items: [{ ref: 'HTTP-1' }] });
    expect((await registrar.get('/api/cases?year=2024&kind=reconsideration')).json().total).toBe(9);
    const [audit] = rowsOf<{ n: number }>(await handle.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE action IN ('case.created', 'case.updated') AND target_id = ${String(id)}`));
    expect(audit.n).toBe(2);
  });
});
