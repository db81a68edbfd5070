/**
 * Annual facts (年度填报数据): the values of the annual report that no request or case record can produce —
 * part 二 counts while the proactive-disclosure module has no data, the gov-2014 回应解读 / 机构建设 / 会议培训 rows,
 * 举报投诉, fee totals, and the free-text blocks of the narrative. Staff enter them once a year; the report marks
 * every value taken from here as `entered` (DESIGN.md "Report JSON": "Rows … that no record can produce … come
 * from an annual-facts form that staff fill in, and are marked as such").
 *
 * `ANNUAL_FACT_FIELDS` describes every field (key, label, unit, kind, formats, section, where it lands in the report
 * JSON) so that a form, an API schema and an importer can all be generated from one list.
 */
import type { ReportFormat } from './formats.js';

/**
 * An entered value: a number, or the text the agency prints instead of a number (legal-facts §2.2: "/" for
 * rows that do not apply; the seed prints "80余万"; gov-2019 "本年增/减" is written like "减4").
 */
export type FactValue = number | string;

export type FactKind = 'count' | 'amount' | 'change' | 'text';

export interface AnnualFactField {
  readonly key: string;
  /** Label shown on the form (the row label of the official table plus its column). */
  readonly label: string;
  /** Unit printed in the table (件, 条, 次, 万元, 元…); null for text. */
  readonly unit: string | null;
  readonly kind: FactKind;
  readonly formats: readonly ReportFormat[];
  /** Form section (the table or report part the field belongs to). */
  readonly section: string;
  /** Dotted path of the value in the report JSON; null for narrative text blocks. */
  readonly path: string | null;
}

const ALL: readonly ReportFormat[] = ['gov-2021', 'gov-2019', 'gov-2014'];
const F21: readonly ReportFormat[] = ['gov-2021'];
const F19: readonly ReportFormat[] = ['gov-2019'];
const F1921: readonly ReportFormat[] = ['gov-2021', 'gov-2019'];
const F14: readonly ReportFormat[] = ['gov-2014'];

const P1 = '二、主动公开政府信息情况 · 第二十条第（一）项';
const P5 = '二、主动公开政府信息情况 · 第二十条第（五）项';
const P6 = '二、主动公开政府信息情况 · 第二十条第（六）项';
const P8 = '二、主动公开政府信息情况 · 第二十条第（八）项';
const P9 = '二、主动公开政府信息情况 · 第二十条第（九）项';
const T1 = '统计表 一、主动公开情况';
const T2 = '统计表 二、回应解读情况';
const T8 = '统计表 八、机构建设和保障经费情况';
const T9 = '统计表 九、政府信息公开会议和培训情况';
const FEES = '信息处理费（依申请公开收费）';
const TEXT = '报告正文（文字部分）';

const f = <K extends string, T extends FactKind>(key: K, label: string, unit: string | null, kind: T, formats: readonly ReportFormat[], section: string, path: string | null) =>
  ({ key, label, unit, kind, formats, section, path }) as const;

