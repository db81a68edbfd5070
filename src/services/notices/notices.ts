import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { docNumberSequences, notices, noticeTemplates } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { DomainError } from '../../core/errors.js';
import { formatDocNumber, validateTemplate, type NoticeContent, type NoticeTemplate, type NoticeType, NOTICE_TYPE_LABELS, isNoticeType } from '../../core/notices/index.js';
import { renderNoticeHtml } from '../../render/notices/index.js';
import type { IsoDate } from '../../core/types.js';
import { appendAudit } from '../audit.js';
import { requireRole } from '../authorize.js';
import type { Actor, ServiceContext } from '../context.js';
import { getAgency } from '../settings.js';
import { sm3 } from '../../security/crypto.js';

import { buildNoticeInput, composeNotice, loadRequestForNotice, noticeFits } from './notice-input.js';

/** Notices that carry a 文号 (the 登记回执 does not). */
const NUMBERED: ReadonlySet<NoticeType> = new Set(['supplement', 'extension', 'consultation', 'third-party-decision', 'delay', 'fee', 'reply']);

/** Next 文号 of the agency's series for `year`: a row-locked counter, so numbers are never reused (GB/T 9704 7.2.4). */
export async function allocateDocNumber(tx: Executor, prefix: string, year: number): Promise<string> {
  const r = await tx.execute(sql`INSERT INTO doc_number_sequences (prefix, year, last) VALUES (${prefix}, ${year}, 1)
    ON CONFLICT (prefix, year) DO UPDATE SET last = doc_number_sequences.last + 1 RETURNING last`);
  const last = Number((r as unknown as { rows: { last: number }[] }).rows[0].last);
  void docNumberSequences;
  return formatDocNumber(prefix, year, last);
}

export async function currentTemplate(tx: Executor, type: NoticeType): Promise<NoticeTemplate | undefined> {
  const [row] = await tx.select().from(noticeTemplates).where(eq(noticeTemplates.type, type)).orderBy(desc(noticeTemplates.version)).limit(1);
  return row ? { ...(row.template as NoticeTemplate), type, version: row.version } : undefined;
}

/**
 * Issues a notice: allocates its 文号, builds the content from the request's data, renders the HTML and stores both
 * as final. What was sent is what is stored; it is never regenerated. Called inside the transaction of the event
 * that the notice accompanies (replied → 答复书, supplement_requested → 补正告知书, …).
 *
 * `accessKey` (登记回执 only): the 查询密码 in clear, known only during the registration. It is printed on the copy
 * handed to the applicant (`printHtml`, returned once, never stored); the stored copy says the key was printed on the
 * receipt, so the key is never kept in clear (only its hash, on the request).
 */
export async function issueNotice(tx: Executor, requestId: number, type: NoticeType, issuedOn: IsoDate, actor: Actor | null, now: Date, options: { accessKey?: string } = {}): Promise<{ id: number; docNumber: string | null; printHtml?: string }> {
  const req = await loadRequestForNotice(tx, requestId);
  const misfit = noticeFits(type, req.view);
  if (misfit) throw new DomainError('INVALID_TRANSITION', misfit);
  const agency = await getAgency(tx);
  const docNumber = NUMBERED.has(type) ? await allocateDocNumber(tx, agency.docPrefix, Number(issuedOn.slice(0, 4))) : null;
  const input = await buildNoticeInput(tx, req, type, issuedOn, docNumber);
  const template = await currentTemplate(tx, type);
  const content = composeNotice(type, input, template);
  if (type === 'reply') assertApprovedText(req.events, content);
  const html = renderNoticeHtml(content);
  const [row] = await tx.insert(notices).values({ requestId, type, docNumber, issuedOn, content, html, status: 'final', createdBy: actor && actor.id > 0 ? actor.id : null }).returning({ id: notices.id });
  await appendAudit(tx, actor, { action: 'notice.issued', targetType: 'request', targetId: requestId, detail: { type, docNumber, noticeId: row.id } }, null, now);
  const key = type === 'receipt' ? options.accessKey?.trim() : undefined;
  if (!key) return { id: row.id, docNumber };
  const printed = composeNotice(type, { ...input, tracking: { ...input.tracking!, accessKey: key } }, template);
  return { id: row.id, docNumber, printHtml: renderNoticeHtml(printed) };
}

/**
 * Fingerprint of a 答复书's text (title, addressee, every paragraph — facts, reasons, legal basis, remedy): what the
 * reviewer approves. The 文号 and 成文日期 are left out (allocated when it is sent).
 */
export function replyTextFingerprint(content: NoticeContent): string {
  return sm3(JSON.stringify([content.title, content.addressee, content.paragraphs.map((p) => [p.kind, p.text]), content.attachments]));
}

/**
 * The fingerprint of the 答复书 as it stands when the reviewer approves it on `on` (recorded with `reply_approved`),
 * built by the same function as the preview and the issued notice.
 */
