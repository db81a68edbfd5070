import type { RequestEvent, RequestView } from '../../core/requests/index.js';
import { DomainError } from '../../core/errors.js';
import { calculateFee, FEE_BASES, FEE_BASIS_LABELS, type FeeBasis } from '../../core/fees/calculate-fee.js';
import type { NoticeType } from '../../core/notices/index.js';
import { appendAudit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { approvedReplyFingerprint, issueNotice } from '../notices/notices.js';
import { buildNoticeInput, composeNotice, loadRequestForNotice, nthRequestInMonth } from '../notices/notice-input.js';
import { appendEvents, authorizeEvent, loadClockContext, loadEvents, toCoreEvent } from './record-event.js';
import { applyEvent, replayEvents } from '../../core/requests/index.js';
import { assertExpiryPeriodFinal, isExpiryEvent } from '../../core/calendar/provisional-expiry.js';

/**
 * Largest page count accepted for 按量计收. 国办函〔2020〕109号 Art.5 charges per page (≥201页 at 40元/页), so the
 * amount grows without limit; no real application runs to a million pages, and the cap keeps the amount
 * (≤ 39,994,700元) inside the stored numeric(12,2) instead of failing with a database overflow.
 */
export const MAX_FEE_PAGES = 1_000_000;

/** Notices that go out with an event, issued in the same transaction (issue 5). */
function noticeAfter(event: RequestEvent): NoticeType | null {
  switch (event.type) {
    case 'registered': return 'receipt';
    case 'supplement_requested': return 'supplement';
    case 'extension_approved': return 'extension';
    // Art.35: 说明理由告知书 with its reply-by date; 延迟答复告知书 with the new reply date.
    case 'reasons_requested': case 'delay_set': return 'delay';
    case 'consultation_started': return event.party === 'third_party' ? 'consultation' : null;
    case 'fee_notice_issued': return 'fee';
    default: return null;
  }
}

/**
 * Use case: one staff action on a request (one transaction, audited). The 信息处理费 amount is computed here from
 * the basis (国办函〔2020〕109号 Arts.4–5), never taken from the client; the 答复书 is issued (numbered, stored)
 * before the `replied` event so that what the applicant receives is the approved, stored text.
 */
export async function recordRequestEvent(ctx: ServiceContext, requestId: number, input: RequestEvent): Promise<RequestView> {
  return ctx.db.transaction(async (tx) => {
    const actor = await authorizeEvent(tx, requestId, input.type, ctx.actor);
    let event = input;
    if (event.type === 'fee_notice_issued') {
      const e = event as Extract<RequestEvent, { type: 'fee_notice_issued' }> & { pages?: number };
      // An absent basis keeps the old default (按件计收); any other value than the two bases of Art.3 is refused.
      if (e.basis !== undefined && !(FEE_BASES as readonly unknown[]).includes(e.basis)) {
        throw new DomainError('VALIDATION', `计费方式（basis）“${String(e.basis)}”无效，应为：${FEE_BASES.map((b) => `${b}（${FEE_BASIS_LABELS[b]}）`).join('或')}（国办函〔2020〕109号第三条）`, { problems: [{ field: 'basis', message: `计费方式应为${FEE_BASES.map((b) => FEE_BASIS_LABELS[b]).join('或')}` }] });
      }
      const basis: FeeBasis = e.basis ?? 'per_request';
      if (basis === 'per_page' && !(Number.isInteger(e.pages) && (e.pages as number) > 0)) throw new DomainError('VALIDATION', '按量计收须填写页数（正整数）', { problems: [{ field: 'pages', message: '请填写页数' }] });
      if (basis === 'per_page' && (e.pages as number) > MAX_FEE_PAGES) {
        throw new DomainError('VALIDATION', `页数（pages）${e.pages}超出上限：按量计收的一件申请最多${MAX_FEE_PAGES}页，请核对页数`, { problems: [{ field: 'pages', message: `页数不能超过${MAX_FEE_PAGES}页` }] });
      }
      // 同一申请人: by ID number / credit code; same-name requests without one count only when the handler confirms them.
      const sameApplicantRefs = (e as { sameApplicantRefs?: unknown }).sameApplicantRefs;
      const nthInMonth = basis === 'per_request' ? await nthRequestInMonth(tx, requestId, sameApplicantRefs) : undefined;
      const calc = calculateFee(basis === 'per_page' ? { basis, pages: e.pages as number } : { basis, nthInMonth: nthInMonth! });
      if (calc.amountYuan <= 0) throw new DomainError('VALIDATION', basis === 'per_page' ? `${e.pages}页在免费范围内（30页以下不收费），不应发出收费通知` : `该申请人本月第${nthInMonth}件申请，在免费范围内（10件以下不收费），不应发出收费通知`);
      event = { ...e, basis, amountYuan: calc.amountYuan, ...(nthInMonth ? { nthInMonth } : {}) } as RequestEvent;
    }
    const clock = await loadClockContext(tx);
    if (isExpiryEvent(event)) assertExpiryPeriodFinal(replayEvents((await loadEvents(tx, requestId)).map(toCoreEvent), clock), event, clock.calendar);
    if (event.type === 'reply_approved') {
      // The reviewer approves the text of the 答复书 itself: its fingerprint is recorded and checked when it is sent.
      const replyFingerprint = await approvedReplyFingerprint(tx, requestId, event.on);
      if (replyFingerprint) event = { ...event, replyFingerprint } as RequestEvent;
    }
    if (event.type === 'replied') {
      // Refuse an impossible send before numbering a document (the transition check of core).
      const stored = await loadEvents(tx, requestId);
      applyEvent(stored.length ? replayEvents(stored.map(toCoreEvent), clock) : null, event, clock);
      const n = await issueNotice(tx, requestId, 'reply', event.on, actor, ctx.now);
      event = { ...event, documentNo: n.docNumber ?? undefined };
    }
    const view = await appendEvents(tx, requestId, [event], actor, clock);
    if (event.type === 'reply_drafted') {
      // The draft must make a complete 答复书 (article, reasons, 提供方式…): checked now, not when it is sent.
      const req = await loadRequestForNotice(tx, requestId);
      composeNotice('reply', await buildNoticeInput(tx, req, 'reply', event.on, null));
    }
    const noticeType = noticeAfter(event);
    if (noticeType) await issueNotice(tx, requestId, noticeType, event.on, actor, ctx.now);
    const { type: _t, ...detail } = event as unknown as Record<string, unknown>;
    await appendAudit(tx, actor, { action: `request.${event.type}`, targetType: 'request', targetId: requestId, detail }, ctx.ip ?? null, ctx.now);
    return view;
  });
}
