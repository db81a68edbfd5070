import type { Channel, IsoDate } from '../types.js';
import type { Calendar } from '../calendar/working-days.js';
import type { Deadline, ClockInput, ClockPause } from '../deadlines/compute-deadline.js';
import type { DeadlineSettings, Regime } from '../deadlines/rules.js';
import type { Outcome } from './outcomes.js';
import type {
  ConsultationOpinion,
  ConsultedParty,
  DeliveryMethod,
  EventType,
  FeeBasis,
  ReasonsFinding,
} from './events.js';
import type { RequestState } from './states.js';

/** What the lifecycle functions need besides the events: the working-day calendar and deployment settings. */
export interface LifecycleContext {
  calendar: Calendar;
  settings?: DeadlineSettings;
  /**
   * 'record' (default for `applyEvent`): every guard applies — use it when a user records a new event.
   * 'replay' (default for `replayEvents`): events already stored are not judged again on their dates (the
   * Art.30 7-day window, extension / fee-notice before the due date, expiry dates), because a later calendar
   * correction must never make a stored timeline unreadable; the transition table and field checks still apply.
   */
  mode?: 'record' | 'replay';
}

export interface SupplementInfo {
  requestedOn: IsoDate;
  items: string;
  /** Period given to the applicant, in working days (Art.30 "合理的补正期限"). */
  periodDays: number;
  /** The date printed on the 补正告知书: `periodDays` working days after `requestedOn`. */
  dueOn: IsoDate;
  /** How the notice was sent (for a presumed delivery, `DeadlineSettings.presumedDeliveryDays`), if recorded. */
  deliveryMethod: DeliveryMethod | null;
  /** Day the applicant received the 补正告知书, when recorded. */
  noticeReceivedOn: IsoDate | null;
  /**
   * Last day of the 补正期限 counted from the notice's receipt (recorded or presumed), never before `dueOn`; null
   * while the receipt is unknown: the period cannot be recorded as expired yet (`noticePeriodEnd`).
   */
  expiresAfter: IsoDate | null;
  /** Why a second 补正 was needed (Art.30 一次性告知); null for the first. */
  justification: string | null;
  receivedOn: IsoDate | null;
  /** The supplement arrived after `dueOn` and the office accepted it anyway (Art.30 正当理由). */
  receivedLate: boolean;
  expiredOn: IsoDate | null;
}

export interface ConsultationInfo {
  party: ConsultedParty;
  name: string;
  startedOn: IsoDate;
  /** Day the consulted party received the request for comment, when recorded (its 15 working days run from it). */
  letterReceivedOn: IsoDate | null;
  /**
   * Last day for the party to answer: 15 working days from `letterReceivedOn` (Art.32 third party, Art.34 agency);
   * null until the receipt is recorded, and under the 2008 rules.
   */
  responseDueOn: IsoDate | null;
  /** Last day the consultation may stop the reply clock (`consultationPauseLimit`); null = no limit (2008). */
  pauseLimitOn: IsoDate | null;
  /** Kept open beyond the 15 working days: until when and why (recorded reason). */
  prolongedUntil: IsoDate | null;
  prolongReason: string | null;
  endedOn: IsoDate | null;
  opinion: ConsultationOpinion | null;
}

export interface FeeInfo {
  issuedOn: IsoDate;
  amountYuan: number;
  basis: FeeBasis;
  /** How the notice was sent (for a presumed delivery), if recorded. */
  deliveryMethod: DeliveryMethod | null;
  /** Day the applicant received the notice; null until recorded (`noticeReceivedOn` or a fee_notice_delivered event). */
  noticeReceivedOn: IsoDate | null;
  /**
   * Last day to pay: 20th working day after the receipt (国办函〔2020〕109号 "收到收费通知次日起20个工作日内"); null
   * while the receipt is neither recorded nor presumed by the settings (then 逾期未缴费 cannot be recorded).
   */
  paymentDueOn: IsoDate | null;
  /** True when `paymentDueOn` rests on a presumed delivery (settings), not a recorded one. */
  paymentDuePresumed: boolean;
  status: 'pending' | 'paid' | 'waived' | 'expired';
  /** Day the fee matter ended (paid / waived / expired), null while pending. */
  settledOn: IsoDate | null;
  /** Day the fee was paid (null unless `status === 'paid'`). */
  paidOn: IsoDate | null;
}

export interface DraftInfo {
  draftedOn: IsoDate;
  outcome: Outcome;
  reasons: string;
  legalBasis: string;
  body: string | null;
  thirdParty: { name: string; opinion?: ConsultationOpinion } | null;
  otherAgency: { name: string; contact: string } | null;
}

