import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { getTestDb, TEST_KEYS } from '../../../test/db.js';
import { buildScenario, asGov2019, TABLE_ROWS_2021 } from '../../../test/fixtures/ledgers/scenario.js';
import { writeScenarioFiles, type ScenarioFiles } from '../../../test/fixtures/ledgers/files.js';
import { expectAllZero, expectGov2014Report, expectTableReport } from '../../../test/fixtures/ledgers/expect-report.js';
import type { DbHandle } from '../../db/client.js';
import { SYSTEM_ACTOR, type ServiceContext } from '../context.js';
import { importRequestLedger } from '../imports/import-requests.js';
import { importCaseLedger } from '../imports/import-cases.js';
import { exportRequestLedger } from '../imports/export-requests.js';
import { rowsOf } from '../imports/common.js';
import { buildYearReport, renderReportFile } from './annual-report.js';
import { putAnnualFacts } from './facts.js';
import { parseReportJson } from '../../core/reports/parse-report.js';
import { readReportXlsx } from '../../render/reports/xlsx.js';
import { buildAnnualReport } from '../../core/reports/annual-report.js';
import type { ReportRequestRow } from '../../core/reports/types.js';

const scenario = buildScenario();
let handle: DbHandle;
let ctx: ServiceContext;
let dir: string;
let files: ScenarioFiles;

beforeAll(async () => {
  handle = await getTestDb();
  ctx = { db: handle.db, keys: TEST_KEYS, now: new Date('2026-06-30T04:00:00Z'), today: '2026-06-30', actor: SYSTEM_ACTOR };
  dir = await mkdtemp(join(tmpdir(), 'gk-report-test-'));
  files = await writeScenarioFiles(dir, scenario);
});
afterAll(async () => { await rm(dir, { recursive: true, force: true }); });

const json = (r: unknown) => JSON.parse(JSON.stringify(r)) as Record<string, unknown>;

