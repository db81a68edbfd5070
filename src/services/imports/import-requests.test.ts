import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getTestDb, TEST_KEYS } from '../../../test/db.js';
import { encodeGbk } from '../../../test/fixtures/ledgers/files.js';
import type { DbHandle } from '../../db/client.js';
import { SYSTEM_ACTOR, type ServiceContext } from '../context.js';
import { registerRequest } from '../requests/create-request.js';
import { rowsOf } from './common.js';
import { importRequestLedger } from './import-requests.js';
import { importCaseLedger } from './import-cases.js';
import { importAnnualFacts } from './import-facts.js';
import { IMPORT_DEFAULT_DEPARTMENT } from './request-ledger.js';
import { mapHeaders, REQUEST_LEDGER_COLUMNS } from './columns.js';
import { normaliseHeader, parseLedgerDate, parseYesNo, parseYuan } from './values.js';
import { readRawRows, utf8Aligned } from './readers.js';
import ExcelJS from 'exceljs';

let handle: DbHandle;
let ctx: ServiceContext;
let dir: string;
let n = 0;

const HEAD = '受理编号,收到日期,申请方式,申请人类型,申请人,申请内容,承办单位,补正告知日期,补正收到日期,延期,答复日期,办理结果,收费金额';
async function csv(text: string, encoding: 'utf8' | 'gbk' = 'utf8'): Promise<string> {
  const path = join(dir, `ledger-${++n}.csv`);
  await writeFile(path, encoding === 'gbk' ? encodeGbk(text) : text);
  return path;
}
async function counts() {
  const [r] = rowsOf<Record<string, number>>(await handle.db.execute(sql`SELECT
    (SELECT count(*)::int FROM requests) AS requests, (SELECT count(*)::int FROM request_events) AS events,
    (SELECT count(*)::int FROM departments) AS departments, (SELECT count(*)::int FROM audit_log) AS audit,
    (SELECT count(*)::int FROM cases) AS cases`));
  return r;
}
async function eventsOf(ref: string) {
  return rowsOf<{ type: string; on: string; payload: Record<string, unknown> }>(await handle.db.execute(sql`
    SELECT e.type, e."on"::text AS "on", e.payload FROM request_events e JOIN requests r ON r.id = e.request_id WHERE r.ref = ${ref} ORDER BY e.seq`));
}
async function requestRow(ref: string) {
  const [r] = rowsOf<Record<string, unknown>>(await handle.db.execute(sql`SELECT r.*, d.name AS department, d.active AS department_active FROM requests r LEFT JOIN departments d ON d.id = r.lead_department_id WHERE r.ref = ${ref}`));
  return r;
}

