import { createHash } from 'node:crypto';
import { and, asc, eq, sql } from 'drizzle-orm';
import { attachments, publications } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { DomainError } from '../../core/errors.js';
import { checkAttachment } from '../../core/publications/sniff.js';
import { appendAudit } from '../audit.js';
import { requireRole } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { appendPublicationEvent } from './create-publication.js';
import { getPublicationSettings } from './settings.js';

export interface AttachmentMeta { id: number; filename: string; contentType: string; kind: string; size: number; sha256: string; sortOrder: number }

const META = { id: attachments.id, filename: attachments.filename, contentType: attachments.contentType, kind: attachments.kind, size: attachments.size, sha256: attachments.sha256, sortOrder: attachments.sortOrder };

export async function listAttachmentMeta(db: Executor, publicationId: number): Promise<AttachmentMeta[]> {
  return db.select(META).from(attachments).where(eq(attachments.publicationId, publicationId)).orderBy(asc(attachments.sortOrder), asc(attachments.id));
}

/**
 * Use case: attach a file to a draft. Type and size are checked on the bytes (core/publications/sniff.ts): the
 * secrecy reviewer sees exactly what will be published (Art.17), and the portal serves the sniffed content type.
 */
export async function addAttachment(ctx: ServiceContext, publicationId: number, file: { filename: string; data: Uint8Array }): Promise<AttachmentMeta> {
  const actor = requireRole(ctx.actor, 'publisher');
  const settings = await getPublicationSettings(ctx.db);
  const checked = checkAttachment(file.data, file.filename, settings.maxAttachmentMb * 1024 * 1024);
  if (!checked.ok) throw new DomainError('VALIDATION', checked.message, { problems: [{ field: 'file', message: checked.message }] });
  return ctx.db.transaction(async (tx) => {
    const [pub] = await tx.select({ state: publications.state }).from(publications).where(eq(publications.id, publicationId)).for('update');
    if (!pub) throw new DomainError('NOT_FOUND', `主动公开信息 ${publicationId} 不存在`);
    if (pub.state !== 'draft') throw new DomainError('INVALID_TRANSITION', '只能给草稿添加附件：已提交审查或已发布的信息请先退回或撤回');
    const [{ next }] = await tx.select({ next: sql<number>`coalesce(max(${attachments.sortOrder}), 0)::int + 1` }).from(attachments).where(eq(attachments.publicationId, publicationId));
    const sha256 = createHash('sha256').update(file.data).digest('hex');
    const [row] = await tx.insert(attachments).values({ publicationId, filename: checked.filename, contentType: checked.contentType, kind: checked.kind, size: file.data.length, sha256, data: Buffer.from(file.data), sortOrder: next, createdBy: actor.id > 0 ? actor.id : null }).returning(META);
    await appendPublicationEvent(tx, publicationId, 'edited', ctx.today, { attachmentAdded: { id: row.id, filename: row.filename, size: row.size, sha256 } }, actor);
    await appendAudit(tx, actor, { action: 'publication.attachment_added', targetType: 'publication', targetId: publicationId, detail: { attachmentId: row.id, filename: row.filename, contentType: row.contentType, size: row.size, sha256 } }, ctx.ip ?? null, ctx.now);
    return row;
  });
}

/** Use case: remove an attachment from a draft. */
export async function removeAttachment(ctx: ServiceContext, publicationId: number, attachmentId: number): Promise<void> {
  const actor = requireRole(ctx.actor, 'publisher');
  await ctx.db.transaction(async (tx) => {
    const [pub] = await tx.select({ state: publications.state }).from(publications).where(eq(publications.id, publicationId)).for('update');
    if (!pub) throw new DomainError('NOT_FOUND', `主动公开信息 ${publicationId} 不存在`);
    if (pub.state !== 'draft') throw new DomainError('INVALID_TRANSITION', '只能删除草稿的附件');
    const [gone] = await tx.delete(attachments).where(and(eq(attachments.id, attachmentId), eq(attachments.publicationId, publicationId))).returning({ filename: attachments.filename });
    if (!gone) throw new DomainError('NOT_FOUND', `附件 ${attachmentId} 不存在`);
    await appendPublicationEvent(tx, publicationId, 'edited', ctx.today, { attachmentRemoved: { id: attachmentId, filename: gone.filename } }, actor);
    await appendAudit(tx, actor, { action: 'publication.attachment_removed', targetType: 'publication', targetId: publicationId, detail: { attachmentId, filename: gone.filename } }, ctx.ip ?? null, ctx.now);
  });
}

export interface AttachmentFile { filename: string; contentType: string; size: number; data: Buffer }

async function loadFile(db: Executor, id: number, publicOnly: boolean): Promise<AttachmentFile | null> {
  const [row] = await db.select({ filename: attachments.filename, contentType: attachments.contentType, size: attachments.size, data: attachments.data, state: publications.state })
    .from(attachments).innerJoin(publications, eq(publications.id, attachments.publicationId)).where(eq(attachments.id, id));
  if (!row || (publicOnly && row.state !== 'published')) return null;
  return { filename: row.filename, contentType: row.contentType, size: row.size, data: Buffer.from(row.data) };
}

/** Staff download (reviewers read the attachments they review). */
export async function getAttachmentForStaff(ctx: ServiceContext, id: number): Promise<AttachmentFile> {
  requireRole(ctx.actor, 'publisher', 'secrecy_reviewer', 'reviewer', 'auditor');
  const f = await loadFile(ctx.db, id, false);
  if (!f) throw new DomainError('NOT_FOUND', `附件 ${id} 不存在`);
  return f;
}

/** Public download: only attachments of published items exist for the public (Art.17). */
export async function getPublicAttachment(db: Executor, id: number): Promise<AttachmentFile> {
  const f = await loadFile(db, id, true);
  if (!f) throw new DomainError('NOT_FOUND', `附件 ${id} 不存在或尚未公开`);
  return f;
}
