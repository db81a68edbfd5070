/**
 * Ledgers whose correct report tables are known, for tests of the report engine and its renderers (and for demo
 * data). Not used by production code.
 */
import { APPLICANT_TYPES, CHANNELS, type ApplicantType, type Channel } from '../types.js';
import type { Outcome } from '../requests/outcomes.js';
import type { CaseResult } from './cases.js';
import type { AnnualFacts } from './facts.js';
import type { Outcome2019 } from './outcome-mapping.js';
import type { ReportCaseRow, ReportRequestRow, ReportSupplementRow } from './types.js';

export interface Ledger {
  requests: ReportRequestRow[];
  supplements: ReportSupplementRow[];
  cases: ReportCaseRow[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Requests received and closed in 2024, per 2019 outcome and applicant column (自然人, 商业企业, 科研机构, 社会公益组织,
 * 法律服务机构, 其他). Every gov-2021 outcome row and every column is non-zero somewhere.
 */
export const LEDGER_2024_CELLS: Record<Outcome2019, [number, number, number, number, number, number]> = {
  already_public: [2, 1, 0, 0, 1, 0],
  disclosed: [5, 3, 1, 1, 2, 1],
  partly_disclosed: [3, 2, 1, 0, 1, 1],
  withheld_state_secret: [1, 0, 0, 0, 0, 0],
  withheld_prohibited_by_law: [0, 1, 0, 0, 0, 0],
  withheld_security_stability: [0, 0, 1, 0, 0, 0],
  withheld_third_party: [1, 1, 0, 0, 0, 0],
  withheld_internal_affairs: [0, 0, 0, 1, 0, 0],
  withheld_process_info: [1, 0, 0, 0, 1, 0],
  withheld_enforcement_file: [0, 1, 0, 0, 0, 0],
  withheld_query_matter: [1, 0, 0, 0, 0, 1],
  unavailable_not_held: [4, 2, 0, 1, 0, 1],
  unavailable_needs_creation: [2, 0, 1, 0, 0, 0],
  unavailable_unclear: [1, 0, 0, 0, 1, 0],
  not_processed_petition: [3, 0, 0, 0, 0, 0],
  not_processed_duplicate: [2, 1, 0, 0, 0, 0],
  not_processed_publication: [1, 0, 0, 0, 0, 0],
  not_processed_excessive: [1, 0, 0, 0, 0, 0],
  not_processed_confirmation: [0, 0, 0, 0, 1, 0],
  other_no_supplement: [2, 1, 0, 0, 0, 0],
  other_unpaid_fee: [1, 0, 0, 0, 0, 0],
  other: [1, 0, 0, 1, 0, 0],
};

const DEPARTMENTS = ['办公厅', '法规司', '土地司'];

function req(receivedOn: string, closedOn: string | null, applicantType: ApplicantType, outcome: Outcome | null, extra: Partial<ReportRequestRow> = {}): ReportRequestRow {
  return { receivedOn, closedOn, applicantType, channel: 'online', outcome, extended: false, department: null, ...extra };
}

/**
 * A 2024 ledger: the `LEDGER_2024_CELLS` requests (spread over the twelve months, all six channels, every 7th
 * extended, three departments), plus requests carried in from 2023 (closed in 2024, still open at the end of
 * 2024), carried out to 2025, three legacy (2008) outcomes, requests outside the year that must not count,
 * 补正 notices, fee notices and cases in every part 四 cell.
 */
export function ledger2024(): Ledger {
  const requests: ReportRequestRow[] = [];
  let i = 0;
  for (const [outcome, counts] of Object.entries(LEDGER_2024_CELLS) as [Outcome2019, number[]][]) {
    counts.forEach((n, c) => {
      for (let k = 0; k < n; k += 1) {
        const month = pad((i % 12) + 1);
        requests.push(req(`2024-${month}-05`, `2024-${month}-25`, APPLICANT_TYPES[c], outcome, {
          channel: CHANNELS[i % CHANNELS.length],
          extended: i % 7 === 0,
          department: DEPARTMENTS[i % 3],
        }));
        i += 1;
      }
    });
  }
  requests.push(
    // carried in from 2023, closed in 2024
    req('2023-12-20', '2024-01-08', 'natural', 'disclosed'),
    req('2023-11-30', '2024-01-05', 'commercial', 'unavailable_not_held'),
    req('2023-12-28', '2024-02-01', 'legalService', 'partly_disclosed', { extended: true }),
    // 2008-vocabulary outcomes closed in 2024
    req('2024-04-01', '2024-04-20', 'natural', 'legacy_not_exist', { channel: 'letter' }),
    req('2024-04-01', '2024-04-20', 'commercial', 'legacy_privacy', { channel: 'letter' }),
    req('2024-04-01', '2024-04-20', 'research', 'legacy_not_government_info', { channel: 'letter' }),
    // carried in and still open at the end of 2024
    req('2023-12-25', '2025-01-06', 'natural', 'disclosed'),
    req('2023-10-09', null, 'otherOrg', null),
    // received in 2024, carried out
    req('2024-12-20', null, 'natural', null, { channel: 'in_person' }),
    req('2024-12-30', '2025-01-03', 'commercial', 'disclosed', { channel: 'fax' }),
    req('2024-12-31', null, 'publicInterest', null, { channel: 'email' }),
    req('2024-11-11', null, 'otherOrg', null, { channel: 'other' }),
    // outside 2024: never counted
    req('2023-05-01', '2023-05-20', 'natural', 'disclosed'),
    req('2025-01-02', null, 'commercial', null),
    req('2023-12-29', '2023-12-31', 'research', 'other'),
  );
  // fee notices: two in 2024 (one paid), one issued in 2023
  requests.push(
    req('2024-06-03', '2024-07-15', 'natural', 'disclosed', { feeNoticeYuan: 300, feeCollectedYuan: 300, feeNoticedOn: '2024-06-20', feePaidOn: '2024-06-28' }),
    req('2024-09-02', '2024-10-30', 'commercial', 'other_unpaid_fee', { feeNoticeYuan: 1200, feeNoticedOn: '2024-09-20' }),
  );
  const supplements: ReportSupplementRow[] = ['2023-12-30', '2024-01-04', '2024-03-08', '2024-12-31', '2025-01-02'].map((requestedOn) => ({ requestedOn }));
  const c = (kind: ReportCaseRow['kind'], route: ReportCaseRow['route'], result: CaseResult | null, closedOn: string | null = '2024-11-30', receivedOn = '2024-05-10'): ReportCaseRow =>
    ({ kind, route, receivedOn, closedOn, result });
  const cases: ReportCaseRow[] = [
    // 复议: 维持 3, 纠正 5, 其他 5, 尚未审结 3
    c('reconsideration', null, 'upheld'), c('reconsideration', null, 'upheld'), c('reconsideration', null, 'dismissed'),
    c('reconsideration', null, 'revoked'), c('reconsideration', null, 'partly_revoked'), c('reconsideration', null, 'varied'),
    c('reconsideration', null, 'confirmed_illegal'), c('reconsideration', null, 'ordered_to_perform'),
    c('reconsideration', null, 'not_accepted'), c('reconsideration', null, 'terminated'), c('reconsideration', null, 'withdrawn'),
    c('reconsideration', null, 'settled'), c('reconsideration', null, 'other'),
    c('reconsideration', null, 'suspended'), c('reconsideration', null, null, null), c('reconsideration', null, 'upheld', '2025-02-01'),
    // 直接起诉: 1 / 1 / 1 / 1
    c('litigation', 'direct', 'upheld'), c('litigation', 'direct', 'confirmed_illegal'), c('litigation', 'direct', 'withdrawn'),
    c('litigation', 'direct', null, null),
    // 复议后起诉: 2 / 1 / 1 / 1
    c('litigation', 'after_reconsideration', 'dismissed'), c('litigation', 'after_reconsideration', 'dismissed'),
    c('litigation', 'after_reconsideration', 'ordered_to_perform'), c('litigation', 'after_reconsideration', 'settled'),
    c('litigation', 'after_reconsideration', 'suspended'),
    // received in 2023: not counted in 2024
    c('reconsideration', null, 'upheld', '2024-02-01', '2023-12-01'),
    c('litigation', 'direct', 'revoked', '2024-03-01', '2023-11-01'),
  ];
  return { requests, supplements, cases };
}

/** The entered facts of the seed report's 2016 统计表 (国土资源部), rows 一、二、六、八、九. */
export const SEED_2016_FACTS: AnnualFacts = {
  proactiveTotal: '80余万',
  proactiveNormativeDocs: 21,
  normativeDocsIssuedTotal: 21,
  proactiveGazette: 330,
  proactiveWebsite: '80余万',
  proactiveWeibo: 690,
  proactiveWechat: 1050,
  proactiveOther: 1600,
  responseHotspots: 20,
  responseChannels: 24,
  pressConferences: 20,
  pressConferencesByLeaders: 0,
  onlineInterviews: 4,
  onlineInterviewsByLeaders: 0,
  interpretations: 20,
  weiboWechatResponses: 5,
  otherResponses: 20,
  complaints: 0,
  dedicatedBodies: 1,
  readingPoints: 1,
  staff: 38,
  staffFullTime: 8,
  staffPartTime: 30,
  budgetWanYuan: 110,
  meetings: 3,
  trainings: 3,
  trainees: 1570,
};

function dateOf2016(i: number): string {
  const d = new Date(Date.UTC(2016, 0, 1 + (i % 330)));
  return d.toISOString().slice(0, 10);
}
function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * A synthetic ledger that reproduces the seed report's 2016 统计表 (三、四、五): 1045 requests (254 当面, 0 传真,
 * 182 网络 of which 32 by 电子邮件, 609 信函 of which 9 其他), all closed in 2016, 13 after an extension; answers
 * 105 / 125 / 317 / 106 (100 不是《条例》所指政府信息 + 6 法律法规规定的其他情形) / 392 / 0; 28 补正 notices;
 * 复议 84 → 41 维持 / 18 纠错 / 25 其他; 诉讼 69 → 52 / 10 / 7. Plus rows outside 2016 that must not count.
 */
export function seedLedger2016(): Ledger {
  const channels: [Channel, number][] = [['in_person', 254], ['online', 150], ['email', 32], ['letter', 600], ['other', 9]];
  const outcomes: [Outcome, number][] = [
    ['already_public', 105], ['disclosed', 125], ['partly_disclosed', 317],
    ['legacy_not_government_info', 100], ['legacy_other_law', 6], ['legacy_not_this_agency', 392],
  ];
  const channelList = channels.flatMap(([ch, n]) => new Array<Channel>(n).fill(ch));
  const outcomeList = outcomes.flatMap(([o, n]) => new Array<Outcome>(n).fill(o));
  const requests: ReportRequestRow[] = channelList.map((channel, i) => {
    const receivedOn = dateOf2016(i);
    return {
      receivedOn,
      closedOn: plusDays(receivedOn, i % 81 === 0 ? 30 : 14),
      applicantType: APPLICANT_TYPES[i % 6],
      channel,
      // spread the outcomes over the channels (stride 7 is coprime with 1045)
      outcome: outcomeList[(i * 7) % outcomeList.length],
      extended: i % 81 === 0,
    };
  });
  requests.push(
    { receivedOn: '2015-11-02', closedOn: '2015-11-20', applicantType: 'natural', channel: 'letter', outcome: 'disclosed', extended: false },
    { receivedOn: '2017-01-03', closedOn: '2017-01-10', applicantType: 'natural', channel: 'fax', outcome: 'disclosed', extended: false },
  );
  const supplements: ReportSupplementRow[] = [
    ...Array.from({ length: 28 }, (_, i) => ({ requestedOn: dateOf2016(i * 11) })),
    { requestedOn: '2015-12-31' }, { requestedOn: '2017-01-01' },
  ];
  const many = (n: number, row: Omit<ReportCaseRow, 'receivedOn'>): ReportCaseRow[] =>
    Array.from({ length: n }, (_, i) => ({ ...row, receivedOn: dateOf2016(i * 3) }));
  const closed = '2016-12-20';
  const cases: ReportCaseRow[] = [
    // 复议 84: 41 维持; 18 纠错 = 3 撤销 + 2 部分撤销 + 8 确认违法 + 5 责令履行;
    // 25 其他 = 4 驳回 + 3 不予受理 + 2 终止 + 6 中止 + 8 未结 + 2 closed only in 2017
    ...many(41, { kind: 'reconsideration', route: null, closedOn: closed, result: 'upheld' }),
    ...many(3, { kind: 'reconsideration', route: null, closedOn: closed, result: 'revoked' }),
    ...many(2, { kind: 'reconsideration', route: null, closedOn: closed, result: 'partly_revoked' }),
    ...many(8, { kind: 'reconsideration', route: null, closedOn: closed, result: 'confirmed_illegal' }),
    ...many(5, { kind: 'reconsideration', route: null, closedOn: closed, result: 'ordered_to_perform' }),
    ...many(4, { kind: 'reconsideration', route: null, closedOn: closed, result: 'dismissed' }),
    ...many(3, { kind: 'reconsideration', route: null, closedOn: closed, result: 'not_accepted' }),
    ...many(2, { kind: 'reconsideration', route: null, closedOn: closed, result: 'terminated' }),
    ...many(6, { kind: 'reconsideration', route: null, closedOn: closed, result: 'suspended' }),
    ...many(8, { kind: 'reconsideration', route: null, closedOn: null, result: null }),
    ...many(2, { kind: 'reconsideration', route: null, closedOn: '2017-02-01', result: 'upheld' }),
    // 诉讼 69: 52 = 40 维持 + 12 驳回; 10 = 5 撤销 + 3 确认违法 + 2 责令履行; 7 = 5 撤诉 + 2 未结
    ...many(40, { kind: 'litigation', route: 'direct', closedOn: closed, result: 'upheld' }),
    ...many(12, { kind: 'litigation', route: 'after_reconsideration', closedOn: closed, result: 'dismissed' }),
    ...many(5, { kind: 'litigation', route: 'direct', closedOn: closed, result: 'revoked' }),
    ...many(3, { kind: 'litigation', route: 'direct', closedOn: closed, result: 'confirmed_illegal' }),
    ...many(2, { kind: 'litigation', route: 'after_reconsideration', closedOn: closed, result: 'ordered_to_perform' }),
    ...many(5, { kind: 'litigation', route: 'direct', closedOn: closed, result: 'withdrawn' }),
    ...many(2, { kind: 'litigation', route: 'direct', closedOn: null, result: null }),
    // other years
    { kind: 'reconsideration', route: null, receivedOn: '2015-12-30', closedOn: '2016-02-01', result: 'upheld' },
    { kind: 'litigation', route: 'direct', receivedOn: '2017-01-05', closedOn: null, result: null },
  ];
  return { requests, supplements, cases };
}