beforeAll(async () => {
  handle = await getTestDb();
  ctx = { db: handle.db, keys: TEST_KEYS, now: new Date('2026-06-30T04:00:00Z'), today: '2026-06-30', actor: SYSTEM_ACTOR };
  dir = await mkdtemp(join(tmpdir(), 'gk-import-test-'));
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

describe('ledger cell values', () => {
  it.each([
    ['2024-01-05', '2024-01-05'], ['2024/1/5', '2024-01-05'], ['2024年1月5日', '2024-01-05'], [' 2024 年 1 月 5 日 ', '2024-01-05'],
    ['2024.1.5', '2024-01-05'], ['2024-01-05 09:30:00', '2024-01-05'], [new Date(Date.UTC(2024, 0, 5)), '2024-01-05'], [45296, '2024-01-05'],
    ['2024-02-29', '2024-02-29'], ['2023-02-29', undefined], ['2024/13/1', undefined], ['5/1/2024', undefined], ['明天', undefined], ['', undefined],
  ] as const)('date %s → %s', (input, want) => {
    expect(parseLedgerDate(input as never)).toBe(want);
  });
  it.each([['是', true], ['否', false], ['', false], ['Y', true], ['no', false], [true, true], ['可能', undefined]] as const)('是/否 %s → %s', (v, want) => {
    expect(parseYesNo(v as never)).toBe(want);
  });
  it.each([['380', 380], ['380元', 380], ['1,200.50', 1200.5], [12.5, 12.5], ['-1', undefined], ['1.234', undefined], ['十元', undefined]] as const)('收费金额 %s → %s', (v, want) => {
    expect(parseYuan(v as never)).toBe(want);
  });
  it('headers match with spaces, units, star markers and English keys', () => {
    expect(normaliseHeader(' 收费金额（元） ')).toBe('收费金额');
    const map = mapHeaders(REQUEST_LEDGER_COLUMNS, ['序号', ' 受理 编号 ', '*收到日期', 'CHANNEL', 'applicantType', '申请人姓名', '申请内容', '备注']);
    expect(map.index).toEqual({ ref: 1, receivedOn: 2, channel: 3, applicantType: 4, applicantName: 5, description: 6 });
    expect(map.text.ref).toBe('受理 编号');
  });
});

describe('XLSX reading', () => {
  it('re-chunks bytes on UTF-8 character boundaries wherever a chunk ends', async () => {
    const bytes = Buffer.from('受理编号A1自然人😀,信函');
    for (let cut = 1; cut < bytes.length; cut++) {
      async function* two() { yield bytes.subarray(0, cut); yield bytes.subarray(cut); }
      const parts: Buffer[] = [];
      for await (const p of utf8Aligned(two())) parts.push(p);
      expect(parts.map((p) => p.toString('utf8')).join('')).toBe('受理编号A1自然人😀,信函');
    }
  });

  it('reads 6,000 rows of Chinese text intact (exceljs splits zip chunks inside characters), shared and inline strings', async () => {
    for (const useSharedStrings of [true, false]) {
      const path = join(dir, `big-${useSharedStrings}.xlsx`);
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings });
      const ws = wb.addWorksheet('台账');
      ws.addRow(['受理编号', '申请人', '申请内容']).commit();
      for (let i = 0; i < 6000; i++) ws.addRow([`甲-${i}`, `申请人张三丰${i}`, `申请公开第${i}号批复文件及其附件（社会公益组织）`]).commit();
      ws.commit();
      await wb.commit();
      let bad = 0;
      let n = 0;
      for await (const r of readRawRows(path, 'xlsx')) {
        if (r.row === 1) continue;
        n += 1;
        const i = r.row - 2;
        if (r.cells[0] !== `甲-${i}` || r.cells[1] !== `申请人张三丰${i}` || r.cells[2] !== `申请公开第${i}号批复文件及其附件（社会公益组织）`) bad += 1;
      }
      expect({ useSharedStrings, n, bad }).toEqual({ useSharedStrings, n: 6000, bad: 0 });
    }
  });
});

