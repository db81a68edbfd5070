/**
 * The text of the annual report (条例 Art.50: 主动公开, 收到和处理申请, 复议诉讼, 主要问题及改进, 其他事项): sentences
 * filled with the computed numbers plus the text blocks staff entered. Where staff entered nothing, a bracketed
 * placeholder says what belongs there (国办公开办函〔2021〕30号: content must follow Art.50, "不能遗漏，也不宜泛化").
 */
import { CHANNEL_LABELS } from '../types.js';
import type { AnnualFacts, FactValue, TextFactKey } from './facts.js';
import { TOTAL_COLUMN, type Gov2014AnswerRow } from './formats.js';
import type { AnnualReport, FeeSummary, Gov2014Report, TableReport } from './types.js';

export type ParagraphSource = 'computed' | 'entered' | 'placeholder';
export interface NarrativeParagraph {
  text: string;
  source: ParagraphSource;
}
/** Official tables a part carries: part 二, part 三, part 四, or the gov-2014 统计表. */
export type NarrativeTable = 'proactive' | 'requests' | 'reviews' | 'statistics';
export interface NarrativePart {
  key: string;
  heading: string;
  paragraphs: NarrativeParagraph[];
  tables: NarrativeTable[];
}
export interface Narrative {
  title: string;
  parts: NarrativePart[];
  /** gov-2014: the 统计表 printed as 附表 after the text (as in the seed report). */
  appendix: { heading: string; tables: NarrativeTable[] } | null;
}

const computed = (text: string): NarrativeParagraph => ({ text, source: 'computed' });
const placeholder = (text: string): NarrativeParagraph => ({ text: `【${text}】`, source: 'placeholder' });

/** Entered text split into paragraphs (one per non-empty line); the placeholder when nothing was entered. */
function entered(facts: AnnualFacts, key: TextFactKey, fallback: string | null): NarrativeParagraph[] {
  const text = facts[key];
  const paras = (text ?? '').split(/\r?\n/).map((s) => s.trim()).filter(Boolean);
  if (paras.length > 0) return paras.map((p) => ({ text: p, source: 'entered' as const }));
  return fallback ? [placeholder(fallback)] : [];
}

/** A percentage with one decimal ("58.3%"), as printed in the seed report; "0.0%" when the base is 0. */
export function percent(part: number, whole: number): string {
  return whole === 0 ? '0.0%' : `${((part / whole) * 100).toFixed(1)}%`;
}

/** A value with its unit, or null when not reported / not applicable ("/"). */
function valueText(v: FactValue | null | undefined, unit: string): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') {
    const s = v.trim();
    return s === '' || s === '/' ? null : `${s}${s.endsWith(unit) ? '' : unit}`;
  }
  return `${v}${unit}`;
}

