import { and, desc, eq, gte, inArray, isNotNull, lte } from 'drizzle-orm';
import { applicants, publicationSuggestions, requests } from '../../db/schema/index.js';
import { DomainError } from '../../core/errors.js';
import { isIsoDate, type IsoDate } from '../../core/types.js';
import { addCalendarDays } from '../../core/calendar/working-days.js';
import { clusterKey, clusterRequests, suggestTitle, type RequestForClustering } from '../../core/publications/clustering.js';
import { OUTCOME_LABELS, type Outcome } from '../../core/requests/outcomes.js';
import { appendAudit } from '../audit.js';
import { requireRole } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { insertPublicationDraft } from './create-publication.js';
import { segmentForSearch } from './segmenter.js';

/** Outcomes by which the information was given out (so it "属于可以公开的", Art.44). 已主动公开 is already public. */
const DISCLOSED_OUTCOMES: readonly string[] = ['disclosed', 'partly_disclosed'];
const MAX_REQUESTS = 20_000;

export interface SuggestionOptions { from?: IsoDate; to?: IsoDate; minApplicants?: number; threshold?: number }

/**
 * Use case: 条例 Art.44 suggestions — groups of requests in the period (default: the last 365 days) by several distinct
 * applicants for the same information, at least one answered with disclosure, not yet drafted or dismissed. Most
 * applicants first.
 */
export async function listSuggestions(ctx: ServiceContext, opts: SuggestionOptions = {}) {
  requireRole(ctx.actor, 'publisher', 'reviewer', 'secrecy_reviewer', 'registrar', 'auditor');
  const to = opts.to ?? ctx.today;
  if (!isIsoDate(to)) throw new DomainError('VALIDATION', `统计截止日期 ${to} 无效`);
  const from = opts.from ?? addCalendarDays(to, -365);
  if (!isIsoDate(from) || from > to) throw new DomainError('VALIDATION', `统计期间 ${from} 至 ${to} 无效`);
  const rows = await ctx.db.select({
    id: requests.id, ref: requests.ref, description: requests.description, receivedOn: requests.receivedOn, outcome: requests.outcome, repliedOn: requests.repliedOn,
    applicantName: requests.applicantName, idHash: applicants.idNumberHash,
  }).from(requests).leftJoin(applicants, eq(applicants.id, requests.applicantId))
    .where(and(isNotNull(requests.receivedOn), gte(requests.receivedOn, from), lte(requests.receivedOn, to)))
    .orderBy(desc(requests.receivedOn)).limit(MAX_REQUESTS);
  const decided = await ctx.db.select({ requestIds: publicationSuggestions.requestIds }).from(publicationSuggestions);
  const decidedIds = new Set(decided.flatMap((d) => d.requestIds));
  const items = rows.map(forClustering);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const clusters = clusterRequests(items, { minApplicants: opts.minApplicants ?? 2, threshold: opts.threshold ?? 0.5 })
    .filter((c) => !c.requestIds.every((id) => decidedIds.has(id)));
  return {
    from, to,
    suggestions: clusters.slice(0, 100).map((c) => ({
      key: clusterKey(c.requestIds),
      requestIds: c.requestIds,
      applicantCount: c.applicantCount,
      disclosedCount: c.disclosedCount,
      topTerms: c.topTerms,
      suggestedTitle: suggestTitle(byId.get(c.representativeId)!.description),
      firstReceivedOn: c.firstReceivedOn,
      lastReceivedOn: c.lastReceivedOn,
      requests: c.requestIds.map((id) => {
        const r = byId.get(id)!;
        return { id, ref: r.ref, description: r.description, receivedOn: r.receivedOn, outcome: r.repliedOn ? r.outcome : null, outcomeLabel: r.repliedOn && r.outcome ? OUTCOME_LABELS[r.outcome as Outcome] ?? r.outcome : '办理中' };
      }),
    })),
  };
}

/**
 * The requests of a suggestion the publisher acts on, checked again on the server: they must still form one Art.44
 * group (several applicants, the same information, at least one disclosed) — otherwise any list of request ids would
 * turn other requests' descriptions into a draft's title and summary.
 */
