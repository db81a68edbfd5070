/** Labels and option lists for request pages, all from core so that the UI and the reports cannot drift. */
import { APPLICANT_TYPES, APPLICANT_TYPE_LABELS, CHANNELS, CHANNEL_LABELS, type Channel } from '../../../core/types.js';
import { REQUEST_STATES, STATE_COLORS, STATE_LABELS, type RequestState } from '../../../core/requests/states.js';

export const STATE_OPTIONS = REQUEST_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }));
export const CHANNEL_OPTIONS = CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }));
export const APPLICANT_TYPE_OPTIONS = APPLICANT_TYPES.map((t) => ({ value: t, label: APPLICANT_TYPE_LABELS[t] }));

export function stateLabel(state: string): string {
  return STATE_LABELS[state as RequestState] ?? state;
}
export function stateColor(state: string): string {
  return STATE_COLORS[state as RequestState] ?? 'default';
}
export function channelLabel(c: string | null | undefined): string {
  return c ? CHANNEL_LABELS[c as Channel] ?? c : '—';
}
export function applicantTypeLabel(t: string | null | undefined): string {
  return t ? APPLICANT_TYPE_LABELS[t as keyof typeof APPLICANT_TYPE_LABELS] ?? t : '—';
}

/**
 * 条例 Art.31: what the receipt date is for each channel, shown next to the date field when registering.
 */
export const RECEIPT_RULE_HINTS: Record<Channel, string> = {
  in_person: '当面提交：以提交之日为收到申请之日（条例第三十一条第（一）项）。',
  letter: '邮寄：以本机关签收之日为收到申请之日；平常信函等无需签收的，以工作机构与申请人确认之日为准（条例第三十一条第（二）项）。请在“证据”中填写签收单号或确认记录。',
  fax: '传真：以双方确认之日为收到申请之日（条例第三十一条第（三）项）。请在“证据”中写明确认方式和时间。',
  online: '互联网渠道：以双方确认之日为收到申请之日（条例第三十一条第（三）项）。',
  email: '电子邮件（互联网渠道）：以双方确认之日为收到申请之日（条例第三十一条第（三）项）。请在“证据”中写明确认邮件的时间。',
  other: '其他方式：请按条例第三十一条确定收到申请之日，并在“证据”中说明。',
};

/** Open states, for "待办" filters. */
export const OPEN_STATES: readonly RequestState[] = ['submitted', 'registered', 'awaiting_supplement', 'in_progress', 'consulting', 'awaiting_fee', 'reply_drafted', 'reply_approved', 'reply_cleared'];
