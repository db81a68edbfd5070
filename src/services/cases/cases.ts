/**
 * Use cases of 行政复议 / 行政诉讼 cases about 政府信息公开 work (条例 Art.51; DESIGN.md "Cases ledger"): create,
 * update, list, link to a request by its 受理编号. The report counts them in the year they were received
 * (core/reports/cases.ts maps results to the report rows).
 */
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { cases, requests } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { DomainError } from '../../core/errors.js';
import { isIsoDate, type IsoDate } from '../../core/types.js';
import {
  CASE_KIND_LABELS, CASE_KINDS, CASE_RESULT_LABELS, CASE_ROUTE_LABELS, CASE_ROUTES, isCaseResult, reviewCategory,
  unknownCaseResultMessage, type CaseKind, type CaseResult, type CaseRoute,
} from '../../core/reports/cases.js';
import { REVIEW_CELL_LABELS } from '../../core/reports/formats.js';
import { appendAudit } from '../audit.js';
import { requireRole } from '../authorize.js';
import type { Role, ServiceContext } from '../context.js';

/** Who may read cases, and who may record them. */
export const CASE_READ_ROLES: Role[] = ['registrar', 'handler', 'reviewer', 'secrecy_reviewer', 'admin', 'auditor'];
export const CASE_WRITE_ROLES: Role[] = ['registrar', 'reviewer', 'admin'];

export interface CaseInput {
  ref: string;
  kind: CaseKind;
  route?: CaseRoute | null;
  /** 关联受理编号: links the case to that request. */
  requestRef?: string | null;
  receivedOn: IsoDate;
  closedOn?: IsoDate | null;
  result?: CaseResult | null;
  note?: string | null;
}

export interface CaseProblem { field: keyof CaseInput; message: string }

/**
 * Checks a case (API input or a ledger row) and returns every problem in Chinese: 案件编号 and 收到日期 required,
 * 起诉类型 only for 行政诉讼, dates real and in order and not after `today`, 结果 required once 结案日期 is set.
 */
export function checkCase(input: Partial<CaseInput>, today: IsoDate): CaseProblem[] {
  const p: CaseProblem[] = [];
  if (!input.ref || !input.ref.trim()) p.push({ field: 'ref', message: '请填写案件编号' });
  else if (input.ref.trim().length > 100) p.push({ field: 'ref', message: '案件编号过长（最多100字）' });
  if (!input.kind || !(CASE_KINDS as readonly string[]).includes(input.kind)) p.push({ field: 'kind', message: `案件类型应为：${Object.values(CASE_KIND_LABELS).join('、')}` });
  if (input.route != null) {
    if (!(CASE_ROUTES as readonly string[]).includes(input.route)) p.push({ field: 'route', message: `起诉类型应为：${Object.values(CASE_ROUTE_LABELS).join('、')}` });
    else if (input.kind === 'reconsideration') p.push({ field: 'route', message: '起诉类型只适用于行政诉讼，行政复议案件请留空' });
  }
  if (input.result != null && !isCaseResult(input.result)) p.push({ field: 'result', message: unknownCaseResultMessage(input.result) });
  const receivedOk = isIsoDate(input.receivedOn);
  if (!input.receivedOn) p.push({ field: 'receivedOn', message: '请填写收到日期' });
  else if (!receivedOk) p.push({ field: 'receivedOn', message: '收到日期不是有效日期（YYYY-MM-DD）' });
  else if (input.receivedOn > today) p.push({ field: 'receivedOn', message: `收到日期晚于今天（${today}），请核对` });
  if (input.closedOn != null) {
    if (!isIsoDate(input.closedOn)) p.push({ field: 'closedOn', message: '结案日期不是有效日期（YYYY-MM-DD）' });
    else if (input.closedOn > today) p.push({ field: 'closedOn', message: `结案日期晚于今天（${today}），请核对` });
    else if (receivedOk && input.closedOn < (input.receivedOn as string)) p.push({ field: 'closedOn', message: `结案日期早于收到日期（${input.receivedOn}），请核对` });
    if (input.result == null) p.push({ field: 'result', message: '已填写结案日期，须填写结果' });
  }
  if (input.note != null && input.note.length > 2000) p.push({ field: 'note', message: '备注不能超过2000字' });
  return p;
}

