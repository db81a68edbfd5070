import { beforeAll, describe, expect, it } from 'vitest';
import { getTestDb, TEST_KEYS } from '../../../test/db.js';
import { buildDepartment } from '../../../test/build-test-app.js';
import { isDomainError } from '../../core/errors.js';
import type { RequestEvent } from '../../core/requests/index.js';
import type { DbHandle } from '../../db/client.js';
import { SYSTEM_ACTOR, type ServiceContext } from '../context.js';
import { registerRequest } from './create-request.js';
import { loadEvents } from './record-event.js';
import { MAX_FEE_PAGES, recordRequestEvent } from './record-request-event.js';

// Inputs found by fuzzing POST /api/requests/:id/events that used to end in a 500 (TypeError, numeric overflow).
let handle: DbHandle;
let ctx: ServiceContext;
let dept: number;

beforeAll(async () => {
  handle = await getTestDb();
  ctx = { db: handle.db, keys: TEST_KEYS, now: new Date('2024-11-30T04:00:00Z'), today: '2024-11-30', actor: SYSTEM_ACTOR };
  dept = await buildDepartment(handle, '政策法规司');
});

/** A request received 2024-09-02 and assigned (state in_progress). */
async function inProgress(): Promise<number> {
  const { id } = await registerRequest(ctx, { applicant: { type: 'natural', name: '王五' }, description: '2024年某地块征收批复', channel: 'in_person', receivedOn: '2024-09-02' });
  const view = await recordRequestEvent(ctx, id, { type: 'assigned', on: '2024-09-03', lead: String(dept), assisting: [] } as RequestEvent);
  expect(view.state).toBe('in_progress');
  return id;
}

async function refused(id: number, event: Record<string, unknown>): Promise<{ code: string; message: string; details: Record<string, unknown> }> {
  const before = (await loadEvents(handle.db, id)).length;
  try {
    await recordRequestEvent(ctx, id, event as unknown as RequestEvent);
  } catch (e) {
    expect(isDomainError(e), String(e)).toBe(true);
    expect((await loadEvents(handle.db, id)).length).toBe(before);
    const d = e as { code: string; message: string; details?: Record<string, unknown> };
    return { code: d.code, message: d.message, details: d.details ?? {} };
  }
  throw new Error('expected a DomainError');
}

describe('reply_drafted with badly shaped sub-objects is a VALIDATION naming the field', () => {
  let id: number;
  beforeAll(async () => { id = await inProgress(); });
  const draft = { type: 'reply_drafted', on: '2024-11-06' };

  it.each([
    ['disclosed', 'method', 123],
    ['disclosed', 'way', { a: 1 }],
    ['already_public', 'way', 123],
    ['already_public', 'time', []],
    ['partly_disclosed', 'time', 5],
  ] as const)('%s with provision.%s = %j', async (outcome, key, value) => {
    const r = await refused(id, { ...draft, outcome, reasons: '理由', legalBasis: '第三十六条', provision: { [key]: value } });
    expect(r.code).toBe('VALIDATION');
    expect(r.details.field).toBe(`provision.${key}`);
    expect(r.message).toContain(`（provision.${key}）须为文字`);
  });

  it('not_processed_duplicate with previousReply.repliedOn = 123', async () => {
    const r = await refused(id, { ...draft, outcome: 'not_processed_duplicate', reasons: '重复申请', legalBasis: '第三十六条第（六）项', previousReply: { repliedOn: 123 } });
    expect(r).toMatchObject({ code: 'VALIDATION', details: { field: 'previousReply.repliedOn' } });
  });

  const partly = { ...draft, outcome: 'partly_disclosed', reasons: '理由', legalBasis: '第三十七条', provision: { method: '邮寄' } };
  it.each(['x', 'toString', '__proto__'])('partly_disclosed with partial.withheldGround = %j', async (ground) => {
    const r = await refused(id, { ...partly, partial: { withheldGround: ground } });
    expect(r).toMatchObject({ code: 'VALIDATION', details: { field: 'partial.withheldGround' } });
    expect(r.message).toMatch(/^不予公开部分的依据（partial\.withheldGround）“.*”无效，应为：/);
  });

  it.each([['理由'], [7]])('partly_disclosed with partial = %j', async (partial) => {
    expect(await refused(id, { ...partly, partial })).toMatchObject({ code: 'VALIDATION', details: { field: 'partial' } });
  });

  it('a well-formed draft is still accepted', async () => {
    const view = await recordRequestEvent(ctx, id, { ...partly, partial: { withheldGround: 'withheld_third_party', withheldPart: '第三方商业秘密' } } as unknown as RequestEvent);
    expect(view.state).toBe('reply_drafted');
  });
});

describe('fee_notice_issued: page bound and basis', () => {
  let id: number;
  beforeAll(async () => { id = await inProgress(); });
  const fee = { type: 'fee_notice_issued', on: '2024-09-10' };

  it('300,000,000 pages is refused naming 页数 (pages) instead of overflowing numeric(12,2)', async () => {
    const r = await refused(id, { ...fee, basis: 'per_page', pages: 300_000_000 });
    expect(r.code).toBe('VALIDATION');
    expect(r.message).toContain('页数（pages）');
    expect(r.details.problems).toEqual([{ field: 'pages', message: `页数不能超过${MAX_FEE_PAGES}页` }]);
  });

  it.each(['per_item', 'PER_PAGE', 1, null])('unknown basis %j is refused, not treated as 按件计收', async (basis) => {
    const r = await refused(id, { ...fee, basis, pages: 50 });
    expect(r.code).toBe('VALIDATION');
    expect(r.message).toMatch(/^计费方式（basis）.*无效，应为：per_request（按件计收）或per_page（按量计收）/);
    expect((r.details.problems as { field: string }[])[0].field).toBe('basis');
  });

  it(`${MAX_FEE_PAGES} pages, the bound itself, is accepted and stored`, async () => {
    const view = await recordRequestEvent(ctx, id, { ...fee, basis: 'per_page', pages: MAX_FEE_PAGES } as unknown as RequestEvent);
    // 国办函〔2020〕109号 Art.5: 70×10 + 100×20 + (1,000,000 − 200)×40.
    expect(view.fee?.amountYuan).toBe(700 + 2000 + (MAX_FEE_PAGES - 200) * 40);
  });
});
