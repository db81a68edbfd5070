import { describe, expect, it } from 'vitest';
import { buildAnnualReport, type BuildAnnualReportOptions } from './annual-report.js';
import { defaultFormatForYear, GOV2014_REQUEST_KEYS, GOV2019_ROWS, GOV2021_ROWS } from './formats.js';
import { ledger2024, SEED_2016_FACTS, seedLedger2016 } from './testing.js';
import type { Gov2014Report, Gov2019Report, Gov2021Report, ReportRequestRow } from './types.js';

const failing = (r: { checks: { ok: boolean; rule: string }[] }) => r.checks.filter((c) => !c.ok).map((c) => c.rule);

/** The gov-2021 part 三 table of `ledger2024()`, computed by hand from the ledger (columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计). */
const EXPECTED_2024_ROWS = {
  received: [35, 16, 5, 5, 7, 5, 73],
  carriedIn: [2, 1, 0, 0, 1, 1, 5],
  disclosed: [9, 4, 1, 1, 3, 1, 19],
  partlyDisclosed: [3, 2, 1, 0, 2, 1, 9],
  withheldStateSecret: [1, 0, 0, 0, 0, 0, 1],
  withheldProhibitedByLaw: [0, 1, 0, 0, 0, 0, 1],
  withheldSecurityStability: [0, 0, 1, 0, 0, 0, 1],
  withheldThirdParty: [1, 2, 0, 0, 0, 0, 3],
  withheldInternalAffairs: [0, 0, 0, 1, 0, 0, 1],
  withheldProcessInfo: [1, 0, 0, 0, 1, 0, 2],
  withheldEnforcementFile: [0, 1, 0, 0, 0, 0, 1],
  withheldQueryMatter: [1, 0, 0, 0, 0, 1, 2],
  unavailableNotHeld: [5, 3, 0, 1, 0, 1, 10],
  unavailableNeedsCreation: [2, 0, 1, 0, 0, 0, 3],
  unavailableUnclear: [1, 0, 0, 0, 1, 0, 2],
  notProcessedPetition: [3, 0, 0, 0, 0, 0, 3],
  notProcessedDuplicate: [2, 1, 0, 0, 0, 0, 3],
  notProcessedPublication: [1, 0, 0, 0, 0, 0, 1],
  notProcessedExcessive: [1, 0, 0, 0, 0, 0, 1],
  notProcessedConfirmation: [0, 0, 0, 0, 1, 0, 1],
  otherNoSupplement: [2, 1, 0, 0, 0, 0, 3],
  otherUnpaidFee: [1, 1, 0, 0, 0, 0, 2],
  otherOther: [1, 0, 1, 1, 0, 0, 3],
  handledTotal: [35, 16, 5, 4, 8, 4, 72],
  carriedOut: [2, 1, 0, 1, 0, 2, 6],
};

const EXPECTED_2024_REVIEWS = {
  reconsideration: { upheld: 3, corrected: 5, other: 5, pending: 3, total: 16 },
  litigationDirect: { upheld: 1, corrected: 1, other: 1, pending: 1, total: 4 },
  litigationAfterReconsideration: { upheld: 2, corrected: 1, other: 1, pending: 1, total: 5 },
};

function build2024(format: 'gov-2021' | 'gov-2019', extra: Partial<BuildAnnualReportOptions> = {}) {
  return buildAnnualReport({ format, year: 2024, agency: '某市自然资源局', ...ledger2024(), ...extra });
}

describe('defaultFormatForYear', () => {
  it.each([
    [2014, 'gov-2014'], [2018, 'gov-2014'], [2019, 'gov-2019'], [2020, 'gov-2019'], [2021, 'gov-2021'], [2025, 'gov-2021'],
  ])('%i → %s', (year, format) => expect(defaultFormatForYear(year)).toBe(format));
});

