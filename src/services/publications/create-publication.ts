import { and, eq, ne, sql } from 'drizzle-orm';
import { catalogueCategories, departments, publicationEvents, publications } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { DomainError } from '../../core/errors.js';
import { isIsoDate, type IsoDate } from '../../core/types.js';
import { isAcceptableIndexNo } from '../../core/publications/index-number.js';
import { htmlToText, looksLikeHtml, sanitizeBodyHtml, textToHtml } from '../../core/publications/search-text.js';
import { NORMATIVE_KINDS, PUBLICATION_CHANNELS, type NormativeKind, type PublicationChannel, type PublicationEventType } from '../../core/publications/workflow.js';
import { appendAudit } from '../audit.js';
import { requireRole } from '../authorize.js';
import type { Actor, ServiceContext } from '../context.js';
import { segmentForIndex } from './segmenter.js';
import { getPublicationSettings } from './settings.js';

export interface PublicationInput {
  title: string;
  docNumber?: string | null;
  issuer?: string | null;
  writtenOn?: IsoDate | null;
  /** Date the information was formed or changed (Art.26); defaults to 成文日期, else today. */
  formedOn?: IsoDate | null;
  categoryId?: number | null;
  topic?: string | null;
  summary?: string | null;
  /** Rich text (sanitised) or plain text (turned into paragraphs). */
  body?: string | null;
  normativeKind?: NormativeKind | null;
  channels?: PublicationChannel[];
  interpretsId?: number | null;
  departmentId?: number | null;
  disclosureMode?: string | null;
  /** A 索引号 chosen by hand (otherwise assigned on publication). */
  indexNo?: string | null;
}

type Problem = { field: string; message: string };

function validate(input: Partial<PublicationInput>, today: IsoDate, creating: boolean): Problem[] {
  const p: Problem[] = [];
  if (creating || input.title !== undefined) {
    const t = input.title?.trim() ?? '';
    if (!t) p.push({ field: 'title', message: '请填写标题' });
    else if (t.length > 300) p.push({ field: 'title', message: '标题不能超过300字' });
  }
  for (const [field, label] of [['writtenOn', '成文日期'], ['formedOn', '形成或变更日期']] as const) {
    const d = input[field];
    if (d === undefined || d === null) continue;
    if (!isIsoDate(d)) p.push({ field, message: `${label}“${d}”不是有效日期（YYYY-MM-DD）` });
    else if (d > today) p.push({ field, message: `${label} ${d} 晚于今天，请核对` });
  }
  if (input.normativeKind !== undefined && input.normativeKind !== null && !NORMATIVE_KINDS.includes(input.normativeKind)) p.push({ field: 'normativeKind', message: '文件类型应为规章或行政规范性文件' });
  if (input.channels !== undefined) {
    if (!input.channels.length) p.push({ field: 'channels', message: '请至少选择一个发布渠道' });
    for (const c of input.channels) if (!PUBLICATION_CHANNELS.includes(c)) p.push({ field: 'channels', message: `未知的发布渠道“${c}”` });
  }
  if (input.indexNo !== undefined && input.indexNo !== null && input.indexNo !== '' && !isAcceptableIndexNo(input.indexNo)) p.push({ field: 'indexNo', message: '索引号只能由英文字母、数字和 / - _ . 组成（不超过80个字符）' });
  if (input.summary && input.summary.length > 2000) p.push({ field: 'summary', message: '内容概述不能超过2000字' });
  if (input.docNumber && input.docNumber.length > 100) p.push({ field: 'docNumber', message: '文号不能超过100字' });
  return p;
}

/** Body columns from what the user typed: sanitised HTML, its plain text, and the segmented search columns. */
export function bodyColumns(title: string, body: string) {
  const bodyHtml = looksLikeHtml(body) ? sanitizeBodyHtml(body) : textToHtml(body);
  const bodyText = htmlToText(bodyHtml);
  return { bodyHtml, bodyText, searchTitle: segmentForIndex(title), searchText: segmentForIndex(title, bodyText) };
}

