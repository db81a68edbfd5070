import { and, eq, inArray, sql } from 'drizzle-orm';
import { attachments, catalogueCategories, docNumberSequences, publicationEvents, publications } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { DomainError } from '../../core/errors.js';
import { isIsoDate, type IsoDate } from '../../core/types.js';
import { formatIndexNo } from '../../core/publications/index-number.js';
import { canPublishInterpretation, checkInterpretationSync } from '../../core/publications/sync-rule.js';
import {
  nextPublicationState, PUBLICATION_EVENT_TYPES, VALIDITY_VALUES,
  type NormativeKind, type PublicationEventType, type PublicationState, type Validity,
} from '../../core/publications/workflow.js';
import { appendAudit } from '../audit.js';
import { requireRole } from '../authorize.js';
import type { Actor, ServiceContext } from '../context.js';
import { appendPublicationEvent } from './create-publication.js';
import { getPublicationSettings } from './settings.js';
import { invalidatePublicCache } from './public-cache.js';

export interface PublicationEventInput {
  type: PublicationEventType;
  reason?: string | null;
  /** Reviewer's reason for publishing a 行政规范性文件 without interpretation (三同步 exception). */
  syncWaiverReason?: string | null;
  validity?: Validity;
  validityChangedOn?: IsoDate | null;
}

type Row = typeof publications.$inferSelect;

/** Everyone who created, edited or reopened the item (Art.17: they may not review it). */
export async function loadAuthorIds(tx: Executor, row: Pick<Row, 'id' | 'createdBy'>): Promise<number[]> {
  const evs = await tx.select({ actorId: publicationEvents.actorId }).from(publicationEvents)
    .where(and(eq(publicationEvents.publicationId, row.id), inArray(publicationEvents.type, ['created', 'edited', 'reopened'])));
  const ids = new Set<number>(evs.map((e) => e.actorId).filter((x): x is number => x !== null));
  if (row.createdBy !== null) ids.add(row.createdBy);
  return [...ids];
}

/** Next 索引号 for agency + category + year: a sequence that is never reused, skipping numbers already taken by imports. */
export async function nextIndexNo(tx: Executor, agencyCode: string, categoryCode: string, year: number): Promise<string> {
  const prefix = `idx:${agencyCode}/${categoryCode}`;
  for (;;) {
    const [seq] = await tx.insert(docNumberSequences).values({ prefix, year, last: 1 })
      .onConflictDoUpdate({ target: [docNumberSequences.prefix, docNumberSequences.year], set: { last: sql`${docNumberSequences.last} + 1` } })
      .returning({ last: docNumberSequences.last });
    const indexNo = formatIndexNo({ agencyCode, categoryCode, year, sequence: seq.last });
    const [taken] = await tx.select({ id: publications.id }).from(publications).where(eq(publications.indexNo, indexNo));
    if (!taken) return indexNo;
  }
}

async function assertReadyForReview(tx: Executor, row: Row): Promise<void> {
  const problems: string[] = [];
  if (!row.title.trim()) problems.push('标题');
  if (row.categoryId === null) problems.push('公开目录');
  if (!row.bodyText.trim()) {
    const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(attachments).where(eq(attachments.publicationId, row.id));
    if (n === 0) problems.push('正文或附件');
  }
  if (problems.length) throw new DomainError('VALIDATION', `提交保密审查前请补全：${problems.join('、')}`, { problems: problems.map((p) => ({ field: p, message: '必填' })) });
}

/** Where the office sets the code (staff workbench: 主动公开 → 公开目录 → 索引号机关代码). */
export const AGENCY_CODE_MISSING = '尚未设置索引号机关代码，不能生成索引号，暂不能发布：请发布员在“主动公开 → 公开目录”页的“索引号机关代码”中填写本机关的组织机构代码（9位）或统一社会信用代码（18位）后再发布';

async function publishRow(tx: Executor, ctx: ServiceContext, actor: Actor, row: Row, together: number | null): Promise<void> {
  let indexNo = row.indexNo;
  if (!indexNo) {
    const settings = await getPublicationSettings(tx);
    if (!settings.agencyCode) throw new DomainError('VALIDATION', AGENCY_CODE_MISSING, { problems: [{ field: 'agencyCode', message: AGENCY_CODE_MISSING }] });
    const [cat] = await tx.select({ code: catalogueCategories.code }).from(catalogueCategories).where(eq(catalogueCategories.id, row.categoryId!));
    indexNo = await nextIndexNo(tx, settings.agencyCode, cat.code, Number(ctx.today.slice(0, 4)));
  }
  await tx.update(publications).set({ state: 'published', indexNo, publishedOn: ctx.today, withdrawnOn: null, updatedAt: new Date() }).where(eq(publications.id, row.id));
  await appendPublicationEvent(tx, row.id, 'published', ctx.today, { indexNo, ...(together !== null && { togetherWith: together }) }, actor);
  await appendAudit(tx, actor, { action: 'publication.published', targetType: 'publication', targetId: row.id, detail: { indexNo, title: row.title, ...(together !== null && { togetherWith: together }) } }, ctx.ip ?? null, ctx.now);
}