describe('buildAnnualReport gov-2021 over a ledger with every row and column', () => {
  const report = build2024('gov-2021') as Gov2021Report;

  it('has the stable keys and the 25 rows in order', () => {
    expect(report.format).toBe('gov-2021');
    expect(report.year).toBe(2024);
    expect(report.agency).toBe('某市自然资源局');
    expect(report.requests.columns).toEqual(['natural', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total']);
    expect(Object.keys(report.requests.rows)).toEqual(GOV2021_ROWS.map((r) => r.key));
    expect(GOV2021_ROWS).toHaveLength(25);
  });

  it.each(Object.entries(EXPECTED_2024_ROWS))('row %s matches cell for cell', (key, cells) => {
    expect(report.requests.rows[key as keyof typeof report.requests.rows]).toEqual(cells);
  });

  it('every row and every column is non-zero somewhere (the fixture really covers the table)', () => {
    for (const cells of Object.values(report.requests.rows)) expect(cells[6]).toBeGreaterThan(0);
    for (let c = 0; c < 6; c += 1) expect(Object.values(report.requests.rows).filter((r) => r[c] > 0).length).toBeGreaterThan(3);
  });

  it('part 四 counts cases received in 2024, 中止 and unfinished as 尚未审结', () => {
    expect(report.reviews).toEqual(EXPECTED_2024_REVIEWS);
  });

  it('passes every check', () => {
    expect(failing(report)).toEqual([]);
    expect(report.checks.length).toBeGreaterThanOrEqual(10);
  });

  it('lists the 2008-vocabulary outcomes it mapped', () => {
    expect(report.mappedOutcomes).toEqual([
      { outcome: 'legacy_not_exist', row: 'unavailableNotHeld', count: 1 },
      { outcome: 'legacy_privacy', row: 'withheldThirdParty', count: 1 },
      { outcome: 'legacy_not_government_info', row: 'otherOther', count: 1 },
    ]);
  });

  it('computes fees, months, channels and departments', () => {
    expect(report.fees).toEqual({ noticesIssued: 2, amountNoticedYuan: 1500, amountCollectedYuan: 300 });
    expect(report.byMonth).toEqual([6, 6, 6, 9, 5, 6, 5, 5, 6, 5, 6, 8]);
    expect(report.byChannel).toEqual({ in_person: 12, letter: 14, fax: 12, online: 13, email: 11, other: 11 });
    expect(report.byDepartment?.map((d) => d.department)).toEqual(['办公厅', '法规司', '土地司']);
    expect(report.byDepartment?.reduce((s, d) => s + d.received, 0)).toBe(64);
    expect(report.sources).toMatchObject({ 'fees.noticesIssued': 'computed' });
  });
});

describe('buildAnnualReport gov-2019 over the same ledger', () => {
  const report = build2024('gov-2019') as Gov2019Report;
  it('has the 23 rows, （六）其他处理 collapsed into one row', () => {
    expect(Object.keys(report.requests.rows)).toEqual(GOV2019_ROWS.map((r) => r.key));
    expect(GOV2019_ROWS).toHaveLength(23);
    expect(report.requests.rows.other).toEqual([4, 2, 1, 1, 0, 0, 8]);
  });
  it.each(Object.entries(EXPECTED_2024_ROWS).filter(([k]) => !k.startsWith('other')))('row %s is the same as in gov-2021', (key, cells) => {
    expect(report.requests.rows[key as keyof typeof report.requests.rows]).toEqual(cells);
  });
  it('has the same part 四 and passes every check', () => {
    expect(report.reviews).toEqual(EXPECTED_2024_REVIEWS);
    expect(failing(report)).toEqual([]);
  });
});

describe('buildAnnualReport gov-2014: the seed report 2016 统计表', () => {
  const report = buildAnnualReport({ format: 'gov-2014', year: 2016, agency: '国土资源部', ...seedLedger2016(), facts: SEED_2016_FACTS }) as Gov2014Report;

  it('reproduces 三、依申请公开情况 cell for cell', () => {
    expect(report.requests).toEqual({
      received: 1045, receivedInPerson: 254, receivedByFax: 0, receivedOnline: 182, receivedByLetter: 609,
      completed: 1045, completedOnTime: 1032, completedExtended: 13,
      answered: 1045, alreadyPublic: 105, disclosed: 125, partlyDisclosed: 317,
      withheld: 106, withheldStateSecret: 0, withheldCommercialSecret: 0, withheldPrivacy: 0, withheldSecurityStability: 0,
      withheldNotGovernmentInfo: 100, withheldOtherLaw: 6,
      notThisAgency: 392, notExist: 0, supplementRequested: 28, otherChannel: 0,
      carriedIn: 0, carriedOut: 0,
    });
  });

  it('reproduces 四、行政复议 and 五、行政诉讼', () => {
    expect(report.reconsideration).toEqual({ total: 84, upheld: 41, corrected: 18, other: 25 });
    expect(report.litigation).toEqual({ total: 69, upheld: 52, corrected: 10, other: 7 });
  });

  it('carries the entered rows 一、二、六、七、八、九, marked as entered', () => {
    expect(report.proactive).toEqual({
      total: '80余万', normativeDocuments: 21, normativeDocumentsIssued: 21,
      gazette: 330, website: '80余万', weibo: 690, wechat: 1050, other: 1600,
    });
    expect(report.responses).toEqual({
      hotspots: 20, channels: 24, pressConferences: 20, pressConferencesByLeaders: 0,
      onlineInterviews: 4, onlineInterviewsByLeaders: 0, interpretations: 20, weiboWechat: 5, other: 20,
    });
    expect(report.complaints).toBe(0);
    expect(report.feesWanYuan).toBe(0);
    expect(report.organisation).toEqual({ dedicatedBodies: 1, readingPoints: 1, staff: 38, staffFullTime: 8, staffPartTime: 30, budgetWanYuan: 110 });
    expect(report.meetings).toEqual({ meetings: 3, trainings: 3, trainees: 1570 });
    expect(report.sources).toMatchObject({ 'proactive.total': 'entered', 'organisation.staff': 'entered', complaints: 'entered', feesWanYuan: 'computed' });
  });

  it('passes every check and has every contract key', () => {
    expect(failing(report)).toEqual([]);
    for (const k of GOV2014_REQUEST_KEYS) expect(typeof report.requests[k]).toBe('number');
  });
});

describe('buildAnnualReport gov-2014 with carry-over, every answer row and the 2019 vocabulary', () => {
  const r = (receivedOn: string, closedOn: string | null, channel: ReportRequestRow['channel'], outcome: ReportRequestRow['outcome'], extended = false): ReportRequestRow =>
    ({ receivedOn, closedOn, channel, outcome, extended, applicantType: 'natural' });
  const report = buildAnnualReport({
    format: 'gov-2014', year: 2017, agency: '某局',
    requests: [
      r('2017-01-05', '2017-01-06', 'in_person', 'already_public'),
      r('2017-02-05', '2017-02-20', 'fax', 'disclosed'),
      r('2017-03-05', '2017-03-20', 'online', 'partly_disclosed'),
      r('2017-04-05', '2017-04-20', 'email', 'legacy_state_secret'),
      r('2017-05-05', '2017-05-20', 'letter', 'legacy_commercial_secret'),
      r('2017-06-05', '2017-06-20', 'other', 'legacy_privacy'),
      r('2017-07-05', '2017-07-20', 'letter', 'legacy_security_stability'),
      r('2017-08-05', '2017-08-20', 'letter', 'legacy_not_government_info'),
      r('2017-09-05', '2017-09-20', 'letter', 'legacy_other_law'),
      r('2017-10-09', '2017-10-20', 'in_person', 'legacy_not_this_agency'),
      r('2017-10-10', '2017-10-27', 'online', 'legacy_not_exist'),
      r('2017-11-06', '2017-11-20', 'online', 'legacy_other_channel'),
      r('2017-11-07', '2017-12-20', 'online', 'withheld_process_info', true),
      r('2017-11-08', '2017-12-21', 'letter', 'not_processed_duplicate', true),
      r('2016-12-20', '2017-01-10', 'letter', 'disclosed'),
      r('2017-12-15', null, 'fax', null),
      r('2016-11-01', null, 'letter', null),
    ],
    supplements: [{ requestedOn: '2016-12-30' }, { requestedOn: '2017-01-03' }, { requestedOn: '2017-12-29' }],
    cases: [
      { kind: 'reconsideration', route: null, receivedOn: '2017-03-01', closedOn: '2017-05-01', result: 'upheld' },
      { kind: 'reconsideration', route: null, receivedOn: '2017-03-01', closedOn: '2017-05-01', result: 'dismissed' },
      { kind: 'reconsideration', route: null, receivedOn: '2017-03-01', closedOn: '2017-05-01', result: 'revoked' },
      { kind: 'litigation', route: 'direct', receivedOn: '2017-03-01', closedOn: '2017-09-01', result: 'upheld' },
      { kind: 'litigation', route: null, receivedOn: '2017-03-01', closedOn: '2017-09-01', result: 'dismissed' },
      { kind: 'litigation', route: 'direct', receivedOn: '2017-03-01', closedOn: '2017-09-01', result: 'varied' },
      { kind: 'litigation', route: 'direct', receivedOn: '2017-03-01', closedOn: '2017-09-01', result: 'settled' },
      { kind: 'litigation', route: 'direct', receivedOn: '2017-03-01', closedOn: null, result: null },
    ],
  }) as Gov2014Report;

  it('fills every row', () => {
    expect(report.requests).toEqual({
      received: 15, receivedInPerson: 2, receivedByFax: 2, receivedOnline: 5, receivedByLetter: 6,
      completed: 15, completedOnTime: 13, completedExtended: 2,
      answered: 15, alreadyPublic: 1, disclosed: 2, partlyDisclosed: 1,
      withheld: 7, withheldStateSecret: 1, withheldCommercialSecret: 1, withheldPrivacy: 1, withheldSecurityStability: 1,
      withheldNotGovernmentInfo: 2, withheldOtherLaw: 1,
      notThisAgency: 1, notExist: 1, supplementRequested: 2, otherChannel: 2,
      carriedIn: 2, carriedOut: 2,
    });
    expect(report.reconsideration).toEqual({ total: 3, upheld: 1, corrected: 1, other: 1 });
    expect(report.litigation).toEqual({ total: 5, upheld: 2, corrected: 1, other: 2 });
    expect(report.mappedOutcomes).toEqual([
      { outcome: 'withheld_process_info', row: 'withheldNotGovernmentInfo', count: 1 },
      { outcome: 'not_processed_duplicate', row: 'otherChannel', count: 1 },
    ]);
    expect(failing(report)).toEqual([]);
  });

  it('can count 其他 as another channel row when the agency says so', () => {
    const alt = buildAnnualReport({
      format: 'gov-2014', year: 2017, agency: '某局', gov2014OtherChannel: 'receivedOnline',
      requests: [r('2017-06-05', null, 'other', null)],
    }) as Gov2014Report;
    expect([alt.requests.receivedOnline, alt.requests.receivedByLetter]).toEqual([1, 0]);
  });
});

describe('an empty year', () => {
  it.each(['gov-2021', 'gov-2019', 'gov-2014'] as const)('%s is all zeros with every check ok', (format) => {
    const report = buildAnnualReport({ format, year: 2022, agency: '某局', requests: [] });
    expect(failing(report)).toEqual([]);
    if (report.format === 'gov-2014') {
      for (const k of GOV2014_REQUEST_KEYS) expect(report.requests[k]).toBe(0);
      expect(report.reconsideration).toEqual({ total: 0, upheld: 0, corrected: 0, other: 0 });
      expect(report.litigation).toEqual({ total: 0, upheld: 0, corrected: 0, other: 0 });
      expect(report.feesWanYuan).toBe(0);
      expect(report.complaints).toBeNull();
    } else {
      for (const cells of Object.values(report.requests.rows)) expect(cells).toEqual([0, 0, 0, 0, 0, 0, 0]);
      for (const g of Object.values(report.reviews)) expect(g).toEqual({ upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 });
    }
    expect(report.byMonth).toEqual(new Array(12).fill(0));
  });
});

describe('data problems are reported, never fixed', () => {
  const base = { format: 'gov-2021' as const, year: 2024, agency: '某局' };
  it('a request closed without an outcome fails rule 2 and the data check', () => {
    const report = buildAnnualReport({ ...base, requests: [
      { receivedOn: '2024-03-01', closedOn: '2024-03-10', applicantType: 'natural', channel: 'online', outcome: null, extended: false },
    ] }) as Gov2021Report;
    expect(report.requests.rows.handledTotal[6]).toBe(1);
    expect(failing(report)).toEqual(['三、本年度办理结果：（七）总计等于（一）至（六）各项之和（每一列）', '本年办结的申请均已登记办理结果']);
  });
  it('a reply dated before receipt breaks the balance and is named', () => {
    const report = buildAnnualReport({ ...base, requests: [
      { receivedOn: '2024-01-10', closedOn: '2023-12-28', applicantType: 'commercial', channel: 'online', outcome: 'disclosed', extended: false },
    ] });
    expect(failing(report)).toEqual(['勾稽关系：第一项加第二项之和，等于第三项加第四项之和（每一列）', '答复日期不早于收到日期']);
    expect(report.checks[0].detail).toContain('商业企业列：新收1+上年结转0=1，办理结果总计0+结转下年度0=0，相差1');
  });
  it('a lawsuit without 起诉类型 is counted as direct and flagged', () => {
    const report = buildAnnualReport({ ...base, requests: [], cases: [
      { kind: 'litigation', route: null, receivedOn: '2024-05-01', closedOn: '2024-08-01', result: 'upheld' },
    ] }) as Gov2021Report;
    expect(report.reviews.litigationDirect).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(failing(report)).toEqual(['本年行政诉讼案件均已填写起诉类型']);
  });
  it('a case result stored as a label (维持) is not counted as 其他结果: it fails a check naming the value (issue 11 item 5)', () => {
    const cases = [
      { kind: 'reconsideration' as const, route: null, receivedOn: '2024-03-01', closedOn: '2024-05-01', result: '维持' as never },
      { kind: 'reconsideration' as const, route: null, receivedOn: '2024-03-02', closedOn: '2024-05-02', result: 'confirmed_invalid' as const },
    ];
    const report = buildAnnualReport({ ...base, requests: [], cases }) as Gov2021Report;
    expect(report.reviews.reconsideration).toEqual({ upheld: 0, corrected: 1, other: 0, pending: 0, total: 1 });
    expect(failing(report)).toEqual(['复议、诉讼案件的结果均可识别']);
    expect(report.checks.find((c) => !c.ok)?.detail).toContain('1件案件的结果“维持”无法识别，未计入第四部分任何一格');
    const old = buildAnnualReport({ format: 'gov-2014', year: 2024, agency: '某局', requests: [], cases }) as Gov2014Report;
    expect(old.reconsideration).toEqual({ total: 1, upheld: 0, corrected: 1, other: 0 });
  });
  it('rejects a year that is not a four-digit year', () => {
    expect(() => buildAnnualReport({ ...base, year: 24, requests: [] })).toThrow(/报告年度/);
  });
});

describe('cross-year check (legal-facts §2.7 rule 5)', () => {
  const ledger = ledger2024();
  const r2023 = buildAnnualReport({ format: 'gov-2021', year: 2023, agency: '某局', ...ledger });
  it('2024 上年结转 equals 2023 结转下年度 when both come from the same ledger', () => {
    const r2024 = buildAnnualReport({ format: 'gov-2021', year: 2024, agency: '某局', ...ledger, previous: r2023 }) as Gov2021Report;
    const check = r2024.checks.find((c) => c.rule.startsWith('本年“上年结转”'));
    expect(check).toMatchObject({ ok: true });
    expect((r2023 as Gov2021Report).requests.rows.carriedOut).toEqual(r2024.requests.rows.carriedIn);
  });
  it('fails, naming the column, when last year\'s figure differs', () => {
    const tampered = structuredClone(r2023) as Gov2021Report;
    tampered.requests.rows.carriedOut[0] += 1;
    const r2024 = build2024('gov-2021', { previous: tampered });
    const check = r2024.checks.find((c) => c.rule.startsWith('本年“上年结转”'));
    expect(check?.ok).toBe(false);
    expect(check?.detail).toContain('自然人：本年上年结转2，上年结转下年度3');
  });
  it('fails when the wrong year is passed as previous', () => {
    const r2024 = build2024('gov-2021', { previous: r2023 });
    const r2025 = buildAnnualReport({ format: 'gov-2021', year: 2025, agency: '某局', ...ledger, previous: r2024 });
    expect(r2025.checks.find((c) => c.rule.startsWith('本年“上年结转”'))?.ok).toBe(true);
    const wrong = buildAnnualReport({ format: 'gov-2021', year: 2026, agency: '某局', requests: [], previous: r2024 });
    expect(wrong.checks.find((c) => c.rule.startsWith('本年“上年结转”'))?.detail).toContain('应为2025年度');
  });
});

describe('entered facts and computed proactive values', () => {
  it('fills part 二 from facts, lets the proactive module win, and marks sources', () => {
    const report = build2024('gov-2021', {
      facts: { regulationsIssued: '/', normativeDocsIssued: 4, licensingDecisions: 120, adminFeesWanYuan: 5125.11, complaints: 2, feeAmountCollectedYuan: 500 },
      proactive: { normativeDocsIssued: 5, punishmentDecisions: 33 },
    }) as Gov2021Report;
    expect(report.proactive).toEqual({
      regulations: { issued: '/', repealed: null, inForce: null },
      normativeDocuments: { issued: 5, repealed: null, inForce: null },
      licensing: { decisions: 120 },
      punishment: { decisions: 33 },
      enforcement: { decisions: null },
      fees: { amountWanYuan: 5125.11 },
    });
    expect(report.complaints).toBe(2);
    expect(report.fees).toEqual({ noticesIssued: 2, amountNoticedYuan: 1500, amountCollectedYuan: 500 });
    expect(report.sources).toMatchObject({
      'proactive.regulations.issued': 'entered',
      'proactive.normativeDocuments.issued': 'computed',
      'proactive.punishment.decisions': 'computed',
      'fees.amountCollectedYuan': 'entered',
      'fees.noticesIssued': 'computed',
    });
    expect(report.sources?.['proactive.enforcement.decisions']).toBeUndefined();
  });
  it('gov-2019 part 二 has its own columns', () => {
    const report = build2024('gov-2019', { facts: { licensingPrevious: 12, licensingChange: '减4', procurementAmountWanYuan: 88.5 } }) as Gov2019Report;
    expect(report.proactive.licensing).toEqual({ previous: 12, change: '减4', decisions: null });
    expect(report.proactive.procurement).toEqual({ projects: null, amountWanYuan: 88.5 });
    expect(Object.keys(report.proactive)).toEqual(['regulations', 'normativeDocuments', 'licensing', 'otherServices', 'punishment', 'enforcement', 'fees', 'procurement']);
  });
});

describe('pre-aggregated rows (count)', () => {
  it('a row with count n counts like n identical rows, in every format', () => {
    const { requests, supplements, cases } = ledger2024();
    const weighted = {
      requests: requests.map((r) => ({ ...r, count: 3 })),
      supplements: supplements.map((s) => ({ ...s, count: 3 })),
      cases: cases.map((c) => ({ ...c, count: 3 })),
    };
    const tripled = {
      requests: requests.flatMap((r) => [r, r, r]),
      supplements: supplements.flatMap((s) => [s, s, s]),
      cases: cases.flatMap((c) => [c, c, c]),
    };
    for (const format of ['gov-2021', 'gov-2019', 'gov-2014'] as const) {
      const a = buildAnnualReport({ format, year: 2024, agency: '某局', ...weighted });
      const b = buildAnnualReport({ format, year: 2024, agency: '某局', ...tripled });
      expect(a).toEqual(b);
    }
    const r = buildAnnualReport({ format: 'gov-2021', year: 2024, agency: '某局', ...weighted }) as Gov2021Report;
    expect(r.requests.rows.received[6]).toBe(219);
    expect(r.fees).toEqual({ noticesIssued: 6, amountNoticedYuan: 4500, amountCollectedYuan: 900 });
  });
  it('rejects an unknown format', () => {
    expect(() => buildAnnualReport({ format: 'gov-2030' as 'gov-2021', year: 2024, agency: '某局', requests: [] })).toThrow(/报告格式“gov-2030”无效/);
  });
});

describe('the report JSON contract (/work/shared/tools/contract-check sample)', () => {
  // The two ledger rows the contract check imports: T-1 网络 自然人 2023-03-01 → 2023-03-10 予以公开; T-2 信函 商业企业 2023-12-28, open.
  const requests: ReportRequestRow[] = [
    { receivedOn: '2023-03-01', closedOn: '2023-03-10', applicantType: 'natural', channel: 'online', outcome: 'disclosed', extended: false },
    { receivedOn: '2023-12-28', closedOn: null, applicantType: 'commercial', channel: 'letter', outcome: null, extended: false },
  ];
  const rowKeys = ['received', 'carriedIn', 'disclosed', 'partlyDisclosed', 'withheldStateSecret', 'withheldProhibitedByLaw',
    'withheldSecurityStability', 'withheldThirdParty', 'withheldInternalAffairs', 'withheldProcessInfo',
    'withheldEnforcementFile', 'withheldQueryMatter', 'unavailableNotHeld', 'unavailableNeedsCreation',
    'unavailableUnclear', 'notProcessedPetition', 'notProcessedDuplicate', 'notProcessedPublication',
    'notProcessedExcessive', 'notProcessedConfirmation', 'handledTotal', 'carriedOut'];

  it.each([[2023, 'gov-2021'], [2020, 'gov-2019']] as const)('%i → %s with every key', (year, format) => {
    const r = JSON.parse(JSON.stringify(buildAnnualReport({ format: defaultFormatForYear(year), year, agency: '某局', requests })));
    expect(r.format).toBe(format);
    expect(r.year).toBe(year);
    const keys = [...rowKeys, ...(format === 'gov-2021' ? ['otherNoSupplement', 'otherUnpaidFee', 'otherOther'] : ['other'])];
    for (const k of keys) expect(r.requests.rows[k], k).toHaveLength(7);
    for (const g of ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration']) {
      expect(Object.keys(r.reviews[g]).sort()).toEqual(['corrected', 'other', 'pending', 'total', 'upheld']);
    }
    expect(Array.isArray(r.checks)).toBe(true);
    if (format === 'gov-2021') {
      expect([r.requests.rows.received[6], r.requests.rows.handledTotal[6], r.requests.rows.carriedOut[6], r.requests.rows.disclosed[6]]).toEqual([2, 1, 1, 1]);
    }
  });

  it('2016 → gov-2014 with every key', () => {
    const r = JSON.parse(JSON.stringify(buildAnnualReport({ format: defaultFormatForYear(2016), year: 2016, agency: '某局', requests })));
    expect(r.format).toBe('gov-2014');
    for (const k of GOV2014_REQUEST_KEYS) expect(r.requests).toHaveProperty(k);
    for (const g of ['reconsideration', 'litigation']) expect(Object.keys(r[g]).sort()).toEqual(['corrected', 'other', 'total', 'upheld']);
    for (const k of ['complaints', 'feesWanYuan', 'proactive', 'responses', 'organisation', 'meetings', 'checks']) expect(r).toHaveProperty(k);
  });
});