async function assertReferences(tx: Executor, input: Partial<PublicationInput>, selfId?: number): Promise<void> {
  if (input.categoryId !== undefined && input.categoryId !== null) {
    const [c] = await tx.select({ id: catalogueCategories.id, name: catalogueCategories.name }).from(catalogueCategories).where(eq(catalogueCategories.id, input.categoryId));
    if (!c) throw new DomainError('VALIDATION', `公开目录 ${input.categoryId} 不存在，请重新选择`, { problems: [{ field: 'categoryId', message: '目录不存在' }] });
    // An item is filed under the last level of the 目录 (e.g. 法定主动公开内容 › 规章和规范性文件 › 行政规范性文件), not a heading.
    const [child] = await tx.select({ name: catalogueCategories.name }).from(catalogueCategories).where(and(eq(catalogueCategories.parentId, c.id), eq(catalogueCategories.active, true))).limit(1);
    if (child) throw new DomainError('VALIDATION', `“${c.name}”下还有下级目录（如“${child.name}”），请选择到最末一级目录`, { problems: [{ field: 'categoryId', message: '请选择到最末一级目录' }] });
  }
  if (input.departmentId !== undefined && input.departmentId !== null) {
    const [d] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, input.departmentId));
    if (!d) throw new DomainError('VALIDATION', `承办单位 ${input.departmentId} 不存在`, { problems: [{ field: 'departmentId', message: '单位不存在' }] });
  }
  if (input.interpretsId !== undefined && input.interpretsId !== null) {
    if (input.interpretsId === selfId) throw new DomainError('VALIDATION', '政策解读不能关联其自身');
    const [doc] = await tx.select({ id: publications.id, interpretsId: publications.interpretsId }).from(publications).where(eq(publications.id, input.interpretsId));
    if (!doc) throw new DomainError('VALIDATION', `所解读的文件 ${input.interpretsId} 不存在`, { problems: [{ field: 'interpretsId', message: '文件不存在' }] });
    if (doc.interpretsId !== null) throw new DomainError('VALIDATION', '所选文件本身是一篇政策解读，请关联被解读的政策文件');
  }
  if (input.indexNo) {
    const cond = selfId === undefined ? eq(publications.indexNo, input.indexNo) : and(eq(publications.indexNo, input.indexNo), ne(publications.id, selfId));
    const [dup] = await tx.select({ id: publications.id }).from(publications).where(cond);
    if (dup) throw new DomainError('CONFLICT', `索引号 ${input.indexNo} 已被使用`);
  }
}

/** Appends one workflow event (append-only log) and bumps the cached event count. */
export async function appendPublicationEvent(tx: Executor, publicationId: number, type: PublicationEventType, on: IsoDate, payload: Record<string, unknown>, actor: Actor | null): Promise<number> {
  const [row] = await tx.update(publications).set({ eventCount: sql`${publications.eventCount} + 1`, updatedAt: new Date() }).where(eq(publications.id, publicationId)).returning({ seq: publications.eventCount });
  await tx.insert(publicationEvents).values({
    publicationId, seq: row.seq, type, on, payload,
    actorId: actor && actor.id > 0 ? actor.id : null, actorName: actor ? actor.displayName : '系统',
  });
  return row.seq;
}

/** Inserts a draft inside the caller's transaction (validation included): shared by the workbench and Art.44 drafts. */
export async function insertPublicationDraft(tx: Executor, ctx: ServiceContext, actor: Actor, input: PublicationInput, extra: { source?: string; sourceRequestIds?: number[] } = {}): Promise<{ id: number }> {
  const problems = validate(input, ctx.today, true);
  if (problems.length) throw new DomainError('VALIDATION', problems.map((x) => x.message).join('；'), { problems });
  await assertReferences(tx, input);
  const settings = await getPublicationSettings(tx);
  const title = input.title.trim();
  const [row] = await tx.insert(publications).values({
    indexNo: input.indexNo || null,
    title,
    docNumber: input.docNumber?.trim() || null,
    issuer: input.issuer?.trim() || settings.defaultIssuer,
    writtenOn: input.writtenOn ?? null,
    formedOn: input.formedOn ?? input.writtenOn ?? ctx.today,
    categoryId: input.categoryId ?? null,
    topic: input.topic?.trim() || null,
    summary: input.summary?.trim() || null,
    ...bodyColumns(title, input.body ?? ''),
    normativeKind: input.normativeKind ?? null,
    channels: input.channels ?? ['website'],
    interpretsId: input.interpretsId ?? null,
    departmentId: input.departmentId ?? actor.departmentId ?? null,
    disclosureMode: input.disclosureMode?.trim() || '主动公开',
    state: 'draft',
    source: extra.source ?? 'workbench',
    sourceRequestIds: extra.sourceRequestIds ?? null,
    createdBy: actor.id > 0 ? actor.id : null,
  }).returning({ id: publications.id });
  await appendPublicationEvent(tx, row.id, 'created', ctx.today, { title, ...(extra.sourceRequestIds && { sourceRequestIds: extra.sourceRequestIds }) }, actor);
  await appendAudit(tx, actor, { action: 'publication.created', targetType: 'publication', targetId: row.id, detail: { title, ...(extra.sourceRequestIds && { sourceRequestIds: extra.sourceRequestIds }) } }, ctx.ip ?? null, ctx.now);
  return { id: row.id };
}

