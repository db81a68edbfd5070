import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { getTestDb, TEST_KEYS } from '../../test/db.js';
import { buildDepartment } from '../../test/build-test-app.js';
import { isDomainError } from '../core/errors.js';
import type { RequestEvent } from '../core/requests/index.js';
import type { DbHandle } from '../db/client.js';
import { notices } from '../db/schema/index.js';
import { calendarStatus, upsertCalendarYear } from './calendar.js';
import { SYSTEM_ACTOR, type ServiceContext } from './context.js';
import { registerRequest } from './requests/create-request.js';
import { loadEvents } from './requests/record-event.js';
import { recordRequestEvent } from './requests/record-request-event.js';

// Issue 11 item 4 at the service level, on the shipped data (2008–2026 loaded, 2027 not), today 2026-12-04.
let handle: DbHandle;
let ctx: ServiceContext;
let dept: number;

beforeAll(async () => {
  handle = await getTestDb();
  ctx = { db: handle.db, keys: TEST_KEYS, now: new Date('2026-12-04T02:00:00Z'), today: '2026-12-04', actor: SYSTEM_ACTOR };
  dept = await buildDepartment(handle, '办公室');
});

async function receiptText(requestId: number, type = 'receipt'): Promise<string> {
  const [n] = await handle.db.select().from(notices).where(and(eq(notices.requestId, requestId), eq(notices.type, type)));
  return (n.content as { paragraphs: { text: string }[] }).paragraphs.map((p) => p.text).join('\n');
}

describe('workbench warning and presumed days (calendarStatus)', () => {
  it('from 1 October, when next year’s notice is not loaded, every staff member is told what to do', async () => {
    expect((await calendarStatus(handle.db, '2026-09-30')).warning).toBeNull();
    const s = await calendarStatus(handle.db, '2026-10-01');
    expect(s.loadedThrough).toBe(2026);
    expect(s.warning?.year).toBe(2027);
    expect(s.warning?.title).toBe('2027年节假日安排尚未载入，相关期限为“暂定”');
    expect(s.warning?.message).toContain('请系统管理员在“系统管理 → 节假日日历”中新增2027年');
    expect((await calendarStatus(handle.db, '2026-12-04')).warning?.year).toBe(2027);
    // a year that began without its notice is warned about all year
    expect((await calendarStatus(handle.db, '2027-03-01')).warning?.year).toBe(2027);
    expect(s.presumed.map((p) => [p.year, p.days.length])).toEqual([[2027, 19]]);
  });
});

describe('a notice that prints a provisional date says so', () => {
  it('the 登记回执 of a request received 2026-12-10 prints its 2027 deadline as 暂定', async () => {
    const today = { ...ctx, today: '2026-12-10', now: new Date('2026-12-10T02:00:00Z') };
    const { id } = await registerRequest(today, { applicant: { type: 'natural', name: '赵六' }, description: '2026年本区道路改造项目批复', channel: 'in_person', receivedOn: '2026-12-10' });
    // 12-11…12-31 = 15 working days, 2027-01-01 元旦 presumed off, 01-04…01-08 → 2027-01-08
    expect(await receiptText(id)).toContain('2027年1月8日（暂定，2027年节假日安排尚未公布）');
  });

  it('a deadline inside a loaded year carries no such words', async () => {
    const { id } = await registerRequest(ctx, { applicant: { type: 'natural', name: '钱七' }, description: '2026年本区绿化工程合同', channel: 'in_person', receivedOn: '2026-11-02' });
    const text = await receiptText(id);
    expect(text).toContain('2026年11月30日');
    expect(text).not.toContain('暂定');
  });
});

describe('an expiry event that relies on a provisional period is refused until the year’s notice is loaded', () => {
  it('逾期未缴费 after a payment window that ends 2027-01-04 (暂定): refused, nothing written; accepted once 2027 is loaded', async () => {
    const { id } = await registerRequest(ctx, { applicant: { type: 'natural', name: '孙八' }, description: '2025年本区财政预算执行情况', channel: 'in_person', receivedOn: '2026-11-27' });
    await recordRequestEvent(ctx, id, { type: 'assigned', on: '2026-11-30', lead: String(dept), assisting: [] } as RequestEvent);
    const view = await recordRequestEvent(ctx, id, { type: 'fee_notice_issued', on: '2026-12-03', basis: 'per_page', pages: 120, noticeReceivedOn: '2026-12-04' } as unknown as RequestEvent);
    expect(view.fee?.paymentDueOn).toBe('2027-01-04');
    expect(await receiptText(id, 'fee')).toContain('（即2027年1月4日（暂定，2027年节假日安排尚未公布）前（含当日））缴纳费用');
    const later = { ...ctx, today: '2027-01-05', now: new Date('2027-01-05T02:00:00Z') };
    const before = (await loadEvents(handle.db, id)).length;
    const err = await recordRequestEvent(later, id, { type: 'fee_expired', on: '2027-01-05' }).then(() => null, (e: unknown) => e);
    expect(isDomainError(err)).toBe(true);
    expect((err as { code: string }).code).toBe('PERIOD_NOT_EXPIRED');
    expect((err as Error).message).toContain('2027年节假日安排尚未载入，该期限为暂定，暂不能登记逾期');
    expect((await loadEvents(handle.db, id)).length).toBe(before);

    await upsertCalendarYear(handle.db, { year: 2027, notice: '国办发明电〔2026〕1号', title: '', source: '测试数据', holidays: ['2027-01-01', '2027-01-02', '2027-01-03'], workdays: [] }, null);
    const done = await recordRequestEvent(later, id, { type: 'fee_expired', on: '2027-01-05' });
    expect(done.fee?.status).toBe('expired');
  });
});