/** "label值unit" clauses for the reported values only, joined with "，". */
function clauses(items: [string, FactValue | null | undefined, string][]): string {
  return items.map(([label, v, unit]) => {
    const t = valueText(v, unit);
    return t === null ? null : `${label}${t}`;
  }).filter(Boolean).join('，');
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function feeSentence(fees: FeeSummary | undefined): string | null {
  if (!fees) return null;
  const n = fees.noticesIssued;
  const collected = fees.amountCollectedYuan;
  if ((n === 0 || n === null) && (collected === 0 || collected === null)) return '本年度未收取信息处理费。';
  const parts = clauses([['发出收费通知', n, '件'], ['总金额', fees.amountNoticedYuan, '元'], ['实际收取信息处理费', collected, '元']]);
  return parts ? `本年度${parts}。` : null;
}

function tableNarrative(report: TableReport, facts: AnnualFacts): NarrativePart[] {
  const rows = report.requests.rows as Record<string, number[]>;
  const t = (k: string) => rows[k]?.[TOTAL_COLUMN] ?? 0;
  const R = t('received');
  const C = t('carriedIn');
  const H = t('handledTotal');
  const O = t('carriedOut');
  const rv = report.reviews;
  const litigation = rv.litigationDirect.total + rv.litigationAfterReconsideration.total;

  const summary = `${report.year}年，${report.agency}共新收政府信息公开申请${R}件，上年结转${C}件，办结${H}件，结转下年度继续办理${O}件；` +
    `因政府信息公开工作被申请行政复议${rv.reconsideration.total}件，被提起行政诉讼${litigation}件。`;

  // 二、主动公开
  const p = report.proactive as unknown as Record<string, Record<string, FactValue | null>>;
  const proactiveClauses = report.format === 'gov-2021'
    ? clauses([
      ['本年制发规章', p.regulations.issued, '件'], ['废止规章', p.regulations.repealed, '件'], ['现行有效规章', p.regulations.inForce, '件'],
      ['本年制发行政规范性文件', p.normativeDocuments.issued, '件'], ['废止行政规范性文件', p.normativeDocuments.repealed, '件'],
      ['现行有效行政规范性文件', p.normativeDocuments.inForce, '件'],
      ['作出行政许可决定', p.licensing.decisions, '件'], ['行政处罚决定', p.punishment.decisions, '件'],
      ['行政强制决定', p.enforcement.decisions, '件'], ['收取行政事业性收费', p.fees.amountWanYuan, '万元'],
    ])
    : clauses([
      ['本年新制作规章', p.regulations.made, '件'], ['新公开规章', p.regulations.published, '件'], ['对外公开规章总数', p.regulations.total, '件'],
      ['本年新制作规范性文件', p.normativeDocuments.made, '件'], ['新公开规范性文件', p.normativeDocuments.published, '件'],
      ['对外公开规范性文件总数', p.normativeDocuments.total, '件'],
      ['作出行政许可决定', p.licensing.decisions, '件'], ['其他对外管理服务事项处理决定', p.otherServices.decisions, '件'],
      ['行政处罚决定', p.punishment.decisions, '件'], ['行政强制决定', p.enforcement.decisions, '件'],
      ['政府集中采购项目', p.procurement.projects, '项'], ['采购总金额', p.procurement.amountWanYuan, '万元'],
    ]);

  // 三、依申请
  const groups: [string, string[]][] = [
    ['予以公开', ['disclosed']],
    ['部分公开', ['partlyDisclosed']],
    ['不予公开', Object.keys(rows).filter((k) => k.startsWith('withheld'))],
    ['无法提供', Object.keys(rows).filter((k) => k.startsWith('unavailable'))],
    ['不予处理', Object.keys(rows).filter((k) => k.startsWith('notProcessed'))],
    ['其他处理', Object.keys(rows).filter((k) => k.startsWith('other'))],
  ];
  const requestParas: NarrativeParagraph[] = [];
  if (R + C === 0) requestParas.push(computed('本年度未收到政府信息公开申请，也无上年结转的申请。'));
  else {
    const natural = rows.received[0];
    const org = R - natural;
    const outcomeText = groups
      .map(([label, keys]) => [label, sum(keys.map(t))] as const)
      .filter(([, n]) => n > 0)
      .map(([label, n]) => `${label}${n}件，占${percent(n, H)}`)
      .join('；');
    requestParas.push(computed(
      `本年度新收政府信息公开申请${R}件，其中自然人申请${natural}件，法人或其他组织申请${org}件；上年结转${C}件。` +
      (H > 0 ? `本年度办结${H}件，其中${outcomeText}。` : '本年度尚无办结的申请。') +
      `结转下年度继续办理${O}件。`,
    ));
  }
  const mappedCount = sum((report.mappedOutcomes ?? []).map((m) => m.count));
  if (mappedCount > 0) {
    requestParas.push(computed(`注：本年度有${mappedCount}件申请按2008年《条例》的答复类型登记，已按对照关系计入上表相应行。`));
  }

  // 四、复议诉讼
  const groupText = (g: keyof typeof rv) => clauses([
    ['结果维持', rv[g].upheld, '件'], ['结果纠正', rv[g].corrected, '件'], ['其他结果', rv[g].other, '件'], ['尚未审结', rv[g].pending, '件'],
  ]);
  const reviewText = rv.reconsideration.total + litigation === 0
    ? '本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。'
    : `本年度因政府信息公开工作被申请行政复议${rv.reconsideration.total}件` +
      (rv.reconsideration.total > 0 ? `，其中${groupText('reconsideration')}` : '') +
      `。被提起行政诉讼${litigation}件，其中未经复议直接起诉${rv.litigationDirect.total}件` +
      (rv.litigationDirect.total > 0 ? `（${groupText('litigationDirect')}）` : '') +
      `，复议后起诉${rv.litigationAfterReconsideration.total}件` +
      (rv.litigationAfterReconsideration.total > 0 ? `（${groupText('litigationAfterReconsideration')}）` : '') + '。';

  const other: NarrativeParagraph[] = [];
  const fee = feeSentence(report.fees);
  if (fee) other.push(computed(fee));
  const complaints = valueText(report.complaints, '件');
  if (complaints) other.push(computed(`本年度收到涉及政府信息公开工作的举报投诉${complaints}。`));
  other.push(...entered(facts, 'otherText', '请填写：落实上级年度政务公开工作要点情况、人大代表建议和政协提案办理结果公开情况、年度政务公开工作创新情况等'));

  return [
    {
      key: 'overview', heading: '一、总体情况', tables: [],
      paragraphs: [...entered(facts, 'overviewText', '请填写：本机关主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等方面的工作情况'), computed(summary)],
    },
    {
      key: 'proactive', heading: '二、主动公开政府信息情况', tables: ['proactive'],
      paragraphs: [computed(proactiveClauses ? `${proactiveClauses}。具体情况见下表。` : '主动公开政府信息情况见下表。'), ...entered(facts, 'proactiveText', null)],
    },
    {
      key: 'requests', heading: '三、收到和处理政府信息公开申请情况', tables: ['requests'],
      paragraphs: [...requestParas, ...entered(facts, 'requestsText', null)],
    },
    {
      key: 'reviews', heading: '四、政府信息公开行政复议、行政诉讼情况', tables: ['reviews'],
      paragraphs: [computed(reviewText), ...entered(facts, 'reviewsText', null)],
    },
    {
      key: 'problems', heading: '五、存在的主要问题及改进情况', tables: [],
      paragraphs: entered(facts, 'problemsText', '请填写：本年度政府信息公开工作存在的主要问题、改进措施，以及上年度问题的整改情况'),
    },
    { key: 'other', heading: '六、其他需要报告的事项', tables: [], paragraphs: other },
  ];
}

const ANSWER_LABELS: Record<Gov2014AnswerRow | 'withheld', string> = {
  alreadyPublic: '属于已主动公开范围的', disclosed: '同意公开', partlyDisclosed: '同意部分公开', withheld: '不同意公开',
  withheldStateSecret: '涉及国家秘密', withheldCommercialSecret: '涉及商业秘密', withheldPrivacy: '涉及个人隐私',
  withheldSecurityStability: '危及国家安全、公共安全、经济安全和社会稳定', withheldNotGovernmentInfo: '不是《条例》所指政府信息',
  withheldOtherLaw: '法律法规规定的其他情形',
  notThisAgency: '不属于本行政机关公开', notExist: '申请信息不存在', otherChannel: '告知通过其他途径办理',
};

/** Seed-style sentences for 依申请公开 (the seed's section 六 wording, numbers from the 统计表). */
function gov2014RequestParagraphs(r: Gov2014Report): NarrativeParagraph[] {
  const q = r.requests;
  const paras: NarrativeParagraph[] = [];
  if (q.received === 0) paras.push(computed('全年未收到政府信息公开申请。'));
  else {
    const channels: [string, number][] = [
      [CHANNEL_LABELS.letter, q.receivedByLetter], [CHANNEL_LABELS.in_person, q.receivedInPerson],
      [CHANNEL_LABELS.online, q.receivedOnline], [CHANNEL_LABELS.fax, q.receivedByFax],
    ];
    const used = channels.filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    const unused = channels.filter(([, n]) => n === 0);
    paras.push(computed(
      `全年共收到政府信息公开申请${q.received}件。申请方式中，` +
      used.map(([l, n]) => `以${l}方式提出申请${n}件，占总数的${percent(n, q.received)}`).join('；') +
      (unused.length ? `；未收到以${unused.map(([l]) => l).join('、')}方式提出的申请` : '') + '。',
    ));
  }
  if (q.completed > 0) {
    paras.push(computed(
      `全年办结申请${q.completed}件${q.carriedIn ? `（含上年结转的申请${q.carriedIn}件）` : ''}，其中在法定期限内按时办结${q.completedOnTime}件，` +
      `占${percent(q.completedOnTime, q.completed)}；经告知申请人延期办理后办结${q.completedExtended}件，占${percent(q.completedExtended, q.completed)}。` +
      (q.carriedOut ? `另有${q.carriedOut}件申请结转下年度继续办理。` : ''),
    ));
    const rows: (Gov2014AnswerRow | 'withheld')[] = ['alreadyPublic', 'disclosed', 'partlyDisclosed', 'withheld', 'notThisAgency', 'notExist', 'otherChannel'];
    const withheldDetail = (['withheldStateSecret', 'withheldCommercialSecret', 'withheldPrivacy', 'withheldSecurityStability', 'withheldNotGovernmentInfo', 'withheldOtherLaw'] as const)
      .filter((k) => q[k] > 0).map((k) => `${ANSWER_LABELS[k]}${q[k]}件`).join('，');
    const listed = rows.filter((k) => q[k] > 0).map((k) =>
      `${ANSWER_LABELS[k]}${q[k]}件，占总数的${percent(q[k], q.answered)}${k === 'withheld' && withheldDetail ? `，其中，${withheldDetail}` : ''}`);
    const none = rows.filter((k) => q[k] === 0).map((k) => `“${ANSWER_LABELS[k].replace(/的$/, '')}”`);
    paras.push(computed(`已答复的申请中，${listed.join('；')}${none.length ? `；没有${none.join('')}的情况` : ''}。`));
  } else if (q.received > 0) paras.push(computed('全年尚无办结的申请。'));
  if (q.supplementRequested > 0) paras.push(computed(`因申请内容不明确等原因，告知申请人作出更改、补充${q.supplementRequested}件次。`));
  const wan = r.feesWanYuan;
  paras.push(computed(wan === 0 || wan === null ? '没有因依申请公开信息收取或减免费用情况。' : `依申请公开信息收取费用${valueText(wan, '万元')}。`));
  return paras;
}

function gov2014Narrative(r: Gov2014Report, facts: AnnualFacts): NarrativePart[] {
  const p = r.proactive;
  const proactive = clauses([['本年度主动公开政府信息', p.total, '条'], ['其中主动公开规范性文件', p.normativeDocuments, '条'], ['制发规范性文件', p.normativeDocumentsIssued, '件']]);
  const channels = clauses([['通过政府公报公开政府信息', p.gazette, '条'], ['政府网站公开', p.website, '条'], ['政务微博公开', p.weibo, '条'], ['政务微信公开', p.wechat, '条'], ['其他方式公开', p.other, '条']]);
  const s = r.responses;
  const responses = clauses([
    ['本年度回应公众关注热点或重大舆情', s.hotspots, '次'], ['参加或举办新闻发布会', s.pressConferences, '次'],
    ['其中主要负责同志参加', s.pressConferencesByLeaders, '次'], ['开展政府网站在线访谈', s.onlineInterviews, '次'],
    ['其中主要负责同志参加', s.onlineInterviewsByLeaders, '次'], ['发布政策解读稿件', s.interpretations, '篇'],
    ['通过微博微信回应事件', s.weiboWechat, '次'], ['通过其他方式回应事件', s.other, '次'],
  ]);
  const o = r.organisation;
  const m = r.meetings;
  const organisation = clauses([
    ['设立政府信息公开工作专门机构', o.dedicatedBodies, '个'], ['设置政府信息公开查阅点', o.readingPoints, '个'],
    ['从事政府信息公开工作人员', o.staff, '人'], ['其中专职人员', o.staffFullTime, '人'], ['兼职人员', o.staffPartTime, '人'],
    ['政府信息公开专项经费', o.budgetWanYuan, '万元'],
  ]);
  const meetings = clauses([['召开政府信息公开工作会议或专题会议', m.meetings, '次'], ['举办各类培训班', m.trainings, '次'], ['接受培训人员', m.trainees, '人次']]);

  const rc = r.reconsideration;
  const lt = r.litigation;
  const reviewParas: NarrativeParagraph[] = [
    computed(rc.total === 0 ? '没有因政府信息公开引发的行政复议案件。'
      : `因政府信息公开引发的行政复议案件${rc.total}件。其中，维持具体行政行为${rc.upheld}件，被依法纠错${rc.corrected}件，其他情形${rc.other}件。`),
    computed(lt.total === 0 ? '没有因政府信息公开引发的行政诉讼案件。'
      : `因政府信息公开引发的行政诉讼案件${lt.total}件。其中，维持具体行政行为或者驳回原告诉讼请求${lt.upheld}件，被依法纠错${lt.corrected}件，其他情形${lt.other}件。`),
  ];
  if (r.complaints === 0) reviewParas.push(computed('没有接到与政府信息公开有关的举报投诉。'));
  else if (valueText(r.complaints, '件')) reviewParas.push(computed(`接到与政府信息公开有关的举报投诉${valueText(r.complaints, '件')}。`));

  const orDefault = (paras: NarrativeParagraph[], text: string) => (paras.length > 0 ? paras : [placeholder(text)]);
  return [
    { key: 'overview', heading: '一、概述', tables: [], paragraphs: entered(facts, 'overviewText', '请填写：本年度政府信息公开工作的总体情况') },
    {
      key: 'proactive', heading: '二、政府信息主动公开情况', tables: [],
      paragraphs: orDefault([
        ...[proactive, channels].filter(Boolean).map((x) => computed(`${x}。`)),
        ...entered(facts, 'proactiveText', null),
      ], '请填写：主动公开政府信息的数量、渠道和重点领域信息公开情况'),
    },
    {
      key: 'responses', heading: '三、回应解读情况', tables: [],
      paragraphs: orDefault([...(responses ? [computed(`${responses}。`)] : []), ...entered(facts, 'responsesText', null)],
        '请填写：回应社会关切、政策解读情况'),
    },
    { key: 'requests', heading: '四、依申请公开和不予公开政府信息情况', tables: [], paragraphs: [...gov2014RequestParagraphs(r), ...entered(facts, 'requestsText', null)] },
    { key: 'reviews', heading: '五、因政府信息公开引起行政复议、行政诉讼及举报的情况', tables: [], paragraphs: [...reviewParas, ...entered(facts, 'reviewsText', null)] },
    {
      key: 'organisation', heading: '六、机构建设及制度保障情况', tables: [],
      paragraphs: orDefault([...[organisation, meetings].filter(Boolean).map((x) => computed(`${x}。`)), ...entered(facts, 'organisationText', null)],
        '请填写：政府信息公开工作机构、人员、经费和制度建设情况'),
    },
    { key: 'problems', heading: '七、存在的不足及改进措施', tables: [], paragraphs: entered(facts, 'problemsText', '请填写：存在的主要问题和下一年度的改进措施') },
    { key: 'other', heading: '八、其他需要报告的事项', tables: [], paragraphs: entered(facts, 'otherText', '请填写：其他需要报告的事项；没有的，写“无”') },
  ];
}

/**
 * The report text (条例 Art.50): six parts 一、总体情况 … 六、其他需要报告的事项 for gov-2021/gov-2019, the seed's
 * section style (一、概述 … 存在的不足及改进措施, 统计表 as 附表) for gov-2014. Sentences carry the report's computed
 * numbers; entered text blocks follow them; missing text becomes a bracketed placeholder to fill in.
 */
export function buildNarrative(report: AnnualReport, facts: AnnualFacts = {}): Narrative {
  const title = `${report.agency}${report.year}年政府信息公开工作年度报告`;
  if (report.format === 'gov-2014') {
    return { title, parts: gov2014Narrative(report, facts), appendix: { heading: '附表：政府信息公开情况统计表', tables: ['statistics'] } };
  }
  return { title, parts: tableNarrative(report, facts), appendix: null };
}
