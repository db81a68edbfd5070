import { asc, eq, inArray, sql } from 'drizzle-orm';
import { departments, requestDepartments, requestEvents, requests } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { applyEvent, replayEvents, type RequestEvent, type RequestView } from '../../core/requests/index.js';
import { DomainError } from '../../core/errors.js';
import { MAX_DB_ID } from '../../shared/ids.js';
import type { Calendar } from '../../core/calendar/working-days.js';
import { loadCalendar } from '../calendar.js';
import { getDeadlineSettings } from '../settings.js';
import { hasRole } from '../authorize.js';
import { chainTag } from '../audit-chain.js';
import type { Actor, Role } from '../context.js';

/** Who may record which event (roles; handlers additionally only on requests of their department). */
export const EVENT_ROLES: Record<RequestEvent['type'], Role[]> = {
  submitted: ['registrar'],
  registered: ['registrar'],
  supplement_requested: ['registrar', 'handler'],
  supplement_received: ['registrar'],
  supplement_expired: ['registrar'],
  assigned: ['registrar'],
  supplement_delivered: ['registrar'],
  reasons_requested: ['registrar', 'handler'],
  reasons_received: ['registrar', 'handler'],
  reasons_expired: ['registrar'],
  delay_set: ['registrar', 'reviewer'],
  consultation_started: ['handler', 'registrar'],
  consultation_delivered: ['handler', 'registrar'],
  // Keeping a consultation open beyond the party's 15 working days needs the office head (Art.33 ¶2).
  consultation_prolonged: ['reviewer'],
  consultation_ended: ['handler', 'registrar'],
  extension_requested: ['handler', 'registrar'],
  extension_approved: ['reviewer'],
  extension_rejected: ['reviewer'],
  fee_notice_issued: ['registrar', 'handler'],
  fee_notice_delivered: ['registrar'],
  fee_paid: ['registrar'],
  fee_waived: ['reviewer'],
  fee_expired: ['registrar'],
  reply_drafted: ['handler', 'registrar'],
  reply_approved: ['reviewer'],
  reply_returned: ['reviewer'],
  secrecy_review_passed: ['secrecy_reviewer'],
  secrecy_review_rejected: ['secrecy_reviewer'],
  replied: ['registrar'],
  delivered: ['registrar'],
  withdrawn: ['registrar'],
  closed: ['registrar'],
};

export interface ClockContext {
  calendar: Calendar;
  settings: Awaited<ReturnType<typeof getDeadlineSettings>>;
}

export async function loadClockContext(db: Executor): Promise<ClockContext> {
  const [calendar, settings] = await Promise.all([loadCalendar(db), getDeadlineSettings(db)]);
  return { calendar, settings };
}

export interface StoredEvent { seq: number; type: string; on: string; payload: unknown; actorName: string | null; at: Date }

export function toCoreEvent(e: { type: string; on: string; payload: unknown }): RequestEvent {
  return { ...(e.payload as object), type: e.type, on: e.on } as RequestEvent;
}

export async function loadEvents(tx: Executor, requestId: number): Promise<StoredEvent[]> {
  return tx.select({ seq: requestEvents.seq, type: requestEvents.type, on: requestEvents.on, payload: requestEvents.payload, actorName: requestEvents.actorName, at: requestEvents.at })
    .from(requestEvents).where(eq(requestEvents.requestId, requestId)).orderBy(asc(requestEvents.seq));
}

/** The cached columns of `requests` derived from a view (one place, so lists and reports cannot drift). */
export function cachedColumns(view: RequestView) {
  return {
    state: view.state,
    regime: view.regime ?? null,
    receivedOn: view.receivedOn ?? null,
    clockStartOn: view.clockStartOn ?? null,
    dueOn: view.deadline?.dueOn ?? null,
    baseDueOn: view.deadline?.baseDueOn ?? null,
    provisional: view.deadline?.provisional ?? false,
    extended: view.extended ?? false,
    outcome: view.outcome ?? view.draft?.outcome ?? null,
    repliedOn: view.repliedOn ?? null,
    deliveredOn: view.deliveredOn ?? null,
    closedOn: view.closedOn ?? null,
    closedOnTime: view.closedOnTime ?? null,
    leadDepartmentId: view.departments?.lead ? Number(view.departments.lead) : null,
    feeNoticeYuan: view.fee?.amountYuan ?? null,
    feeCollectedYuan: view.fee?.status === 'paid' ? view.fee.amountYuan : null,
  };
}

function stripForPayload(event: RequestEvent): Record<string, unknown> {
  const { type: _t, on: _o, ...rest } = event as unknown as Record<string, unknown>;
  return rest;
}

/**
 * Appends events to a request inside the caller's transaction: lock the row, replay the log, apply each event
 * through core (which refuses invalid transitions in Chinese), store the events and refresh the cached columns.
 * Authorization is checked by `recordRequestEvent`; imports and internal flows call this directly as the system.
 */
