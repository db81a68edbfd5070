import type { EventType } from './events.js';
import type { RequestState } from './states.js';

/**
 * The request lifecycle as one table: for each state, the events that may happen and the state they lead to.
 * Anything not listed is refused with INVALID_TRANSITION. Guards that depend on dates or on the request's
 * content (Art.30 7-day 补正 window, one extension ≤ 20 days before the due date, …) live in apply-event.ts.
 *
 * Design choices (procedure of 条例 Arts.30–36, Art.17 secrecy review, Art.45):
 * - Review is sequential: drafted → approved (office head) → cleared (secrecy review, "先审查后公开"). Either
 *   reviewer can send it back; a rejected draft returns to handling (`in_progress`, or `registered` when the
 *   office drafted it without assigning departments). Only a `reply_cleared` draft can be sent (`replied`).
 * - Extension events do not change the state; they are allowed while no reply has been sent and the clock runs.
 * - `supplement_expired` and `fee_expired` close the request directly: the applicant is deemed to have
 *   abandoned it and the agency "不再处理" (Art.30; 国办函〔2020〕109号), so nothing is sent or delivered. The
 *   outcome is 其他处理-逾期不补正 / 其他处理-逾期未缴纳信息处理费.
 * - `closed` (archived) follows delivery, or a withdrawal; a withdrawn request is closed with outcome 其他处理-其他.
 * - Some targets depend on the request (marked ↺ below) and are resolved in apply-event.ts:
 *   supplement_received → in_progress when departments were already assigned; consultation_ended stays in
 *   consulting while another consultation is open; returns go to registered when no department was assigned.
 */
const EXTENSION = <S extends RequestState>(s: S) => ({ extension_requested: s, extension_approved: s, extension_rejected: s });
/** Art.35 说明理由 / 延迟答复: recorded while the office handles the request; the state does not change. */
const EXCESSIVE = <S extends RequestState>(s: S) => ({ reasons_requested: s, reasons_received: s, reasons_expired: s, delay_set: s });

export const TRANSITIONS: Readonly<Record<RequestState, Readonly<Partial<Record<EventType, RequestState>>>>> = {
  submitted: { registered: 'registered', withdrawn: 'withdrawn' },
  registered: {
    supplement_requested: 'awaiting_supplement',
    assigned: 'in_progress',
    reply_drafted: 'reply_drafted', // office replies directly: only OFFICE_REPLY_OUTCOMES (e.g. 重复申请, Art.36(六))
    ...EXTENSION('registered'),
    ...EXCESSIVE('registered'),
    withdrawn: 'withdrawn',
  },
  awaiting_supplement: {
    supplement_delivered: 'awaiting_supplement',
    supplement_received: 'registered', // ↺ in_progress when departments were assigned
    supplement_expired: 'closed',
    withdrawn: 'withdrawn',
  },
  in_progress: {
    assigned: 'in_progress',
    supplement_requested: 'awaiting_supplement',
    consultation_started: 'consulting',
    fee_notice_issued: 'awaiting_fee',
    reply_drafted: 'reply_drafted',
    ...EXTENSION('in_progress'),
    ...EXCESSIVE('in_progress'),
    withdrawn: 'withdrawn',
  },
  consulting: {
    consultation_started: 'consulting',
    consultation_delivered: 'consulting',
    consultation_prolonged: 'consulting',
    consultation_ended: 'in_progress', // ↺ stays consulting while another consultation is open
    ...EXTENSION('consulting'),
    withdrawn: 'withdrawn',
  },
  awaiting_fee: {
    fee_notice_delivered: 'awaiting_fee',
    fee_paid: 'in_progress',
    fee_waived: 'in_progress',
    fee_expired: 'closed',
    ...EXTENSION('awaiting_fee'),
    withdrawn: 'withdrawn',
  },
  reply_drafted: {
    reply_drafted: 'reply_drafted',
    reply_approved: 'reply_approved',
    reply_returned: 'in_progress', // ↺ registered when no department was assigned
    ...EXTENSION('reply_drafted'),
    withdrawn: 'withdrawn',
  },
  reply_approved: {
    secrecy_review_passed: 'reply_cleared',
    secrecy_review_rejected: 'in_progress', // ↺
    reply_returned: 'in_progress', // ↺
    ...EXTENSION('reply_approved'),
    withdrawn: 'withdrawn',
  },
  reply_cleared: {
    replied: 'replied',
    reply_returned: 'in_progress', // ↺
    ...EXTENSION('reply_cleared'),
    withdrawn: 'withdrawn',
  },
  replied: { delivered: 'delivered' },
  delivered: { closed: 'closed' },
  withdrawn: { closed: 'closed' },
  closed: {},
};

/** Events that can start a request's timeline: an online submission or a registration. */
export const INITIAL_TRANSITIONS: Readonly<Partial<Record<EventType, RequestState>>> = {
  submitted: 'submitted',
  registered: 'registered',
};

/**
 * Hints appended to the INVALID_TRANSITION message for common mistakes, so the message says what to do first.
 * Keyed `${state}:${eventType}`; a `*` state matches any state.
 */
export const TRANSITION_HINTS: Readonly<Record<string, string>> = {
  'reply_drafted:replied': '答复须经审核通过并通过保密审查后方可发出',
  'reply_approved:replied': '答复须通过保密审查后方可发出（条例第十七条）',
  'reply_drafted:secrecy_review_passed': '请先由审核人审核通过，再进行保密审查',
  'reply_drafted:secrecy_review_rejected': '请先由审核人审核通过，再进行保密审查',
  'replied:closed': '请先登记送达，再办结归档',
  'awaiting_supplement:reply_drafted': '请等待申请人补正，或在补正期满后登记逾期未补正',
  'awaiting_supplement:assigned': '请在收到补正后再分派承办单位',
  'submitted:assigned': '请先确认收到网上申请（登记），确认之日为收到申请之日（条例第三十一条）',
  'submitted:supplement_requested': '请先确认收到网上申请（登记）',
  'consulting:reply_drafted': '请先结束征求意见',
  'awaiting_fee:reply_drafted': '请先登记缴费、撤回收费通知或登记逾期未缴费',
  'registered:consultation_started': '请先分派承办单位',
  'registered:fee_notice_issued': '请先分派承办单位',
  'registered:supplement_delivered': '没有待送达的补正告知书',
  'in_progress:consultation_delivered': '没有正在进行的征求意见',
  'closed:*': '本申请已办结归档',
};
