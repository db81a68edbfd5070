import { and, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import { departments, publications } from '../../db/schema/index.js';
import { isIsoDate, type IsoDate } from '../../core/types.js';
import { DomainError } from '../../core/errors.js';
import { assessTimeliness, summarizeTimeliness, type TimelinessStatus, type TimelinessSummary } from '../../core/publications/timeliness.js';
import { PUBLICATION_STATE_LABELS, type PublicationState } from '../../core/publications/workflow.js';
import { requireRole } from '../authorize.js';
import { loadCalendar } from '../calendar.js';
import type { ServiceContext } from '../context.js';
import { getPublicationSettings } from './settings.js';

/** 20 working days never span fewer than this many calendar days (4 weeks, minus two 调休 Saturdays at most). */
const SURELY_ON_TIME_CALENDAR_DAYS = 25;

export interface TimelinessItem { id: number; title: string; state: string; stateLabel: string; department: string | null; formedOn: IsoDate; publishedOn: IsoDate | null; dueOn: IsoDate; status: TimelinessStatus; workingDaysLeft: number | null; workingDaysLate: number | null }

/**
 * Use case: the Art.26 dashboard (条例 Art.26: 自形成或者变更之日起20个工作日内及时公开). For each department: items still in
 * the workflow that are pending / at risk / overdue today, and items published in the period on time / late. Items
 * published within 25 calendar days of formation are on time by arithmetic and are counted in SQL; the rest are
 * assessed on the working-day calendar.
 */
export async function getTimelinessDashboard(ctx: ServiceContext, period: { from?: IsoDate; to?: IsoDate } = {}) {
  requireRole(ctx.actor, 'publisher', 'secrecy_reviewer', 'reviewer', 'auditor');
  const from = period.from ?? `${ctx.today.slice(0, 4)}-01-01`;
  const to = period.to ?? ctx.today;
  if (!isIsoDate(from) || !isIsoDate(to)) throw new DomainError('VALIDATION', `统计期间 ${from} 至 ${to} 不是有效日期`);
  if (from > to) throw new DomainError('VALIDATION', `统计起始日期 ${from} 晚于截止日期 ${to}`);
  const [calendar, settings, depts] = await Promise.all([loadCalendar(ctx.db), getPublicationSettings(ctx.db), ctx.db.select({ id: departments.id, name: departments.name }).from(departments)]);
  const deptName = new Map(depts.map((d) => [d.id, d.name]));
  const cols = { id: publications.id, title: publications.title, state: publications.state, departmentId: publications.departmentId, formedOn: publications.formedOn, publishedOn: publications.publishedOn };
  const inPeriod = sql`${publications.publishedOn} BETWEEN ${from} AND ${to}`;
  const [open, maybeLate, quick] = await Promise.all([
    ctx.db.select(cols).from(publications).where(notInArray(publications.state, ['published', 'withdrawn'])),
    ctx.db.select(cols).from(publications).where(and(isNotNull(publications.publishedOn), inPeriod, sql`${publications.publishedOn} - ${publications.formedOn} > ${SURELY_ON_TIME_CALENDAR_DAYS}`, inArray(publications.state, ['published', 'withdrawn']))),
    ctx.db.select({ departmentId: publications.departmentId, n: sql<number>`count(*)::int` }).from(publications)
      .where(and(isNotNull(publications.publishedOn), inPeriod, sql`${publications.publishedOn} - ${publications.formedOn} <= ${SURELY_ON_TIME_CALENDAR_DAYS}`, inArray(publications.state, ['published', 'withdrawn'])))
      .groupBy(publications.departmentId),
  ]);
  const perDept = new Map<number | null, TimelinessStatus[]>();
  const add = (d: number | null, s: TimelinessStatus) => (perDept.get(d) ?? perDept.set(d, []).get(d)!).push(s);
  const items: TimelinessItem[] = [];
  for (const r of [...open, ...maybeLate]) {
    const t = assessTimeliness({ formedOn: r.formedOn, publishedOn: r.publishedOn }, ctx.today, calendar, settings.riskWorkingDays);
    add(r.departmentId, t.status);
    if (t.status !== 'pending' && t.status !== 'on_time') {
      items.push({ id: r.id, title: r.title, state: r.state, stateLabel: PUBLICATION_STATE_LABELS[r.state as PublicationState], department: r.departmentId === null ? null : deptName.get(r.departmentId) ?? null, formedOn: r.formedOn, publishedOn: r.publishedOn, dueOn: t.dueOn, status: t.status, workingDaysLeft: t.workingDaysLeft, workingDaysLate: t.workingDaysLate });
    }
  }
  for (const q of quick) for (let i = 0; i < q.n; i++) add(q.departmentId, 'on_time');
  const rows: (TimelinessSummary & { departmentId: number | null; department: string })[] = [...perDept.entries()]
    .map(([id, statuses]) => ({ departmentId: id, department: id === null ? '未指定单位' : deptName.get(id) ?? `单位 ${id}`, ...summarizeTimeliness(statuses) }))
    .sort((a, b) => b.overdue - a.overdue || b.atRisk - a.atRisk || b.late - a.late || a.department.localeCompare(b.department, 'zh-CN'));
  const totals = rows.reduce<TimelinessSummary>((s, r) => ({ pending: s.pending + r.pending, atRisk: s.atRisk + r.atRisk, overdue: s.overdue + r.overdue, onTime: s.onTime + r.onTime, late: s.late + r.late }), { pending: 0, atRisk: 0, overdue: 0, onTime: 0, late: 0 });
  const order: Record<string, number> = { overdue: 0, at_risk: 1, late: 2 };
  items.sort((a, b) => order[a.status] - order[b.status] || a.dueOn.localeCompare(b.dueOn));
  return { asOf: ctx.today, from, to, riskWorkingDays: settings.riskWorkingDays, departments: rows, totals, items: items.slice(0, 500) };
}
