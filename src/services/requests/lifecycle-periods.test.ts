import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getTestDb, TEST_KEYS } from '../../../test/db.js';
import { buildDepartment } from '../../../test/build-test-app.js';
import { isDomainError } from '../../core/errors.js';
import type { NoticeContent } from '../../core/notices/index.js';
import type { RequestEvent } from '../../core/requests/index.js';
import { requests } from '../../db/schema/index.js';
import type { DbHandle } from '../../db/client.js';
import { SYSTEM_ACTOR, type ServiceContext } from '../context.js';
import { findFinalNotice, previewNotice } from '../notices/notices.js';
import { registerRequest } from './create-request.js';
import { recordRequestEvent } from './record-request-event.js';
import { saveDeadlineSettings } from './deadline-settings.js';

// Issue 11 items 1, 2, 3 and 8 through the service: events, the notices issued with them and the cached columns.
let handle: DbHandle;
let ctx: ServiceContext;
let dept: number;

beforeAll(async () => {
  handle = await getTestDb();
  ctx = { db: handle.db, keys: TEST_KEYS, now: new Date('2024-12-20T04:00:00Z'), today: '2024-12-20', actor: SYSTEM_ACTOR };
  dept = await buildDepartment(handle, '不动产登记科');
});

const record = (id: number, e: Record<string, unknown>) => recordRequestEvent(ctx, id, e as unknown as RequestEvent);
const text = (c: NoticeContent) => c.paragraphs.map((p) => p.text).join('\n');

/** A request received Monday 2024-09-02 in person and assigned on 09-03 (due 2024-09-30: 中秋 skipped, 09-14 and 09-29 调休 counted). */
async function inProgress(description = '2024年本区全部不动产登记簿'): Promise<number> {
  const { id } = await registerRequest(ctx, { applicant: { type: 'natural', name: '赵六' }, description, channel: 'in_person', receivedOn: '2024-09-02' });
  const v = await record(id, { type: 'assigned', on: '2024-09-03', lead: String(dept), assisting: [] });
  expect(v.deadline?.dueOn).toBe('2024-09-30');
  return id;
}

async function refusal(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await p;
  } catch (e) {
    expect(isDomainError(e), String(e)).toBe(true);
    return e as { code: string; message: string };
  }
  throw new Error('expected a DomainError');
}

describe('Art.35: 说明理由告知书, then 延迟答复告知书 with the new date (item 1)', () => {
  it('the 延迟答复告知书 cannot be issued for an ordinary open request', async () => {
    // Old wrong result: any open request could get it, printing the ordinary due date as the "delayed" one.
    const id = await inProgress();
    expect((await refusal(previewNotice(ctx, id, 'delay'))).message).toBe('只有已要求申请人说明理由（条例第三十五条）的办理中申请才能出具说明理由/延迟答复告知书');
  });

  it('要求说明理由 issues the 说明理由告知书 with its reply-by date; 确定延迟答复期限 issues the 延迟答复告知书 and moves the due date', async () => {
    const id = await inProgress();
    await record(id, { type: 'reasons_requested', on: '2024-09-05', details: '申请人本月已提出同类申请35件，涉及全区全部不动产登记簿', periodDays: 10 });
    const asked = await findFinalNotice(handle.db, id, 'delay');
    expect(asked?.content.title).toBe('政府信息公开申请说明理由告知书');
    const askedText = text(asked!.content);
    expect(askedText).toContain('具体情况：申请人本月已提出同类申请35件，涉及全区全部不动产登记簿。');
    // 10 working days after 09-05 (09-14 调休 counts, 09-16/17 中秋 do not) → 2024-09-20.
    expect(askedText).toContain('请您于2024年9月20日前向本机关说明申请理由');
    expect(asked!.content.legalCitations.join('')).toContain('第三十五条');

    await record(id, { type: 'reasons_received', on: '2024-09-12', finding: 'reasonable', summary: '课题研究需要' });
    const v = await record(id, { type: 'delay_set', on: '2024-09-13', newDueOn: '2024-11-29', reason: '所申请信息分散在三个承办单位的档案中，需逐件检索' });
    expect(v.deadline).toMatchObject({ baseDueOn: '2024-09-30', dueOn: '2024-11-29' });
    const [row] = await handle.db.select({ dueOn: requests.dueOn }).from(requests).where(eq(requests.id, id));
    expect(row.dueOn).toBe('2024-11-29');
    const delayed = await findFinalNotice(handle.db, id, 'delay');
    expect(delayed?.content.title).toBe('政府信息公开申请延迟答复告知书');
    const delayedText = text(delayed!.content);
    expect(delayedText).toContain('本机关认为您的申请理由合理，但是无法在法定期限内答复');
    expect(delayedText).toContain('具体情况：所申请信息分散在三个承办单位的档案中，需逐件检索。');
    expect(delayedText).toContain('将于2024年11月29日前作出答复');
    expect(delayedText).not.toContain('2024年9月30日');
  });

  it('不予处理 after the reasons lapsed says so and cites Art.35', async () => {
    const id = await inProgress();
    await record(id, { type: 'reasons_requested', on: '2024-09-05', details: '本月同类申请35件', periodDays: 10 });
    expect((await refusal(record(id, { type: 'reasons_expired', on: '2024-09-20' }))).code).toBe('PERIOD_NOT_EXPIRED');
    await record(id, { type: 'reasons_expired', on: '2024-09-23' });
    await record(id, { type: 'reply_drafted', on: '2024-09-23', outcome: 'not_processed_excessive', reasons: '申请人逾期未说明理由', legalBasis: '《政府信息公开条例》第三十五条' });
    const reply = text((await previewNotice(ctx, id, 'reply')).content);
    expect(reply).toContain('本机关已于2024年9月5日要求您说明理由');
    expect(reply).toContain('您未在2024年9月20日前（含当日）说明理由');
    expect(reply).not.toContain('认为申请理由不合理');
    expect(reply).toContain('第三十五条');
  });
});

