import type { Regime } from '../deadlines/rules.js';
import type { FeeCalculation } from '../fees/calculate-fee.js';
import type { Outcome } from '../requests/outcomes.js';
import type { ApplicantType, Channel, IsoDate } from '../types.js';

/**
 * Every written notice of the 依申请公开 procedure (DESIGN.md module 2; issue 5). Interim notices are procedural
 * and carry no remedy clause (legal-facts 2nd pass §6.2: 补正/延期/征求意见/收费 are not separately actionable);
 * `reply` (答复书) and `third-party-decision` are decisions and always state the remedy.
 */
export const NOTICE_TYPES = [
  'receipt', // 登记回执
  'supplement', // 补正告知书 (Art.30)
  'extension', // 延期答复告知书 (Art.33 ¶2; 2008 Art.24 ¶2)
  'consultation', // 第三方征求意见书 (Art.32)
  'third-party-decision', // 决定公开告知书 to the third party (Art.32, last sentence)
  'delay', // 说明理由告知书 / 延迟答复告知书 (Art.35)
  'fee', // 收费通知书 (国办函〔2020〕109号)
  'reply', // 答复书, one variant per outcome (Arts.36–39)
] as const;
export type NoticeType = (typeof NOTICE_TYPES)[number];

export const NOTICE_TYPE_LABELS: Record<NoticeType, string> = {
  receipt: '登记回执',
  supplement: '补正告知书',
  extension: '延期答复告知书',
  consultation: '第三方征求意见书',
  'third-party-decision': '决定公开告知书（第三方）',
  delay: '说明理由/延迟答复告知书',
  fee: '收费通知书',
  reply: '答复书',
};

/** Procedural notices: no remedy clause (legal-facts §6, 2nd pass §6.2–6.3). */
export const INTERIM_NOTICE_TYPES: readonly NoticeType[] = ['receipt', 'supplement', 'extension', 'consultation', 'fee', 'delay'];

export function isNoticeType(v: unknown): v is NoticeType {
  return typeof v === 'string' && (NOTICE_TYPES as readonly string[]).includes(v);
}

/**
 * Where the agency sits, which decides the 行政复议机关 (行政复议法 2023 Arts.24, 25, 27; 2017 Arts.12–14):
 * - `local_gov_dept` 县级以上地方人民政府工作部门 → 本级人民政府 (2023 Art.24(一)); before 2024 also 上一级主管部门;
 * - `local_gov` 地方人民政府 → 上一级人民政府 (2023 Art.24(二); 2017 Art.13);
 * - `state_council_dept` 国务院部门 → the department itself (2023 Art.25(一); 2017 Art.14);
 * - `vertical` 海关、金融、外汇管理等垂直领导机关、税务和国家安全机关 → 上一级主管部门 (2023 Art.27; 2017 Art.12 ¶2).
 */
export const AGENCY_LEVELS = ['state_council_dept', 'local_gov_dept', 'local_gov', 'vertical'] as const;
export type AgencyLevel = (typeof AGENCY_LEVELS)[number];

/** 复议前置 ("应当先申请行政复议") or the free choice between 复议 and 诉讼. */
export const REMEDY_MODES = ['reconsideration_first', 'either'] as const;
export type RemedyMode = (typeof REMEDY_MODES)[number];

export interface AgencyInfo {
  /** Full name, used as 发文机关标志 and 署名. */
  name: string;
  shortName?: string;
  /** 发文机关代字 for 文号, e.g. `国土资公开`. */
  docPrefix?: string;
  address?: string;
  phone?: string;
  level: AgencyLevel;
  /**
   * The body above the agency that the law points to: for `local_gov_dept` the 本级人民政府 (e.g. 某市人民政府);
   * for `local_gov` the 上一级人民政府; for `vertical` the 上一级主管部门. Unused for `state_council_dept`.
   */
  parentBody?: string;
  /** 上一级主管部门 of a local department: the applicant's second choice before 2024 (2017 行政复议法 Art.12). */
  superiorDepartment?: string;
  /** Overrides the computed 行政复议机关 (e.g. a provincial government that reviews its own acts, 2023 Art.24 ¶2). */
  reconsiderationBody?: string;
  /** Court named in the 行政诉讼 sentence; default "人民法院". */
  litigationCourt?: string;
  /**
   * Per-outcome override of the remedy mode (issue 5: "configurable per agency and per outcome"). Only applies
   * to replies issued from 2024-01-01; refusing disclosure under Arts.14–16 is always 复议前置 (2023 Art.23).
   */
  remedyPolicy?: Partial<Record<Outcome, RemedyMode>>;
}

export interface ApplicantInfo {
  name: string;
  type: ApplicantType;
}

export interface RequestInfo {
  /** 受理编号. */
  trackingCode: string;
  /** Legal receipt date (条例 Art.31); after a 补正 the date the supplemented request was received. */
  receivedOn: IsoDate;
  /** 申请内容 as the applicant described it. */
  description: string;
  channel: Channel;
  /** Which 条例 governs; default by `receivedOn` (before 2019-05-15 → '2008'). */
  regime?: Regime;
}

