import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getTestDb, TEST_KEYS } from '../../../test/db.js';
import { buildDepartment, buildUser } from '../../../test/build-test-app.js';
import { isDomainError } from '../../core/errors.js';
import type { NoticeContent } from '../../core/notices/index.js';
import type { RequestEvent } from '../../core/requests/index.js';
import type { DbHandle } from '../../db/client.js';
import { notices } from '../../db/schema/index.js';
import { SYSTEM_ACTOR, type ServiceContext } from '../context.js';
import { registerRequest } from '../requests/create-request.js';
import { loadEvents } from '../requests/record-event.js';
import { recordRequestEvent } from '../requests/record-request-event.js';
import { findFinalNotice, previewNotice } from './notices.js';

/** Issue 11: the notices issued by the services carry what the forms collected. */
let handle: DbHandle;
let ctx: ServiceContext;
let dept: number;

beforeAll(async () => {
  handle = await getTestDb();
  ctx = { db: handle.db, keys: TEST_KEYS, now: new Date('2024-11-30T04:00:00Z'), today: '2024-11-30', actor: SYSTEM_ACTOR };
  dept = await buildDepartment(handle, '法规科');
});

const text = (c: NoticeContent) => c.paragraphs.map((p) => p.text).join('\n');
const ev = (id: number, e: Record<string, unknown>) => recordRequestEvent(ctx, id, e as unknown as RequestEvent);

async function assigned(name = '王五'): Promise<number> {
  const { id } = await registerRequest(ctx, { applicant: { type: 'natural', name }, description: '申请公开2024年某地块征收批复', channel: 'in_person', receivedOn: '2024-09-02' });
  await ev(id, { type: 'assigned', on: '2024-09-03', lead: String(dept), assisting: [] });
  return id;
}

describe('登记回执 of a paper registration', () => {
  it('the copy printed at registration has the 查询码 and 查询密码; the stored copy never holds the key', async () => {
    const created = await registerRequest(ctx, { applicant: { type: 'natural', name: '赵六' }, description: '申请获取某路拓宽工程规划许可证', channel: 'letter', receivedOn: '2024-11-28' });
    expect(created.receiptHtml).toContain(`查询码：${created.trackingCode}；查询密码：${created.accessKey}。`);
    expect(created.receiptHtml).toContain('“进度查询”页面，输入查询码和查询密码');
    const stored = await findFinalNotice(handle.db, created.id, 'receipt');
    expect(text(stored!.content)).toContain(`查询码：${created.trackingCode}；查询密码：已打印在登记时出具的回执上`);
    expect(JSON.stringify(stored!.content)).not.toContain(created.accessKey);
    expect(stored!.html).not.toContain(created.accessKey);
    expect(text(stored!.content)).toContain('申请获取的政府信息为：“某路拓宽工程规划许可证”'); // no 申请获取“申请获取…”
  });
});

describe('延期答复告知书 carries the reason given in the form', () => {
  it('prints 延期理由 from the extension request (the approval used to drop it)', async () => {
    const id = await assigned();
    await ev(id, { type: 'extension_requested', on: '2024-09-20', days: 10, reason: '所申请信息涉及三个承办单位，需要协调检索' });
    await ev(id, { type: 'extension_approved', on: '2024-09-23', days: 10 });
    const n = await findFinalNotice(handle.db, id, 'extension');
    expect(text(n!.content)).toContain('延期理由：所申请信息涉及三个承办单位，需要协调检索。');
  });
});

