/**
 * The rows the report engine needs for one year, fetched with set-based SQL (STYLE.md §2: repositories fetch the
 * rows, core counts them — core/reports/annual-report.ts `buildAnnualReport`).
 *
 * Requests: those the year can see — received by 31 December, and either received in the year, still open, or
 * closed on or after 1 January. "Closed" is the reply date (答复日期), or the closing date of a request finished
 * without a reply (逾期不补正, 逾期未缴费, withdrawal). Rather than shipping one row per request (a million-request
 * agency has hundreds of thousands in a year), the SQL groups requests by everything the engine looks at and the
 * group is handed to the engine as that many references to one representative row: a date inside the year is
 * replaced by a representative date in the same place relative to the year (the 1st of its month for receipt, which
 * drives the by-month counts; 31 December for closing), a date before the year by 31 December of the year before,
 * a date after it by 1 January of the year after, the channel only where the engine reads it (requests received in
 * the year), the outcome and the extension only for requests closed in the year. Rows whose closing date is before
 * their receipt date (a data error the engine reports) and rows with a fee (attributed by the fee events' own
 * dates) are shipped exactly.
 *
 * 补正 notices issued in the year come from request_events (gov-2014 告知作出更改补充数); cases received in the year
 * from cases.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { ReportCaseRow, ReportRequestRow, ReportSupplementRow } from '../../core/reports/types.js';
import type { ApplicantType, Channel } from '../../core/types.js';
import type { Outcome } from '../../core/requests/outcomes.js';
import type { CaseKind, CaseResult, CaseRoute } from '../../core/reports/cases.js';
import { rowsOf } from '../imports/common.js';

export interface ReportInputs {
  requests: ReportRequestRow[];
  supplements: ReportSupplementRow[];
  cases: ReportCaseRow[];
  /** Number of distinct request rows fetched from the database (groups + exact rows), for benchmarks. */
  fetchedRows: number;
}

interface GroupRow {
  received_on: string; closed_on: string | null; applicant_type: string; channel: string; outcome: string | null;
  extended: boolean; department: string | null; n: number;
}
interface FeeRow extends Omit<GroupRow, 'n'> {
  fee_notice_yuan: string | number | null; fee_collected_yuan: string | number | null; fee_noticed_on: string | null; fee_paid_on: string | null;
}

/**
 * Runs the grouping query with settings fit for one large aggregation (local to its transaction): enough work_mem
 * for a hash aggregate instead of an on-disk sort, parallel scans encouraged, and no JIT (its compile time exceeds
 * what it saves on a query of this size).
 */
async function withPlannerSettings<T>(db: Executor, fn: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    for (const setting of ["work_mem = '64MB'", 'jit = off', 'parallel_setup_cost = 0', 'parallel_tuple_cost = 0']) await tx.execute(sql.raw(`SET LOCAL ${setting}`));
    return fn(tx);
  });
}