export interface NoticeDates {
  /** 成文日期 of this notice. */
  issuedOn: IsoDate;
  /** Current reply deadline (答复期限), if known. */
  dueOn?: IsoDate;
  /** New deadline after an extension (Art.33 ¶2) or the 延迟答复 period (Art.35). */
  newDueOn?: IsoDate;
  /** End of the 补正期限 the agency set (Art.30 "合理的补正期限"). */
  supplementDueOn?: IsoDate;
  /** Date the 补正告知书 was issued (for replies that refer to it). */
  supplementRequestedOn?: IsoDate;
  /** Date by which a third party should answer (informative; the law counts 15 working days from its receipt). */
  opinionDueOn?: IsoDate;
  /** Date the third party was consulted (third-party-decision). */
  consultationSentOn?: IsoDate;
  /** Date by which the applicant should explain the reasons (Art.35 说明理由). */
  reasonDueOn?: IsoDate;
  /** Date the applicant was asked to explain (Art.35), referred to by the 不予处理 reply. */
  reasonRequestedOn?: IsoDate;
  /** Date the 收费通知 was issued (referred to by the 逾期未缴费 reply). */
  feeNoticeIssuedOn?: IsoDate;
}

export interface OtherAgency {
  name: string;
  contact?: string;
}

/** How the information is provided or obtained (Art.36(一)(二): 方式、途径、时间). */
export interface ProvisionDetails {
  /** 方式, e.g. "以电子邮件方式（发送至申请人邮箱）". */
  method?: string;
  /** 途径, e.g. "本机关门户网站“政府信息公开”栏目（网址：…）". */
  way?: string;
  /** 时间, e.g. "2026年12月1日至12月5日工作时间". */
  time?: string;
}

/** Fee notice input: a calculation from `core/fees` plus how to pay (国办函〔2020〕109号: 依据、标准、数额、缴纳方式). */
export type FeeNoticeInput = FeeCalculation & {
  /** 缴纳方式, e.g. "通过财政非税收入电子缴款码缴纳（缴款码：…）". */
  paymentMethod: string;
  /** Last day to pay, when already known (20 working days from the day after the applicant receives the notice). */
  payBy?: IsoDate;
};

/** Rights of a third party that disclosure may harm (条例 Art.15 "商业秘密、个人隐私等"; Art.32). */
export const THIRD_PARTY_RIGHTS = ['commercial_secret', 'privacy', 'other'] as const;
export type ThirdPartyRight = (typeof THIRD_PARTY_RIGHTS)[number];
export const THIRD_PARTY_RIGHT_LABELS: Record<ThirdPartyRight, string> = { commercial_secret: '商业秘密', privacy: '个人隐私', other: '其他合法权益' };

export function isThirdPartyRight(v: unknown): v is ThirdPartyRight {
  return typeof v === 'string' && (THIRD_PARTY_RIGHTS as readonly string[]).includes(v);
}

export interface ThirdPartyInfo {
  name: string;
  type?: ApplicantType;
  /**
   * The information that concerns the third party (consultation: which part of the requested information, not the
   * whole request) or that will be disclosed (decision).
   */
  information?: string;
  /** Consultation: which right(s) of the third party disclosure may harm (Art.15), printed in the 征求意见书. */
  rights?: ThirdPartyRight[];
  /** What the third party answered, when the decision refers to it. */
  response?: 'objected' | 'no_reply' | 'agreed';
}

/** Everything a notice can need. Only `agency`, `applicant`, `request` and `dates.issuedOn` are always required. */
export interface NoticeInput {
  agency: AgencyInfo;
  applicant: ApplicantInfo;
  request: RequestInfo;
  dates: NoticeDates;
  /** 文号, allocated by the caller (never reused); null/absent for notices without one. */
  docNumber?: string | null;
  /** Outcome of the request (reply only). */
  outcome?: Outcome;
  /** Reasons the notice must state (why withheld, why extended, why the volume is excessive, public interest…). */
  reasons?: string;
  /** Free-text legal basis beyond the 条例 (e.g. the law that forbids disclosure, or the special law of Art.36(七)). */
  legalBasis?: string;
  otherAgency?: OtherAgency;
  provision?: ProvisionDetails;
  fee?: FeeNoticeInput;
  supplement?: { items: string[]; guidance?: string };
  extension?: { workingDays?: number };
  thirdParty?: ThirdPartyInfo;
  delay?: { kind: 'request_reasons' | 'delayed_reply' };
  /**
   * For a partial disclosure (Art.37): what is given, what is withheld, and the ground(s) of the withheld part
   * (`withheldGrounds`; `withheldGround` is the older single-ground form). At least one ground is required: it
   * decides the legal basis and whether the remedy is 复议前置 (`remedyModeFor`).
   */
  partial?: { disclosedPart?: string; withheldPart?: string; withheldGround?: PartialWithheldGround; withheldGrounds?: PartialWithheldGround[] };
  /** For `unavailable_not_held`: Art.36(四) 信息不存在 or Art.36(五) 不属于本机关负责公开. Default: (五) when `otherAgency` is given. */
  notHeld?: 'not_exist' | 'not_responsible';
  /** For `not_processed_excessive` (Art.35): the reasons were found unreasonable, or not given by `dates.reasonDueOn`. */
  excessive?: { finding: 'unreasonable' | 'not_given' };
  /** For `not_processed_duplicate`: the earlier reply (Art.36(六)). */
  previousReply?: { repliedOn: IsoDate; docNumber?: string };
  /** 附件 names (GB/T 9704-2012 7.3.4). */
  attachments?: string[];
  /** Deadlines that are 暂定, printed with a note (their year's holiday notice is not loaded; core/calendar `provisionalDates`). */
  provisionalDates?: readonly IsoDate[];
  /**
   * 登记回执: how the applicant follows the request on the portal (查询码 + 查询密码). The 查询密码 is stored only as
   * a hash, so it is printed only on the receipt issued at registration (`accessKey`); a copy built later says where
   * the key was given (`keyGiven`: on the printed receipt, or on the page shown after an online submission).
   */
  tracking?: { code: string; accessKey?: string; keyGiven?: 'printed_receipt' | 'online_submission'; portalUrl?: string };
}