describe('importRequestLedger', () => {
  it('rejects a bad ledger whole: every error named by row, column and value; the database unchanged', async () => {
    await registerRequest({ ...ctx, actor: { ...SYSTEM_ACTOR } }, { applicant: { type: 'natural', name: '窗口申请人' }, description: '窗口登记的申请', channel: 'in_person', receivedOn: '2024-03-01' });
    const [{ ref: liveRef }] = rowsOf<{ ref: string }>(await handle.db.execute(sql`SELECT ref FROM requests WHERE source = 'staff' LIMIT 1`));
    const before = await counts();
    const file = await csv([
      HEAD,
      'X-1,2024-13-01,网络,自然人,甲,内容,,,,否,,,', // bad date
      'X-2,2024-01-05,网络,自然人,乙,内容,,,,否,2024-01-20,予以批准,', // unknown outcome
      'X-3,2024-01-05,飞鸽,外星人,丙,内容,,,,也许,2024-01-20,,', // channel, type, 延期, 答复日期 without 办理结果
      'X-1,2024-01-06,网络,自然人,丁,内容,,,,否,,,', // duplicate ref
      `${liveRef},2024-01-06,网络,自然人,戊,内容,,,,否,,,`, // a live request's ref
      'X-4,2024-01-10,网络,自然人,己,内容,,2024-01-08,2024-01-05,否,2024-01-04,予以公开,', // dates out of order
      'X-5,2030-01-10,网络,自然人,庚,,,,,否,,,', // future date, empty 申请内容
      'X-6,2020-03-01,网络,自然人,辛,内容,,,,否,2020-03-10,予以公开,30', // fee before 2021
      'X-7,2024-01-05,网络,自然人,壬,内容\u0000,,,,否,,,', // a NUL pasted into 申请内容
    ].join('\n'));
    const r = await importRequestLedger(ctx, file, { filename: 'bad.csv' });
    expect(r.ok).toBe(false);
    const brief = r.errors.map((e) => [e.row, e.column, e.value]);
    expect(brief).toEqual([
      [2, '收到日期', '2024-13-01'],
      [3, '办理结果', '予以批准'],
      [4, '申请方式', '飞鸽'],
      [4, '申请人类型', '外星人'],
      [4, '延期', '也许'],
      [4, '办理结果', ''],
      [5, '受理编号', 'X-1'],
      [6, '受理编号', liveRef],
      [7, '补正告知日期', '2024-01-08'],
      [7, '答复日期', '2024-01-04'],
      [7, '补正收到日期', '2024-01-05'],
      [7, '答复日期', '2024-01-04'],
      [8, '收到日期', '2030-01-10'],
      [8, '申请内容', ''],
      [9, '收费金额', '30'],
      [10, '申请内容', '内容\u0000'],
    ]);
    expect(r.errors.find((e) => e.row === 10)!.message).toContain('控制字符（U+0000）');
    expect(r.errors.filter((e) => e.row === 7).map((e) => e.message)).toEqual([
      '补正告知日期早于收到日期（2024-01-10），请核对', '答复日期早于收到日期（2024-01-10），请核对',
      '补正收到日期早于补正告知日期（2024-01-08），请核对', '答复日期早于补正收到日期（2024-01-05），请核对',
    ]);
    expect(r.errors.find((e) => e.row === 5)!.message).toContain('第2行重复');
    expect(r.errors.find((e) => e.row === 6)!.message).toContain('导入不能覆盖');
    expect(r.errors.find((e) => e.row === 3)!.message).toContain('无法识别的办理结果');
    expect(r.errors.every((e) => /[\u4e00-\u9fa5]/.test(e.message))).toBe(true);
    expect(r.errorCount).toBe(r.errors.length);
    expect(await counts()).toEqual(before);
  });

  it('a missing required column is one error on the header row; the other rows are still checked', async () => {
    const before = await counts();
    const file = await csv(['受理编号,收到日期,申请方式,申请人,申请内容,答复日期,办理结果', 'M-1,2024-01-05,网络,甲,内容,2024-01-09,予以公开', 'M-2,2024-1-40,网络,乙,内容,,'].join('\n'));
    const r = await importRequestLedger(ctx, file);
    expect(r.errors.map((e) => [e.row, e.column, e.value])).toEqual([[1, '申请人类型', ''], [3, '收到日期', '2024-1-40']]);
    expect(r.errors[0].message).toBe('缺少必填列「申请人类型」，请在表头添加该列');
    expect(await counts()).toEqual(before);
  });

  it('a file without a recognisable header is refused with one error', async () => {
    const r = await importRequestLedger(ctx, await csv('a,b,c\n1,2,3\n'));
    expect(r.ok).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].message).toContain('未找到表头');
  });

  it('turns a row into lifecycle events: registered → 补正 → assigned → extension → reply → replied; historic late 补正 accepted', async () => {
    // 补正 sent 10 working days after receipt (the live guard allows 7, 条例 Art.30): recorded as it happened.
    const file = await csv([HEAD, 'H-1,2024-03-01,信函,商业企业,某公司,申请公开某批复,规划处,2024-03-15,2024-03-20,是,2024-05-10,部分公开,'].join('\n'), 'gbk');
    const r = await importRequestLedger(ctx, file);
    expect(r.errors).toEqual([]);
    expect((await eventsOf('H-1')).map((e) => [e.type, e.on])).toEqual([
      ['registered', '2024-03-01'], ['supplement_requested', '2024-03-15'], ['supplement_received', '2024-03-20'], ['assigned', '2024-03-20'],
      ['extension_requested', '2024-04-18'], ['extension_approved', '2024-04-18'], ['reply_drafted', '2024-05-10'], ['reply_approved', '2024-05-10'],
      ['secrecy_review_passed', '2024-05-10'], ['replied', '2024-05-10'],
    ]);
    const row = await requestRow('H-1');
    expect(row).toMatchObject({
      source: 'import', state: 'replied', channel: 'letter', applicant_type: 'commercial', applicant_name: '某公司', outcome: 'partly_disclosed',
      received_on: '2024-03-01', clock_start_on: '2024-03-20', replied_on: '2024-05-10', extended: true, department: '规划处', event_count: 10,
    });
    expect(r.departmentsCreated).toEqual(['规划处']);
  });

  it('closes by the right event: 逾期不补正 (expiry), 逾期未缴费 (fee expiry), paid fee; no 承办单位 → the inactive import department', async () => {
    const file = await csv([
      HEAD,
      'K-1,2024-04-01,网络,自然人,甲,内容,,2024-04-03,,否,2024-05-20,其他处理-逾期不补正,',
      'K-2,2024-04-01,网络,自然人,乙,内容,,,,否,2024-05-20,other_unpaid_fee,80',
      'K-3,2024-04-01,网络,自然人,丙,内容,,,,否,2024-04-20,予以公开,120.5',
      'K-4,2024-04-01,网络,自然人,丁,内容,,,,否,2024-04-20,不予处理-重复申请,',
      'K-5,2024-04-01,网络,自然人,戊,内容,,,,否,,,',
    ].join('\n'));
    const r = await importRequestLedger(ctx, file);
    expect(r.errors).toEqual([]);
    expect((await eventsOf('K-1')).map((e) => e.type)).toEqual(['registered', 'supplement_requested', 'supplement_expired']);
    expect(await requestRow('K-1')).toMatchObject({ state: 'closed', outcome: 'other_no_supplement', closed_on: '2024-05-20', replied_on: null });
    expect((await eventsOf('K-2')).map((e) => e.type)).toEqual(['registered', 'assigned', 'fee_notice_issued', 'fee_expired']);
    expect(await requestRow('K-2')).toMatchObject({ state: 'closed', outcome: 'other_unpaid_fee', department: IMPORT_DEFAULT_DEPARTMENT, department_active: false });
    expect((await eventsOf('K-3')).map((e) => e.type)).toContain('fee_paid');
    const k3 = await requestRow('K-3');
    expect([Number(k3.fee_notice_yuan), Number(k3.fee_collected_yuan)]).toEqual([120.5, 120.5]);
    // 不予处理-重复申请 may be answered by the office without assigning a department (core OFFICE_REPLY_OUTCOMES).
    expect((await eventsOf('K-4')).map((e) => e.type)).toEqual(['registered', 'reply_drafted', 'reply_approved', 'secrecy_review_passed', 'replied']);
    expect(await requestRow('K-5')).toMatchObject({ state: 'registered', due_on: expect.any(String), outcome: null });
  });

  it('re-importing a 受理编号 replaces the imported event log and records the previous one in the audit log', async () => {
    await importRequestLedger(ctx, await csv([HEAD, 'U-1,2024-06-03,网络,自然人,甲,旧内容,,,,否,,,'].join('\n')));
    const r = await importRequestLedger(ctx, await csv([HEAD, 'U-1,2024-06-03,当面,自然人,甲,新内容,法规处,,,否,2024-06-20,不予公开-属于国家秘密,'].join('\n')), { jobId: 77 });
    expect({ inserted: r.inserted, updated: r.updated }).toEqual({ inserted: 0, updated: 1 });
    expect(await requestRow('U-1')).toMatchObject({ description: '新内容', channel: 'in_person', state: 'replied', outcome: 'withheld_state_secret' });
    expect((await eventsOf('U-1')).map((e) => e.type)).toEqual(['registered', 'assigned', 'reply_drafted', 'reply_approved', 'secrecy_review_passed', 'replied']);
    const [audit] = rowsOf<{ detail: { requests: { ref: string; previous: { description: string }; previousEvents: { type: string }[] }[] } }>(await handle.db.execute(sql`
      SELECT detail FROM audit_log WHERE action = 'import.requests.replaced' AND target_id = '77'`));
    expect(audit.detail.requests).toHaveLength(1);
    expect(audit.detail.requests[0]).toMatchObject({ ref: 'U-1', previous: { description: '旧内容' }, previousEvents: [{ type: 'registered' }] });
  });

  it('imports a 100-row file in one transaction with batches (progress reported)', async () => {
    const lines = [HEAD];
    for (let i = 0; i < 100; i++) lines.push(`P-${i},2024-0${1 + (i % 9)}-1${i % 10},网络,自然人,申请人${i},内容${i},办公室,,,否,${i % 2 ? '' : `2024-0${1 + (i % 9)}-2${i % 10}`},${i % 2 ? '' : '予以公开'},`);
    const phases: string[] = [];
    const r = await importRequestLedger(ctx, await csv(lines.join('\n')), { onProgress: (p) => { phases.push(p.phase); } });
    expect(r).toMatchObject({ ok: true, total: 100, inserted: 100, updated: 0 });
    expect(phases).toContain('writing');
    expect(phases.at(-1)).toBe('done');
  });
});

