/**
 * Annual report and ledger import benchmarks (issue 3), each against a baseline or goal measured in the same run:
 *   1. the gov-2021 report of one year over `rows` requests on PostgreSQL (the service: set-based SQL + core), against
 *      a hand-written single-query aggregate of the same part 三 table (goal ≤ 1.5×; the two tables must agree);
 *   2. the same report over `pgliteRows` requests on PGlite (goal ≤ 2 s);
 *   3. a 100,000-row XLSX ledger imported on PGlite (goal ≤ 30 s, RSS ≤ 1 GB), in a child process that opens an
 *      existing database directory, so its peak RSS is the import's own.
 * The PostgreSQL data is written to a scratch database `gongkai_bench_report` next to `databaseUrl`.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDb, type DbHandle } from '../src/db/client.js';
import { migrateDb } from '../src/db/migrate.js';
import { seedCalendar } from '../src/services/calendar.js';
import { parseKeys } from '../src/security/crypto.js';
import { SYSTEM_ACTOR } from '../src/services/context.js';
import { buildYearReport } from '../src/services/reports/annual-report.js';
import { importRequestLedger } from '../src/services/imports/import-requests.js';
import { OUTCOMES_2019, OUTCOME_LABELS } from '../src/core/requests/outcomes.js';
import { GOV2021_ROWS } from '../src/core/reports/formats.js';
import { OUTCOME_2021_ROW } from '../src/core/reports/outcome-mapping.js';
import type { Gov2021Report } from '../src/core/reports/types.js';

const KEYS = parseKeys('00112233445566778899aabbccddeeff0123456789abcdef0123456789abcdef');
const DB_NAME = 'gongkai_bench_report';
const YEAR = 2024;
const TYPES = ['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(x < 10 ? 1 : 0)} ms`;
const ok = (good: boolean) => (good ? '✅' : '❌');

/**
 * `n` requests spread over 2019–2024 with skewed, realistic distributions (most 自然人 and 网络, most 予以公开), every
 * 2019 outcome present, 5 % still open, 10 % extended, 20 departments; 补正 events for 5 %; 200 cases a year.
 * Generated in SQL (the same statement on PostgreSQL and PGlite).
 */
async function seedRequests(h: DbHandle, n: number, log: (s: string) => void): Promise<void> {
  await h.exec(`INSERT INTO departments (name) SELECT '承办单位' || g FROM generate_series(1, 20) g ON CONFLICT DO NOTHING`);
  const outcomes = `ARRAY[${OUTCOMES_2019.map((o) => `'${o}'`).join(',')}]`;
  const chunkSize = 200_000;
  for (let from = 1; from <= n; from += chunkSize) {
    const to = Math.min(n, from + chunkSize - 1);
    await h.exec(`
      INSERT INTO requests (ref, tracking_code, applicant_type, applicant_name, description, channel, source, state, regime, received_on,
        clock_start_on, base_due_on, due_on, extended, lead_department_id, outcome, replied_on, closed_on_time, event_count)
      SELECT 'BR-' || g, 'BT' || g,
        (ARRAY['natural','natural','natural','natural','natural','commercial','commercial','research','publicInterest','legalService','otherOrg'])[1 + (h % 11)],
        '申请人' || g, '申请公开某文件（基准测试）',
        (ARRAY['online','online','online','online','letter','letter','in_person','fax','email','other'])[1 + ((h >> 4) % 10)],
        'import', CASE WHEN open THEN 'in_progress' ELSE 'replied' END, '2019', received, received, received + 28, received + 28,
        ((h >> 16) % 10) = 0, 1 + ((h >> 20) % 20),
        CASE WHEN open THEN NULL WHEN ((h >> 24) % 3) = 0 THEN (${outcomes})[1 + ((h >> 9) % ${OUTCOMES_2019.length})] ELSE 'disclosed' END,
        CASE WHEN open THEN NULL ELSE received + 3 + ((h >> 12) % 40)::int END, NOT open, 6
      FROM (SELECT g, h, DATE '2019-01-01' + (h % 2192)::int AS received, ((h >> 8) % 20) = 0 AS open
            FROM (SELECT g, (g::bigint * 2654435761) % 4294967296 AS h FROM generate_series(${from}, ${to}) g) s) t`);
    log(`  requests ${to.toLocaleString('en')}/${n.toLocaleString('en')}`);
  }
  await h.exec(`INSERT INTO request_events (request_id, seq, type, "on", payload)
    SELECT id, 2, 'supplement_requested', received_on + 2, '{"items":"补正","periodDays":15}'::jsonb FROM requests WHERE id % 20 = 0`);
  await h.exec(`INSERT INTO cases (ref, kind, route, received_on, closed_on, result)
    SELECT 'BC-' || g, CASE WHEN g % 3 = 0 THEN 'litigation' ELSE 'reconsideration' END,
      CASE WHEN g % 3 = 0 THEN (ARRAY['direct','after_reconsideration'])[1 + g % 2] END,
      DATE '2019-01-01' + (g * 7 % 2192), CASE WHEN g % 5 = 0 THEN NULL ELSE DATE '2019-01-01' + (g * 7 % 2192) + 60 END,
      CASE WHEN g % 5 = 0 THEN NULL ELSE (ARRAY['upheld','dismissed','revoked','varied','not_accepted','withdrawn','suspended'])[1 + g % 7] END
    FROM generate_series(1, 1200) g`);
  await h.exec('ANALYZE');
}