export async function approvedReplyFingerprint(tx: Executor, requestId: number, on: IsoDate): Promise<string | null> {
  const req = await loadRequestForNotice(tx, requestId);
  if (!req.view.draft) return null; // nothing to approve: the transition check refuses the event
  const input = await buildNoticeInput(tx, req, 'reply', on, null);
  return replyTextFingerprint(composeNotice('reply', input, await currentTemplate(tx, 'reply')));
}

/**
 * Preview = issued: the 答复书 about to be sent must be the text the reviewer approved (issue 11). A change after the
 * approval (agency settings, template, a later event) is refused, naming what to do, instead of sending unseen text.
 * Approvals recorded before fingerprints existed carry none and are not checked.
 */
function assertApprovedText(events: readonly { type: string; payload: unknown }[], content: NoticeContent): void {
  const approval = [...events].reverse().find((e) => e.type === 'reply_approved');
  const approved = (approval?.payload as { replyFingerprint?: unknown } | undefined)?.replyFingerprint;
  if (typeof approved !== 'string') return;
  if (approved !== replyTextFingerprint(content)) {
    throw new DomainError('CONFLICT', '答复书的文字与审核人审核通过时的文本不一致（审核后机关设置、文书模板或办理信息有变化），请退回修改后重新审核，确保发出的答复书就是审核通过的文本');
  }
}

/** The notice a request's state allows, built now without a number and not stored: the workbench preview. */
export async function previewNotice(ctx: ServiceContext, requestId: number, type: string): Promise<{ content: NoticeContent; html: string }> {
  requireRole(ctx.actor, 'registrar', 'handler', 'reviewer', 'secrecy_reviewer');
  if (!isNoticeType(type)) throw new DomainError('VALIDATION', `文书类型“${type}”无效，应为：${Object.entries(NOTICE_TYPE_LABELS).map(([k, v]) => `${k}（${v}）`).join('、')}`);
  const req = await loadRequestForNotice(ctx.db, requestId);
  const misfit = noticeFits(type, req.view);
  if (misfit) throw new DomainError('INVALID_TRANSITION', misfit);
  const input = await buildNoticeInput(ctx.db, req, type, ctx.today, null);
  const content = composeNotice(type, input, await currentTemplate(ctx.db, type));
  return { content, html: renderNoticeHtml(content) };
}

export async function getNotice(db: Executor, requestId: number, noticeId: number) {
  const [row] = await db.select().from(notices).where(and(eq(notices.id, noticeId), eq(notices.requestId, requestId)));
  if (!row) throw new DomainError('NOT_FOUND', `文书 ${noticeId} 不存在`);
  return { ...row, content: row.content as NoticeContent };
}

export async function listNotices(db: Executor, requestId: number) {
  return db.select({ id: notices.id, type: notices.type, docNumber: notices.docNumber, issuedOn: notices.issuedOn, status: notices.status, createdAt: notices.createdAt })
    .from(notices).where(eq(notices.requestId, requestId)).orderBy(asc(notices.id));
}

/** The latest final notice of a type for a request, or null. */
export async function findFinalNotice(db: Executor, requestId: number, type: NoticeType) {
  const [row] = await db.select().from(notices).where(and(eq(notices.requestId, requestId), eq(notices.type, type), eq(notices.status, 'final'))).orderBy(desc(notices.id)).limit(1);
  return row ? { ...row, content: row.content as NoticeContent } : null;
}

/** Agency wording per notice type, versioned; the legal basis, reasons and remedy are never template text. */
export async function listTemplates(ctx: ServiceContext) {
  requireRole(ctx.actor, 'admin', 'registrar', 'reviewer');
  return ctx.db.select().from(noticeTemplates).orderBy(asc(noticeTemplates.type), desc(noticeTemplates.version));
}

export async function saveTemplate(ctx: ServiceContext, type: string, template: { opening?: string; closing?: string }) {
  const actor = requireRole(ctx.actor, 'admin');
  if (!isNoticeType(type)) throw new DomainError('VALIDATION', `文书类型“${type}”无效`);
  const candidate = { type, opening: template.opening, closing: template.closing };
  const check = validateTemplate(candidate);
  if (!check.ok) throw new DomainError('VALIDATION', `模板不符合要求：${check.errors.join('；')}`, { problems: check.errors.map((message) => ({ field: 'template', message })) });
  return ctx.db.transaction(async (tx) => {
    const [{ v }] = await tx.select({ v: sql<number>`coalesce(max(${noticeTemplates.version}), 0)::int` }).from(noticeTemplates).where(eq(noticeTemplates.type, type));
    const [row] = await tx.insert(noticeTemplates).values({ type, version: v + 1, template: candidate, createdBy: actor.id }).returning();
    await appendAudit(tx, actor, { action: 'notice_template.saved', targetType: 'notice_template', targetId: type, detail: { version: v + 1, ...candidate } }, ctx.ip ?? null, ctx.now);
    return row;
  });
}