describe('征求第三方意见书 and 决定公开告知书', () => {
  it('the consultation letter names the information and the right; a consultation without them is refused and not recorded', async () => {
    const id = await assigned();
    const before = (await loadEvents(handle.db, id)).length;
    let err: unknown;
    try { await ev(id, { type: 'consultation_started', on: '2024-09-10', party: 'third_party', name: '某开发公司' }); } catch (e) { err = e; }
    expect(isDomainError(err)).toBe(true);
    expect((err as Error).message).toMatch(/^征求第三方意见书须写明所申请信息中涉及第三方的具体信息/);
    expect((await loadEvents(handle.db, id)).length).toBe(before);
    expect(await handle.db.select().from(notices).where(eq(notices.requestId, id))).toHaveLength(1); // only the receipt

    await ev(id, { type: 'consultation_started', on: '2024-09-10', party: 'third_party', name: '某开发公司', information: '该公司的项目成本测算表', rights: ['commercial_secret'] });
    const letter = await findFinalNotice(handle.db, id, 'consultation');
    expect(text(letter!.content)).toContain('该申请所涉政府信息中的“该公司的项目成本测算表”涉及贵方的商业秘密');
  });

  it('third party agreed → no 决定公开告知书; no reply → decided under Art.32 without the public-interest claim', async () => {
    const agreed = await assigned();
    await ev(agreed, { type: 'consultation_started', on: '2024-09-10', party: 'third_party', name: '甲公司', information: '甲公司报价', rights: ['commercial_secret'] });
    await ev(agreed, { type: 'consultation_ended', on: '2024-09-20', name: '甲公司', opinion: 'agree' });
    await ev(agreed, { type: 'reply_drafted', on: '2024-09-25', outcome: 'disclosed', reasons: '', legalBasis: '第三十六条第（二）项', provision: { method: '邮寄' } });
    await expect(previewNotice(ctx, agreed, 'third-party-decision')).rejects.toThrow('甲公司已同意公开，依照条例第十五条予以公开即可，不需要出具决定公开告知书（第三方）');

    const silent = await assigned();
    await ev(silent, { type: 'consultation_started', on: '2024-09-10', party: 'third_party', name: '乙公司', information: '乙公司报价', rights: ['commercial_secret'] });
    // 15 working days from sending (no receipt recorded) end on 2024-10-08 (国庆 in between): silence counts from the 9th.
    await ev(silent, { type: 'consultation_ended', on: '2024-10-09', name: '乙公司', opinion: 'none' });
    await ev(silent, { type: 'reply_drafted', on: '2024-10-10', outcome: 'disclosed', reasons: '报价为中标结果，依法应当公开', legalBasis: '第三十六条第（二）项', provision: { method: '邮寄' } });
    const { content } = await previewNotice(ctx, silent, 'third-party-decision');
    expect(text(content)).toContain('贵方逾期未提出意见。');
    expect(text(content)).toContain('根据《中华人民共和国政府信息公开条例》第三十二条的规定，本机关依照条例的规定决定予以公开');
    expect(text(content)).not.toContain('公共利益');
  });
});

describe('the reviewer approves exactly the text that is issued', () => {
  it('the legal basis the reviewer sees is the one issued, and a change after approval stops the sending', async () => {
    const id = await assigned('钱七');
    // the draft's free text as the form used to pre-fill it (the reviewer saw this, the 答复书 printed something else)
    await ev(id, { type: 'reply_drafted', on: '2024-09-20', outcome: 'partly_disclosed', reasons: '附件含第三方商业秘密', legalBasis: '《中华人民共和国政府信息公开条例》第三十七条、第三十六条第（二）项、第（三）项', provision: { method: '邮寄' }, partial: { withheldPart: '附件', withheldGrounds: ['withheld_third_party'] } });
    const preview = (await previewNotice({ ...ctx, today: '2024-09-23' }, id, 'reply')).content;
    const previewBasis = preview.paragraphs.filter((p) => p.kind === 'legal_basis').map((p) => p.text);
    expect(previewBasis).toEqual(['根据《中华人民共和国政府信息公开条例》第十五条、第三十七条的规定，本机关向您提供可以公开的政府信息内容，对不予公开的内容说明理由如上。']);
    await ev(id, { type: 'reply_approved', on: '2024-09-23' });
    const approval = (await loadEvents(handle.db, id)).at(-1)!;
    expect((approval.payload as { replyFingerprint?: string }).replyFingerprint).toMatch(/^[0-9a-f]{64}$/);
    await ev(id, { type: 'secrecy_review_passed', on: '2024-09-24' });

    // the agency changes its wording after the approval: the reviewed text is no longer what would go out
    const { saveTemplate } = await import('./notices.js');
    const adminId = await buildUser(handle, { username: 'tpl-admin', roles: ['admin'] });
    await saveTemplate({ ...ctx, actor: { ...SYSTEM_ACTOR, id: adminId, roles: ['admin'] } as never }, 'reply', { opening: '{申请人}：本机关于{收到日期}收到您的申请，您申请获取“{申请内容}”。现答复如下：' });
    let err: unknown;
    try { await ev(id, { type: 'replied', on: '2024-09-25' }); } catch (e) { err = e; }
    expect(isDomainError(err)).toBe(true);
    expect((err as Error).message).toMatch(/^答复书的文字与审核人审核通过时的文本不一致/);
    expect(await findFinalNotice(handle.db, id, 'reply')).toBeNull();

    // re-approved on the new text: it goes out, with the same legal basis the reviewer saw
    await ev(id, { type: 'reply_returned', on: '2024-09-25', comment: '模板已更新，请重新提交' });
    await ev(id, { type: 'reply_drafted', on: '2024-09-25', outcome: 'partly_disclosed', reasons: '附件含第三方商业秘密', legalBasis: '《中华人民共和国政府信息公开条例》第三十七条', provision: { method: '邮寄' }, partial: { withheldPart: '附件', withheldGrounds: ['withheld_third_party'] } });
    await ev(id, { type: 'reply_approved', on: '2024-09-26' });
    await ev(id, { type: 'secrecy_review_passed', on: '2024-09-26' });
    await ev(id, { type: 'replied', on: '2024-09-27' });
    const issued = await findFinalNotice(handle.db, id, 'reply');
    expect(issued!.content.paragraphs.filter((p) => p.kind === 'legal_basis').map((p) => p.text)).toEqual(previewBasis);
  });
});