/** The API view of a case (field whitelist), with the labels and the report cell it currently falls into. */
export function presentCase(c: typeof cases.$inferSelect) {
  const kind = c.kind as CaseKind;
  // A stored value that is not a code (only possible by writing to the database directly) is shown, not counted.
  const result = (c.result ?? null) as CaseResult | null;
  const known = result === null || isCaseResult(result);
  const category = known ? reviewCategory(result, c.closedOn !== null) : null;
  return {
    id: c.id,
    ref: c.ref,
    kind,
    kindLabel: CASE_KIND_LABELS[kind] ?? c.kind,
    route: (c.route ?? null) as CaseRoute | null,
    routeLabel: c.route ? CASE_ROUTE_LABELS[c.route as CaseRoute] ?? c.route : null,
    requestId: c.requestId,
    requestRef: c.requestRef,
    receivedOn: c.receivedOn,
    closedOn: c.closedOn,
    result,
    resultLabel: result ? CASE_RESULT_LABELS[result] ?? `无法识别的结果“${result}”` : null,
    /** gov-2021 part 四 cell (结果维持 / 结果纠正 / 其他结果 / 尚未审结); null when the stored result is not a code. */
    reportCell: category,
    reportCellLabel: category ? REVIEW_CELL_LABELS[category] : '结果无法识别，未计入报告',
    note: c.note,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
export type CaseView = ReturnType<typeof presentCase>;

/** Request ids by 受理编号 (for linking). */
export async function requestIdsByRef(db: Executor, refs: readonly string[]): Promise<Map<string, number>> {
  const list = [...new Set(refs.filter(Boolean))];
  if (list.length === 0) return new Map();
  const rows = await db.select({ id: requests.id, ref: requests.ref }).from(requests).where(inArray(requests.ref, list));
  return new Map(rows.map((r) => [r.ref, r.id]));
}

function assertCase(input: Partial<CaseInput>, today: IsoDate): void {
  const problems = checkCase(input, today);
  if (problems.length > 0) throw new DomainError('VALIDATION', problems.map((x) => x.message).join('；'), { problems });
}

async function linkedRequest(tx: Executor, requestRef: string | null | undefined): Promise<number | null> {
  if (!requestRef || !requestRef.trim()) return null;
  const ids = await requestIdsByRef(tx, [requestRef.trim()]);
  const id = ids.get(requestRef.trim());
  if (id === undefined) {
    throw new DomainError('VALIDATION', `没有受理编号为“${requestRef.trim()}”的申请，请核对；如该申请不在本系统中，请将关联受理编号留空并在备注中注明`, { problems: [{ field: 'requestRef', message: '受理编号不存在' }] });
  }
  return id;
}

const clean = (s: string | null | undefined) => (s == null || s.trim() === '' ? null : s.trim());

/** Use case: record a new case. 案件编号 must be unique. */
export async function createCase(ctx: ServiceContext, input: CaseInput): Promise<CaseView> {
  const actor = requireRole(ctx.actor, ...CASE_WRITE_ROLES);
  assertCase(input, ctx.today);
  return ctx.db.transaction(async (tx) => {
    const ref = input.ref.trim();
    const [dup] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.ref, ref));
    if (dup) throw new DomainError('CONFLICT', `案件编号“${ref}”已存在，请核对或修改原案件`, { id: dup.id });
    const requestId = await linkedRequest(tx, input.requestRef);
    const [row] = await tx.insert(cases).values({
      ref, kind: input.kind, route: input.kind === 'litigation' ? input.route ?? null : null, requestId, requestRef: clean(input.requestRef),
      receivedOn: input.receivedOn, closedOn: input.closedOn ?? null, result: input.result ?? null, note: clean(input.note),
    }).returning();
    await appendAudit(tx, actor, { action: 'case.created', targetType: 'case', targetId: row.id, detail: { ref, kind: input.kind, receivedOn: input.receivedOn } }, ctx.ip ?? null, ctx.now);
    return presentCase(row);
  });
}