describe('consultation letter: the response date only when counted from the party\'s receipt (item 2)', () => {
  it('no date at sending; the 15 working days from the recorded receipt afterwards', async () => {
    const id = await inProgress();
    await record(id, { type: 'consultation_started', on: '2024-09-04', party: 'third_party', name: '某某置业有限公司', information: '该公司报送的项目成本测算表', rights: ['commercial_secret'] });
    const sent = (await findFinalNotice(handle.db, id, 'consultation'))!.content;
    expect(sent.legalCitations.join('')).toContain('第三十二条');
    const letter = text(sent);
    // Old wrong result: "（即2024年9月26日前）", counted from the day the letter was sent.
    expect(letter).toContain('自收到本征求意见书之日起15个工作日内书面提出');
    expect(letter).not.toMatch(/即\d{4}年/);
    const v = await record(id, { type: 'consultation_delivered', on: '2024-09-06' });
    expect(v.consultations[0]).toMatchObject({ letterReceivedOn: '2024-09-06', responseDueOn: '2024-09-29' });
    expect(text((await previewNotice(ctx, id, 'consultation')).content)).toContain('（即2024年9月29日前（含当日））');
  });
});

describe('fee notice: the pay-by date only from a recorded receipt; no 逾期未缴费 before it (item 3)', () => {
  it('issued without receipt: no date printed, expiry refused; after delivery the window runs from it', async () => {
    const id = await inProgress();
    const v = await record(id, { type: 'fee_notice_issued', on: '2024-09-05', basis: 'per_page', pages: 120, deliveryMethod: 'post' });
    expect(v.fee).toMatchObject({ paymentDueOn: null, noticeReceivedOn: null });
    const feeNotice = (await findFinalNotice(handle.db, id, 'fee'))!.content;
    expect(feeNotice.legalCitations.join('')).toContain('国办函〔2020〕109号');
    const notice = text(feeNotice);
    expect(notice).toContain('请您在收到本通知次日起20个工作日内缴纳费用。');
    expect((await refusal(record(id, { type: 'fee_expired', on: '2024-10-30' }))).message).toContain('尚未登记申请人收到通知的日期，不能登记逾期未缴费');
    const d = await record(id, { type: 'fee_notice_delivered', on: '2024-09-09' });
    expect(d.fee?.paymentDueOn).toBe('2024-10-12');
    expect(text((await previewNotice(ctx, id, 'fee')).content)).toContain('（即2024年10月12日前（含当日））');
  });
});

describe('withdrawal closes the request on the day (item 8)', () => {
  it('outcome and closing date are set by 撤回申请, not only by 办结归档', async () => {
    const id = await inProgress();
    await record(id, { type: 'withdrawn', on: '2024-09-10', reason: '申请人书面撤回' });
    const [row] = await handle.db.select({ state: requests.state, outcome: requests.outcome, closedOn: requests.closedOn, dueOn: requests.dueOn }).from(requests).where(eq(requests.id, id));
    expect(row).toMatchObject({ state: 'withdrawn', outcome: 'other', closedOn: '2024-09-10' });
    await record(id, { type: 'closed', on: '2024-09-12' });
    const [after] = await handle.db.select({ closedOn: requests.closedOn }).from(requests).where(eq(requests.id, id));
    expect(after.closedOn).toBe('2024-09-10');
  });
});

describe('deadline settings: presumed delivery per channel (default none) and the repeat-补正 policy', () => {
  it('refuses bad values in Chinese naming the field; an admin setting lets a presumed postal delivery expire', async () => {
    const bad = async (input: Record<string, unknown>) => (await refusal(saveDeadlineSettings(ctx, input as never))) as unknown as { message: string; details: { problems: { field: string }[] } };
    expect((await bad({ presumedDeliveryDays: { post: 45 } })).message).toBe('邮寄的推定送达天数须为0至30的整数（工作日），或留空表示须登记实际收到日期，收到“45”');
    expect((await bad({ presumedDeliveryDays: { pigeon: 3 } })).details.problems[0].field).toBe('presumedDeliveryDays.pigeon');
    expect((await bad({ repeatSupplement: 'twice' })).details.problems[0].field).toBe('repeatSupplement');
    const clerk = { ...ctx, actor: { ...SYSTEM_ACTOR, id: 99, roles: ['registrar' as const] } };
    expect((await refusal(saveDeadlineSettings(clerk, { presumedDeliveryDays: { post: 5 } }))).code).toBe('FORBIDDEN');

    const id = await inProgress();
    await record(id, { type: 'fee_notice_issued', on: '2024-09-05', basis: 'per_page', pages: 120, deliveryMethod: 'post' });
    try {
      const saved = await saveDeadlineSettings(ctx, { presumedDeliveryDays: { post: 5 } });
      expect(saved.presumedDeliveryDays).toMatchObject({ post: 5, email: null });
      // Presumed received 5 working days after 09-05 (→ 09-12); 20 working days from the next day → 2024-10-16.
      expect((await refusal(record(id, { type: 'fee_expired', on: '2024-10-16' }))).message).toBe('缴费期限至2024-10-16，尚未届满，期满后方可登记逾期未缴费');
      expect((await record(id, { type: 'fee_expired', on: '2024-10-17' })).outcome).toBe('other_unpaid_fee');
    } finally {
      await saveDeadlineSettings(ctx, { presumedDeliveryDays: { post: null } });
    }
  });
});
