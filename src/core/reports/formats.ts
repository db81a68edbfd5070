/**
 * The three national formats of the 政府信息公开工作年度报告 and the row/column vocabulary of their tables
 * (legal-facts.md §2–§3; DESIGN.md "Report JSON"). Everything here is data: labels are the exact printed
 * labels of the official templates, keys are the stable JSON keys.
 */
import { APPLICANT_TYPES, APPLICANT_TYPE_LABELS } from '../types.js';

/**
 * - `gov-2021`: 国办公开办函〔2021〕30号 (report years 2021 onward).
 * - `gov-2019`: 国办公开办函〔2019〕60号 (report years 2019–2020).
 * - `gov-2014`: 《政府信息公开情况统计表》 of 国办发〔2014〕32号 (report years up to 2018; the seed report's 附表).
 */
export const REPORT_FORMATS = ['gov-2021', 'gov-2019', 'gov-2014'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export type TableFormat = Exclude<ReportFormat, 'gov-2014'>;

export const REPORT_FORMAT_LABELS: Record<ReportFormat, string> = {
  'gov-2021': '国办公开办函〔2021〕30号格式',
  'gov-2019': '国办公开办函〔2019〕60号格式',
  'gov-2014': '国办发〔2014〕32号统计表格式',
};

export function isReportFormat(v: unknown): v is ReportFormat {
  return typeof v === 'string' && (REPORT_FORMATS as readonly string[]).includes(v);
}

/**
 * The format a report year is due in (DESIGN.md "Command line"): ≤2018 `gov-2014` (国办发〔2014〕32号),
 * 2019–2020 `gov-2019` (国办公开办函〔2019〕60号), ≥2021 `gov-2021` (国办公开办函〔2021〕30号, legal-facts second
 * pass §4.1: used from the 2021 reports onward).
 */
export function defaultFormatForYear(year: number): ReportFormat {
  if (year <= 2018) return 'gov-2014';
  if (year <= 2020) return 'gov-2019';
  return 'gov-2021';
}

/** Column keys of part 三 (申请人情况), in table order; the last one is 总计. */
export const REQUEST_COLUMNS = [...APPLICANT_TYPES, 'total'] as const;
export type RequestColumn = (typeof REQUEST_COLUMNS)[number];
export const REQUEST_COLUMN_LABELS: Record<RequestColumn, string> = { ...APPLICANT_TYPE_LABELS, total: '总计' };
/** Index of the 总计 column. */
export const TOTAL_COLUMN = 6;

/** A row of part 三. `group`/`item` are the printed labels of the nested header cells; `label` the full label. */
export interface RequestRowDef<K extends string = string> {
  readonly key: K;
  /** Label of the outermost level (一、二、三、四). */
  readonly section: string;
  /** Label of the middle level (（一）…（七）) for rows inside 三、本年度办理结果. */
  readonly group?: string;
  /** Label of the innermost level (1. 2. …) for rows with sub-items. */
  readonly item?: string;
  /** Whether this row is an outcome row (counted into （七）总计). */
  readonly isOutcome: boolean;
}

const S1 = '一、本年新收政府信息公开申请数量';
const S2 = '二、上年结转政府信息公开申请数量';
const S3 = '三、本年度办理结果';
const S4 = '四、结转下年度继续办理';
const G_WITHHELD = '（三）不予公开';
const G_UNAVAILABLE = '（四）无法提供';
const G_NOT_PROCESSED = '（五）不予处理';
const G_OTHER = '（六）其他处理';

const HEAD_ROWS = [
  { key: 'received', section: S1, isOutcome: false },
  { key: 'carriedIn', section: S2, isOutcome: false },
  { key: 'disclosed', section: S3, group: '（一）予以公开', isOutcome: true },
  { key: 'partlyDisclosed', section: S3, group: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', isOutcome: true },
  { key: 'withheldStateSecret', section: S3, group: G_WITHHELD, item: '1.属于国家秘密', isOutcome: true },
  { key: 'withheldProhibitedByLaw', section: S3, group: G_WITHHELD, item: '2.其他法律行政法规禁止公开', isOutcome: true },
  { key: 'withheldSecurityStability', section: S3, group: G_WITHHELD, item: '3.危及“三安全一稳定”', isOutcome: true },
  { key: 'withheldThirdParty', section: S3, group: G_WITHHELD, item: '4.保护第三方合法权益', isOutcome: true },
  { key: 'withheldInternalAffairs', section: S3, group: G_WITHHELD, item: '5.属于三类内部事务信息', isOutcome: true },
  { key: 'withheldProcessInfo', section: S3, group: G_WITHHELD, item: '6.属于四类过程性信息', isOutcome: true },
  { key: 'withheldEnforcementFile', section: S3, group: G_WITHHELD, item: '7.属于行政执法案卷', isOutcome: true },
  { key: 'withheldQueryMatter', section: S3, group: G_WITHHELD, item: '8.属于行政查询事项', isOutcome: true },
  { key: 'unavailableNotHeld', section: S3, group: G_UNAVAILABLE, item: '1.本机关不掌握相关政府信息', isOutcome: true },
  { key: 'unavailableNeedsCreation', section: S3, group: G_UNAVAILABLE, item: '2.没有现成信息需要另行制作', isOutcome: true },
  { key: 'unavailableUnclear', section: S3, group: G_UNAVAILABLE, item: '3.补正后申请内容仍不明确', isOutcome: true },
  { key: 'notProcessedPetition', section: S3, group: G_NOT_PROCESSED, item: '1.信访举报投诉类申请', isOutcome: true },
  { key: 'notProcessedDuplicate', section: S3, group: G_NOT_PROCESSED, item: '2.重复申请', isOutcome: true },
  { key: 'notProcessedPublication', section: S3, group: G_NOT_PROCESSED, item: '3.要求提供公开出版物', isOutcome: true },
  { key: 'notProcessedExcessive', section: S3, group: G_NOT_PROCESSED, item: '4.无正当理由大量反复申请', isOutcome: true },
  { key: 'notProcessedConfirmation', section: S3, group: G_NOT_PROCESSED, item: '5.要求行政机关确认或重新出具已获取信息', isOutcome: true },
] as const satisfies readonly RequestRowDef[];

const OTHER_ROWS_2021 = [
  { key: 'otherNoSupplement', section: S3, group: G_OTHER, item: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', isOutcome: true },
  { key: 'otherUnpaidFee', section: S3, group: G_OTHER, item: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', isOutcome: true },
  { key: 'otherOther', section: S3, group: G_OTHER, item: '3.其他', isOutcome: true },
] as const satisfies readonly RequestRowDef[];

const OTHER_ROWS_2019 = [{ key: 'other', section: S3, group: G_OTHER, isOutcome: true }] as const satisfies readonly RequestRowDef[];

const TAIL_ROWS = [
  { key: 'handledTotal', section: S3, group: '（七）总计', isOutcome: false },
  { key: 'carriedOut', section: S4, isOutcome: false },
] as const satisfies readonly RequestRowDef[];

/** The 25 rows of the gov-2021 part 三 table (legal-facts §2.4), in printed order. */
export const GOV2021_ROWS = [...HEAD_ROWS, ...OTHER_ROWS_2021, ...TAIL_ROWS] as const;
/** The 23 rows of the gov-2019 part 三 table: （六）其他处理 is a single row (legal-facts §2.4). */
export const GOV2019_ROWS = [...HEAD_ROWS, ...OTHER_ROWS_2019, ...TAIL_ROWS] as const;

export type Gov2021RowKey = (typeof GOV2021_ROWS)[number]['key'];
export type Gov2019RowKey = (typeof GOV2019_ROWS)[number]['key'];
export type RequestRowKey = Gov2021RowKey | Gov2019RowKey;

export function requestRowsOf(format: TableFormat): readonly RequestRowDef<RequestRowKey>[] {
  return format === 'gov-2021' ? GOV2021_ROWS : GOV2019_ROWS;
}

/** Header cell (top-left) of the part 三 table, verbatim (legal-facts §2.4, [C]). */
export const REQUEST_TABLE_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

/** Part 四 groups and their five cells (legal-facts §2.5). */
export const REVIEW_GROUPS = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const;
export type ReviewGroup = (typeof REVIEW_GROUPS)[number];
export const REVIEW_GROUP_LABELS: Record<ReviewGroup, string> = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼（未经复议直接起诉）',
  litigationAfterReconsideration: '行政诉讼（复议后起诉）',
};
export const REVIEW_CELLS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type ReviewCell = (typeof REVIEW_CELLS)[number];
export const REVIEW_CELL_LABELS: Record<ReviewCell, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

/** gov-2014 三、依申请公开情况 keys (DESIGN.md "Report JSON", gov-2014). */
export const GOV2014_REQUEST_KEYS = [
  'received', 'receivedInPerson', 'receivedByFax', 'receivedOnline', 'receivedByLetter',
  'completed', 'completedOnTime', 'completedExtended',
  'answered', 'alreadyPublic', 'disclosed', 'partlyDisclosed',
  'withheld', 'withheldStateSecret', 'withheldCommercialSecret', 'withheldPrivacy',
  'withheldSecurityStability', 'withheldNotGovernmentInfo', 'withheldOtherLaw',
  'notThisAgency', 'notExist', 'supplementRequested', 'otherChannel',
] as const;
export type Gov2014RequestKey = (typeof GOV2014_REQUEST_KEYS)[number];

/** The answer rows of gov-2014 三（三） that a closed request can fall into (every one except 7.告知作出更改补充数). */
export const GOV2014_ANSWER_ROWS = [
  'alreadyPublic', 'disclosed', 'partlyDisclosed',
  'withheldStateSecret', 'withheldCommercialSecret', 'withheldPrivacy', 'withheldSecurityStability',
  'withheldNotGovernmentInfo', 'withheldOtherLaw',
  'notThisAgency', 'notExist', 'otherChannel',
] as const satisfies readonly Gov2014RequestKey[];
export type Gov2014AnswerRow = (typeof GOV2014_ANSWER_ROWS)[number];

export const GOV2014_WITHHELD_ROWS = [
  'withheldStateSecret', 'withheldCommercialSecret', 'withheldPrivacy', 'withheldSecurityStability',
  'withheldNotGovernmentInfo', 'withheldOtherLaw',
] as const satisfies readonly Gov2014AnswerRow[];

export const GOV2014_CASE_CELLS = ['total', 'upheld', 'corrected', 'other'] as const;
export type Gov2014CaseCell = (typeof GOV2014_CASE_CELLS)[number];

/**
 * One printed line of the gov-2014 统计表 (legal-facts §3): `path` is the report JSON path of its value
 * (null for heading lines without a value), `indent` the nesting level used by renderers.
 */
export interface StatisticsLine {
  readonly label: string;
  readonly unit: string;
  readonly path: string | null;
  readonly indent: number;
}

const line = (label: string, unit: string, path: string | null, indent: number): StatisticsLine => ({ label, unit, path, indent });

/** The lines of the 《政府信息公开情况统计表》 (国办发〔2014〕32号), in printed order (legal-facts §3, seed 附表). */
export const GOV2014_LINES: readonly StatisticsLine[] = [
  line('一、主动公开情况', '', null, 0),
  line('（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', 'proactive.total', 1),
  line('其中：主动公开规范性文件数', '条', 'proactive.normativeDocuments', 2),
  line('制发规范性文件总数', '件', 'proactive.normativeDocumentsIssued', 2),
  line('（二）通过不同渠道和方式公开政府信息的情况', '', null, 1),
  line('1.政府公报公开政府信息数', '条', 'proactive.gazette', 2),
  line('2.政府网站公开政府信息数', '条', 'proactive.website', 2),
  line('3.政务微博公开政府信息数', '条', 'proactive.weibo', 2),
  line('4.政务微信公开政府信息数', '条', 'proactive.wechat', 2),
  line('5.其他方式公开政府信息数', '条', 'proactive.other', 2),
  line('二、回应解读情况', '', null, 0),
  line('（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', '次', 'responses.hotspots', 1),
  line('（二）通过不同渠道和方式回应解读的情况', '', 'responses.channels', 1),
  line('1.参加或举办新闻发布会总次数', '次', 'responses.pressConferences', 2),
  line('其中：主要负责同志参加新闻发布会次数', '次', 'responses.pressConferencesByLeaders', 3),
  line('2.政府网站在线访谈次数', '次', 'responses.onlineInterviews', 2),
  line('其中：主要负责同志参加政府网站在线访谈次数', '次', 'responses.onlineInterviewsByLeaders', 3),
  line('3.政策解读稿件发布数', '篇', 'responses.interpretations', 2),
  line('4.微博微信回应事件数', '次', 'responses.weiboWechat', 2),
  line('5.其他方式回应事件数', '次', 'responses.other', 2),
  line('三、依申请公开情况', '', null, 0),
  line('（一）收到申请数', '件', 'requests.received', 1),
  line('1.当面申请数', '件', 'requests.receivedInPerson', 2),
  line('2.传真申请数', '件', 'requests.receivedByFax', 2),
  line('3.网络申请数', '件', 'requests.receivedOnline', 2),
  line('4.信函申请数', '件', 'requests.receivedByLetter', 2),
  line('（二）申请办结数', '件', 'requests.completed', 1),
  line('1.按时办结数', '件', 'requests.completedOnTime', 2),
  line('2.延期办结数', '件', 'requests.completedExtended', 2),
  line('（三）申请答复数', '件', 'requests.answered', 1),
  line('1.属于已主动公开范围数', '件', 'requests.alreadyPublic', 2),
  line('2.同意公开答复数', '件', 'requests.disclosed', 2),
  line('3.同意部分公开答复数', '件', 'requests.partlyDisclosed', 2),
  line('4.不同意公开答复数', '件', 'requests.withheld', 2),
  line('其中：涉及国家秘密', '件', 'requests.withheldStateSecret', 3),
  line('涉及商业秘密', '件', 'requests.withheldCommercialSecret', 4),
  line('涉及个人隐私', '件', 'requests.withheldPrivacy', 4),
  line('危及国家安全、公共安全、经济安全和社会稳定', '件', 'requests.withheldSecurityStability', 4),
  line('不是《条例》所指政府信息', '件', 'requests.withheldNotGovernmentInfo', 4),
  line('法律法规规定的其他情形', '件', 'requests.withheldOtherLaw', 4),
  line('5.不属于本行政机关公开数', '件', 'requests.notThisAgency', 2),
  line('6.申请信息不存在数', '件', 'requests.notExist', 2),
  line('7.告知作出更改补充数', '件', 'requests.supplementRequested', 2),
  line('8.告知通过其他途径办理数', '件', 'requests.otherChannel', 2),
  line('四、行政复议数量', '件', 'reconsideration.total', 0),
  line('（一）维持具体行政行为数', '件', 'reconsideration.upheld', 1),
  line('（二）被依法纠错数', '件', 'reconsideration.corrected', 1),
  line('（三）其他情形数', '件', 'reconsideration.other', 1),
  line('五、行政诉讼数量', '件', 'litigation.total', 0),
  line('（一）维持具体行政行为或者驳回原告诉讼请求数', '件', 'litigation.upheld', 1),
  line('（二）被依法纠错数', '件', 'litigation.corrected', 1),
  line('（三）其他情形数', '件', 'litigation.other', 1),
  line('六、举报投诉数量', '件', 'complaints', 0),
  line('七、依申请公开信息收取的费用', '万元', 'feesWanYuan', 0),
  line('八、机构建设和保障经费情况', '', null, 0),
  line('（一）政府信息公开工作专门机构数', '个', 'organisation.dedicatedBodies', 1),
  line('（二）设置政府信息公开查阅点数', '个', 'organisation.readingPoints', 1),
  line('（三）从事政府信息公开工作人员数', '人', 'organisation.staff', 1),
  line('1.专职人员数（不包括政府公报及政府网站工作人员数）', '人', 'organisation.staffFullTime', 2),
  line('2.兼职人员数', '人', 'organisation.staffPartTime', 2),
  line('（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）', '万元', 'organisation.budgetWanYuan', 1),
  line('九、政府信息公开会议和培训情况', '', null, 0),
  line('（一）召开政府信息公开工作会议或专题会议数', '次', 'meetings.meetings', 1),
  line('（二）举办各类培训班数', '次', 'meetings.trainings', 1),
  line('（三）接受培训人员数', '人次', 'meetings.trainees', 1),
];