/** Use case: correct or conclude a case (any field; the merged case is checked as a whole). */
export async function updateCase(ctx: ServiceContext, id: number, patch: Partial<CaseInput>): Promise<CaseView> {
  const actor = requireRole(ctx.actor, ...CASE_WRITE_ROLES);
  return ctx.db.transaction(async (tx) => {
    const [old] = await tx.select().from(cases).where(eq(cases.id, id)).for('update');
    if (!old) throw new DomainError('NOT_FOUND', `案件 ${id} 不存在`);
    const merged: CaseInput = {
      ref: patch.ref ?? old.ref, kind: (patch.kind ?? old.kind) as CaseKind,
      route: patch.route !== undefined ? patch.route : (old.route as CaseRoute | null),
      requestRef: patch.requestRef !== undefined ? patch.requestRef : old.requestRef,
      receivedOn: patch.receivedOn ?? old.receivedOn, closedOn: patch.closedOn !== undefined ? patch.closedOn : old.closedOn,
      result: patch.result !== undefined ? patch.result : (old.result as CaseResult | null),
      note: patch.note !== undefined ? patch.note : old.note,
    };
    if (merged.kind === 'reconsideration' && patch.route === undefined) merged.route = null;
    assertCase(merged, ctx.today);
    const ref = merged.ref.trim();
    if (ref !== old.ref) {
      const [dup] = await tx.select({ id: cases.id }).from(cases).where(eq(cases.ref, ref));
      if (dup) throw new DomainError('CONFLICT', `案件编号“${ref}”已存在`, { id: dup.id });
    }
    const requestId = merged.requestRef === old.requestRef ? old.requestId : await linkedRequest(tx, merged.requestRef);
    const [row] = await tx.update(cases).set({
      ref, kind: merged.kind, route: merged.route ?? null, requestId, requestRef: clean(merged.requestRef), receivedOn: merged.receivedOn,
      closedOn: merged.closedOn ?? null, result: merged.result ?? null, note: clean(merged.note), updatedAt: new Date(),
    }).where(eq(cases.id, id)).returning();
    const changed = Object.fromEntries(Object.entries(patch).filter(([k, v]) => v !== (old as Record<string, unknown>)[k]));
    await appendAudit(tx, actor, { action: 'case.updated', targetType: 'case', targetId: id, detail: { ref, changed } }, ctx.ip ?? null, ctx.now);
    return presentCase(row);
  });
}

export interface ListCasesQuery {
  /** Cases received in this year (the year they count in). */
  year?: number;
  kind?: CaseKind;
  /** open = not concluded (no 结案日期). */
  status?: 'open' | 'closed';
  requestRef?: string;
  page?: number;
  pageSize?: number;
}

export async function listCases(ctx: ServiceContext, q: ListCasesQuery = {}) {
  requireRole(ctx.actor, ...CASE_READ_ROLES);
  const where: SQL[] = [];
  if (q.year) where.push(gte(cases.receivedOn, `${q.year}-01-01`), lte(cases.receivedOn, `${q.year}-12-31`));
  if (q.kind) where.push(eq(cases.kind, q.kind));
  if (q.status === 'open') where.push(sql`${cases.closedOn} IS NULL`);
  if (q.status === 'closed') where.push(sql`${cases.closedOn} IS NOT NULL`);
  if (q.requestRef) where.push(eq(cases.requestRef, q.requestRef));
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  const cond = where.length ? and(...where) : undefined;
  const [items, [{ total }]] = await Promise.all([
    ctx.db.select().from(cases).where(cond).orderBy(desc(cases.receivedOn), asc(cases.ref)).limit(pageSize).offset((page - 1) * pageSize),
    ctx.db.select({ total: sql<number>`count(*)::int` }).from(cases).where(cond),
  ]);
  return { total, page, pageSize, items: items.map(presentCase) };
}

export async function getCase(ctx: ServiceContext, id: number): Promise<CaseView> {
  requireRole(ctx.actor, ...CASE_READ_ROLES);
  const [row] = await ctx.db.select().from(cases).where(eq(cases.id, id));
  if (!row) throw new DomainError('NOT_FOUND', `案件 ${id} 不存在`);
  return presentCase(row);
}