/**
 * The hand-written baselines, one SQL statement each (2019 outcomes only, as seeded):
 * - `table`: part 三 of gov-2021 for YEAR (the 25 rows × applicant types) — a lower bound;
 * - `full`: every figure the report derives from the requests table — part 三 plus requests by month and by
 *   channel and the per-department figures — in one scan (GROUPING SETS), i.e. the same work as the service.
 */
function handAggregateSql(full: boolean): string {
  const s = `DATE '${YEAR}-01-01'`;
  const e = `DATE '${YEAR}-12-31'`;
  const outcomeRows = GOV2021_ROWS.filter((r) => r.isOutcome).map((r) => {
    const codes = Object.entries(OUTCOME_2021_ROW).filter(([, row]) => row === r.key).map(([o]) => `'${o}'`);
    return `count(*) FILTER (WHERE closed BETWEEN ${s} AND ${e} AND outcome IN (${codes.join(',')})) AS "${r.key}"`;
  });
  return `SELECT applicant_type${full ? ', m, channel, lead_department_id' : ''},
      count(*) FILTER (WHERE received_on >= ${s}) AS "received",
      count(*) FILTER (WHERE received_on < ${s}) AS "carriedIn",
      ${outcomeRows.join(',\n      ')},
      count(*) FILTER (WHERE closed BETWEEN ${s} AND ${e}) AS "handledTotal",
      count(*) FILTER (WHERE closed IS NULL OR closed > ${e}) AS "carriedOut"${full ? `,
      count(*) FILTER (WHERE closed BETWEEN ${s} AND ${e} AND extended) AS "extended"` : ''}
    FROM (SELECT applicant_type, received_on, outcome, COALESCE(replied_on, closed_on) AS closed${full ? `, channel, lead_department_id, extended,
                 CASE WHEN received_on >= ${s} THEN extract(month FROM received_on)::int END AS m` : ''}
          FROM requests
          WHERE received_on <= ${e} AND (received_on >= ${s} OR COALESCE(replied_on, closed_on) IS NULL OR COALESCE(replied_on, closed_on) >= ${s})) r
    GROUP BY ${full ? 'GROUPING SETS ((applicant_type), (m), (channel), (lead_department_id))' : 'applicant_type'}`;
}

interface HandFigures { table: Record<string, number[]>; byMonth?: number[]; byChannel?: Record<string, number>; byDepartment?: Record<number, number[]> }

async function handAggregate(h: DbHandle, full: boolean): Promise<HandFigures> {
  const r = await h.db.execute(sql.raw(handAggregateSql(full)));
  const rows = (r as unknown as { rows: Record<string, string | number | null>[] }).rows;
  const out: HandFigures = { table: Object.fromEntries(GOV2021_ROWS.map((d) => [d.key, [0, 0, 0, 0, 0, 0, 0]])) };
  if (full) { out.byMonth = new Array(12).fill(0); out.byChannel = {}; out.byDepartment = {}; }
  for (const row of rows) {
    if (row.applicant_type !== null && row.applicant_type !== undefined) {
      const c = TYPES.indexOf(String(row.applicant_type));
      for (const d of GOV2021_ROWS) {
        const v = Number(row[d.key]);
        out.table[d.key][c] += v;
        out.table[d.key][6] += v;
      }
    } else if (full && row.m !== null) out.byMonth![Number(row.m) - 1] = Number(row.received);
    else if (full && row.channel !== null) out.byChannel![String(row.channel)] = Number(row.received);
    else if (full && row.lead_department_id !== null) out.byDepartment![Number(row.lead_department_id)] = [Number(row.received), Number(row.handledTotal), Number(row.extended), Number(row.carriedOut)];
  }
  return out;
}