async function loadGroup(ctx: ServiceContext, requestIds: number[]) {
  const ids = [...new Set(requestIds)];
  if (ids.length < 2) throw new DomainError('VALIDATION', '请选择同一信息的至少两件申请（条例第四十四条：多个申请人就相同政府信息提出申请）');
  if (ids.length > 500) throw new DomainError('VALIDATION', '一组申请最多 500 件');
  const rows = await ctx.db.select({
    id: requests.id, ref: requests.ref, description: requests.description, receivedOn: requests.receivedOn, outcome: requests.outcome, repliedOn: requests.repliedOn,
    applicantName: requests.applicantName, idHash: applicants.idNumberHash,
  }).from(requests).leftJoin(applicants, eq(applicants.id, requests.applicantId)).where(inArray(requests.id, ids));
  if (rows.length !== ids.length) {
    const missing = ids.filter((id) => !rows.some((r) => r.id === id));
    throw new DomainError('NOT_FOUND', `申请 ${missing.join('、')} 不存在`);
  }
  const clusters = clusterRequests(rows.map(forClustering), { minApplicants: 2, threshold: 0.5 });
  if (clusters.length !== 1 || clusters[0].requestIds.length !== ids.length) {
    throw new DomainError('VALIDATION', '所选申请不构成条例第四十四条的建议：须为多个申请人就相同政府信息提出、且至少一件已予公开的申请；请从“转主动公开建议”列表中选择');
  }
  return rows.sort((a, b) => a.id - b.id);
}

type RowForClustering = { id: number; description: string; receivedOn: string | null; outcome: string | null; repliedOn: string | null; applicantName: string; idHash: string | null };
function forClustering(r: RowForClustering): RequestForClustering {
  return {
    id: r.id,
    applicantKey: r.idHash ?? `name:${r.applicantName.trim()}`,
    tokens: segmentForSearch(r.description),
    disclosed: r.repliedOn !== null && DISCLOSED_OUTCOMES.includes(r.outcome ?? ''),
    receivedOn: r.receivedOn,
    description: r.description,
  };
}

/**
 * Use case: one click turns a suggestion into a draft publication (the publisher completes body and attachments, then it
 * goes through secrecy review like any draft). The group is remembered so it is not suggested again.
 */
export async function draftFromSuggestion(ctx: ServiceContext, input: { requestIds: number[]; title?: string; categoryId?: number | null }): Promise<{ id: number }> {
  const actor = requireRole(ctx.actor, 'publisher');
  const group = await loadGroup(ctx, input.requestIds);
  const key = clusterKey(group.map((g) => g.id));
  const title = input.title?.trim() || suggestTitle(group[0].description);
  const summary = `依申请公开转为主动公开（条例第四十四条）：${group.length} 件申请就相同政府信息提出申请（受理编号 ${group.map((g) => g.ref).join('、')}）。`;
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(publicationSuggestions).where(eq(publicationSuggestions.clusterKey, key));
    if (existing) throw new DomainError('CONFLICT', existing.status === 'drafted' ? `这组申请已生成过主动公开草稿（编号 ${existing.publicationId}）` : '这组申请的建议已被标记为不予采纳');
    const created = await insertPublicationDraft(tx, ctx, actor, { title, summary, categoryId: input.categoryId ?? null }, { source: 'suggestion', sourceRequestIds: group.map((g) => g.id) });
    await tx.insert(publicationSuggestions).values({ clusterKey: key, requestIds: group.map((g) => g.id), status: 'drafted', publicationId: created.id, createdBy: actor.id > 0 ? actor.id : null });
    await appendAudit(tx, actor, { action: 'publication.suggestion_drafted', targetType: 'publication', targetId: created.id, detail: { requestIds: group.map((g) => g.id) } }, ctx.ip ?? null, ctx.now);
    return created;
  });
}

/** Use case: the publisher records why a suggestion is not taken up (e.g. 涉及个人信息、仅与申请人自身相关). */
export async function dismissSuggestion(ctx: ServiceContext, input: { requestIds: number[]; reason: string }): Promise<void> {
  const actor = requireRole(ctx.actor, 'publisher');
  if (!input.reason?.trim()) throw new DomainError('VALIDATION', '请填写不予采纳的理由', { problems: [{ field: 'reason', message: '理由不能为空' }] });
  const group = await loadGroup(ctx, input.requestIds);
  const key = clusterKey(group.map((g) => g.id));
  await ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: publicationSuggestions.id }).from(publicationSuggestions).where(eq(publicationSuggestions.clusterKey, key));
    if (existing) throw new DomainError('CONFLICT', '这组申请的建议已处理过');
    await tx.insert(publicationSuggestions).values({ clusterKey: key, requestIds: group.map((g) => g.id), status: 'dismissed', reason: input.reason.trim(), createdBy: actor.id > 0 ? actor.id : null });
    await appendAudit(tx, actor, { action: 'publication.suggestion_dismissed', targetType: 'suggestion', targetId: key, detail: { requestIds: group.map((g) => g.id), reason: input.reason.trim() } }, ctx.ip ?? null, ctx.now);
  });
}
