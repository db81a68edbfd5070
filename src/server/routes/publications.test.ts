import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { getTestDb } from '../../../test/db.js';
import { buildTestApp, buildUser, loginAs, TEST_PASSWORD, type Client, type TestApp } from '../../../test/build-test-app.js';
import type { DbHandle } from '../../db/client.js';
import { auditLog, catalogueCategories } from '../../db/schema/index.js';

/** A multipart/form-data body with one file field. */
function multipart(filename: string, data: Uint8Array, field = 'file') {
  const boundary = `----gk${Date.now()}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, Buffer.from(data), tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

describe('主动公开 over HTTP: workbench workflow, public portal and search', () => {
  let handle: DbHandle;
  let t: TestApp;
  let publisher: Client, secrecy: Client, reviewer: Client, registrar: Client;
  let session: Record<string, string>;
  let categoryId: number;
  let id: number;

  async function upload(url: string, filename: string, data: Uint8Array) {
    const m = multipart(filename, data);
    return t.app.inject({ method: 'POST', url, payload: m.payload, headers: { ...session, 'content-type': m.contentType } });
  }

  beforeAll(async () => {
    handle = await getTestDb();
    t = await buildTestApp(handle, '2024-09-02');
    await buildUser(handle, { username: 'pub', roles: ['publisher'], displayName: '发布员甲' });
    await buildUser(handle, { username: 'sec', roles: ['secrecy_reviewer'], displayName: '保密审查员乙' });
    await buildUser(handle, { username: 'rev', roles: ['reviewer'], displayName: '审核人丙' });
    await buildUser(handle, { username: 'reg', roles: ['registrar'] });
    [publisher, secrecy, reviewer, registrar] = await Promise.all(['pub', 'sec', 'rev', 'reg'].map((u) => loginAs(t.app, u)));
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'pub', password: TEST_PASSWORD } });
    const csrf = login.json().csrfToken as string;
    session = { cookie: `gk_session=${login.cookies.find((c) => c.name === 'gk_session')!.value}; gk_csrf=${csrf}`, 'x-csrf-token': csrf };
    const cat = await publisher.get('/api/publications/catalogue');
    expect(cat.statusCode).toBe(200);
    const [row] = await handle.db.select().from(catalogueCategories).where(eq(catalogueCategories.code, '030103'));
    categoryId = row.id;
    const zeros = await publisher.put('/api/publications/settings', { agencyCode: '000000000' });
    expect(zeros.statusCode).toBe(400);
    expect(zeros.json().error.message).toMatch(/全为0/);
    expect((await publisher.put('/api/publications/settings', { agencyCode: '000014349' })).statusCode).toBe(200);
  });
  afterAll(async () => { await t.app.close(); });

  it('401 without login, 403 for other roles, 400 with Chinese messages', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/publications' })).statusCode).toBe(401);
    expect((await registrar.post('/api/publications', { title: '甲' })).statusCode).toBe(403);
    const bad = await publisher.post('/api/publications', { title: '', channels: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('请填写标题');
    const badDate = await publisher.post('/api/publications', { title: '甲', writtenOn: '2024-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.message).toContain('不是有效日期');
    expect((await publisher.get('/api/publications/999999')).statusCode).toBe(404);
  });

  it('a publisher drafts and attaches a PDF; a PNG named .pdf is refused by content', async () => {
    const res = await publisher.post('/api/publications', { title: '关于做好2024年耕地保护工作的通知', docNumber: '示自然资发〔2024〕12号', writtenOn: '2024-08-28', categoryId, body: '各区自然资源局：为严格落实耕地保护制度，现就做好2024年耕地保护工作通知如下。' });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ state: 'draft', stateLabel: '草稿', actions: [{ type: 'submitted', label: '提交保密审查' }] });
    const bad = await upload(`/api/publications/${id}/attachments`, '附件1.pdf', PNG);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toBe('附件“附件1.pdf”的后缀是 .pdf，但文件内容是PNG 图片。请核对文件，或把文件名改为 .png 后缀后重新上传');
    const ok = await upload(`/api/publications/${id}/attachments`, '耕地保护责任目标.pdf', PDF);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ filename: '耕地保护责任目标.pdf', contentType: 'application/pdf', kind: 'pdf', size: PDF.length });
  });

  it('the secrecy reviewer rejects, then passes; the reviewer approves; the publisher publishes', async () => {
    expect((await publisher.post(`/api/publications/${id}/events`, { type: 'submitted' })).statusCode).toBe(200);
    const attachmentId = (await publisher.get(`/api/publications/${id}`)).json().attachments[0].id;
    // Nothing public yet: neither the item nor its attachment.
    expect((await t.app.inject({ method: 'GET', url: `/api/public/attachments/${attachmentId}` })).statusCode).toBe(404);
    // The reviewer can read the attachment they review.
    const staffDl = await secrecy.get(`/api/publications/attachments/${attachmentId}`);
    expect(staffDl.statusCode).toBe(200);
    expect(staffDl.headers['content-type']).toBe('application/pdf');
    const seen = (await secrecy.get(`/api/publications/${id}`)).json();
    expect(seen.actions.map((a: { type: string }) => a.type)).toEqual(['review_passed', 'review_rejected']);
    const noReason = await secrecy.post(`/api/publications/${id}/events`, { type: 'review_rejected' });
    expect(noReason.statusCode).toBe(400);
    expect((await secrecy.post(`/api/publications/${id}/events`, { type: 'review_rejected', reason: '正文第二段涉及未公开的工作部署，请删除' })).json().state).toBe('draft');
    expect((await publisher.patch(`/api/publications/${id}`, { body: '各区自然资源局：为严格落实耕地保护制度，现就做好2024年耕地保护工作通知如下。' })).statusCode).toBe(200);
    expect((await publisher.post(`/api/publications/${id}/events`, { type: 'submitted' })).json().state).toBe('pending_review');
    expect((await publisher.post(`/api/publications/${id}/events`, { type: 'review_passed' })).statusCode).toBe(403);
    expect((await secrecy.post(`/api/publications/${id}/events`, { type: 'review_passed' })).json().state).toBe('pending_approval');
    const early = await publisher.post(`/api/publications/${id}/events`, { type: 'published' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('待审核');
    expect((await reviewer.post(`/api/publications/${id}/events`, { type: 'approved' })).json().state).toBe('approved');
    const pub = await publisher.post(`/api/publications/${id}/events`, { type: 'published' });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ state: 'published', indexNo: '000014349/030103-2024-00001', publishedOn: '2024-09-02' });
    expect(pub.json().events.map((e: { type: string; actorName: string }) => `${e.type}:${e.actorName}`)).toEqual([
      'created:发布员甲', 'edited:发布员甲', 'submitted:发布员甲', 'review_rejected:保密审查员乙', 'edited:发布员甲', 'submitted:发布员甲', 'review_passed:保密审查员乙', 'approved:审核人丙', 'published:发布员甲',
    ]);
    const audit = await handle.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, String(id)));
    expect(audit.map((a) => a.action)).toContain('publication.published');
  });

  it('GET /api/public/publications finds it by a query in another word order, with the contract shape', async () => {
    for (const q of ['保护耕地', '耕地 保护 通知 2024']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/public/publications?q=${encodeURIComponent(q)}&page=1` });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.total).toBe(1);
      expect(body.items[0]).toMatchObject({ indexNo: '000014349/030103-2024-00001', title: '关于做好2024年耕地保护工作的通知', publishedOn: '2024-09-02' });
      expect(body.items[0].snippet).toContain('<em>耕地</em><em>保护</em>');
    }
    const latest = (await t.app.inject({ method: 'GET', url: '/api/public/publications' })).json();
    expect(latest).toMatchObject({ total: 1, mode: 'latest' });
    expect((await t.app.inject({ method: 'GET', url: '/api/public/publications?year=2023' })).json().total).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/publications?category=0301' })).json().total).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: `/api/public/publications?issuer=${encodeURIComponent('示范市自然资源和规划局')}` })).json().total).toBe(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/publications?page=0' })).statusCode).toBe(400);
  });

  it('the document page by 索引号 (slash raw or encoded) lists its attachments, now downloadable', async () => {
    for (const url of ['/api/public/publications/000014349/030103-2024-00001', '/api/public/publications/000014349%2F030103-2024-00001']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.json()).toMatchObject({ indexNo: '000014349/030103-2024-00001', docNumber: '示自然资发〔2024〕12号', writtenOn: '2024-08-28', category: { code: '030103', name: '其他文件' }, validityLabel: '有效' });
    }
    const page = (await t.app.inject({ method: 'GET', url: '/api/public/publications/000014349/030103-2024-00001' })).json();
    expect(page.attachments).toHaveLength(1);
    const dl = await t.app.inject({ method: 'GET', url: page.attachments[0].url });
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('耕地保护责任目标.pdf')}`);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/publications/nope' })).statusCode).toBe(404);
  });

  it('catalogue, guide and filters are public', async () => {
    const cat = (await t.app.inject({ method: 'GET', url: '/api/public/catalogue' })).json();
    expect(cat.categories.map((c: { name: string; count: number }) => `${c.name}${c.count}`)).toEqual(['政府信息公开指南0', '政府信息公开制度0', '法定主动公开内容1', '政府信息公开年报0']);
    const guide = (await t.app.inject({ method: 'GET', url: '/api/public/publication-guide' })).json();
    expect(guide.isDefault).toBe(true);
    expect(guide.sections[2].bodyHtml).toContain('办公时间');
    expect((await publisher.put('/api/publications/guide', { sections: [{ title: '一、分类与编排', body: '按公开目录分类' }] })).statusCode).toBe(200);
    const saved = (await t.app.inject({ method: 'GET', url: '/api/public/publication-guide' })).json();
    expect(saved.sections).toEqual([{ title: '一、分类与编排', bodyHtml: '<p>按公开目录分类</p>', updatedAt: expect.any(String) }]);
    const filters = (await t.app.inject({ method: 'GET', url: '/api/public/publication-filters' })).json();
    expect(filters.years).toEqual([2024]);
  });

  it('the catalogue is maintained by the publisher', async () => {
    const created = await publisher.post('/api/publications/catalogue', { code: '15', name: '新闻发布' });
    expect(created.statusCode).toBe(201);
    expect((await publisher.post('/api/publications/catalogue', { code: '15', name: '重复' })).statusCode).toBe(409);
    expect((await publisher.post('/api/publications/catalogue', { code: '1-5', name: '坏编码' })).statusCode).toBe(400);
    expect((await publisher.patch(`/api/publications/catalogue/${created.json().id}`, { parentId: created.json().id })).statusCode).toBe(400);
    expect((await secrecy.post('/api/publications/catalogue', { code: '16', name: '无权' })).statusCode).toBe(403);
  });

  it('timeliness dashboard and suggestions answer', async () => {
    const d = await reviewer.get('/api/publications/timeliness');
    expect(d.statusCode).toBe(200);
    expect(d.json().totals.onTime).toBe(1);
    expect((await publisher.get('/api/publications/suggestions')).json().suggestions).toEqual([]);
  });

  it('imports an uploaded XLSX as a background job', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['索引号', '标题', '发布日期', '公开目录', '正文']);
    ws.addRow(['000014349/2023-00077', '关于印发示范市地质灾害防治方案的通知', new Date(Date.UTC(2023, 5, 1)), '规划计划', '地质灾害防治方案全文']);
    const res = await upload('/api/publications/import', '旧网站.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(202);
    let job = (await publisher.get(`/api/publications/import/${res.json().jobId}`)).json();
    for (let i = 0; i < 100 && job.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await publisher.get(`/api/publications/import/${res.json().jobId}`)).json();
    }
    expect(job).toMatchObject({ status: 'succeeded', total: 1, inserted: 1, filename: '旧网站.xlsx' });
    const found = (await t.app.inject({ method: 'GET', url: `/api/public/publications?q=${encodeURIComponent('地质灾害')}` })).json();
    expect(found.items[0].indexNo).toBe('000014349/2023-00077');
  });
});
