import type { Channel, IsoDate } from '../types.js';
import type { Outcome } from './outcomes.js';

/**
 * Events of the append-only request timeline (`request_events`). Each event is a past-tense fact with `on`, the
 * legal date of that fact (YYYY-MM-DD, Asia/Shanghai): the day the notice went out, the supplement arrived, the
 * reply was sent… Who recorded it and when (timestamps, actor) belong to the storage row, not to the fact.
 * The state and the deadline are derived from the events by `replayEvents` (apply-event.ts).
 */

export const CONSULTED_PARTIES = ['third_party', 'other_agency'] as const;
export type ConsultedParty = (typeof CONSULTED_PARTIES)[number];
export const CONSULTED_PARTY_LABELS: Record<ConsultedParty, string> = { third_party: '第三方', other_agency: '其他机关' };

export const CONSULTATION_OPINIONS = ['agree', 'object', 'none'] as const;
/** agree = 同意公开; object = 不同意公开; none = 逾期未提出意见 (Art.32: agency decides; Art.34: 视为同意). */
export type ConsultationOpinion = (typeof CONSULTATION_OPINIONS)[number];
export const CONSULTATION_OPINION_LABELS: Record<ConsultationOpinion, string> = { agree: '同意公开', object: '不同意公开', none: '未提出意见' };

export const FEE_BASES = ['per_request', 'per_page'] as const;
/** 国办函〔2020〕109号 Art.3: 按件计收 (Art.4) or 按量计收 (Art.5), never both. */
export type FeeBasis = (typeof FEE_BASES)[number];
export const FEE_BASIS_LABELS: Record<FeeBasis, string> = { per_request: '按件计收', per_page: '按量计收' };

export const DELIVERY_METHODS = ['post', 'email', 'online', 'in_person'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];
export const DELIVERY_METHOD_LABELS: Record<DeliveryMethod, string> = { post: '邮寄', email: '电子邮件', online: '网上送达', in_person: '当面领取' };

/** Online submission through the public portal, awaiting confirmation (Art.31(三): receipt = 双方确认之日). */
export interface SubmittedEvent { type: 'submitted'; on: IsoDate; channel: 'online' }
/**
 * Registration of a received request, or confirmation of an online one. `receivedOn` is the legal receipt date
 * (Art.31: 当面 = submission day; 邮寄 = day signed for / confirmed; 网络/传真 = day both sides confirm) and may be
 * earlier than `on` (the day it was registered). `evidence`: 签收单号, 确认记录…
 */
export interface RegisteredEvent { type: 'registered'; on: IsoDate; receivedOn: IsoDate; channel: Channel; evidence?: string }
/**
 * 补正 notice (Art.30): what to supplement, and the period given to the applicant in working days. The notice prints
 * the date `periodDays` after `on`; the period runs at least that long and, once the notice's receipt is recorded
 * (`supplement_delivered`), `periodDays` from the day after receipt (`noticePeriodEnd`). `deliveryMethod`: how the
 * notice was sent (for the settings' presumed delivery). `justification`: required for a second 补正 (Art.30 一次性告知).
 */
export interface SupplementRequestedEvent { type: 'supplement_requested'; on: IsoDate; items: string; periodDays: number; deliveryMethod?: DeliveryMethod; justification?: string }
/** The applicant received the 补正告知书 on `on` (the 补正期限 counts from the next day). */
export interface SupplementDeliveredEvent { type: 'supplement_delivered'; on: IsoDate }
/** The supplemented request arrived on `on`; the full reply period restarts from that day (Art.30). */
export interface SupplementReceivedEvent { type: 'supplement_received'; on: IsoDate }
/** The 补正 period ran out: deemed abandoned (Art.30 "视为放弃申请"), closed as 其他处理-逾期不补正. */
export interface SupplementExpiredEvent { type: 'supplement_expired'; on: IsoDate }
/** Assignment to a lead department (主办) and assisting ones (协办); ids of departments. */
export interface AssignedEvent { type: 'assigned'; on: IsoDate; lead: string; assisting: string[] }
/** A request for comment sent to a third party (Art.32) or a co-producing agency (Art.34); stops the clock. */
export interface ConsultationStartedEvent { type: 'consultation_started'; on: IsoDate; party: ConsultedParty; name: string }
/** The consulted party received the request for comment on `on`: its 15 working days run from the next day (Arts.32, 34). */
export interface ConsultationDeliveredEvent { type: 'consultation_delivered'; on: IsoDate; name?: string }
/**
 * The office keeps a consultation open beyond the consulted party's 15 working days, until `until`, for a recorded
 * `reason` (Art.33 ¶2 excludes only the time the consultation needs).
 */