/**
 * Use case: one step of the review workflow (条例 Art.17 先审查后公开; core/publications/workflow.ts). Publishing
 * enforces 三同步 (approved interpretations go out in the same transaction), assigns the 索引号 and sets the
 * publication date; every step is an event in the append-only log and an audit entry.
 */
export async function recordPublicationEvent(ctx: ServiceContext, id: number, input: PublicationEventInput): Promise<void> {
  await recordEvent(ctx, id, input);
  if (input.type === 'published' || input.type === 'withdrawn' || input.type === 'validity_changed') invalidatePublicCache();
}

async function recordEvent(ctx: ServiceContext, id: number, input: PublicationEventInput): Promise<void> {
  const actor = requireRole(ctx.actor, 'publisher', 'secrecy_reviewer', 'reviewer');
  if (!PUBLICATION_EVENT_TYPES.includes(input.type) || input.type === 'created' || input.type === 'edited' || input.type === 'imported') {
    throw new DomainError('VALIDATION', `未知或不能直接办理的操作“${input.type}”`);
  }
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(publications).where(eq(publications.id, id)).for('update');
    if (!row) throw new DomainError('NOT_FOUND', `主动公开信息 ${id} 不存在`);
    const authorIds = await loadAuthorIds(tx, row);
    const to = nextPublicationState({ state: row.state as PublicationState, event: input.type, actorId: actor.id, actorRoles: actor.roles, authorIds, reason: input.reason });
    const reason = input.reason?.trim() || undefined;
    const payload: Record<string, unknown> = { from: row.state, to, ...(reason && { reason }) };

    switch (input.type) {
      case 'submitted':
        await assertReadyForReview(tx, row);
        break;
      case 'review_passed':
      case 'approved':
        if (input.syncWaiverReason?.trim()) {
          payload.syncWaiverReason = input.syncWaiverReason.trim();
          await tx.update(publications).set({ syncWaiverReason: input.syncWaiverReason.trim() }).where(eq(publications.id, id));
        }
        break;
      case 'published': {
        if (row.interpretsId !== null) {
          const [doc] = await tx.select({ state: publications.state, title: publications.title }).from(publications).where(eq(publications.id, row.interpretsId));
          if (doc && !canPublishInterpretation(doc.state as PublicationState)) {
            throw new DomainError('INVALID_TRANSITION', `政策解读须与所解读的文件《${doc.title}》同步发布：请在该文件通过审核后发布文件，本解读将随文件一并发布（三同步）`);
          }
        }
        const interps = await tx.select().from(publications).where(eq(publications.interpretsId, id)).for('update');
        const sync = checkInterpretationSync({ normativeKind: row.normativeKind as NormativeKind | null, waiverReason: row.syncWaiverReason, interpretationStates: interps.map((i) => i.state as PublicationState) });
        if (!sync.ok) throw new DomainError('INVALID_TRANSITION', sync.message);
        await publishRow(tx, ctx, actor, row, null);
        for (const i of interps.filter((x) => x.state === 'approved')) await publishRow(tx, ctx, actor, i, id);
        await tx.update(publications).set({ state: to }).where(eq(publications.id, id));
        return;
      }
      case 'withdrawn':
        await tx.update(publications).set({ withdrawnOn: ctx.today }).where(eq(publications.id, id));
        break;
      case 'validity_changed': {
        if (!input.validity || !VALIDITY_VALUES.includes(input.validity)) throw new DomainError('VALIDATION', '请选择效力状态：有效、废止或失效');
        const on = input.validity === 'effective' ? null : input.validityChangedOn ?? ctx.today;
        if (on !== null && (!isIsoDate(on) || on > ctx.today)) throw new DomainError('VALIDATION', `废止/失效日期“${on}”无效或晚于今天`);
        if (on !== null && row.publishedOn && on < row.publishedOn) throw new DomainError('VALIDATION', `废止/失效日期 ${on} 早于发布日期 ${row.publishedOn}，请核对`);
        await tx.update(publications).set({ validity: input.validity, validityChangedOn: on }).where(eq(publications.id, id));
        Object.assign(payload, { validity: input.validity, validityChangedOn: on });
        break;
      }
      default:
        break;
    }
    await tx.update(publications).set({ state: to, updatedAt: new Date() }).where(eq(publications.id, id));
    await appendPublicationEvent(tx, id, input.type, ctx.today, payload, actor);
    await appendAudit(tx, actor, { action: `publication.${input.type}`, targetType: 'publication', targetId: id, detail: { title: row.title, ...payload } }, ctx.ip ?? null, ctx.now);
  });
}

