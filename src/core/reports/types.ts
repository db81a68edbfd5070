/**
 * Input rows of the report engine (what the set-based SQL fetches) and the report JSON it produces
 * (DESIGN.md "Report JSON": stable keys; extra keys are additions, never renames).
 */
import type { ApplicantType, Channel, IsoDate } from '../types.js';
import type { Outcome } from '../requests/outcomes.js';
import type { CaseKind, CaseResult, CaseRoute } from './cases.js';
import type { FactValue } from './facts.js';
import type {
  Gov2014CaseCell, Gov2014RequestKey, Gov2019RowKey, Gov2021RowKey, RequestColumn, ReviewCell, ReviewGroup,
} from './formats.js';

/** One 依申请公开 request as the report needs it. */
export interface ReportRequestRow {
  /** Legal receipt date (条例 Art.31; after a 补正, the date the completed request was received, Art.30). */
  receivedOn: IsoDate;
  /** Date the reply was sent (办结); null = still being handled. */
  closedOn: IsoDate | null;
  applicantType: ApplicantType;
  channel: Channel;
  /** 办理结果; set whenever `closedOn` is. Either vocabulary (2019 or 2008) is accepted in any year. */
  outcome: Outcome | null;
  /** An extension (延期答复, Art.33 ¶2) was approved. */
  extended: boolean;
  department?: string | null;
  /** Amount of the fee notice (收费通知) in yuan, if one was issued (国办函〔2020〕109号). */
  feeNoticeYuan?: number | null;
  /** Amount actually paid, in yuan. */
  feeCollectedYuan?: number | null;
  /** Date the fee notice was issued; when absent the fee is attributed to the year the request was closed. */
  feeNoticedOn?: IsoDate | null;
  /** Date the fee was paid; when absent the payment is attributed to the year the request was closed. */
  feePaidOn?: IsoDate | null;
  /**
   * How many identical requests this row stands for (default 1), so that SQL may pre-aggregate with GROUP BY
   * instead of returning one row per request. Fee amounts are per request.
   */
  count?: number;
}

/** One 补正 notice (告知作出更改补充 / 补正告知书, Art.30) issued. */
export interface ReportSupplementRow {
  requestedOn: IsoDate;
  /** How many notices this row stands for (default 1). */
  count?: number;
}

/** One 行政复议 or 行政诉讼 case about 政府信息公开 work. */
export interface ReportCaseRow {
  kind: CaseKind;
  /** 行政诉讼 only: 未经复议直接起诉 / 复议后起诉. */
  route: CaseRoute | null;
  receivedOn: IsoDate;
  /** 结案日期; null = not concluded. */
  closedOn: IsoDate | null;
  result: CaseResult | null;
  /** How many identical cases this row stands for (default 1). */
  count?: number;
}

/** One invariant check (legal-facts §2.7). A failing check is reported, never fixed. */
export interface ReportCheck {
  rule: string;
  ok: boolean;
  detail: string;
}

/** Seven integers in `REQUEST_COLUMNS` order (自然人, 五类法人或其他组织, 总计). */
export type ColumnCounts = number[];

export type ReviewCounts = Record<ReviewCell, number>;
export type Reviews = Record<ReviewGroup, ReviewCounts>;

/** 信息处理费 (国办函〔2020〕109号; part 六 of gov-2021). */
export interface FeeSummary {
  noticesIssued: FactValue | null;
  amountNoticedYuan: FactValue | null;
  amountCollectedYuan: FactValue | null;
}

export type ValueSource = 'computed' | 'entered';

/** A count of requests whose outcome belongs to the other vocabulary and was mapped (outcome-mapping.ts). */
export interface MappedOutcome {
  outcome: Outcome;
  row: string;
  count: number;
}

export interface DepartmentStat {
  department: string;
  received: number;
  closed: number;
  extended: number;
  carriedOut: number;
}