describe('annual report computed from imported ledgers', () => {
  it('a year without records is all zeros, in every format, not an error', async () => {
    for (const [year, format] of [[2024, 'gov-2021'], [2024, 'gov-2019'], [2020, 'gov-2019'], [2016, 'gov-2014'], [2012, 'gov-2014']] as const) {
      const { report } = await buildYearReport(handle.db, year, format);
      expect(report.format).toBe(format);
      expect(report.year).toBe(year);
      expectAllZero(json(report));
    }
  });

  it('imports every ledger: GBK CSV, XLSX with a title row and date cells, JSON with English keys, UTF-8 CSV with and without BOM', async () => {
    let total = 0;
    for (const file of files.requests) {
      const r = await importRequestLedger(ctx, file);
      expect({ file, ok: r.ok, errors: r.errors.slice(0, 3) }).toEqual({ file, ok: true, errors: [] });
      expect(r.inserted).toBe(r.total);
      total += r.total;
    }
    expect(total).toBe(scenario.requests2024.length + scenario.requests2020.length + scenario.requests2016.length);
    const cases = await importCaseLedger(ctx, files.cases);
    expect(cases.ok).toBe(true);
    expect(cases.inserted).toBe(scenario.cases.length);
    const [{ n }] = rowsOf<{ n: number }>(await handle.db.execute(sql`SELECT count(*)::int AS n FROM requests WHERE source = 'import'`));
    expect(n).toBe(total);
    // The GBK file kept its Chinese text (申请人, 申请内容 with a quoted comma and a line break).
    const [first] = rowsOf<{ applicant_name: string; description: string }>(await handle.db.execute(sql`SELECT applicant_name, description FROM requests WHERE ref = ${scenario.requests2024[0].ref}`));
    expect(first).toEqual({ applicant_name: scenario.requests2024[0].applicantName, description: scenario.requests2024[0].description });
  });

  it('gov-2021 for 2024: every cell of part 三 and part 四 as constructed, every cell non-zero, all checks pass', async () => {
    const { report } = await buildYearReport(handle.db, 2024);
    expect(report.format).toBe('gov-2021');
    expectTableReport(json(report), scenario.gov2021_2024, { everyCellNonZero: true });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
    expect(Object.keys((report as { requests: { rows: object } }).requests.rows)).toEqual(TABLE_ROWS_2021);
  });

  it('gov-2019 of the 2024 records: （六）其他处理 is one row', async () => {
    const { report } = await buildYearReport(handle.db, 2024, 'gov-2019');
    expectTableReport(json(report), asGov2019(scenario.gov2021_2024));
  });

  it('gov-2019 for 2020: every cell, every cell non-zero', async () => {
    const { report } = await buildYearReport(handle.db, 2020);
    expect(report.format).toBe('gov-2019');
    expectTableReport(json(report), scenario.gov2019_2020, { everyCellNonZero: true });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('gov-2014 for 2016 (2008 answer types): every row of the 统计表 as constructed, 补正 counted by notice date', async () => {
    const { report } = await buildYearReport(handle.db, 2016);
    expect(report.format).toBe('gov-2014');
    expectGov2014Report(json(report), scenario.gov2014_2016, { everyCellNonZero: true });
    expect(report.checks.filter((c) => !c.ok)).toEqual([]);
  });

  it('gov-2014 of the 2024 records: receipts by channel row, 办结 split by extension, 补正 notices of the year', async () => {
    const { report } = await buildYearReport(handle.db, 2024, 'gov-2014');
    if (report.format !== 'gov-2014') throw new Error('format');
    const rows = scenario.requests2024;
    const received = rows.filter((r) => r.receivedOn.startsWith('2024'));
    const closed = rows.filter((r) => r.repliedOn.startsWith('2024'));
    const channel = (labels: string[]) => received.filter((r) => labels.includes(r.channel)).length;
    expect(report.requests.received).toBe(received.length);
    expect(report.requests.receivedInPerson).toBe(channel(['当面']));
    expect(report.requests.receivedByFax).toBe(channel(['传真']));
    expect(report.requests.receivedOnline).toBe(channel(['网络', '电子邮件']));
    expect(report.requests.receivedByLetter).toBe(channel(['信函', '其他']));
    expect(report.requests.completed).toBe(closed.length);
    expect(report.requests.completedExtended).toBe(closed.filter((r) => r.extended === '是').length);
    expect(report.requests.supplementRequested).toBe(rows.filter((r) => r.supplementRequestedOn.startsWith('2024')).length);
    expect(report.requests.carriedIn).toBe(scenario.gov2021_2024.rows.carriedIn[6]);
    expect(report.requests.carriedOut).toBe(scenario.gov2021_2024.rows.carriedOut[6]);
  });

  it('grouped representative rows give exactly what the engine computes from every request row (and per-department figures from SQL match it)', async () => {
    const rows = rowsOf<{ received_on: string; closed: string | null; applicant_type: string; channel: string; outcome: string | null; extended: boolean; department: string | null }>(await handle.db.execute(sql`
      SELECT r.received_on::text AS received_on, COALESCE(r.replied_on, r.closed_on)::text AS closed, r.applicant_type, r.channel,
             CASE WHEN COALESCE(r.replied_on, r.closed_on) IS NOT NULL THEN r.outcome END AS outcome, r.extended, d.name AS department
      FROM requests r LEFT JOIN departments d ON d.id = r.lead_department_id WHERE r.received_on IS NOT NULL`));
    const exact: ReportRequestRow[] = rows.map((r) => ({
      receivedOn: r.received_on, closedOn: r.closed, applicantType: r.applicant_type as ReportRequestRow['applicantType'], channel: r.channel as ReportRequestRow['channel'],
      outcome: r.outcome as ReportRequestRow['outcome'], extended: r.extended, department: r.department,
    }));
    const supplements = rowsOf<{ on: string }>(await handle.db.execute(sql`SELECT "on"::text AS "on" FROM request_events WHERE type = 'supplement_requested'`)).map((e) => ({ requestedOn: e.on }));
    for (const [year, format] of [[2024, 'gov-2021'], [2016, 'gov-2014'], [2020, 'gov-2019']] as const) {
      const { report } = await buildYearReport(handle.db, year, format);
      const direct = buildAnnualReport({ format, year, agency: report.agency, requests: exact, supplements });
      expect(json(report).requests).toEqual(json(direct).requests);
      expect(report.byMonth).toEqual(direct.byMonth);
      expect(report.byChannel).toEqual(direct.byChannel);
      expect(report.byDepartment).toEqual(direct.byDepartment);
      expect(report.byDepartment!.length).toBeGreaterThan(2);
    }
  });

  it('entered annual facts appear in the report marked as entered', async () => {
    await putAnnualFacts(ctx, 2024, { regulationsIssued: 2, complaints: 3, licensingDecisions: '/' });
    const { report } = await buildYearReport(handle.db, 2024);
    if (report.format !== 'gov-2021') throw new Error('format');
    expect(report.proactive.regulations.issued).toBe(2);
    expect(report.proactive.licensing.decisions).toBe('/');
    expect(report.complaints).toBe(3);
    expect(report.sources?.['proactive.regulations.issued']).toBe('entered');
    expect(report.sources?.complaints).toBe('entered');
  });

  it('renders JSON, XLSX (read back equal), DOCX and HTML with a Chinese file name', async () => {
    const built = await buildYearReport(handle.db, 2024);
    const j = await renderReportFile(handle.db, built, 'json');
    expect(j.filename).toBe('示范市自然资源和规划局2024年政府信息公开工作年度报告.json');
    expect(parseReportJson(j.body.toString('utf8')).requests).toEqual(built.report.requests);
    const x = await renderReportFile(handle.db, built, 'xlsx');
    expect((await readReportXlsx(x.body)).requests).toEqual(built.report.requests);
    const d = await renderReportFile(handle.db, built, 'docx');
    expect(d.body.subarray(0, 2).toString()).toBe('PK');
    const h = await renderReportFile(handle.db, built, 'html');
    const html = h.body.toString('utf8');
    expect(html).toContain('2024年政府信息公开工作年度报告');
    expect(html).toContain('<svg');
  });

  it('export → re-import is a round trip: every request updated in place, the same tables', async () => {
    const before = json((await buildYearReport(handle.db, 2024)).report);
    const before2016 = json((await buildYearReport(handle.db, 2016)).report);
    const [{ n: count }] = rowsOf<{ n: number }>(await handle.db.execute(sql`SELECT count(*)::int AS n FROM requests`));
    for (const ext of ['csv', 'xlsx', 'json'] as const) {
      const path = join(dir, `export.${ext}`);
      expect(await exportRequestLedger(ctx, path)).toBe(count);
      const r = await importRequestLedger(ctx, path);
      expect({ ext, ok: r.ok, errors: r.errors.slice(0, 3) }).toEqual({ ext, ok: true, errors: [] });
      expect({ inserted: r.inserted, updated: r.updated }).toEqual({ inserted: 0, updated: count });
    }
    const after = json((await buildYearReport(handle.db, 2024)).report);
    expect(after.requests).toEqual(before.requests);
    expect(after.reviews).toEqual(before.reviews);
    expect(after.fees).toEqual(before.fees);
    expect(json((await buildYearReport(handle.db, 2016)).report).requests).toEqual(before2016.requests);
    // Each re-import recorded the replaced event logs in the audit log.
    const audit = rowsOf<{ n: number }>(await handle.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'import.requests.replaced'`));
    expect(audit[0].n).toBeGreaterThanOrEqual(3);
  });
});
