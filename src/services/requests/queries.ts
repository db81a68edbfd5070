import { and, asc, desc, eq, ilike, inArray, lte, lt, or, sql, type SQL, gte } from 'drizzle-orm';
import { applicants, departments, notices, requestDepartments, requests } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { allowedEvents, describeState, EVENT_LABELS, OPEN_STATES, replayEvents, type RequestView } from '../../core/requests/index.js';
import { deadlineStatus } from '../../core/deadlines/compute-deadline.js';
import { addWorkingDays } from '../../core/calendar/working-days.js';
import { DomainError } from '../../core/errors.js';
import { decryptPii } from '../../security/crypto.js';
import { maskIdNumber, maskPhone, maskName, maskAddress } from '../../core/validators/index.js';
import { OUTCOME_LABELS, type Outcome } from '../../core/requests/outcomes.js';
import { hasRole, requireRole, scopeDepartment } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import type { ListRequestsFilter } from '../../shared/api.js';
import { loadClockContext, loadEvents, toCoreEvent, EVENT_ROLES, isAssignedToActorDepartment } from './record-event.js';

/** Open states come from the lifecycle core (one definition for lists, alerts, stats and recomputation). */
export { OPEN_STATES };

export type { ListRequestsFilter };

/** Use case: the request list with filters, paginated on the server, scoped by department for handlers. */
export async function listRequests(ctx: ServiceContext, f: ListRequestsFilter) {
  const actor = requireRole(ctx.actor, 'registrar', 'handler', 'reviewer', 'secrecy_reviewer', 'auditor');
  const clock = await loadClockContext(ctx.db);
  const where: SQL[] = [];
  const scope = scopeDepartment(actor);
  if (scope === 'none') return { total: 0, items: [], page: 1, pageSize: f.pageSize ?? 20 };
  const deptFilter = scope ?? f.departmentId;
  if (deptFilter !== undefined && deptFilter !== null) {
    where.push(sql`${requests.id} IN (SELECT ${requestDepartments.requestId} FROM ${requestDepartments} WHERE ${requestDepartments.departmentId} = ${deptFilter})`);
  }
  if (f.state?.length) where.push(inArray(requests.state, f.state));
  if (f.overdue) where.push(and(lt(requests.dueOn, ctx.today), inArray(requests.state, [...OPEN_STATES]))!);
  if (f.dueWithinDays !== undefined) {
    const limit = addWorkingDays(ctx.today, f.dueWithinDays, clock.calendar).date;
    where.push(and(gte(requests.dueOn, ctx.today), lte(requests.dueOn, limit), inArray(requests.state, [...OPEN_STATES]))!);
  }
  if (f.year) where.push(sql`${requests.receivedOn} >= ${`${f.year}-01-01`} AND ${requests.receivedOn} <= ${`${f.year}-12-31`}`);
  if (f.applicantType) where.push(eq(requests.applicantType, f.applicantType));
  if (f.channel) where.push(eq(requests.channel, f.channel));
  if (f.q?.trim()) {
    const q = `%${f.q.trim().replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    where.push(or(ilike(requests.description, q), ilike(requests.ref, q), ilike(requests.applicantName, q), ilike(requests.trackingCode, q))!);
  }
  const cond = where.length ? and(...where) : undefined;
  const pageSize = Math.min(Math.max(f.pageSize ?? 20, 1), 200);
  const page = Math.max(f.page ?? 1, 1);
  const order = f.sort === 'received' ? [desc(requests.receivedOn), desc(requests.id)]
    : f.sort === 'created' ? [desc(requests.id)]
    : [sql`${requests.dueOn} ASC NULLS LAST`, desc(requests.id)];
  const [rows, [{ total }]] = await Promise.all([
    ctx.db.select({
      id: requests.id, ref: requests.ref, trackingCode: requests.trackingCode, applicantName: requests.applicantName, applicantType: requests.applicantType,
      description: requests.description, channel: requests.channel, state: requests.state, receivedOn: requests.receivedOn, dueOn: requests.dueOn,
      provisional: requests.provisional, extended: requests.extended, outcome: requests.outcome, repliedOn: requests.repliedOn, leadDepartment: departments.name,
      duplicateOfId: requests.duplicateOfId, source: requests.source,
    }).from(requests).leftJoin(departments, eq(departments.id, requests.leadDepartmentId)).where(cond).orderBy(...order).limit(pageSize).offset((page - 1) * pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(requests).where(cond),
  ]);
  const items = rows.map((r) => {
    const open = (OPEN_STATES as readonly string[]).includes(r.state);
    const due = open && r.dueOn ? deadlineStatus({ dueOn: r.dueOn } as never, ctx.today, clock.calendar, clock.settings) : null;
    return {
      ...r,
      applicantName: (r.applicantType === 'natural' ? maskName(r.applicantName) : r.applicantName),
      description: r.description.length > 80 ? `${r.description.slice(0, 80)}…` : r.description,
      stateLabel: describeState(r.state as never).label,
      stateColor: describeState(r.state as never).color,
      outcomeLabel: r.outcome ? OUTCOME_LABELS[r.outcome as Outcome] ?? r.outcome : null,
      workingDaysLeft: due?.workingDaysLeft ?? null,
      dueState: due?.state ?? null,
    };
  });
  return { total, items, page, pageSize };
}

async function assertCanView(tx: Executor, requestId: number, ctx: ServiceContext) {
  const actor = requireRole(ctx.actor, 'registrar', 'handler', 'reviewer', 'secrecy_reviewer', 'auditor');
  const scope = scopeDepartment(actor);
  if (scope === null) return actor;
  if (scope !== 'none' && (await isAssignedToActorDepartment(tx, requestId, actor))) return actor;
  throw new DomainError('FORBIDDEN', '该申请未分派给您所在的承办单位');
}

/** Use case: request detail with its timeline, the derived view, the actions the state and the actor allow. */
export async function getRequestDetail(ctx: ServiceContext, requestId: number) {
  const [row] = await ctx.db.select().from(requests).where(eq(requests.id, requestId));
  if (!row) throw new DomainError('NOT_FOUND', `申请 ${requestId} 不存在`);
  const actor = await assertCanView(ctx.db, requestId, ctx);
  const clock = await loadClockContext(ctx.db);
  const stored = await loadEvents(ctx.db, requestId);
  const view: RequestView = replayEvents(stored.map(toCoreEvent), clock);
  const [applicant] = row.applicantId ? await ctx.db.select().from(applicants).where(eq(applicants.id, row.applicantId)) : [];
  const fullPii = hasRole(actor, 'registrar');
  const pii = (v: string | null, mask: (s: string) => string) => { const d = decryptPii(ctx.keys, v); return d === null ? null : fullPii ? d : mask(d); };
  const depts = await ctx.db.select({ id: departments.id, name: departments.name, role: requestDepartments.role }).from(requestDepartments)
    .innerJoin(departments, eq(departments.id, requestDepartments.departmentId)).where(eq(requestDepartments.requestId, requestId)).orderBy(asc(requestDepartments.role));
  const noticeRows = await ctx.db.select({ id: notices.id, type: notices.type, docNumber: notices.docNumber, issuedOn: notices.issuedOn, status: notices.status })
    .from(notices).where(eq(notices.requestId, requestId)).orderBy(asc(notices.id));
  let duplicateOf = null;
  if (row.duplicateOfId) {
    const [d] = await ctx.db.select({ id: requests.id, ref: requests.ref, description: requests.description, state: requests.state, outcome: requests.outcome, repliedOn: requests.repliedOn }).from(requests).where(eq(requests.id, row.duplicateOfId));
    // The earlier request may belong to another department: a handler outside it sees what deciding 重复申请
    // (Art.36(六)) needs — its 受理编号, state and reply — but not its content.
    const scope = scopeDepartment(actor);
    const visible = scope === null || (scope !== 'none' && (await isAssignedToActorDepartment(ctx.db, row.duplicateOfId, actor)));
    duplicateOf = d ? { ...d, description: visible ? d.description : null, visible } : null;
  }
  const open = (OPEN_STATES as readonly string[]).includes(view.state);
  const due = open && view.deadline?.dueOn ? deadlineStatus(view.deadline, ctx.today, clock.calendar, clock.settings) : null;
  const allowed = allowedEvents(view).filter((t) => (EVENT_ROLES[t] ?? []).some((r) => actor.roles.includes(r)));
  return {
    id: row.id, ref: row.ref, trackingCode: row.trackingCode, source: row.source, description: row.description, channel: row.channel,
    deliveryMethod: row.deliveryMethod, format: row.format, createdAt: row.createdAt,
    applicant: applicant ? {
      type: applicant.type, name: applicant.name, idType: applicant.idType,
      idNumber: pii(applicant.idNumberEnc, maskIdNumber), phone: pii(applicant.phoneEnc, maskPhone), email: pii(applicant.emailEnc, (s) => s.replace(/^(.).*(@.*)$/, '$1***$2')), address: pii(applicant.addressEnc, maskAddress),
      contactName: pii(applicant.contactEnc, maskName),
    } : null,
    state: view.state, stateLabel: describeState(view.state).label, stateColor: describeState(view.state).color,
    view, due, departments: depts, notices: noticeRows, duplicateOf,
    timeline: stored.map((e) => ({ seq: e.seq, type: e.type, label: EVENT_LABELS[e.type as keyof typeof EVENT_LABELS] ?? e.type, on: e.on, payload: e.payload, actorName: e.actorName, at: e.at })),
    allowedActions: allowed,
  };
}
