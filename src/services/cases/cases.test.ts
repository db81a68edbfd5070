import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getTestDb, TEST_KEYS } from '../../../test/db.js';
import type { DbHandle } from '../../db/client.js';
import { MIGRATIONS_FOLDER } from '../../db/migrate.js';
import type { TableReport } from '../../core/reports/types.js';
import { SYSTEM_ACTOR, type ServiceContext } from '../context.js';
import { rowsOf } from '../imports/common.js';
import { importCaseLedger } from '../imports/import-cases.js';
import { buildYearReport } from '../reports/annual-report.js';
import { createCase, listCases, updateCase } from './cases.js';

/** Issue 11 item 5: a case result that is not a code is refused everywhere, never counted as 其他结果. */
let handle: DbHandle;
let ctx: ServiceContext;
let dir: string;
beforeAll(async () => {
  handle = await getTestDb();
  ctx = { db: handle.db, keys: TEST_KEYS, now: new Date('2026-12-04T02:00:00Z'), today: '2026-12-04', actor: SYSTEM_ACTOR, ip: null };
  dir = await mkdtemp(join(tmpdir(), 'gk-cases-'));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });
const count = async () => rowsOf<{ n: number }>(await handle.db.execute(sql`SELECT count(*)::int AS n FROM cases`))[0].n;

describe('unknown case results', () => {
  it('the cases API refuses a result that is not a code, naming the value; nothing is written', async () => {
    const before = await count();
    await expect(createCase(ctx, { ref: 'FY-X-1', kind: 'reconsideration', receivedOn: '2025-03-01', closedOn: '2025-05-01', result: '维持' as never }))
      .rejects.toThrow('结果“维持”无法识别，应为：维持、驳回、撤销、部分撤销、变更、确认违法、确认无效、责令履行');
    expect(await count()).toBe(before);
    const ok = await createCase(ctx, { ref: 'FY-X-2', kind: 'reconsideration', receivedOn: '2025-03-01', closedOn: '2025-05-01', result: 'confirmed_invalid' });
    expect(ok).toMatchObject({ resultLabel: '确认无效', reportCell: 'corrected', reportCellLabel: '结果纠正' });
    await expect(updateCase(ctx, ok.id, { result: '败诉' as never })).rejects.toThrow('结果“败诉”无法识别');
  });

  it('a ledger import refuses an unknown 结果 with a message naming it, and reads 确认无效', async () => {
    const head = '案件编号,案件类型,起诉类型,关联受理编号,收到日期,结案日期,结果';
    const bad = join(dir, 'bad.csv');
    await writeFile(bad, [head, 'SS-X-1,行政诉讼,未经复议直接起诉,,2025-01-05,2025-03-01,胜诉'].join('\n'));
    const before = await count();
    const r = await importCaseLedger(ctx, bad);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([{ row: 2, column: '结果', value: '胜诉', message: expect.stringMatching(/^结果“胜诉”无法识别，应为：维持、驳回/) }]);
    expect(await count()).toBe(before);
    const good = join(dir, 'good.csv');
    await writeFile(good, [head, 'SS-X-2,行政诉讼,未经复议直接起诉,,2025-01-05,2025-03-01,确认无效'].join('\n'));
    expect((await importCaseLedger(ctx, good)).ok).toBe(true);
    const { items } = await listCases(ctx, { year: 2025, kind: 'litigation' });
    expect(items.find((c) => c.ref === 'SS-X-2')).toMatchObject({ result: 'confirmed_invalid', reportCell: 'corrected' });
  });

  it('labels already in the database: the report flags them (not 其他结果), and migration 0010 turns them into codes', async () => {
    await handle.db.execute(sql`INSERT INTO cases (ref, kind, received_on, closed_on, result) VALUES
      ('FY-L-1', 'reconsideration', '2025-02-01', '2025-04-01', '维持'), ('FY-L-2', 'reconsideration', '2025-02-02', '2025-04-02', '撤销'),
      ('FY-L-3', 'reconsideration', '2025-02-03', '2025-04-03', ' 撤诉 ')`);
    const before = (await buildYearReport(handle.db, 2025)).report as TableReport;
    // FY-X-2 (确认无效) is the only readable 复议 case; the three labels are reported, not counted as 其他结果.
    expect(before.reviews.reconsideration).toEqual({ upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 });
    const check = before.checks.find((c) => c.rule === '复议、诉讼案件的结果均可识别')!;
    expect(check.ok).toBe(false);
    expect(check.detail).toContain('3件案件的结果“维持”、“撤销”、“ 撤诉 ”无法识别');
    expect((await listCases(ctx, { year: 2025, kind: 'reconsideration' })).items.find((c) => c.ref === 'FY-L-1')).toMatchObject({ reportCell: null, resultLabel: '无法识别的结果“维持”' });
    const migration = await readFile(join(MIGRATIONS_FOLDER, '0010_report_versions_case_codes.sql'), 'utf8');
    await handle.db.execute(sql.raw(migration.split('--> statement-breakpoint')[0]));
    const after = (await buildYearReport(handle.db, 2025)).report as TableReport;
    expect(after.reviews.reconsideration).toEqual({ upheld: 1, corrected: 2, other: 1, pending: 0, total: 4 });
    expect(after.checks.every((c) => c.rule !== '复议、诉讼案件的结果均可识别' || c.ok)).toBe(true);
  });
});