describe('按件计收: 同一申请人 by ID, confirmed by the handler for same-name requests, counted in receipt order', () => {
  it('without an ID the name is not enough; the earliest-received request is 1st even when registered last', async () => {
    const reg = (receivedOn: string, idNumber?: string) => registerRequest(ctx, { applicant: { type: 'natural', name: '孙八', ...(idNumber ? { idType: '身份证', idNumber } : {}) }, description: `某地块批复（${receivedOn}）`, channel: 'letter', receivedOn });
    // registered in this order, received in the reverse order: the last registered is the 11th received in October
    const late = await reg('2024-10-31');
    const others: string[] = [];
    for (let day = 21; day >= 12; day--) others.push((await reg(`2024-10-${day}`)).ref);
    const early = await reg('2024-10-08');
    await ev(late.id, { type: 'assigned', on: '2024-11-01', lead: String(dept), assisting: [] });
    await ev(early.id, { type: 'assigned', on: '2024-11-01', lead: String(dept), assisting: [] });

    // same name, no ID: refused until the handler says which are the same person
    let err: unknown;
    try { await ev(late.id, { type: 'fee_notice_issued', on: '2024-11-04', basis: 'per_request', paymentMethod: '缴款码' }); } catch (e) { err = e; }
    expect(isDomainError(err)).toBe(true);
    expect((err as Error).message).toMatch(/^本月有同名申请.*不能仅凭姓名或名称认定为同一申请人/);

    // the earliest received is the 1st of the month (the old count by registration made it the 12th): no fee
    await expect(ev(early.id, { type: 'fee_notice_issued', on: '2024-11-04', basis: 'per_request', paymentMethod: '缴款码', sameApplicantRefs: [] })).rejects.toThrow('该申请人本月第1件申请，在免费范围内');

    // confirmed: the 11 same-name requests received earlier → the 12th, charged, and the notice says so
    const view = await ev(late.id, { type: 'fee_notice_issued', on: '2024-11-04', basis: 'per_request', paymentMethod: '缴款码', sameApplicantRefs: [...others, early.ref] });
    expect(view.fee?.amountYuan).toBeGreaterThan(0);
    const notice = await findFinalNotice(handle.db, late.id, 'fee');
    expect(text(notice!.content)).toContain('截至本件申请，您本自然月内向本机关提出政府信息公开申请共12件');
  });

  it('with the same ID number the earlier requests count without confirmation; a ref that is not a candidate is refused', async () => {
    const { feeCountBasis } = await import('./notice-input.js');
    const id = '11010519491231002X';
    const a = await registerRequest(ctx, { applicant: { type: 'natural', name: '周九', idType: '身份证', idNumber: id }, description: '甲', channel: 'letter', receivedOn: '2024-10-03' });
    const b = await registerRequest(ctx, { applicant: { type: 'natural', name: '周九', idType: '身份证', idNumber: id }, description: '乙', channel: 'letter', receivedOn: '2024-10-09' });
    const basis = await feeCountBasis(handle.db, b.id);
    expect(basis.matched.map((x) => x.ref)).toEqual([a.ref]);
    expect(basis.toConfirm).toEqual([]);
    await ev(b.id, { type: 'assigned', on: '2024-10-10', lead: String(dept), assisting: [] });
    await expect(ev(b.id, { type: 'fee_notice_issued', on: '2024-10-11', basis: 'per_request', paymentMethod: '缴款码', sameApplicantRefs: ['GK-2024-999999'] })).rejects.toThrow(/不是本月此前收到的同名申请/);
  });
});
