import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getTestDb, TEST_KEYS } from '../../../test/db.js';
import { decryptPii } from '../../security/crypto.js';
import { buildDepartment, buildTestApp, buildUser, loginAs, type Client, type TestApp } from '../../../test/build-test-app.js';
import { auditLog, requestEvents, requests, applicants, notices } from '../../db/schema/index.js';
import type { DbHandle } from '../../db/client.js';

const applicant = { type: 'natural', name: '李四', idType: '身份证', idNumber: '440524188001010014', phone: '13900139000', email: 'ls@example.com', address: '广州市天河区某路1号' };

describe('staff request workflow over HTTP (registration → 补正 → two departments → consultation → extension → reply → review → delivery)', () => {
  let handle: DbHandle;
  let t: TestApp;
  let registrar: Client, handler: Client, otherHandler: Client, reviewer: Client, secrecy: Client, auditor: Client;
  let deptA: number, deptB: number, deptC: number;
  let id: number;
  let publicQuery = '';

  beforeAll(async () => {
    handle = await getTestDb();
    t = await buildTestApp(handle, '2024-09-02');
    deptA = await buildDepartment(handle, '政策法规司');
    deptB = await buildDepartment(handle, '耕地保护监督司');
    deptC = await buildDepartment(handle, '财务司');
    await buildUser(handle, { username: 'reg', roles: ['registrar'] });
    await buildUser(handle, { username: 'h1', roles: ['handler'], departmentId: deptA });
    await buildUser(handle, { username: 'h3', roles: ['handler'], departmentId: deptC });
    await buildUser(handle, { username: 'rev', roles: ['reviewer'] });
    await buildUser(handle, { username: 'sec', roles: ['secrecy_reviewer'] });
    await buildUser(handle, { username: 'aud', roles: ['auditor'] });
    [registrar, handler, otherHandler, reviewer, secrecy, auditor] = await Promise.all(['reg', 'h1', 'h3', 'rev', 'sec', 'aud'].map((u) => loginAs(t.app, u)));
  });
  afterAll(async () => { await t.app.close(); });

  const act = async (c: Client, body: Record<string, unknown>, today?: string) => {
    if (today) t.setToday(today);
    const res = await c.post(`/api/requests/${id}/events`, body);
    return res;
  };
  const ok = async (c: Client, body: Record<string, unknown>, today?: string) => {
    const res = await act(c, body, today);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('401 without login, 403 for the wrong role, 400 with field messages', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/requests' })).statusCode).toBe(401);
    const res = await handler.post('/api/requests', { applicant, description: 'x', channel: 'letter', receivedOn: '2024-09-02' });
    expect(res.statusCode).toBe(403);
    const bad = await registrar.post('/api/requests', { applicant: { ...applicant, idNumber: '440524188001010015' }, description: '申请公开某文件', channel: 'letter', receivedOn: '2024-09-02' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('身份证');
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/requests', headers: { cookie: (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'reg', password: 'Passw0rd-test' } })).headers['set-cookie']!.toString().split(';')[0] }, payload: {} });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().error.message).toContain('CSRF');
  });

  it('registers a letter request: receipt date by Art.31, due on the 20th working day (中秋 2024 and 调休 09-14/09-29 counted)', async () => {
    const res = await registrar.post('/api/requests', { applicant, description: '申请公开2024年某村集体土地征收批复文件', channel: 'letter', receivedOn: '2024-09-02', evidence: '挂号信签收单 XA123' });
    expect(res.statusCode, res.body).toBe(201);
    id = res.json().id;
    publicQuery = `/api/public/requests/${res.json().trackingCode}?key=${res.json().accessKey}`;
    const detail = (await registrar.get(`/api/requests/${id}`)).json();
    expect(detail.state).toBe('registered');
    expect(detail.view.deadline.dueOn).toBe('2024-09-30');
    expect(detail.allowedActions).toContain('assigned');
    // personal data is encrypted at rest
    const [a] = await handle.db.select().from(applicants);
    expect(a.idNumberEnc).not.toContain('440524');
    expect(detail.applicant.idNumber).toBe('440524188001010014');
  });

  it('invalid transitions are refused with a Chinese message', async () => {
    const res = await act(reviewer, { type: 'reply_approved', on: '2024-09-03' }, '2024-09-03');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/当前|状态|不能/);
  });

  it('补正 within 7 working days; the period restarts from the supplement (Art.30)', async () => {
    let d = await ok(registrar, { type: 'supplement_requested', on: '2024-09-04', items: '请补充所申请信息的文号或具体地块位置', periodDays: 10 }, '2024-09-04');
    expect(d.state).toBe('awaiting_supplement');
    d = await ok(registrar, { type: 'supplement_received', on: '2024-09-10' }, '2024-09-10');
    expect(d.view.deadline.dueOn).toBe('2024-10-14');
  });

  it('assigns a lead and an assisting department; handlers are scoped to their department', async () => {
    const d = await ok(registrar, { type: 'assigned', on: '2024-09-11', lead: String(deptA), assisting: [String(deptB)] }, '2024-09-11');
    expect(d.state).toBe('in_progress');
    expect(d.departments.map((x: { name: string; role: string }) => `${x.role}:${x.name}`).sort()).toEqual(['assisting:耕地保护监督司', 'lead:政策法规司']);
    expect((await otherHandler.get(`/api/requests/${id}`)).statusCode).toBe(403);
    const list = (await otherHandler.get('/api/requests')).json();
    expect(list.total).toBe(0);
    expect((await handler.get('/api/requests')).json().total).toBe(1);
  });

  it('third-party consultation pauses the clock (Art.32/33)', async () => {
    let d = await ok(handler, { type: 'consultation_started', on: '2024-09-12', party: 'third_party', name: '某房地产开发有限公司', information: '该公司报送的房屋评估报告', rights: ['commercial_secret'] }, '2024-09-12');
    expect(d.state).toBe('consulting');
    d = await ok(handler, { type: 'consultation_ended', on: '2024-09-20', opinion: 'object' }, '2024-09-20');
    expect(d.view.deadline.dueOn).toBe('2024-10-21');
  });

  it('an approved extension adds 20 working days (Art.33); a second one is refused', async () => {
    await ok(handler, { type: 'extension_requested', on: '2024-10-15', days: 20, reason: '涉及多个单位，需协调' }, '2024-10-15');
    expect((await act(handler, { type: 'extension_approved', on: '2024-10-16', days: 20 }, '2024-10-16')).statusCode).toBe(403);
    const d = await ok(reviewer, { type: 'extension_approved', on: '2024-10-16', days: 20 }, '2024-10-16');
    expect(d.view.deadline.dueOn).toBe('2024-11-18');
    expect(d.view.extended).toBe(true);
    const again = await act(handler, { type: 'extension_requested', on: '2024-10-17', days: 5, reason: '再次' }, '2024-10-17');
    expect(again.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('a draft that would not make a complete 答复书 is refused when drafted, not when sent', async () => {
    const res = await act(handler, { type: 'reply_drafted', on: '2024-10-28', outcome: 'partly_disclosed', reasons: '部分涉及商业秘密', legalBasis: '条例第三十七条' }, '2024-10-28');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('方式');
  });

  it('reply: drafted with a structured outcome, approved, cleared by secrecy review, sent, delivered, closed', async () => {
    let d = await ok(handler, { type: 'reply_drafted', on: '2024-10-28', outcome: 'partly_disclosed', reasons: '第三方不同意公开其商业秘密部分，依据条例第十五条不予公开该部分', legalBasis: '《中华人民共和国政府信息公开条例》第三十七条', provision: { method: '以邮寄纸质复制件方式提供可以公开的部分' }, partial: { disclosedPart: '批复文件正文', withheldPart: '附件中第三方企业的商业秘密', withheldGround: 'withheld_third_party' } }, '2024-10-28');
    expect(d.state).toBe('reply_drafted');
    const early = await act(registrar, { type: 'replied', on: '2024-10-28' });
    expect(early.statusCode).toBe(409);
    d = await ok(reviewer, { type: 'reply_approved', on: '2024-10-29' }, '2024-10-29');
    d = await ok(secrecy, { type: 'secrecy_review_passed', on: '2024-10-30' }, '2024-10-30');
    expect(d.state).toBe('reply_cleared');
    d = await ok(registrar, { type: 'replied', on: '2024-10-31' }, '2024-10-31');
    expect(d.state).toBe('replied');
    d = await ok(registrar, { type: 'delivered', on: '2024-11-04', method: 'post', trackingNo: 'EMS1234567890' }, '2024-11-04');
    d = await ok(registrar, { type: 'closed', on: '2024-11-05' }, '2024-11-05');
    expect(d.state).toBe('closed');
    const [row] = await handle.db.select().from(requests).where(eq(requests.id, id));
    expect(row.outcome).toBe('partly_disclosed');
    expect(row.repliedOn).toBe('2024-10-31');
    expect(row.extended).toBe(true);
  });

  it("the applicant's query shows the outcome, the 答复书 as sent and a plain timeline, never cached", async () => {
    const res = await t.app.inject({ method: 'GET', url: publicQuery });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'closed', outcome: 'partly_disclosed', dueOn: null, receivedOn: '2024-09-02', repliedOn: '2024-10-31', deliveredOn: '2024-11-04' });
    const [reply] = await handle.db.select().from(notices).where(and(eq(notices.requestId, id), eq(notices.type, 'reply')));
    expect(body.reply.docNumber).toBe(reply.docNumber);
    expect(body.reply.html).toBe(reply.html);
    // internal steps (assignment details, drafts, approvals, secrecy review) are not shown to the applicant
    expect(body.timeline.map((e: { type: string }) => e.type)).toEqual(['registered', 'supplement_requested', 'supplement_received', 'assigned', 'consultation_started', 'consultation_ended', 'extension_approved', 'replied', 'delivered', 'closed']);
    expect(body.timeline.every((e: { text: string }) => /[\u4e00-\u9fa5]/.test(e.text))).toBe(true);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('each step issued its notice: numbered, stored as sent, with the right article and remedy', async () => {
    const list = (await registrar.get(`/api/requests/${id}/notices`)).json() as { id: number; type: string; docNumber: string | null }[];
    expect(list.map((n) => n.type)).toEqual(['receipt', 'supplement', 'consultation', 'extension', 'reply']);
    expect(list[0].docNumber).toBeNull();
    expect(list.slice(1).map((n) => n.docNumber)).toEqual(['示自然资公开〔2024〕1号', '示自然资公开〔2024〕2号', '示自然资公开〔2024〕3号', '示自然资公开〔2024〕4号']);
    const reply = (await registrar.get(`/api/requests/${id}/notices/${list[4].id}`)).json();
    const text = reply.content.paragraphs.map((p: { text: string }) => p.text).join('');
    expect(text).toContain('第三十七条');
    expect(text).toContain('应当先'); // 复议前置: partial disclosure relying on Art.15 (行政复议法 Art.23(1)(四))
    expect(text).toContain('示范市人民政府');
    const supplement = (await registrar.get(`/api/requests/${id}/notices/${list[1].id}`)).json();
    expect(supplement.content.paragraphs.some((p: { kind: string }) => p.kind === 'remedy')).toBe(false);
    const docx = await registrar.get(`/api/requests/${id}/notices/${list[4].id}?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const preview = await registrar.get(`/api/requests/${id}/notices/preview?type=fee`);
    expect(preview.statusCode).toBe(409);
    expect(preview.json().error.message).toContain('收费');
  });

  it('every step is an event row and an audited, SM3-chained write', async () => {
    const events = await handle.db.select().from(requestEvents).where(eq(requestEvents.requestId, id));
    expect(events.map((e) => e.type)).toEqual(['registered', 'supplement_requested', 'supplement_received', 'assigned', 'consultation_started', 'consultation_ended', 'extension_requested', 'extension_approved', 'reply_drafted', 'reply_approved', 'secrecy_review_passed', 'replied', 'delivered', 'closed']);
    const audit = await handle.db.select().from(auditLog);
    expect(audit.filter((a) => a.action.startsWith('request.')).length).toBe(14);
    expect(audit.filter((a) => a.action === 'notice.issued').length).toBe(5);
    const verify = (await auditor.get('/api/audit/verify')).json();
    expect(verify.ok).toBe(true);
    await handle.exec(`UPDATE audit_log SET action = 'tampered' WHERE id = 3`);
    expect((await auditor.get('/api/audit/verify')).json().ok).toBe(false);
  });

  it('an organisation keeps its 联系人 in a field of its own, encrypted at rest', async () => {
    const org = { type: 'legalService', name: '某律师事务所', idType: '统一社会信用代码', idNumber: '91350100M000100Y43', phone: '010-66558740', address: '北京市西城区府右街2号', contactName: '李律师' };
    const res = await registrar.post('/api/requests', { applicant: org, description: '申请公开某项目批复', channel: 'letter', receivedOn: '2024-09-02' });
    expect(res.statusCode).toBe(201);
    const detail = (await registrar.get(`/api/requests/${res.json().id}`)).json();
    expect(detail.applicant).toMatchObject({ name: '某律师事务所', address: '北京市西城区府右街2号', contactName: '李律师' });
    const [stored] = await handle.db.select().from(applicants).where(eq(applicants.name, '某律师事务所'));
    expect(stored.contactEnc).toBeTruthy();
    expect(stored.contactEnc).not.toContain('李律师');
  });

  it('a likely duplicate shows a handler the earlier request’s 受理编号 and reply, its content only when it is theirs', async () => {
    t.setToday('2024-09-03');
    const description = '申请公开2023年南湖村征地补偿安置方案及补偿款发放明细';
    const x = (await registrar.post('/api/requests', { applicant, description, channel: 'letter', receivedOn: '2024-09-02' })).json().id;
    expect((await registrar.post(`/api/requests/${x}/events`, { type: 'assigned', on: '2024-09-03', lead: String(deptC), assisting: [] })).statusCode).toBe(200);
    const y = (await registrar.post('/api/requests', { applicant, description, channel: 'letter', receivedOn: '2024-09-03' })).json();
    expect(y.duplicateOfId).toBe(x);
    expect((await registrar.post(`/api/requests/${y.id}/events`, { type: 'assigned', on: '2024-09-03', lead: String(deptA), assisting: [] })).statusCode).toBe(200);
    const seenByHandler = (await handler.get(`/api/requests/${y.id}`)).json().duplicateOf;
    expect(seenByHandler).toMatchObject({ id: x, visible: false, description: null, state: 'in_progress' });
    expect(seenByHandler.ref).toMatch(/^GK-/);
    expect((await handler.get(`/api/requests/${x}`)).statusCode).toBe(403);
    expect((await registrar.get(`/api/requests/${y.id}`)).json().duplicateOf).toMatchObject({ id: x, visible: true, description });
  });
});

describe('public API', () => {
  let t: TestApp;
  let handle: DbHandle;
  beforeAll(async () => { handle = await getTestDb(); t = await buildTestApp(handle, '2026-11-27'); });
  afterAll(async () => { await t.app.close(); });

  it('submits, returns tracking code and access key, reads the status; wrong key and unknown code are the same 404', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/requests', payload: { applicant, description: '申请公开某文件', deliveryMethod: 'email', format: 'electronic' } });
    expect(res.statusCode).toBe(201);
    const { trackingCode, accessKey } = res.json();
    expect(trackingCode).toMatch(/^[A-Z0-9]{10}$/);
    const s = await t.app.inject({ method: 'GET', url: `/api/public/requests/${trackingCode}?key=${accessKey}` });
    expect(s.statusCode).toBe(200);
    expect(s.json().status).toBe('submitted');
    const wrong = await t.app.inject({ method: 'GET', url: `/api/public/requests/${trackingCode}?key=WRONGKEY` });
    const unknown = await t.app.inject({ method: 'GET', url: `/api/public/requests/NOSUCHCODE?key=${accessKey}` });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json().error.message).toBe(unknown.json().error.message);
  });

  it('the 联系人 of an organisation applying online is stored encrypted with its applicant', async () => {
    const org = { type: 'commercial', name: '示范科技有限公司', idType: '统一社会信用代码', idNumber: '91350100M000100Y43', phone: '13900139000', contactName: '王经理' };
    const res = await t.app.inject({ method: 'POST', url: '/api/public/requests', payload: { applicant: org, description: '申请公开某规划许可', deliveryMethod: 'online', format: 'electronic' } });
    expect(res.statusCode).toBe(201);
    const [row] = await handle.db.select().from(requests).where(eq(requests.trackingCode, res.json().trackingCode));
    const [who] = await handle.db.select().from(applicants).where(eq(applicants.id, row.applicantId!));
    expect(decryptPii(TEST_KEYS, who.contactEnc)).toBe('王经理');
    expect(decryptPii(TEST_KEYS, who.addressEnc)).toBeNull();
  });

  it('submissions arriving together are committed by one statement, each with its own applicant, event and audit entry', async () => {
    const names = ['王一', '王二', '王三', '王四', '王五'];
    const made = await Promise.all(names.map((name) => t.app.inject({ method: 'POST', url: '/api/public/requests', payload: { applicant: { ...applicant, name }, description: `同批提交 ${name}`, deliveryMethod: 'post', format: 'paper' } })));
    expect(made.map((m) => m.statusCode)).toEqual(names.map(() => 201));
    expect(new Set(made.map((m) => m.json().ref)).size).toBe(names.length);
    for (const [k, m] of made.entries()) {
      const [row] = await handle.db.select().from(requests).where(eq(requests.trackingCode, m.json().trackingCode));
      expect(row).toMatchObject({ ref: m.json().ref, applicantName: names[k], description: `同批提交 ${names[k]}`, state: 'submitted', channel: 'online', deliveryMethod: 'post', format: 'paper' });
      const [who] = await handle.db.select().from(applicants).where(eq(applicants.id, row.applicantId!));
      expect(who.name).toBe(names[k]);
      const events = await handle.db.select().from(requestEvents).where(eq(requestEvents.requestId, row.id));
      expect(events.map((e) => [e.seq, e.type, e.on])).toEqual([[1, 'submitted', '2026-11-27']]);
      const audit = await handle.db.select().from(auditLog).where(and(eq(auditLog.targetType, 'request'), eq(auditLog.targetId, String(row.id))));
      expect(audit.map((x) => [x.action, (x.detail as { ref: string }).ref])).toEqual([['request.submitted_online', row.ref]]);
    }
  });

  it('concurrent queries, coalesced into one statement by the server, each get their own answer', async () => {
    const made = await Promise.all([0, 1, 2].map(async (i) => (await t.app.inject({ method: 'POST', url: '/api/public/requests', payload: { applicant, description: `并发查询测试 ${i}`, deliveryMethod: 'email', format: 'electronic' } })).json()));
    const urls = [
      ...made.map((m) => `/api/public/requests/${m.trackingCode}?key=${m.accessKey}`),
      `/api/public/requests/${made[0].trackingCode.toLowerCase()}?key=${made[0].accessKey}`, // codes are case-insensitive
      `/api/public/requests/${made[1].trackingCode}?key=${made[2].accessKey}`, // another request's key
      `/api/public/requests/ZZZZZZZZZZ?key=${made[0].accessKey}`,
    ];
    const answers = await Promise.all(urls.map((url) => t.app.inject({ method: 'GET', url })));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 404, 404]);
    expect(answers.slice(0, 4).map((a) => a.json().description)).toEqual(['并发查询测试 0', '并发查询测试 1', '并发查询测试 2', '并发查询测试 0']);
  });

  it.each([
    ['wrong 身份证 check digit', { applicant: { ...applicant, idNumber: '440524188001010015' }, description: 'x', deliveryMethod: 'email', format: 'electronic' }, '身份证'],
    ['missing description', { applicant, deliveryMethod: 'email', format: 'electronic' }, '申请内容'],
    ['bad applicant type', { applicant: { ...applicant, type: 'martian' }, description: 'x', deliveryMethod: 'email', format: 'electronic' }, '申请人类型'],
    ['bad 统一社会信用代码', { applicant: { ...applicant, type: 'commercial', idType: '统一社会信用代码', idNumber: '91350100M000100Y44' }, description: 'x', deliveryMethod: 'email', format: 'electronic' }, '信用代码'],
  ])('400 with a Chinese message: %s', async (_n, payload, word) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/public/requests', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain(word);
  });

  it('control characters (NUL, ESC) in a field, a query or a path are refused with the field named, never a 500', async () => {
    const bad = [
      [{ applicant, description: '申请\u0000公开', deliveryMethod: 'email', format: 'electronic' }, '申请内容'],
      [{ applicant: { ...applicant, name: '李\u001b四' }, description: 'x', deliveryMethod: 'email', format: 'electronic' }, '申请人姓名或名称'],
    ] as const;
    for (const [payload, label] of bad) {
      const res = await t.app.inject({ method: 'POST', url: '/api/public/requests', payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toContain(label);
      expect(res.json().error.message).toContain('控制字符');
    }
    for (const [url, label] of [['/api/public/requests/AB%00CD?key=X', '查询码'], ['/api/public/requests/ABCD?key=%00', '查询密码']]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.message).toBe(`${label}含有不允许的控制字符（U+0000），请删除后重新提交`);
    }
  });

  it('malformed JSON and odd bodies get 4xx, never 500', async () => {
    for (const [body, type] of [['{bad', 'application/json'], ['', 'application/json'], ['[]', 'application/json'], ['null', 'application/json'], ['a=b', 'text/plain'], ['{"applicant":"x"}', 'application/json']]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/public/requests', headers: { 'content-type': type }, payload: body });
      expect(res.statusCode, `${type} ${body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});
