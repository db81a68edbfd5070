import { beforeAll, describe, expect, it } from 'vitest';
import { getTestDb, TEST_KEYS } from '../../../test/db.js';
import { buildUser } from '../../../test/build-test-app.js';
import type { DbHandle } from '../../db/client.js';
import { factFieldsFor } from '../../core/reports/facts.js';
import type { Actor, Role, ServiceContext } from '../context.js';
import { putAnnualFacts } from './facts.js';
import { getReportPublishing, publishAnnualReport, recordReportStep, submitAnnualReport } from './publishing.js';

let handle: DbHandle;
const actors: Record<string, Actor> = {};
const ctx = (who: string, today = '2026-12-04'): ServiceContext => ({ db: handle.db, keys: TEST_KEYS, now: new Date(`${today}T02:00:00Z`), today, actor: actors[who], ip: null });

beforeAll(async () => {
  handle = await getTestDb();
  for (const [username, role] of [['reg', 'registrar'], ['sec', 'secrecy_reviewer'], ['rev', 'reviewer'], ['pub', 'publisher']] as [string, Role][]) {
    const id = await buildUser(handle, { username, roles: [role] });
    actors[username] = { id, username, displayName: username, roles: [role], departmentId: null };
  }
  const facts = Object.fromEntries(factFieldsFor('gov-2021').map((f) => [f.key, f.kind === 'text' ? '已填写。' : 0]));
  await putAnnualFacts(ctx('reg'), 2025, facts);
});

describe('publishing service', () => {
  it('two submissions at once: one version, the other refused (no duplicate version number, no 500)', async () => {
    const results = await Promise.allSettled([submitAnnualReport(ctx('reg'), 2025), submitAnnualReport(ctx('reg'), 2025)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.message).toBe('2025年度报告第1版正在审查（待保密审查），请待其办结或退回后再提交');
  });

  it('the submitter cannot review it; a returned version frees the year for a new submission', async () => {
    await expect(recordReportStep({ ...ctx('reg'), actor: { ...actors.reg, roles: ['registrar', 'secrecy_reviewer'] } }, 2025, 1, 'review_passed')).rejects.toThrow(/条例第十七条/);
    await expect(recordReportStep(ctx('sec'), 2025, 1, 'review_rejected')).rejects.toThrow('请填写“保密审查退回”的理由');
    expect(await recordReportStep(ctx('sec'), 2025, 1, 'review_rejected', '第三部分附表含申请人姓名')).toMatchObject({ state: 'returned', returnedReason: '第三部分附表含申请人姓名' });
    const v2 = await submitAnnualReport(ctx('reg'), 2025);
    expect(v2).toMatchObject({ version: 2, state: 'pending_review' });
    await recordReportStep(ctx('sec'), 2025, 2, 'review_passed');
    await expect(publishAnnualReport(ctx('pub'), 2025, { confirmYear: '2025' })).rejects.toThrow('2025年度报告第2版尚未完成审查（待审核）');
    await recordReportStep(ctx('rev'), 2025, 2, 'approved');
    expect(await publishAnnualReport(ctx('pub'), 2025, { confirmYear: '2025' })).toMatchObject({ version: 2, state: 'published', publishedOn: '2026-12-04' });
    const status = await getReportPublishing(ctx('rev'), 2025);
    expect(status.versions.map((v) => [v.version, v.state])).toEqual([[2, 'published'], [1, 'returned']]);
    expect(status.published).toBe(true);
  });
});
