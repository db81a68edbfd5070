import { sql } from 'drizzle-orm';
import { addWorkingDays } from '../../core/calendar/working-days.js';
import { OUTCOME_LABELS, type Outcome } from '../../core/requests/outcomes.js';
import { describeState, type RequestState } from '../../core/requests/index.js';
import { requireRole, scopeDepartment } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { OPEN_STATES } from './queries.js';
import { loadClockContext } from './record-event.js';

type Row = Record<string, unknown>;
const rowsOf = (r: unknown) => (r as { rows: Row[] }).rows;

/**
 * Dashboard figures in three set-based queries: open work by state with due-soon/overdue counts, this year's
 * closed requests by outcome, and requests received per month. Handlers see their department only.
 */
export async function dashboardStats(ctx: ServiceContext, year: number) {
  const actor = requireRole(ctx.actor, 'registrar', 'handler', 'reviewer', 'secrecy_reviewer', 'auditor');
  const clock = await loadClockContext(ctx.db);
  const horizon = addWorkingDays(ctx.today, clock.settings.dueSoonWorkingDays, clock.calendar).date;
  const scope = scopeDepartment(actor);
  const scoped = scope === null ? sql`TRUE` : scope === 'none' ? sql`FALSE` : sql`r.id IN (SELECT request_id FROM request_departments WHERE department_id = ${scope})`;
  const open = sql.join(OPEN_STATES.map((s) => sql`${s}`), sql`, `);
  const from = `${year}-01-01`, to = `${year}-12-31`;
  const [byState, byOutcome, byMonth] = await Promise.all([
    ctx.db.execute(sql`SELECT r.state, count(*)::int AS n,
        count(*) FILTER (WHERE r.due_on < ${ctx.today})::int AS overdue,
        count(*) FILTER (WHERE r.due_on >= ${ctx.today} AND r.due_on <= ${horizon})::int AS due_soon
      FROM requests r WHERE r.state IN (${open}) AND ${scoped} GROUP BY r.state`),
    ctx.db.execute(sql`SELECT r.outcome, count(*)::int AS n FROM requests r
      WHERE r.replied_on >= ${from} AND r.replied_on <= ${to} AND r.outcome IS NOT NULL AND ${scoped} GROUP BY r.outcome`),
    ctx.db.execute(sql`SELECT extract(month FROM r.received_on)::int AS m, count(*)::int AS n FROM requests r
      WHERE r.received_on >= ${from} AND r.received_on <= ${to} AND ${scoped} GROUP BY 1 ORDER BY 1`),
  ]);
  const states = rowsOf(byState).map((r) => ({ state: r.state as string, label: describeState(r.state as RequestState).label, color: describeState(r.state as RequestState).color, count: Number(r.n), overdue: Number(r.overdue), dueSoon: Number(r.due_soon) }));
  const months = Array.from({ length: 12 }, (_, i) => Number(rowsOf(byMonth).find((r) => Number(r.m) === i + 1)?.n ?? 0));
  return {
    today: ctx.today,
    year,
    open: states.reduce((s, x) => s + x.count, 0),
    overdue: states.reduce((s, x) => s + x.overdue, 0),
    dueSoon: states.reduce((s, x) => s + x.dueSoon, 0),
    awaitingConfirmation: states.find((s) => s.state === 'submitted')?.count ?? 0,
    receivedThisYear: months.reduce((a, b) => a + b, 0),
    states,
    outcomes: rowsOf(byOutcome).map((r) => ({ outcome: r.outcome as string, label: OUTCOME_LABELS[r.outcome as Outcome] ?? String(r.outcome), count: Number(r.n) })).sort((a, b) => b.count - a.count),
    receivedByMonth: months,
  };
}
