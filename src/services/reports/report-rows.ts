/**
 * The rows the report engine needs for one year, fetched with set-based SQL (STYLE.md §2: repositories fetch the
 * rows, core counts them — core/reports/annual-report.ts `buildAnnualReport`).
 *
 * Requests: those the year can see — received by 31 December, and either received in the year, still open, or
 * closed on or after 1 January (exactly the rows core `place()` does not drop). "Closed" is the reply date (答复日期),
 * or the closing date of a request finished without a reply (逾期不补正, 逾期未缴费, withdrawal).
 *
 * Rather than shipping one row per request (a million-request agency has hundreds of thousands in a year), the SQL
 * groups requests by everything the engine looks at, and each group is handed to the engine as that many references
 * to one representative row: a date inside the year is replaced by a representative date in the same place
 * relative to the year (the 1st of its month for receipt, which drives the by-month counts; 31 December for
 * closing), a date before the year by 31 December of the year before, a date after it by 1 January of the year
 * after; the channel is kept only where the engine reads it (requests received in the year), the outcome and the
 * extension only for requests closed in the year. Rows whose closing date is before their receipt date (a data
 * error the engine reports) keep their exact dates; a request with a fee is its own group, with its amounts and
 * the dates of its fee events (the fee is attributed to the year of those events).
 *
 * The department is not part of that grouping (it would multiply the groups by the number of departments for one
 * extra, not a table row): the same scan also groups by department (GROUPING SETS) for the per-department figures
 * (`byDepartment`: received, closed, closed after an extension, carried out — the engine's definitions).
 *
 * 补正 notices issued in the year come from request_events (gov-2014 告知作出更改补充数); cases received in the year
 * from cases.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { DepartmentStat, ReportCaseRow, ReportRequestRow, ReportSupplementRow } from '../../core/reports/types.js';
import type { ApplicantType, Channel } from '../../core/types.js';
import type { Outcome } from '../../core/requests/outcomes.js';
import type { CaseKind, CaseResult, CaseRoute } from '../../core/reports/cases.js';
import { rowsOf } from '../imports/common.js';

export interface ReportInputs {
  requests: ReportRequestRow[];
  supplements: ReportSupplementRow[];
  cases: ReportCaseRow[];
  /** Per lead department, as core `extras` defines them (the rows above carry no department). */
  byDepartment: DepartmentStat[];
  /** Number of distinct request rows fetched from the database (groups + exact rows), for benchmarks. */
  fetchedRows: number;
}

interface GroupRow {
  by_department: number; received_on: string | null; closed_on: string | null; applicant_type: string | null; channel: string | null;
  outcome: string | null; extended: boolean | null; fee_id: number | null; department: string | null; n: number;
  fee_notice_yuan: string | number | null; fee_collected_yuan: string | number | null;
  received: number; closed: number; extended_n: number; carried_out: number;
}

/**
 * Runs one large aggregation with settings fit for it (local to its transaction): enough work_mem for a hash
 * aggregate instead of an on-disk sort, parallel scans encouraged, and no JIT (its compile time exceeds what it
 * saves on a query of this size).
 */
async function withPlannerSettings<T>(db: Executor, fn: (tx: Executor) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    for (const setting of ["work_mem = '256MB'", 'jit = off', 'parallel_setup_cost = 0', 'parallel_tuple_cost = 0']) await tx.execute(sql.raw(`SET LOCAL ${setting}`));
    return fn(tx);
  });
}

