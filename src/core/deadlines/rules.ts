import type { IsoDate } from '../types.js';

/**
 * Statutory periods of the 依申请公开 procedure, as data (alaveteli keeps them in config; we keep them in core
 * because they are law, not deployment choices). All periods are in working days (工作日) and are counted from
 * the day after the start date (legal-facts §6; see `computeDeadline`).
 */

/** The two versions of the 条例: 国务院令第492号 (in force 2008-05-01) and 国务院令第711号 (in force 2019-05-15). */
export const REGIMES = ['2008', '2019'] as const;
export type Regime = (typeof REGIMES)[number];

/** First day on which the 2019 条例 applies (国务院令第711号 Art.56 "本条例自2019年5月15日起施行"). */
export const REGIME_2019_FROM: IsoDate = '2019-05-15';

/**
 * Which 条例 governs a request, by its legal receipt date (Art.31). A request received before 2019-05-15 keeps
 * the 2008 periods (Art.24: 15 + ≤15 working days) for its whole life, even if a 补正 arrives later; from
 * 2019-05-15 the 2019 periods apply (Art.33: 20 + ≤20). legal-facts §1.4 "Transition".
 */
export function regimeFor(receivedOn: IsoDate): Regime {
  return receivedOn < REGIME_2019_FROM ? '2008' : '2019';
}

export interface DeadlineRule {
  /** Reply period (答复期限) in working days: 2008 Art.24 ¶2 = 15; 2019 Art.33 ¶1 = 20. */
  readonly baseDays: number;
  /** Longest extension (延长答复期限), once, approved by the head of the disclosure office: 2008 Art.24 = 15; 2019 Art.33 = 20. */
  readonly maxExtensionDays: number;
  /** Last working day after receipt on which a 补正 notice may be issued: 2019 Art.30 = 7; the 2008 条例 set none (null). */
  readonly supplementNoticeDays: number | null;
  /** Working days a third party has to give its opinion, from receiving the request for comment: 2019 Art.32 = 15; 2008 none. */
  readonly thirdPartyDays: number | null;
  /** Working days a co-producing agency has to answer (逾期视为同意公开): 2019 Art.34 = 15; 2008 none. */
  readonly coAgencyDays: number | null;
  /**
   * Working days to pay a 信息处理费 notice, counted from the day after the applicant received it
   * (国办函〔2020〕109号, "收到收费通知次日起20个工作日内"). The 办法 applies to notices issued from 2021-01-01
   * (`FEE_RULES_FROM`), whatever the regime of the request.
   */
  readonly feePaymentDays: number;
}

export const DEADLINE_RULES: Readonly<Record<Regime, DeadlineRule>> = {
  '2008': { baseDays: 15, maxExtensionDays: 15, supplementNoticeDays: null, thirdPartyDays: null, coAgencyDays: null, feePaymentDays: 20 },
  '2019': { baseDays: 20, maxExtensionDays: 20, supplementNoticeDays: 7, thirdPartyDays: 15, coAgencyDays: 15, feePaymentDays: 20 },
};

/** First day a 信息处理费 notice may be issued (国办函〔2020〕109号, applied from 2021-01-01; legal-facts 2nd pass §2.1). */
export const FEE_RULES_FROM: IsoDate = '2021-01-01';

/** Per-deployment choices where the law is silent or unverified. */
export interface DeadlineSettings {
  /**
   * Whether the reply clock stops from the day a fee notice is issued until it is paid, waived or expires.
   * Legally UNVERIFIED (legal-facts 2nd pass §2.1 [NF]: no stored text of 国办函〔2020〕109号 says so); default true
   * as the legal-facts engineering advice recommends. Admins may turn it off.
   */
  readonly pauseDuringFeeNotice: boolean;
  /** A running deadline is "due soon" when this many working days or fewer are left (default 3, issue 2 item 7). */
  readonly dueSoonWorkingDays: number;
  /**
   * Working days after which a notice sent by each channel is PRESUMED received when no receipt is recorded, for the
   * periods that run from the applicant's receipt: the fee window (国办函〔2020〕109号 "收到收费通知次日起20个工作日")
   * and the 补正期限 (counted from receipt, see `noticePeriodEnd`). `null` = no presumption: the period has no end
   * (and 逾期未缴费 / 逾期未补正 is refused) until the receipt date is recorded. Default: null for every channel —
   * the applicant never loses the request on a guessed delivery date. An office that proves delivery by other means
   * may set e.g. `{ post: 5, email: 1, online: 1, in_person: 0 }`.
   */
  readonly presumedDeliveryDays?: Readonly<Partial<Record<NoticeChannel, number | null>>>;
  /**
   * Whether a second 补正 may be requested (条例 Art.30 "一次性告知"). 'justified' (default): one 补正 per request; a
   * second only with a recorded justification and within the original 7 working days from receipt. 'never': one
   * 补正 only. In both cases a request still unclear after its 补正 is answered 无法提供-补正后申请内容仍不明确.
   */
  readonly repeatSupplement?: RepeatSupplementPolicy;
}

/** How a notice reaches the applicant (same codes as the request events' delivery methods). */
export const NOTICE_CHANNELS = ['post', 'email', 'online', 'in_person'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];
export const REPEAT_SUPPLEMENT_POLICIES = ['justified', 'never'] as const;
export type RepeatSupplementPolicy = (typeof REPEAT_SUPPLEMENT_POLICIES)[number];

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = Object.freeze({
  pauseDuringFeeNotice: true,
  dueSoonWorkingDays: 3,
  presumedDeliveryDays: Object.freeze({ post: null, email: null, online: null, in_person: null }),
  repeatSupplement: 'justified' as RepeatSupplementPolicy,
});
