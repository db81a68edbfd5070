import { and, desc, eq, inArray, isNotNull, lte } from 'drizzle-orm';
import { deadlineAlerts, departments, requests } from '../db/schema/index.js';
import { addWorkingDays } from '../core/calendar/working-days.js';
import { deadlineStatus } from '../core/deadlines/compute-deadline.js';
import type { ServiceContext } from './context.js';
import { OPEN_STATES } from './requests/queries.js';
import { loadClockContext } from './requests/record-event.js';
import { scopeDepartment } from './authorize.js';

const ALERT_LOCK = 724013;

/**
 * The daily deadline job: open requests due within 3 working days and overdue ones, grouped by lead department.
 * One set-based query; results stored per run so the dashboard and any mailer read the same list.
 */
export async function computeDeadlineAlerts(ctx: ServiceContext) {
  const clock = await loadClockContext(ctx.db);
  const horizon = addWorkingDays(ctx.today, clock.settings.dueSoonWorkingDays, clock.calendar).date;
  const rows = await ctx.db.select({ id: requests.id, ref: requests.ref, dueOn: requests.dueOn, state: requests.state, departmentId: requests.leadDepartmentId, department: departments.name, description: requests.description })
    .from(requests).leftJoin(departments, eq(departments.id, requests.leadDepartmentId))
    .where(and(inArray(requests.state, [...OPEN_STATES]), isNotNull(requests.dueOn), lte(requests.dueOn, horizon)));
  const byDept = new Map<number | null, { departmentId: number | null; department: string; dueSoon: unknown[]; overdue: unknown[] }>();
  for (const r of rows) {
    const s = deadlineStatus({ dueOn: r.dueOn } as never, ctx.today, clock.calendar, clock.settings);
    const key = r.departmentId ?? null;
    if (!byDept.has(key)) byDept.set(key, { departmentId: key, department: r.department ?? '未分派', dueSoon: [], overdue: [] });
    const item = { id: r.id, ref: r.ref, dueOn: r.dueOn, workingDaysLeft: s.workingDaysLeft, description: r.description.slice(0, 60) };
    (s.state === 'overdue' ? byDept.get(key)!.overdue : byDept.get(key)!.dueSoon).push(item);
  }
  return [...byDept.values()];
}

/** Runs the job under a PostgreSQL advisory lock so only one of several processes does it. */
export async function runDeadlineAlerts(ctx: ServiceContext, withLock?: <T>(key: number, fn: () => Promise<T>) => Promise<T | undefined>) {
  const work = async () => {
    const groups = await computeDeadlineAlerts(ctx);
    await ctx.db.transaction(async (tx) => {
      await tx.delete(deadlineAlerts).where(eq(deadlineAlerts.runOn, ctx.today));
      if (groups.length) await tx.insert(deadlineAlerts).values(groups.map((g) => ({ runOn: ctx.today, departmentId: g.departmentId, dueSoon: g.dueSoon, overdue: g.overdue })));
    });
    return { runOn: ctx.today, groups };
  };
  return withLock ? withLock(ALERT_LOCK, work) : work();
}

export async function latestAlerts(ctx: ServiceContext) {
  const groups = await computeDeadlineAlerts(ctx);
  const scope = ctx.actor ? scopeDepartment(ctx.actor) : 'none';
  const visible = scope === null ? groups : groups.filter((g) => scope !== 'none' && g.departmentId === scope);
  const [last] = await ctx.db.select({ runOn: deadlineAlerts.runOn, createdAt: deadlineAlerts.createdAt }).from(deadlineAlerts).orderBy(desc(deadlineAlerts.id)).limit(1);
  return { today: ctx.today, lastRun: last ?? null, groups: visible };
}