async function timeReport(h: DbHandle, runs: number): Promise<{ service: number; table: number; full: number; agree: boolean; fetchedRows: number }> {
  // Warm up (plans, caches) and check that all three agree, then alternate.
  const first = await buildYearReport(h.db, YEAR, 'gov-2021');
  const report = first.report as Gov2021Report;
  const t0 = await handAggregate(h, false);
  const f0 = await handAggregate(h, true);
  const names = new Map(((await h.db.execute(sql`SELECT id, name FROM departments`)) as unknown as { rows: { id: number; name: string }[] }).rows.map((d) => [Number(d.id), d.name]));
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const deptsOk = (report.byDepartment ?? []).length === Object.keys(f0.byDepartment!).length
    && (report.byDepartment ?? []).every((d) => {
      const id = [...names].find(([, n]) => n === d.department)?.[0];
      return id !== undefined && same([d.received, d.closed, d.extended, d.carriedOut], f0.byDepartment![id]);
    });
  const channelsOk = Object.entries(report.byChannel ?? {}).every(([c, n]) => n === (f0.byChannel![c] ?? 0));
  const agree = same(report.requests.rows, t0.table) && same(report.requests.rows, f0.table) && same(report.byMonth, f0.byMonth) && channelsOk && deptsOk;
  const service: number[] = [];
  const table: number[] = [];
  const full: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await buildYearReport(h.db, YEAR, 'gov-2021');
    service.push(performance.now() - t);
    t = performance.now();
    await handAggregate(h, false);
    table.push(performance.now() - t);
    t = performance.now();
    await handAggregate(h, true);
    full.push(performance.now() - t);
  }
  return { service: median(service), table: median(table), full: median(full), agree, fetchedRows: first.fetchedRows };
}

/** A realistic 100,000-row request ledger as XLSX (date cells, every outcome, 补正, extensions, departments). */
async function writeLedgerXlsx(path: string, n: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('依申请公开台账');
  ws.addRow(['受理编号', '收到日期', '申请方式', '申请人类型', '申请人', '申请内容', '承办单位', '补正告知日期', '补正收到日期', '延期', '答复日期', '办理结果', '收费金额']).commit();
  const channels = ['网络', '网络', '网络', '信函', '当面', '传真', '电子邮件', '其他'];
  const types = ['自然人', '自然人', '自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
  const outcomes = OUTCOMES_2019.filter((o) => o !== 'other_no_supplement' && o !== 'other_unpaid_fee' && o !== 'unavailable_unclear').map((o) => OUTCOME_LABELS[o]);
  const day = (base: Date, n: number) => new Date(base.getTime() + n * 86400000);
  for (let i = 0; i < n; i++) {
    const h = (i * 2654435761) % 4294967296;
    const received = new Date(Date.UTC(2023, 0, 1 + (h % 700)));
    const open = h % 17 === 0;
    const supplement = (h >>> 5) % 15 === 0;
    const row = ws.addRow([
      `XL-${i}`, received, channels[(h >>> 3) % channels.length], types[(h >>> 6) % types.length], `申请人${i}`, `申请公开某某文件第${i}号及其附件`,
      (h >>> 9) % 10 === 0 ? null : `承办单位${(h >>> 9) % 12}`,
      supplement ? day(received, 3) : null, supplement ? day(received, 8) : null, (h >>> 12) % 10 === 0 ? '是' : '否',
      open ? null : day(received, 12 + ((h >>> 14) % 20)), open ? null : (h >>> 18) % 3 === 0 ? outcomes[(h >>> 20) % outcomes.length] : '予以公开', null,
    ]);
    for (const c of [2, 8, 9, 11]) if (row.getCell(c).value instanceof Date) row.getCell(c).numFmt = 'yyyy-mm-dd';
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

interface ChildResult { ok: boolean; ms: number; maxRssMb: number; total: number; inserted: number; errors: number }

/** Runs the import in a child process (this file with --report-import-child) and returns its time and peak RSS. */
function importInChild(dataDir: string, file: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--report-import-child', dataDir, file], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      try { resolve(JSON.parse(line) as ChildResult); } catch { reject(new Error(`import child exited ${code}: ${out.slice(-500)}`)); }
    });
  });
}

async function childMain(dataDir: string, file: string): Promise<void> {
  const h = await openDb({ databaseUrl: null, dataDir });
  const now = new Date();
  const t = performance.now();
  const r = await importRequestLedger({ db: h.db, keys: KEYS, now, today: '2026-11-27', actor: SYSTEM_ACTOR }, file);
  const elapsed = performance.now() - t;
  await h.close();
  const result: ChildResult = { ok: r.ok, ms: elapsed, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), total: r.total, inserted: r.inserted, errors: r.errorCount };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