export async function appendEvents(tx: Executor, requestId: number, events: RequestEvent[], actor: Actor | null, clock: ClockContext): Promise<RequestView> {
  const locked = await tx.execute(sql`SELECT id, event_count FROM requests WHERE id = ${requestId} FOR UPDATE`);
  const lockedRows = (locked as unknown as { rows: { id: number; event_count: number }[] }).rows;
  if (lockedRows.length === 0) throw new DomainError('NOT_FOUND', `申请 ${requestId} 不存在`);
  const stored = await loadEvents(tx, requestId);
  let view: RequestView | null = stored.length ? replayEvents(stored.map(toCoreEvent), clock) : null;
  let seq = stored.length;
  for (const event of events) {
    view = applyEvent(view, event, clock);
    seq++;
    const row = {
      requestId, seq, type: event.type, on: event.on, payload: stripForPayload(event),
      actorId: actor && actor.id > 0 ? actor.id : null, actorName: actor ? actor.displayName : '申请人',
    };
    await tx.insert(requestEvents).values({ ...row, tag: chainTag('request_events', row) });
    if (event.type === 'assigned') {
      const e = event as Extract<RequestEvent, { type: 'assigned' }>;
      const [lead, ...assisting] = await existingDepartments(tx, [
        { value: e.lead, field: 'lead', label: '主办单位' },
        ...e.assisting.map((d) => ({ value: d, field: 'assisting', label: '协办单位' })),
      ]);
      await tx.delete(requestDepartments).where(eq(requestDepartments.requestId, requestId));
      const rows = [{ requestId, departmentId: lead, role: 'lead' }, ...assisting.map((d) => ({ requestId, departmentId: d, role: 'assisting' }))];
      await tx.insert(requestDepartments).values(rows).onConflictDoNothing();
    }
  }
  if (!view) throw new DomainError('VALIDATION', '没有要记录的办理事项');
  await tx.update(requests).set({ ...cachedColumns(view), eventCount: seq, updatedAt: new Date() }).where(eq(requests.id, requestId));
  return view;
}

/**
 * Creates a request row together with its first events in two statements (no lock, nothing to replay): the hot
 * path of online submissions and of imports. `values` are the non-derived columns; the derived ones come from core.
 */
export async function createRequestRecord(tx: Executor, values: Omit<typeof requests.$inferInsert, 'state'>, events: RequestEvent[], actor: Actor | null, clock: ClockContext): Promise<{ id: number; ref: string; view: RequestView }> {
  let view: RequestView | null = null;
  for (const e of events) view = applyEvent(view, e, clock);
  if (!view) throw new DomainError('VALIDATION', '没有要记录的办理事项');
  const [row] = await tx.insert(requests).values({ ...values, ...cachedColumns(view), eventCount: events.length }).returning({ id: requests.id, ref: requests.ref });
  await tx.insert(requestEvents).values(events.map((event, i) => {
    const e = {
      requestId: row.id, seq: i + 1, type: event.type, on: event.on, payload: stripForPayload(event),
      actorId: actor && actor.id > 0 ? actor.id : null, actorName: actor ? actor.displayName : '申请人',
    };
    return { ...e, tag: chainTag('request_events', e) };
  }));
  return { id: row.id, ref: row.ref, view };
}

/** Whether the actor may act on this request as a handler (department scoping). */
export async function isAssignedToActorDepartment(tx: Executor, requestId: number, actor: Actor): Promise<boolean> {
  if (!actor.departmentId) return false;
  const rows = await tx.select({ d: requestDepartments.departmentId }).from(requestDepartments)
    .where(sql`${requestDepartments.requestId} = ${requestId} AND ${requestDepartments.departmentId} = ${actor.departmentId}`);
  return rows.length > 0;
}

/**
 * The departments named in an assignment, as ids of existing departments (one query for all), else a Chinese refusal
 * naming the field of the first that is not a number or does not exist.
 */
async function existingDepartments(tx: Executor, named: { value: unknown; field: string; label: string }[]): Promise<number[]> {
  const problem = (field: string, message: string) => new DomainError('VALIDATION', message, { problems: [{ field, message }] });
  const ids = named.map(({ value, field, label }) => {
    const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,10}$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (!Number.isInteger(id) || id < 1 || id > MAX_DB_ID) throw problem(field, `${label}“${String(value)}”无效：请从承办单位列表中选择`);
    return id;
  });
  const found = new Set((await tx.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids))).map((d) => d.id));
  const missing = named.findIndex((_, i) => !found.has(ids[i]));
  if (missing >= 0) throw problem(named[missing].field, `${named[missing].label}（编号 ${ids[missing]}）不存在：请从承办单位列表中选择`);
  return ids;
}

export async function authorizeEvent(tx: Executor, requestId: number, type: RequestEvent['type'], actor: Actor | null): Promise<Actor> {
  if (!actor) throw new DomainError('UNAUTHORIZED', '请先登录');
  const roles = Object.hasOwn(EVENT_ROLES, type) ? EVENT_ROLES[type] ?? [] : [];
  const officeWide = roles.filter((r) => r !== 'handler');
  if (hasRole(actor, ...officeWide)) return actor;
  if (roles.includes('handler') && hasRole(actor, 'handler')) {
    if (await isAssignedToActorDepartment(tx, requestId, actor)) return actor;
    throw new DomainError('FORBIDDEN', '该申请未分派给您所在的承办单位，不能办理');
  }
  throw new DomainError('FORBIDDEN', '当前账号没有执行此操作的权限');
}