/** Art.35 (数量、频次明显超过合理范围): the 说明理由 step and its result. */
export interface ExcessiveInfo {
  requestedOn: IsoDate;
  /** The facts printed on the 说明理由告知书. */
  details: string;
  periodDays: number;
  /** Date by which the applicant should explain (printed on the notice). */
  replyByOn: IsoDate;
  /** Day the reasons arrived, or the day the lapse was recorded. */
  answeredOn: IsoDate | null;
  /** reasonable / unreasonable (reasons received and assessed) or not_given (逾期未说明); null while pending. */
  finding: ReasonsFinding | 'not_given' | null;
  summary: string | null;
  /** The 延迟答复 date set after reasonable reasons (the due date), and why. */
  delayedDueOn: IsoDate | null;
  delaySetOn: IsoDate | null;
  delayReason: string | null;
}

/** on_time = replied by the base due date (按时办结); extended = after it, within an approved extension (延期办结); late = after the due date. */
export type Timeliness = 'on_time' | 'extended' | 'late';

export interface HistoryEntry {
  on: IsoDate;
  type: EventType;
  /** Chinese action name (EVENT_LABELS) */
  label: string;
  /** Chinese detail, e.g. "征求第三方意见：某某公司" or "延期20个工作日". */
  note: string;
  /** Reply due date after this event (null: clock not running). */
  dueOnAfter: IsoDate | null;
  /** True when this event moved or stopped/started the reply clock. */
  clockChanged: boolean;
}

/** Everything derived from a request's events (STYLE.md: derived at read time, never stored as truth). */
export interface RequestView {
  state: RequestState;
  regime: Regime;
  channel: Channel | null;
  submittedOn: IsoDate | null;
  registeredOn: IsoDate | null;
  /** Legal receipt date (条例 Art.31). */
  receivedOn: IsoDate | null;
  receiptEvidence: string | null;
  /** Start of the current reply period: the receipt date, or the day the latest supplement arrived (Art.30). */
  clockStartOn: IsoDate | null;
  departments: { lead: string; assisting: string[] } | null;
  /** The reply deadline; null before registration and while a 补正 is awaited (the clock restarts on receipt). */
  deadline: Deadline | null;
  extension: {
    requested: { on: IsoDate; days: number; reason: string } | null;
    approvedDays: number;
    approvedOn: IsoDate | null;
    rejections: number;
  };
  /** The latest 补正 (null when none was requested). */
  supplement: SupplementInfo | null;
  supplementCount: number;
  consultations: ConsultationInfo[];
  /** Art.35 说明理由 / 延迟答复 (null when never asked). */
  excessive: ExcessiveInfo | null;
  fee: FeeInfo | null;
  /** The current draft reply (kept after a return, for revision). */
  draft: DraftInfo | null;
  approvedOn: IsoDate | null;
  clearedOn: IsoDate | null;
  repliedOn: IsoDate | null;
  documentNo: string | null;
  deliveredOn: IsoDate | null;
  delivery: { method: DeliveryMethod; trackingNo: string | null } | null;
  returns: { on: IsoDate; stage: 'review' | 'secrecy'; comment: string }[];
  /** Final outcome: set when the reply is sent, or on expiry / withdrawal closures. */
  outcome: Outcome | null;
  closedOn: IsoDate | null;
  withdrawal: { on: IsoDate; reason: string } | null;
  extended: boolean;
  /** true = 按时 (by the base due date); false = after it (延期 or late); null = not finished by a reply/expiry. */
  closedOnTime: boolean | null;
  timeliness: Timeliness | null;
  lastEventOn: IsoDate;
  eventCount: number;
  history: HistoryEntry[];
}

/**
 * The pauses of the reply clock of a request: consultations (Art.33 ¶2), each ending at the earlier of its opinion
 * and its limit, and the fee notice (kind 'fee').
 */
export function clockPausesOf(view: RequestView): ClockPause[] {
  // A consultation stops the clock until its opinion, but never beyond its limit (Arts.32–34; `consultationPauseLimit`).
  const pauses: ClockPause[] = view.consultations.map((c) => {
    const to = c.endedOn === null ? c.pauseLimitOn : c.pauseLimitOn !== null && c.endedOn > c.pauseLimitOn ? c.pauseLimitOn : c.endedOn;
    return { from: c.startedOn, to, kind: c.party };
  });
  if (view.fee !== null) pauses.push({ from: view.fee.issuedOn, to: view.fee.settledOn, kind: 'fee' });
  return pauses;
}

/**
 * The input of `computeDeadline` for a request (条例 Art.33 from `clockStartOn`), or null when no clock runs
 * (not yet registered, or waiting for a 补正). Services use it to recompute cached due dates, e.g. after an admin
 * corrects the holiday calendar.
 */
export function clockInputOf(view: RequestView): ClockInput | null {
  if (view.clockStartOn === null || view.state === 'submitted') return null;
  if (view.supplement !== null && view.supplement.receivedOn === null) return null; // awaiting (or expired) 补正
  return { receivedOn: view.clockStartOn, regime: view.regime, pauses: clockPausesOf(view), extensionDays: view.extension.approvedDays };
}