export interface ConsultationProlongedEvent { type: 'consultation_prolonged'; on: IsoDate; name?: string; until: IsoDate; reason: string }
/** The opinion arrived (or the period ended without one) on `on`; the clock runs again from the next day. */
export interface ConsultationEndedEvent { type: 'consultation_ended'; on: IsoDate; name?: string; opinion?: ConsultationOpinion }
/** A handler asks to extend the reply period (Art.33: ≤ 20 working days, once). */
export interface ExtensionRequestedEvent { type: 'extension_requested'; on: IsoDate; days: number; reason: string }
/** The head of the disclosure office approves the extension (Art.33 "经政府信息公开工作机构负责人同意"). */
export interface ExtensionApprovedEvent { type: 'extension_approved'; on: IsoDate; days: number }
export interface ExtensionRejectedEvent { type: 'extension_rejected'; on: IsoDate; reason?: string }
/**
 * 信息处理费 notice sent (国办函〔2020〕109号). `noticeReceivedOn`: day the applicant received it, if known
 * (the payment window runs from the next day); otherwise `on` is assumed until a `fee_notice_delivered` event.
 */
export interface FeeNoticeIssuedEvent { type: 'fee_notice_issued'; on: IsoDate; amountYuan: number; basis: FeeBasis; noticeReceivedOn?: IsoDate; deliveryMethod?: DeliveryMethod }
/** The applicant received the fee notice on `on` (moves the 20-working-day payment window). */
export interface FeeNoticeDeliveredEvent { type: 'fee_notice_delivered'; on: IsoDate }
export interface FeePaidEvent { type: 'fee_paid'; on: IsoDate }
/** Not paid within 20 working days: deemed abandoned, closed as 其他处理-逾期未缴纳信息处理费. */
export interface FeeExpiredEvent { type: 'fee_expired'; on: IsoDate }
/** The agency decides not to charge after all (fee notice withdrawn); the clock runs again. */
export interface FeeWaivedEvent { type: 'fee_waived'; on: IsoDate; reason?: string }
/**
 * Art.35: the request's number or frequency is clearly beyond a reasonable range; the applicant is asked to explain
 * its reasons (说明理由告知书) by the `periodDays`-th working day after `on`. `details`: the facts (how many requests,
 * how often), printed on the notice.
 */
export interface ReasonsRequestedEvent { type: 'reasons_requested'; on: IsoDate; details: string; periodDays: number }
/** The applicant's reasons arrived on `on`; the office found them reasonable or not (Art.35). */
export interface ReasonsReceivedEvent { type: 'reasons_received'; on: IsoDate; finding: ReasonsFinding; summary?: string }
/** The applicant did not explain its reasons by the date set (Art.35): the request may be answered 不予处理. */
export interface ReasonsExpiredEvent { type: 'reasons_expired'; on: IsoDate }
/**
 * Art.35: reasons found reasonable but the reply cannot be made within Art.33's period: the office sets a reasonable
 * later reply date `newDueOn` (延迟答复告知书), which becomes the due date.
 */
export interface DelaySetEvent { type: 'delay_set'; on: IsoDate; newDueOn: IsoDate; reason: string }

export const REASONS_FINDINGS = ['reasonable', 'unreasonable'] as const;
export type ReasonsFinding = (typeof REASONS_FINDINGS)[number];
export const REASONS_FINDING_LABELS: Record<ReasonsFinding, string> = { reasonable: '理由合理', unreasonable: '理由不合理' };

/**
 * The reply is drafted with its structured outcome (DESIGN.md outcome table), its reasons (Art.36(三)(五), Art.37
 * "说明理由") and legal basis (条例 article and item). `otherAgency`: for 不属于本机关 (Art.36(五)), the agency
 * responsible when it can be determined. `thirdParty`: the third party concerned (Art.32, 15).
 */