describe('importCaseLedger', () => {
  const CASE_HEAD = '案件编号,案件类型,起诉类型,关联受理编号,收到日期,结案日期,结果';
  it('rejects a bad cases ledger with every error; the database unchanged', async () => {
    const before = await counts();
    const r = await importCaseLedger(ctx, await csv([
      CASE_HEAD,
      'C-1,行政仲裁,,,2024-01-05,,',
      'C-2,行政复议,复议后起诉,,2024-01-05,,',
      'C-3,行政诉讼,未经复议直接起诉,,2024-01-05,2024-03-01,',
      'C-4,行政诉讼,未经复议直接起诉,,2024-01-05,2024-03-01,胜诉',
      'C-2,行政复议,,,2024-01-09,,',
      'C-5,行政复议,,,2024-05-05,2024-03-01,维持',
    ].join('\n')));
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, '案件类型', '行政仲裁'], [3, '起诉类型', '复议后起诉'], [4, '结果', ''], [5, '结果', '胜诉'], [6, '案件编号', 'C-2'], [7, '结案日期', '2024-03-01'],
    ]);
    expect(await counts()).toEqual(before);
  });

  it('imports cases, links them to requests by 受理编号, warns about unknown refs, updates on re-import', async () => {
    const file = await csv([CASE_HEAD, 'C-10,行政复议,,H-1,2024-07-01,2024-08-01,撤销', 'C-11,行政诉讼,复议后起诉,NO-SUCH,2024-07-02,,'].join('\n'));
    const r = await importCaseLedger(ctx, file);
    expect(r).toMatchObject({ ok: true, inserted: 2, updated: 0 });
    expect(r.warnings).toEqual(['第3行：关联受理编号“NO-SUCH”在系统中不存在，已按文字保存，未关联到申请']);
    const rows = rowsOf<{ ref: string; request_id: number | null; result: string | null; route: string | null }>(await handle.db.execute(sql`SELECT ref, request_id, result, route FROM cases WHERE ref LIKE 'C-1%' ORDER BY ref`));
    expect(rows.map((x) => [x.ref, x.request_id !== null, x.result, x.route])).toEqual([['C-10', true, 'revoked', null], ['C-11', false, null, 'after_reconsideration']]);
    const again = await importCaseLedger(ctx, await csv([CASE_HEAD, 'C-11,行政诉讼,复议后起诉,,2024-07-02,2024-10-01,驳回'].join('\n')));
    expect(again).toMatchObject({ ok: true, inserted: 0, updated: 1 });
  });
});