/** Keys every format shares; the `?` ones are extras that uploaded reports from elsewhere may lack. */
interface ReportCommon {
  year: number;
  agency: string;
  /** 举报投诉数量 (entered). */
  complaints: FactValue | null;
  fees?: FeeSummary;
  /** Requests received in each month of the year (12 numbers). */
  byMonth?: number[];
  /** Requests received in the year by channel as recorded (before the gov-2014 channel-row folding). */
  byChannel?: Record<Channel, number>;
  byDepartment?: DepartmentStat[];
  mappedOutcomes?: MappedOutcome[];
  /** Where each non-table value came from, by dotted JSON path. */
  sources?: Record<string, ValueSource>;
  checks: ReportCheck[];
}

type Cell = FactValue | null;

export interface Gov2021Proactive {
  regulations: { issued: Cell; repealed: Cell; inForce: Cell };
  normativeDocuments: { issued: Cell; repealed: Cell; inForce: Cell };
  licensing: { decisions: Cell };
  punishment: { decisions: Cell };
  enforcement: { decisions: Cell };
  fees: { amountWanYuan: Cell };
}

export interface Gov2019Proactive {
  regulations: { made: Cell; published: Cell; total: Cell };
  normativeDocuments: { made: Cell; published: Cell; total: Cell };
  licensing: { previous: Cell; change: Cell; decisions: Cell };
  otherServices: { previous: Cell; change: Cell; decisions: Cell };
  punishment: { previous: Cell; change: Cell; decisions: Cell };
  enforcement: { previous: Cell; change: Cell; decisions: Cell };
  fees: { previous: Cell; change: Cell };
  procurement: { projects: Cell; amountWanYuan: Cell };
}

export interface Gov2021Report extends ReportCommon {
  format: 'gov-2021';
  proactive: Gov2021Proactive;
  requests: { columns: RequestColumn[]; rows: Record<Gov2021RowKey, ColumnCounts> };
  reviews: Reviews;
}

export interface Gov2019Report extends ReportCommon {
  format: 'gov-2019';
  proactive: Gov2019Proactive;
  requests: { columns: RequestColumn[]; rows: Record<Gov2019RowKey, ColumnCounts> };
  reviews: Reviews;
}

export interface Gov2014Proactive {
  total: Cell; normativeDocuments: Cell; normativeDocumentsIssued: Cell;
  gazette: Cell; website: Cell; weibo: Cell; wechat: Cell; other: Cell;
}
export interface Gov2014Responses {
  hotspots: Cell; channels: Cell; pressConferences: Cell; pressConferencesByLeaders: Cell;
  onlineInterviews: Cell; onlineInterviewsByLeaders: Cell; interpretations: Cell; weiboWechat: Cell; other: Cell;
}
export interface Gov2014Organisation {
  dedicatedBodies: Cell; readingPoints: Cell; staff: Cell; staffFullTime: Cell; staffPartTime: Cell; budgetWanYuan: Cell;
}
export interface Gov2014Meetings { meetings: Cell; trainings: Cell; trainees: Cell }

export type Gov2014Requests = Record<Gov2014RequestKey, number> & {
  /** Extra: requests received before the year and still open on 1 January (not a row of the 统计表). */
  carriedIn?: number;
  /** Extra: requests received by 31 December and still open then (not a row of the 统计表). */
  carriedOut?: number;
};

export interface Gov2014Report extends ReportCommon {
  format: 'gov-2014';
  requests: Gov2014Requests;
  reconsideration: Record<Gov2014CaseCell, number>;
  litigation: Record<Gov2014CaseCell, number>;
  /** 七、依申请公开信息收取的费用, 万元. */
  feesWanYuan: FactValue | null;
  proactive: Gov2014Proactive;
  responses: Gov2014Responses;
  organisation: Gov2014Organisation;
  meetings: Gov2014Meetings;
}

export type TableReport = Gov2021Report | Gov2019Report;
export type AnnualReport = Gov2021Report | Gov2019Report | Gov2014Report;
