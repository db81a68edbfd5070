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
  /** Period given to the applicant, in working days from `requestedOn` (Art.30 "合理的补正期限"). */
  periodDays: number;
  /** Last day for the applicant to supplement. */
  dueOn: IsoDate;
  receivedOn: IsoDate | null;
  /** The supplement arrived after `dueOn` and the office accepted it anyway (Art.30 正当理由). */
  receivedLate: boolean;
  expiredOn: IsoDate | null;
}

export interface ConsultationInfo {
  party: ConsultedParty;
  name: string;
  startedOn: IsoDate;
  /** Last day for the party to answer: 15 working days (Art.32 third party, Art.34 agency); null under 2008 rules. */
  responseDueOn: IsoDate | null;
  endedOn: IsoDate | null;
  opinion: ConsultationOpinion | null;
}

export interface FeeInfo {
  issuedOn: IsoDate;
  amountYuan: number;
  basis: FeeBasis;
  /** Day the applicant received the notice (defaults to `issuedOn` until a fee_notice_delivered event). */
  noticeReceivedOn: IsoDate;
  /** Last day to pay: 20th working day after `noticeReceivedOn` (国办函〔2020〕109号). */
  paymentDueOn: IsoDate;
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

/** The pauses of the reply clock of a request: consultations (Art.33 ¶2) and the fee notice (kind 'fee'). */
export function clockPausesOf(view: RequestView): ClockPause[] {
  const pauses: ClockPause[] = view.consultations.map((c) => ({ from: c.startedOn, to: c.endedOn, kind: c.party }));
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