export interface ReplyDraftedEvent {
  type: 'reply_drafted';
  on: IsoDate;
  outcome: Outcome;
  reasons: string;
  legalBasis: string;
  body?: string;
  thirdParty?: { name: string; opinion?: ConsultationOpinion };
  otherAgency?: { name: string; contact: string };
}
export interface ReplyApprovedEvent { type: 'reply_approved'; on: IsoDate; comment?: string }
/** The reviewer sends the draft back for revision. */
export interface ReplyReturnedEvent { type: 'reply_returned'; on: IsoDate; comment: string }
/** Secrecy review passed (Art.17, 保密审查 "先审查后公开、一事一审"). */
export interface SecrecyReviewPassedEvent { type: 'secrecy_review_passed'; on: IsoDate }
export interface SecrecyReviewRejectedEvent { type: 'secrecy_review_rejected'; on: IsoDate; comment: string }
/** The reply notice (答复告知书) was sent on `on`; `documentNo` is its 文号. */
export interface RepliedEvent { type: 'replied'; on: IsoDate; documentNo?: string }
/** Delivery proven on `on` (送达); a tracking number is required for post. */
export interface DeliveredEvent { type: 'delivered'; on: IsoDate; method: DeliveryMethod; trackingNo?: string }
export interface WithdrawnEvent { type: 'withdrawn'; on: IsoDate; reason: string }
/** Archived (Art.45 归档). */
export interface ClosedEvent { type: 'closed'; on: IsoDate }

export type RequestEvent =
  | SubmittedEvent | RegisteredEvent
  | SupplementRequestedEvent | SupplementDeliveredEvent | SupplementReceivedEvent | SupplementExpiredEvent
  | AssignedEvent
  | ReasonsRequestedEvent | ReasonsReceivedEvent | ReasonsExpiredEvent | DelaySetEvent
  | ConsultationStartedEvent | ConsultationDeliveredEvent | ConsultationProlongedEvent | ConsultationEndedEvent
  | ExtensionRequestedEvent | ExtensionApprovedEvent | ExtensionRejectedEvent
  | FeeNoticeIssuedEvent | FeeNoticeDeliveredEvent | FeePaidEvent | FeeExpiredEvent | FeeWaivedEvent
  | ReplyDraftedEvent | ReplyApprovedEvent | ReplyReturnedEvent
  | SecrecyReviewPassedEvent | SecrecyReviewRejectedEvent
  | RepliedEvent | DeliveredEvent | WithdrawnEvent | ClosedEvent;

export type EventType = RequestEvent['type'];
export type EventOf<T extends EventType> = Extract<RequestEvent, { type: T }>;

/** Chinese names of the actions, as buttons and timeline entries show them. */
export const EVENT_LABELS: Record<EventType, string> = {
  submitted: '网上提交',
  registered: '登记收到申请',
  supplement_requested: '告知补正',
  supplement_delivered: '登记补正告知送达',
  supplement_received: '收到补正',
  supplement_expired: '登记逾期未补正',
  assigned: '分派承办单位',
  reasons_requested: '要求说明理由',
  reasons_received: '登记收到申请理由',
  reasons_expired: '登记逾期未说明理由',
  delay_set: '确定延迟答复期限',
  consultation_started: '征求意见',
  consultation_delivered: '登记对方收到征求意见书',
  consultation_prolonged: '延长征求意见时间',
  consultation_ended: '结束征求意见',
  extension_requested: '申请延期答复',
  extension_approved: '批准延期答复',
  extension_rejected: '不批准延期',
  fee_notice_issued: '发出收费通知',
  fee_notice_delivered: '登记收费通知送达',
  fee_paid: '登记已缴费',
  fee_expired: '登记逾期未缴费',
  fee_waived: '撤回收费通知',
  reply_drafted: '起草答复',
  reply_approved: '审核通过',
  reply_returned: '退回修改',
  secrecy_review_passed: '保密审查通过',
  secrecy_review_rejected: '保密审查退回',
  replied: '发出答复',
  delivered: '登记送达',
  withdrawn: '撤回申请',
  closed: '办结归档',
};

/** Every event type, in procedure order. */
export const EVENT_TYPES = Object.keys(EVENT_LABELS) as EventType[];

/** Type guard for a stored or submitted event type (one of EVENT_TYPES). */
export function isEventType(v: unknown): v is EventType {
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(EVENT_LABELS, v);
}

/**
 * Events that can move the reply deadline (alaveteli's `resets_due_dates?`): after one of them, recompute the
 * cached due-date columns. Legal basis: Art.31 (start), Art.30 (restart), Art.33 (extension, excluded time),
 * 国办函〔2020〕109号 (fee pause, if enabled).
 */
export const CLOCK_EVENT_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  'registered', 'supplement_requested', 'supplement_received', 'supplement_expired',
  'consultation_started', 'consultation_delivered', 'consultation_prolonged', 'consultation_ended', 'extension_approved',
  'delay_set',
  'fee_notice_issued', 'fee_paid', 'fee_expired', 'fee_waived', 'withdrawn',
]);