export const WITHHELD_OUTCOMES = [
  'withheld_state_secret', 'withheld_prohibited_by_law', 'withheld_security_stability', 'withheld_third_party',
  'withheld_internal_affairs', 'withheld_process_info', 'withheld_enforcement_file', 'withheld_query_matter',
] as const satisfies readonly Outcome[];
export type WithheldOutcome = (typeof WITHHELD_OUTCOMES)[number];

/**
 * Grounds of the withheld part of a 部分公开 (Art.37 "不应当公开或者不属于政府信息的内容"): the refusal grounds of
 * Arts.14–16, the Art.36(七) referral (`withheld_query_matter`) and `not_government_info` (不属于政府信息, Art.2).
 */
export const PARTIAL_WITHHELD_GROUNDS = [...WITHHELD_OUTCOMES, 'not_government_info'] as const;
export type PartialWithheldGround = (typeof PARTIAL_WITHHELD_GROUNDS)[number];
export const PARTIAL_WITHHELD_GROUND_LABELS: Record<PartialWithheldGround, string> = {
  withheld_state_secret: '属于国家秘密（第十四条）',
  withheld_prohibited_by_law: '法律、行政法规禁止公开（第十四条）',
  withheld_security_stability: '危及“三安全一稳定”（第十四条）',
  withheld_third_party: '保护第三方合法权益（第十五条）',
  withheld_internal_affairs: '属于内部事务信息（第十六条第一款）',
  withheld_process_info: '属于过程性信息（第十六条第二款）',
  withheld_enforcement_file: '属于行政执法案卷（第十六条第二款）',
  withheld_query_matter: '属于行政查询事项（第三十六条第（七）项）',
  not_government_info: '不属于政府信息（第二条）',
};
/** Grounds that refuse disclosure under Arts.14–16: a 部分公开 resting on one of them is 复议前置 (行政复议法 2023 Art.23). */
export const ARTS_14_16_GROUNDS: readonly PartialWithheldGround[] = WITHHELD_OUTCOMES.filter((o) => o !== 'withheld_query_matter');

export function isPartialWithheldGround(v: unknown): v is PartialWithheldGround {
  return typeof v === 'string' && (PARTIAL_WITHHELD_GROUNDS as readonly string[]).includes(v);
}

export const PARAGRAPH_KINDS = ['body', 'legal_basis', 'reasons', 'remedy', 'closing'] as const;
export type ParagraphKind = (typeof PARAGRAPH_KINDS)[number];

export interface NoticeParagraph {
  kind: ParagraphKind;
  text: string;
}

/** The complete, renderer-independent content of a notice; stored as sent ("what was sent is never regenerated"). */
export interface NoticeContent {
  type: NoticeType;
  /** e.g. 政府信息公开申请答复书. */
  title: string;
  docNumber: string | null;
  /** 发文机关标志 (the agency's full name). */
  issuer: string;
  /** 主送: the addressee's name followed by a full-width colon, e.g. `张三：`. */
  addressee: string;
  paragraphs: NoticeParagraph[];
  /** 附件 names, in order. */
  attachments: string[];
  /** 署名 and 成文日期 (`dateChinese` follows GB/T 9704-2012 7.3.5: Arabic numerals, e.g. `2026年11月27日`). */
  signature: { agency: string; dateChinese: string; date: IsoDate };
  /** 附注 (GB/T 9704-2012 7.3.6): contact line printed under the date, or null. */
  note: string | null;
  /** Every provision cited, with the instrument's title, in order of first citation. */
  legalCitations: string[];
  meta: {
    regime: Regime;
    outcome: Outcome | null;
    trackingCode: string;
    /** Null for interim notices (no remedy clause). */
    remedyMode: RemedyMode | null;
    /** Version of the agency template used, or null for the built-in wording. */
    templateVersion: number | null;
  };
}
