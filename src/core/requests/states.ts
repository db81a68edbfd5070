/**
 * States of a 依申请公开 request (STYLE.md §2: the state machine as data). Order follows the procedure of 条例
 * Arts.29–45: intake (Art.31) → 补正 (Art.30) → handling by departments, consultation (Arts.32, 34), fee notice
 * (Art.42, 国办函〔2020〕109号) → reply drafted, approved, secrecy-reviewed (Art.17 "先审查后公开") → reply sent
 * (Art.36) → delivered → closed/archived (Art.45).
 */
export const REQUEST_STATES = [
  /** Submitted online, awaiting the office's confirmation (the receipt date is the confirmation day, Art.31(三)). */
  'submitted',
  /** Received and registered (Art.31 receipt date fixed), not yet assigned to departments. */
  'registered',
  /** A 补正 notice was sent; the reply clock restarts when the supplement arrives (Art.30). */
  'awaiting_supplement',
  /** Assigned to a lead (主办) department and possibly assisting (协办) ones. */
  'in_progress',
  /** Waiting for a third party's (Art.32) or another agency's (Art.34) opinion; the clock is stopped (Art.33 ¶2). */
  'consulting',
  /** A 信息处理费 notice was sent; waiting for payment (国办函〔2020〕109号). */
  'awaiting_fee',
  /** A reply is drafted and waits for the office head's approval. */
  'reply_drafted',
  /** Approved; waits for the secrecy review (Art.17, 一事一审). */
  'reply_approved',
  /** Approved and secrecy review passed: ready to send. */
  'reply_cleared',
  /** Reply sent (Art.36), waiting for proof of delivery. */
  'replied',
  /** Delivery proven (送达). */
  'delivered',
  /** Archived (Art.45 归档); terminal. */
  'closed',
  /** Withdrawn by the applicant; must still be closed. */
  'withdrawn',
] as const;

export type RequestState = (typeof REQUEST_STATES)[number];

export const STATE_LABELS: Record<RequestState, string> = {
  submitted: '待确认',
  registered: '已登记',
  awaiting_supplement: '待补正',
  in_progress: '办理中',
  consulting: '征求意见中',
  awaiting_fee: '待缴费',
  reply_drafted: '答复待审核',
  reply_approved: '待保密审查',
  reply_cleared: '待发出',
  replied: '已答复',
  delivered: '已送达',
  closed: '已办结',
  withdrawn: '已撤回',
};

/** Ant Design preset tag colours, so every list and page shows a state the same way. */
export const STATE_COLORS: Record<RequestState, string> = {
  submitted: 'gold',
  registered: 'blue',
  awaiting_supplement: 'orange',
  in_progress: 'processing',
  consulting: 'purple',
  awaiting_fee: 'volcano',
  reply_drafted: 'cyan',
  reply_approved: 'geekblue',
  reply_cleared: 'lime',
  replied: 'green',
  delivered: 'success',
  closed: 'default',
  withdrawn: 'default',
};

/** States in which the reply period (条例 Art.33) is still running or stopped, i.e. no reply has been sent. */
export const OPEN_STATES: readonly RequestState[] = [
  'submitted', 'registered', 'awaiting_supplement', 'in_progress', 'consulting', 'awaiting_fee',
  'reply_drafted', 'reply_approved', 'reply_cleared',
];

/** States after which the reply clock no longer moves (reply sent, withdrawn or closed). */
export const FINISHED_STATES: readonly RequestState[] = ['replied', 'delivered', 'closed', 'withdrawn'];

/** Type guard for a stored or submitted state string (one of REQUEST_STATES). */
export function isRequestState(v: unknown): v is RequestState {
  return typeof v === 'string' && (REQUEST_STATES as readonly string[]).includes(v);
}

/** Chinese label and tag colour of a state (one source for UI and reports; labels follow 条例 Arts.30–36 terms). */
export function describeState(state: RequestState): { label: string; color: string } {
  return { label: STATE_LABELS[state], color: STATE_COLORS[state] };
}