/** The request, 补正 and case rows of `year` (see the module comment). */
export async function fetchReportInputs(db: Executor, year: number): Promise<ReportInputs> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const before = `${year - 1}-12-31`;
  const after = `${year + 1}-01-01`;
  const groups = rowsOf<GroupRow>(await withPlannerSettings(db, (tx) => tx.execute(sql`
    WITH r AS (
      SELECT received_on, COALESCE(replied_on, closed_on) AS closed, applicant_type, channel, outcome, extended, lead_department_id
      FROM requests
      WHERE received_on <= ${end}::date AND fee_notice_yuan IS NULL
        AND (received_on >= ${start}::date OR COALESCE(replied_on, closed_on) IS NULL OR COALESCE(replied_on, closed_on) >= ${start}::date)
    ), g AS (
      SELECT
        CASE WHEN closed < received_on THEN received_on
             WHEN received_on >= ${start}::date THEN date_trunc('month', received_on::timestamp)::date
             ELSE ${before}::date END AS received_on,
        CASE WHEN closed < received_on THEN closed
             WHEN closed IS NULL THEN NULL
             WHEN closed > ${end}::date THEN ${after}::date
             WHEN closed < ${start}::date THEN closed
             ELSE ${end}::date END AS closed_on,
        applicant_type,
        CASE WHEN received_on >= ${start}::date THEN channel ELSE 'other' END AS channel,
        CASE WHEN closed BETWEEN ${start}::date AND ${end}::date THEN outcome END AS outcome,
        COALESCE(closed BETWEEN ${start}::date AND ${end}::date AND extended, false) AS extended,
        lead_department_id,
        count(*)::int AS n
      FROM r GROUP BY 1, 2, 3, 4, 5, 6, 7
    )
    SELECT g.received_on::text AS received_on, g.closed_on::text AS closed_on, g.applicant_type, g.channel, g.outcome, g.extended,
           d.name AS department, g.n
    FROM g LEFT JOIN departments d ON d.id = g.lead_department_id`)));
  const fees = rowsOf<FeeRow>(await db.execute(sql`
    SELECT r.received_on::text AS received_on, COALESCE(r.replied_on, r.closed_on)::text AS closed_on, r.applicant_type, r.channel,
           CASE WHEN COALESCE(r.replied_on, r.closed_on) IS NOT NULL THEN r.outcome END AS outcome, r.extended, d.name AS department,
           r.fee_notice_yuan, r.fee_collected_yuan,
           (SELECT e."on"::text FROM request_events e WHERE e.request_id = r.id AND e.type = 'fee_notice_issued' ORDER BY e.seq DESC LIMIT 1) AS fee_noticed_on,
           (SELECT e."on"::text FROM request_events e WHERE e.request_id = r.id AND e.type = 'fee_paid' ORDER BY e.seq DESC LIMIT 1) AS fee_paid_on
    FROM requests r LEFT JOIN departments d ON d.id = r.lead_department_id
    WHERE r.fee_notice_yuan IS NOT NULL AND r.received_on <= ${end}::date
      AND (r.received_on >= ${start}::date OR COALESCE(r.replied_on, r.closed_on) IS NULL OR COALESCE(r.replied_on, r.closed_on) >= ${start}::date)`));
  const supplementDays = rowsOf<{ on: string; n: number }>(await db.execute(sql`
    SELECT "on"::text AS "on", count(*)::int AS n FROM request_events
    WHERE type = 'supplement_requested' AND "on" BETWEEN ${start}::date AND ${end}::date GROUP BY 1`));
  const caseRows = rowsOf<{ kind: string; route: string | null; received_on: string; closed_on: string | null; result: string | null }>(await db.execute(sql`
    SELECT kind, route, received_on::text AS received_on, closed_on::text AS closed_on, result FROM cases
    WHERE received_on BETWEEN ${start}::date AND ${end}::date`));

  const requests: ReportRequestRow[] = [];
  for (const g of groups) {
    const row: ReportRequestRow = {
      receivedOn: g.received_on, closedOn: g.closed_on, applicantType: g.applicant_type as ApplicantType, channel: g.channel as Channel,
      outcome: (g.outcome ?? null) as Outcome | null, extended: g.extended, department: g.department,
    };
    for (let i = 0; i < Number(g.n); i++) requests.push(row);
  }
  for (const f of fees) {
    requests.push({
      receivedOn: f.received_on, closedOn: f.closed_on, applicantType: f.applicant_type as ApplicantType, channel: f.channel as Channel,
      outcome: (f.outcome ?? null) as Outcome | null, extended: f.extended, department: f.department,
      feeNoticeYuan: f.fee_notice_yuan === null ? null : Number(f.fee_notice_yuan),
      feeCollectedYuan: f.fee_collected_yuan === null ? null : Number(f.fee_collected_yuan),
      feeNoticedOn: f.fee_noticed_on, feePaidOn: f.fee_paid_on,
    });
  }
  const supplements: ReportSupplementRow[] = [];
  for (const s of supplementDays) for (let i = 0; i < Number(s.n); i++) supplements.push({ requestedOn: s.on });
  const cases: ReportCaseRow[] = caseRows.map((c) => ({
    kind: c.kind as CaseKind, route: (c.route ?? null) as CaseRoute | null, receivedOn: c.received_on, closedOn: c.closed_on,
    result: (c.result ?? null) as CaseResult | null,
  }));
  return { requests, supplements, cases, fetchedRows: groups.length + fees.length };
}

/** Requests received per month, for each of `years` (the by-month chart: the report year and the two before). */
export async function fetchMonthlyCounts(db: Executor, years: readonly number[]): Promise<{ year: number; counts: number[] }[]> {
  if (years.length === 0) return [];
  const from = `${Math.min(...years)}-01-01`;
  const to = `${Math.max(...years)}-12-31`;
  const rows = rowsOf<{ y: number; m: number; n: number }>(await db.execute(sql`
    SELECT extract(year FROM received_on)::int AS y, extract(month FROM received_on)::int AS m, count(*)::int AS n
    FROM requests WHERE received_on BETWEEN ${from}::date AND ${to}::date GROUP BY 1, 2`));
  return years.map((year) => {
    const counts = new Array<number>(12).fill(0);
    for (const r of rows) if (Number(r.y) === year) counts[Number(r.m) - 1] = Number(r.n);
    return { year, counts };
  });
}