async function scratchPg(url: string): Promise<DbHandle> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${DB_NAME}`);
    await admin.query(`CREATE DATABASE ${DB_NAME}`);
  } finally {
    await admin.end();
  }
  const u = new URL(url);
  u.pathname = `/${DB_NAME}`;
  const h = await openDb({ databaseUrl: u.toString(), dataDir: '', poolSize: 4 });
  await migrateDb(h);
  await seedCalendar(h.db);
  return h;
}

export async function runReportBench(opts: { databaseUrl: string; rows: number; pgliteRows: number }): Promise<{ markdown: string }> {
  const log = (s: string) => process.stdout.write(`${s}\n`);
  const md: string[] = ['### Annual report and ledger import', ''];
  const tmp = await mkdtemp(join(tmpdir(), 'gongkai-bench-report-'));
  try {
    // 1. PostgreSQL, `rows` requests.
    log(`PostgreSQL: seeding ${opts.rows.toLocaleString('en')} requests …`);
    const pgH = await scratchPg(opts.databaseUrl);
    let pgRes;
    try {
      await seedRequests(pgH, opts.rows, log);
      pgRes = await timeReport(pgH, 7);
    } finally {
      await pgH.close();
    }
    const ratio = pgRes.service / pgRes.full;
    // 2. PGlite, `pgliteRows` requests.
    log(`PGlite: seeding ${opts.pgliteRows.toLocaleString('en')} requests …`);
    const liteH = await openDb({ databaseUrl: null, dataDir: join(tmp, 'lite-report') });
    let liteRes;
    try {
      await migrateDb(liteH);
      await seedCalendar(liteH.db);
      await seedRequests(liteH, opts.pgliteRows, log);
      liteRes = await timeReport(liteH, 5);
    } finally {
      await liteH.close();
    }
    // 3. 100,000-row XLSX import on PGlite (database created here, imported by a child process).
    const importRows = 100_000;
    const xlsx = join(tmp, 'ledger.xlsx');
    log(`Writing a ${importRows.toLocaleString('en')}-row XLSX ledger …`);
    await writeLedgerXlsx(xlsx, importRows);
    const importDir = join(tmp, 'lite-import');
    const prep = await openDb({ databaseUrl: null, dataDir: importDir });
    await migrateDb(prep);
    await seedCalendar(prep.db);
    await prep.close();
    log('Importing it on PGlite (child process) …');
    const imp = await importInChild(importDir, xlsx);

    md.push(
      `| measure | result | baseline / goal | ratio | ok |`,
      `|---|---|---|---|---|`,
      `| gov-2021 report ${YEAR}, ${opts.rows.toLocaleString('en')} requests, PostgreSQL (median of 7; ${pgRes.fetchedRows.toLocaleString('en')} grouped rows fetched) | ${ms(pgRes.service)} | hand-written single-query aggregate of the same figures (part 三, by month, by channel, by department) ${ms(pgRes.full)}; of part 三 alone ${ms(pgRes.table)} | ${ratio.toFixed(2)}× (goal ≤ 1.5×); ${(pgRes.service / pgRes.table).toFixed(2)}× part 三 alone | ${ok(ratio <= 1.5 && pgRes.agree)} |`,
      `| same report, ${opts.pgliteRows.toLocaleString('en')} requests, PGlite (median of 5) | ${ms(liteRes.service)} | goal ≤ 2,000 ms (hand aggregates ${ms(liteRes.full)} / ${ms(liteRes.table)}) | — | ${ok(liteRes.service <= 2000 && liteRes.agree)} |`,
      `| import ${importRows.toLocaleString('en')}-row XLSX ledger, PGlite | ${(imp.ms / 1000).toFixed(1)} s, peak RSS ${imp.maxRssMb} MB | goal ≤ 30 s, ≤ 1,024 MB | — | ${ok(imp.ok && imp.ms <= 30_000 && imp.maxRssMb <= 1024)} |`,
      '',
      `The service's figures equal both hand-written aggregates: PostgreSQL ${pgRes.agree ? 'yes' : 'NO'}, PGlite ${liteRes.agree ? 'yes' : 'NO'}. `
        + 'The service groups the year\'s requests in SQL (GROUPING SETS) and hands the engine one weighted row per group (ReportRequestRow.count); '
        + 'the rest of the gap to the part-三-only aggregate is the extra figures (months, channels, departments, fees) the report also needs. '
        + `Import: ${imp.inserted.toLocaleString('en')} of ${imp.total.toLocaleString('en')} rows inserted${imp.errors ? `, ${imp.errors} errors` : ''}; the file is checked in a worker thread while the main thread writes (one transaction).`,
      '',
    );
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
  return { markdown: md.join('\n') };
}

if (process.argv.includes('--report-import-child')) {
  const i = process.argv.indexOf('--report-import-child');
  await childMain(process.argv[i + 1], process.argv[i + 2]);
  process.exit(0);
}