export const ANNUAL_FACT_FIELDS = [
  // gov-2021 part 二 (legal-facts §2.2)
  f('regulationsIssued', '规章 本年制发件数', '件', 'count', F21, P1, 'proactive.regulations.issued'),
  f('regulationsRepealed', '规章 本年废止件数', '件', 'count', F21, P1, 'proactive.regulations.repealed'),
  f('regulationsInForce', '规章 现行有效件数', '件', 'count', F21, P1, 'proactive.regulations.inForce'),
  f('normativeDocsIssued', '行政规范性文件 本年制发件数', '件', 'count', F21, P1, 'proactive.normativeDocuments.issued'),
  f('normativeDocsRepealed', '行政规范性文件 本年废止件数', '件', 'count', F21, P1, 'proactive.normativeDocuments.repealed'),
  f('normativeDocsInForce', '行政规范性文件 现行有效件数', '件', 'count', F21, P1, 'proactive.normativeDocuments.inForce'),
  // gov-2019 part 二 (legal-facts §2.3)
  f('regulationsMade', '规章 本年新制作数量', '件', 'count', F19, P1, 'proactive.regulations.made'),
  f('regulationsPublished', '规章 本年新公开数量', '件', 'count', F19, P1, 'proactive.regulations.published'),
  f('regulationsPublicTotal', '规章 对外公开总数量', '件', 'count', F19, P1, 'proactive.regulations.total'),
  f('normativeDocsMade', '规范性文件 本年新制作数量', '件', 'count', F19, P1, 'proactive.normativeDocuments.made'),
  f('normativeDocsPublished', '规范性文件 本年新公开数量', '件', 'count', F19, P1, 'proactive.normativeDocuments.published'),
  f('normativeDocsPublicTotal', '规范性文件 对外公开总数量', '件', 'count', F19, P1, 'proactive.normativeDocuments.total'),
  f('licensingPrevious', '行政许可 上一年项目数量', '项', 'count', F19, P5, 'proactive.licensing.previous'),
  f('licensingChange', '行政许可 本年增/减', '项', 'change', F19, P5, 'proactive.licensing.change'),
  f('licensingDecisions', '行政许可 本年处理决定数量', '件', 'count', F1921, P5, 'proactive.licensing.decisions'),
  f('otherServicesPrevious', '其他对外管理服务事项 上一年项目数量', '项', 'count', F19, P5, 'proactive.otherServices.previous'),
  f('otherServicesChange', '其他对外管理服务事项 本年增/减', '项', 'change', F19, P5, 'proactive.otherServices.change'),
  f('otherServicesDecisions', '其他对外管理服务事项 处理决定数量', '件', 'count', F19, P5, 'proactive.otherServices.decisions'),
  f('punishmentPrevious', '行政处罚 上一年项目数量', '项', 'count', F19, P6, 'proactive.punishment.previous'),
  f('punishmentChange', '行政处罚 本年增/减', '项', 'change', F19, P6, 'proactive.punishment.change'),
  f('punishmentDecisions', '行政处罚 本年处理决定数量', '件', 'count', F1921, P6, 'proactive.punishment.decisions'),
  f('enforcementPrevious', '行政强制 上一年项目数量', '项', 'count', F19, P6, 'proactive.enforcement.previous'),
  f('enforcementChange', '行政强制 本年增/减', '项', 'change', F19, P6, 'proactive.enforcement.change'),
  f('enforcementDecisions', '行政强制 本年处理决定数量', '件', 'count', F1921, P6, 'proactive.enforcement.decisions'),
  f('adminFeesPrevious', '行政事业性收费 上一年项目数量', '项', 'count', F19, P8, 'proactive.fees.previous'),
  f('adminFeesChange', '行政事业性收费 本年增/减', '项', 'change', F19, P8, 'proactive.fees.change'),
  f('adminFeesWanYuan', '行政事业性收费 本年收费金额', '万元', 'amount', F21, P8, 'proactive.fees.amountWanYuan'),
  f('procurementProjects', '政府集中采购 采购项目数量', '项', 'count', F19, P9, 'proactive.procurement.projects'),
  f('procurementAmountWanYuan', '政府集中采购 采购总金额', '万元', 'amount', F19, P9, 'proactive.procurement.amountWanYuan'),
  // gov-2014 统计表 一、二、八、九 (legal-facts §3)
  f('proactiveTotal', '主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '条', 'count', F14, T1, 'proactive.total'),
  f('proactiveNormativeDocs', '其中：主动公开规范性文件数', '条', 'count', F14, T1, 'proactive.normativeDocuments'),
  f('normativeDocsIssuedTotal', '制发规范性文件总数', '件', 'count', F14, T1, 'proactive.normativeDocumentsIssued'),
  f('proactiveGazette', '政府公报公开政府信息数', '条', 'count', F14, T1, 'proactive.gazette'),
  f('proactiveWebsite', '政府网站公开政府信息数', '条', 'count', F14, T1, 'proactive.website'),
  f('proactiveWeibo', '政务微博公开政府信息数', '条', 'count', F14, T1, 'proactive.weibo'),
  f('proactiveWechat', '政务微信公开政府信息数', '条', 'count', F14, T1, 'proactive.wechat'),
  f('proactiveOther', '其他方式公开政府信息数', '条', 'count', F14, T1, 'proactive.other'),
  f('responseHotspots', '回应公众关注热点或重大舆情数', '次', 'count', F14, T2, 'responses.hotspots'),
  f('responseChannels', '通过不同渠道和方式回应解读的情况（合计，如有）', '次', 'count', F14, T2, 'responses.channels'),
  f('pressConferences', '参加或举办新闻发布会总次数', '次', 'count', F14, T2, 'responses.pressConferences'),
  f('pressConferencesByLeaders', '其中：主要负责同志参加新闻发布会次数', '次', 'count', F14, T2, 'responses.pressConferencesByLeaders'),
  f('onlineInterviews', '政府网站在线访谈次数', '次', 'count', F14, T2, 'responses.onlineInterviews'),
  f('onlineInterviewsByLeaders', '其中：主要负责同志参加政府网站在线访谈次数', '次', 'count', F14, T2, 'responses.onlineInterviewsByLeaders'),
  f('interpretations', '政策解读稿件发布数', '篇', 'count', F14, T2, 'responses.interpretations'),
  f('weiboWechatResponses', '微博微信回应事件数', '次', 'count', F14, T2, 'responses.weiboWechat'),
  f('otherResponses', '其他方式回应事件数', '次', 'count', F14, T2, 'responses.other'),
  f('dedicatedBodies', '政府信息公开工作专门机构数', '个', 'count', F14, T8, 'organisation.dedicatedBodies'),
  f('readingPoints', '设置政府信息公开查阅点数', '个', 'count', F14, T8, 'organisation.readingPoints'),
  f('staff', '从事政府信息公开工作人员数', '人', 'count', F14, T8, 'organisation.staff'),
  f('staffFullTime', '专职人员数（不包括政府公报及政府网站工作人员数）', '人', 'count', F14, T8, 'organisation.staffFullTime'),
  f('staffPartTime', '兼职人员数', '人', 'count', F14, T8, 'organisation.staffPartTime'),
  f('budgetWanYuan', '政府信息公开专项经费', '万元', 'amount', F14, T8, 'organisation.budgetWanYuan'),
  f('meetings', '召开政府信息公开工作会议或专题会议数', '次', 'count', F14, T9, 'meetings.meetings'),
  f('trainings', '举办各类培训班数', '次', 'count', F14, T9, 'meetings.trainings'),
  f('trainees', '接受培训人员数', '人次', 'count', F14, T9, 'meetings.trainees'),
  // every format
  f('complaints', '举报投诉数量（因政府信息公开工作收到的举报投诉）', '件', 'count', ALL, '举报投诉', 'complaints'),
  f('feeNoticesIssued', '发出收费通知的件数', '件', 'count', ALL, FEES, 'fees.noticesIssued'),
  f('feeAmountNoticedYuan', '收费通知总金额', '元', 'amount', ALL, FEES, 'fees.amountNoticedYuan'),
  f('feeAmountCollectedYuan', '实际收取的信息处理费总金额', '元', 'amount', ALL, FEES, 'fees.amountCollectedYuan'),
  // narrative text blocks
  f('overviewText', '一、总体情况（主动公开、依申请公开、政府信息管理、平台建设、监督保障等）', null, 'text', ALL, TEXT, null),
  f('proactiveText', '主动公开政府信息情况（补充文字）', null, 'text', ALL, TEXT, null),
  f('responsesText', '回应解读情况（补充文字）', null, 'text', F14, TEXT, null),
  f('requestsText', '收到和处理政府信息公开申请情况（补充文字）', null, 'text', ALL, TEXT, null),
  f('reviewsText', '行政复议、行政诉讼情况（补充文字）', null, 'text', ALL, TEXT, null),
  f('organisationText', '机构建设及制度保障情况', null, 'text', F14, TEXT, null),
  f('problemsText', '存在的主要问题及改进情况', null, 'text', ALL, TEXT, null),
  f('otherText', '其他需要报告的事项', null, 'text', ALL, TEXT, null),
] as const satisfies readonly AnnualFactField[];

type FieldDef = (typeof ANNUAL_FACT_FIELDS)[number];
export type AnnualFactKey = FieldDef['key'];
export type TextFactKey = Extract<FieldDef, { kind: 'text' }>['key'];
export type ValueFactKey = Exclude<AnnualFactKey, TextFactKey>;

/**
 * What staff entered for one agency and year. Every field is optional; a missing or null field is "not reported"
 * and renders as an empty cell (legal-facts §2.7 rule 7: blank ≠ 0).
 */
export type AnnualFacts = { [K in ValueFactKey]?: FactValue | null } & { [K in TextFactKey]?: string | null };

/** Values computed by the proactive-disclosure module, keyed like the facts (they take precedence over entered ones). */
export type ComputedProactive = { [K in ValueFactKey]?: number | null };

/** The descriptor of a field, by key. */
export function factField(key: AnnualFactKey): AnnualFactField {
  const found = ANNUAL_FACT_FIELDS.find((x) => x.key === key);
  if (!found) throw new Error(`unknown annual fact ${key}`);
  return found;
}

/** Fields that belong to a format (the form for that format's report). */
export function factFieldsFor(format: ReportFormat): readonly AnnualFactField[] {
  return ANNUAL_FACT_FIELDS.filter((x) => (x.formats as readonly ReportFormat[]).includes(format));
}

/**
 * Checks entered facts against the descriptor and returns Chinese messages saying what to fix (empty when valid):
 * unknown keys, negative or non-integer counts, text where only a number or a short marker fits.
 */
export function validateAnnualFacts(facts: Record<string, unknown>): string[] {
  const errors: string[] = [];
  for (const [key, value] of Object.entries(facts)) {
    const field = ANNUAL_FACT_FIELDS.find((x) => x.key === key);
    if (!field) {
      errors.push(`未知的填报项「${key}」，请删除或改用表单中的填报项。`);
      continue;
    }
    if (value === null || value === undefined) continue;
    if (field.kind === 'text') {
      if (typeof value !== 'string') errors.push(`「${field.label}」应填写文字。`);
      continue;
    }
    if (typeof value === 'string') {
      if (value.trim() === '') errors.push(`「${field.label}」为空白文字，不填写请留空。`);
      else if (value.length > 20) errors.push(`「${field.label}」应填写数字（或“/”“80余万”这类简短说明），当前内容过长。`);
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push(`「${field.label}」应填写数字。`);
      continue;
    }
    if (field.kind === 'count' && (!Number.isInteger(value) || value < 0)) {
      errors.push(`「${field.label}」应为不小于0的整数，当前为${value}。`);
    }
    if (field.kind === 'amount' && value < 0) errors.push(`「${field.label}」不能为负数，当前为${value}。`);
    if (field.kind === 'change' && !Number.isInteger(value)) errors.push(`「${field.label}」应为整数（增加填正数，减少填负数），当前为${value}。`);
  }
  return errors;
}