/** Use case: a publisher drafts an item (条例 Art.19–20 主动公开). Nothing is public until review, approval and publishing. */
export async function createPublication(ctx: ServiceContext, input: PublicationInput): Promise<{ id: number }> {
  const actor = requireRole(ctx.actor, 'publisher');
  const problems = validate(input, ctx.today, true);
  if (problems.length) throw new DomainError('VALIDATION', problems.map((x) => x.message).join('；'), { problems });
  return ctx.db.transaction((tx) => insertPublicationDraft(tx, ctx, actor, input));
}

/** Use case: edit a draft. Only drafts change; a published item is withdrawn and reopened first (then reviewed again). */
export async function updatePublication(ctx: ServiceContext, id: number, patch: Partial<PublicationInput>): Promise<void> {
  const actor = requireRole(ctx.actor, 'publisher');
  const problems = validate(patch, ctx.today, false);
  if (problems.length) throw new DomainError('VALIDATION', problems.map((x) => x.message).join('；'), { problems });
  await ctx.db.transaction(async (tx) => {
    const locked = await tx.select().from(publications).where(eq(publications.id, id)).for('update');
    const current = locked[0];
    if (!current) throw new DomainError('NOT_FOUND', `主动公开信息 ${id} 不存在`);
    if (current.state !== 'draft') throw new DomainError('INVALID_TRANSITION', '只有草稿可以修改。已提交审查的信息请由审查人退回后修改；已发布的信息请先撤回并重新编辑。');
    if (current.indexNo && patch.indexNo !== undefined && patch.indexNo !== current.indexNo && current.publishedOn) throw new DomainError('VALIDATION', '已发布过的信息不能更改索引号');
    await assertReferences(tx, patch, id);
    const title = patch.title?.trim() ?? current.title;
    const set: Partial<typeof publications.$inferInsert> = { updatedAt: new Date() };
    if (patch.title !== undefined) set.title = title;
    if (patch.docNumber !== undefined) set.docNumber = patch.docNumber?.trim() || null;
    if (patch.issuer !== undefined) set.issuer = patch.issuer?.trim() || (await getPublicationSettings(tx)).defaultIssuer;
    if (patch.writtenOn !== undefined) set.writtenOn = patch.writtenOn;
    if (patch.formedOn !== undefined && patch.formedOn !== null) set.formedOn = patch.formedOn;
    if (patch.categoryId !== undefined) set.categoryId = patch.categoryId;
    if (patch.topic !== undefined) set.topic = patch.topic?.trim() || null;
    if (patch.summary !== undefined) set.summary = patch.summary?.trim() || null;
    if (patch.normativeKind !== undefined) set.normativeKind = patch.normativeKind;
    if (patch.channels !== undefined) set.channels = patch.channels;
    if (patch.interpretsId !== undefined) set.interpretsId = patch.interpretsId;
    if (patch.departmentId !== undefined) set.departmentId = patch.departmentId;
    if (patch.disclosureMode !== undefined) set.disclosureMode = patch.disclosureMode?.trim() || '主动公开';
    if (patch.indexNo !== undefined) set.indexNo = patch.indexNo || null;
    if (patch.body !== undefined || patch.title !== undefined) {
      const cols = patch.body !== undefined ? bodyColumns(title, patch.body ?? '') : { searchTitle: segmentForIndex(title), searchText: segmentForIndex(title, current.bodyText) };
      Object.assign(set, cols);
    }
    await tx.update(publications).set(set).where(eq(publications.id, id));
    const changed = Object.keys(patch).filter((k) => (patch as Record<string, unknown>)[k] !== undefined);
    await appendPublicationEvent(tx, id, 'edited', ctx.today, { fields: changed }, actor);
    await appendAudit(tx, actor, { action: 'publication.edited', targetType: 'publication', targetId: id, detail: { fields: changed } }, ctx.ip ?? null, ctx.now);
  });
}