describe('importAnnualFacts', () => {
  it('imports 年度/填报项/数值 rows (keys or form labels) and merges them into the stored facts of each year', async () => {
    const r = await importAnnualFacts(ctx, await csv(['年度,填报项,数值', '2016,staff,5', '2016年,从事政府信息公开工作人员数,6', '2016,政府信息公开专项经费,12.5', '2024,complaints,/'].join('\n')));
    expect(r).toMatchObject({ ok: true, total: 4, years: [2016, 2024] });
    const rows = rowsOf<{ year: number; facts: Record<string, unknown> }>(await handle.db.execute(sql`SELECT year, facts FROM annual_facts WHERE year IN (2016, 2024) ORDER BY year`));
    expect(rows).toEqual([{ year: 2016, facts: { staff: 6, budgetWanYuan: 12.5 } }, { year: 2024, facts: { complaints: '/' } }]);
    const json = join(dir, 'facts.json');
    await writeFile(json, JSON.stringify({ year: 2016, facts: { meetings: 2, staff: null } }));
    expect((await importAnnualFacts(ctx, json)).ok).toBe(true);
    const [after] = rowsOf<{ facts: Record<string, unknown> }>(await handle.db.execute(sql`SELECT facts FROM annual_facts WHERE year = 2016`));
    expect(after.facts).toEqual({ budgetWanYuan: 12.5, meetings: 2 });
  });

  it('lists every bad row (year, unknown item, bad value) and changes nothing', async () => {
    const before = rowsOf<{ facts: unknown }>(await handle.db.execute(sql`SELECT facts FROM annual_facts ORDER BY year`));
    const r = await importAnnualFacts(ctx, await csv(['年度,填报项,数值', '二〇一六,staff,5', '2016,员工人数,5', '2016,staff,-2'].join('\n')));
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => [e.row, e.column, e.value])).toEqual([[2, '年度', '二〇一六'], [3, '填报项', '员工人数'], [4, '数值', '-2']]);
    expect(r.errors[2].message).toContain('不小于0的整数');
    expect(rowsOf<{ facts: unknown }>(await handle.db.execute(sql`SELECT facts FROM annual_facts ORDER BY year`))).toEqual(before);
  });
});
