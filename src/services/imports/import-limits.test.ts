import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestDb, TEST_KEYS } from '../../../test/db.js';
import { SYSTEM_ACTOR, type ServiceContext } from '../context.js';
import { importRequestLedger } from './import-requests.js';
import { startImportJob, waitForImportJob, getImportJob } from './jobs.js';
import { MAX_QUOTED_CHARS } from './common.js';

let ctx: ServiceContext;
let dir: string;
beforeAll(async () => {
  const handle = await getTestDb();
  ctx = { db: handle.db, keys: TEST_KEYS, now: new Date('2026-06-30T04:00:00Z'), today: '2026-06-30', actor: SYSTEM_ACTOR };
  dir = await mkdtemp(join(tmpdir(), 'gk-import-limits-'));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const HEAD = '受理编号,收到日期,申请方式,申请人类型,申请人,申请内容,承办单位,补正告知日期,补正收到日期,延期,答复日期,办理结果,收费金额';
const BIG = 3_000_000;

/**
 * Issue 12 item 7: a 180 MB cell was repeated in full in the error list; the server's memory grew by 2.6 GB and each
 * poll of the job returned 180 MB. An error now quotes at most MAX_QUOTED_CHARS characters of a cell, and a job
 * keeps a bounded list.
 */
describe('import errors quote a bounded part of a cell', () => {
  it('an oversized cell is quoted as its first 200 characters and its length, in the result and in the job', async () => {
    const huge = '征'.repeat(BIG);
    const file = join(dir, 'big.csv');
    await writeFile(file, [HEAD, `B-1,2026-03-02,网络,自然人,甲,${huge},,,,否,,,`, `B-2,2026-03-02,${'信'.repeat(BIG)},自然人,乙,内容,,,,否,,,`].join('\n'));
    const r = await importRequestLedger(ctx, file);
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([[2, '申请内容'], [3, '申请方式']]);
    for (const e of r.errors) {
      expect(e.value.length).toBeLessThan(MAX_QUOTED_CHARS + 20);
      expect(e.value.slice(MAX_QUOTED_CHARS)).toBe(`…（共 ${BIG} 字）`);
    }
    expect(r.errors[0].value.startsWith('征'.repeat(MAX_QUOTED_CHARS))).toBe(true);

    const jobFile = join(dir, 'big-job.csv');
    await writeFile(jobFile, [HEAD, `B-1,2026-03-02,网络,自然人,甲,${huge},,,,否,,,`].join('\n'));
    const id = await startImportJob(ctx, 'requests', jobFile, 'big-job.csv');
    await waitForImportJob(id);
    const view = await getImportJob(ctx, id);
    expect(view.status).toBe('failed');
    expect(view.errors).toHaveLength(1);
    expect(JSON.stringify(view).length).toBeLessThan(2_000); // was > 3,000,000
  });

  it('a job keeps a bounded error list however many rows are wrong', async () => {
    const lines = [HEAD];
    for (let i = 1; i <= 3000; i++) lines.push(`M-${i},2026-03-02,${'错'.repeat(150)}${i},自然人,甲,内容,,,,否,,,`);
    const file = join(dir, 'many.csv');
    await writeFile(file, lines.join('\n'));
    const id = await startImportJob(ctx, 'requests', file, 'many.csv');
    await waitForImportJob(id);
    const view = await getImportJob(ctx, id);
    expect(view.status).toBe('failed');
    expect(view.message).toContain('3000 处错误');
    expect(view.errors.length).toBeGreaterThan(100);
    expect(view.errors.length).toBeLessThanOrEqual(1000);
    expect(view.errors[0].row).toBe(2);
    expect(JSON.stringify(view.errors).length).toBeLessThanOrEqual(256 * 1024);
  });
});