/** The request, 补正 and case rows of `year` (see the module comment). */
export async function fetchReportInputs(db: Executor, year: number): Promise<ReportInputs> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const before = `${year - 1}-12-31`;
  const after = `${year + 1}-01-01`;
  const closed = sql.raw('COALESCE(r.replied_on, r.closed_on)');
  // Requests the year can see: exactly those core place() does not drop.
  const window = sql`r.received_on <= ${end}::date AND (r.received_on >= ${start}::date OR ${closed} IS NULL OR ${closed} >= ${start}::date)`;

  // One scan, two groupings: the representative rows (a request with a fee is its own group, by id), and the
  // per-department figures.
  const [groups, supplementDays, caseRows] = await Promise.all([
    withPlannerSettings(db, async (tx) => rowsOf<GroupRow>(await tx.execute(sql`
      SELECT g.by_department, g.received_rep::text AS received_on, g.closed_rep::text AS closed_on, g.applicant_type, g.channel_rep AS channel,
             g.outcome_rep AS outcome, g.extended_rep AS extended, g.fee_id, d.name AS department, g.n, g.fee_notice_yuan, g.fee_collected_yuan,
             g.received, g.closed, g.extended_n, g.carried_out
      FROM (
        SELECT GROUPING(lead_department_id) = 0 AS by_department, received_rep, closed_rep, applicant_type, channel_rep, outcome_rep, extended_rep,
               fee_id, lead_department_id, count(*)::int AS n, max(fee_notice_yuan) AS fee_notice_yuan, max(fee_collected_yuan) AS fee_collected_yuan,
               count(*) FILTER (WHERE received_on >= ${start}::date)::int AS received,
               count(*) FILTER (WHERE closed BETWEEN ${start}::date AND ${end}::date)::int AS closed,
               count(*) FILTER (WHERE closed BETWEEN ${start}::date AND ${end}::date AND extended)::int AS extended_n,
               count(*) FILTER (WHERE closed IS NULL OR closed > ${end}::date)::int AS carried_out
        FROM (
          SELECT received_on, closed, extended, lead_department_id, applicant_type, fee_notice_yuan, fee_collected_yuan,
                 CASE WHEN fee_notice_yuan IS NOT NULL THEN id END AS fee_id,
                 CASE WHEN closed < received_on THEN received_on
                      WHEN received_on >= ${start}::date THEN date_trunc('month', received_on::timestamp)::date
                      ELSE ${before}::date END AS received_rep,
                 CASE WHEN closed < received_on THEN closed
                      WHEN closed IS NULL THEN NULL
                      WHEN closed > ${end}::date THEN ${after}::date
                      ELSE ${end}::date END AS closed_rep,
                 CASE WHEN received_on >= ${start}::date THEN channel ELSE 'other' END AS channel_rep,
                 CASE WHEN closed BETWEEN ${start}::date AND ${end}::date THEN outcome END AS outcome_rep,
                 COALESCE(closed BETWEEN ${start}::date AND ${end}::date AND extended, false) AS extended_rep
          FROM (SELECT r.*, ${closed} AS closed FROM requests r WHERE ${window}) x
        ) w
        GROUP BY GROUPING SETS ((received_rep, closed_rep, applicant_type, channel_rep, outcome_rep, extended_rep, fee_id), (lead_department_id))
      ) g LEFT JOIN departments d ON d.id = g.lead_department_id`))),
    db.execute(sql`
      SELECT "on"::text AS "on", count(*)::int AS n FROM request_events
      WHERE type = 'supplement_requested' AND "on" BETWEEN ${start}::date AND ${end}::date GROUP BY 1`).then((r) => rowsOf<{ on: string; n: number }>(r)),
    db.execute(sql`
      SELECT kind, route, received_on::text AS received_on, closed_on::text AS closed_on, result FROM cases
      WHERE received_on BETWEEN ${start}::date AND ${end}::date`).then((r) => rowsOf<{ kind: string; route: string | null; received_on: string; closed_on: string | null; result: string | null }>(r)),
  ]);

  // Dates of the fee notices and payments (the fee is attributed to the year of these events).
  const feeIds = groups.filter((g) => !g.by_department && g.fee_id !== null).map((g) => Number(g.fee_id));
  const feeDates = new Map<number, { noticed: string | null; paid: string | null }>();
  if (feeIds.length > 0) {
    const rows = rowsOf<{ request_id: number; type: string; on: string }>(await db.execute(sql`
      SELECT request_id, type, max("on")::text AS "on" FROM request_events
      WHERE request_id IN (${sql.join(feeIds.map((id) => sql`${id}`), sql`, `)}) AND type IN ('fee_notice_issued', 'fee_paid') GROUP BY 1, 2`));
    for (const r of rows) {
      const d = feeDates.get(Number(r.request_id)) ?? { noticed: null, paid: null };
      if (r.type === 'fee_notice_issued') d.noticed = r.on; else d.paid = r.on;
      feeDates.set(Number(r.request_id), d);
    }
  }

  const requests: ReportRequestRow[] = [];
  const byDepartment: DepartmentStat[] = [];
  let fetchedRows = 0;
  for (const g of groups) {
    if (g.by_department) {
      if (g.department !== null) byDepartment.push({ department: g.department, received: g.received, closed: g.closed, extended: g.extended_n, carriedOut: g.carried_out });
      continue;
    }
    fetchedRows += 1;
    const row: ReportRequestRow = {
      receivedOn: g.received_on as string, closedOn: g.closed_on, applicantType: g.applicant_type as ApplicantType, channel: g.channel as Channel,
      outcome: (g.outcome ?? null) as Outcome | null, extended: g.extended === true,
    };
    if (g.fee_id !== null) {
      const d = feeDates.get(Number(g.fee_id));
      row.feeNoticeYuan = g.fee_notice_yuan === null ? null : Number(g.fee_notice_yuan);
      row.feeCollectedYuan = g.fee_collected_yuan === null ? null : Number(g.fee_collected_yuan);
      row.feeNoticedOn = d?.noticed ?? null;
      row.feePaidOn = d?.paid ?? null;
    }
    row.count = Number(g.n); // core counts a grouped row n times (ReportRequestRow.count)
    requests.push(row);
  }
  byDepartment.sort((x, y) => y.received - x.received || x.department.localeCompare(y.department, 'zh-CN'));
  const supplements: ReportSupplementRow[] = [];
  for (const s of supplementDays) supplements.push({ requestedOn: s.on, count: Number(s.n) });
  const cases: ReportCaseRow[] = caseRows.map((c) => ({
    kind: c.kind as CaseKind, route: (c.route ?? null) as CaseRoute | null, receivedOn: c.received_on, closedOn: c.closed_on,
    result: (c.result ?? null) as CaseResult | null,
  }));
  return { requests, supplements, cases, byDepartment, fetchedRows };
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
