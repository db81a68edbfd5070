import { describe, expect, it } from 'vitest';
import { buildAnnualReport } from './annual-report.js';
import { checkReport } from './checks.js';
import { ledger2024, seedLedger2016 } from './testing.js';
import type { Gov2014Report, Gov2021Report } from './types.js';

const report2021 = () => buildAnnualReport({ format: 'gov-2021', year: 2024, agency: '某局', ...ledger2024() }) as Gov2021Report;
const report2014 = () => buildAnnualReport({ format: 'gov-2014', year: 2016, agency: '某局', ...seedLedger2016() }) as Gov2014Report;
const byRule = (checks: ReturnType<typeof checkReport>, prefix: string) => checks.find((c) => c.rule.startsWith(prefix));

describe('checkReport on gov-2021 (legal-facts §2.7)', () => {
  it('all pass on a consistent report', () => {
    expect(checkReport(report2021()).every((c) => c.ok)).toBe(true);
  });

  it('rule 1 names the column whose balance fails', () => {
    const r = report2021();
    r.requests.rows.carriedOut[3] += 2; // 社会公益组织
    r.requests.rows.carriedOut[6] += 2;
    const c = byRule(checkReport(r), '勾稽关系');
    expect(c?.ok).toBe(false);
    expect(c?.detail).toContain('社会公益组织列：新收5+上年结转0=5，办理结果总计4+结转下年度3=7，相差-2');
    expect(c?.detail).toContain('总计列');
  });

  it('rule 2 fails when an outcome row does not add up to （七）总计', () => {
    const r = report2021();
    r.requests.rows.withheldProcessInfo[0] += 1;
    r.requests.rows.withheldProcessInfo[6] += 1;
    const c = byRule(checkReport(r), '三、本年度办理结果');
    expect(c).toMatchObject({ ok: false });
    expect(c?.detail).toContain('自然人列：各项之和36，总计35');
  });

  it('rule 3 names the row whose 总计 is not the sum of its columns', () => {
    const r = report2021();
    r.requests.rows.notProcessedDuplicate[6] = 9;
    const c = byRule(checkReport(r), '每一行的总计');
    expect(c?.ok).toBe(false);
    expect(c?.detail).toBe('「（五）不予处理2.重复申请」：各列之和3，总计列9。');
  });

  it('rule 4 checks each part 四 group', () => {
    const r = report2021();
    r.reviews.litigationAfterReconsideration.total = 6;
    const checks = checkReport(r);
    expect(byRule(checks, '行政复议')?.ok).toBe(true);
    expect(byRule(checks, '行政诉讼（复议后起诉）')).toMatchObject({ ok: false, detail: '2+1+1+1=5，总计6，请核对案件结果' });
  });
});

describe('checkReport on gov-2014 (统计表 sums)', () => {
  it('all pass on the seed ledger', () => {
    expect(checkReport(report2014()).every((c) => c.ok)).toBe(true);
  });
  it.each([
    ['receivedByFax', '（一）收到申请数'],
    ['completedExtended', '（二）申请办结数'],
    ['withheldPrivacy', '4.不同意公开答复数'],
    ['notExist', '（三）申请答复数等于答复各项'],
  ] as const)('changing %s breaks “%s”', (key, rule) => {
    const r = report2014();
    r.requests[key] += 1;
    const failing = checkReport(r).filter((c) => !c.ok).map((c) => c.rule);
    expect(failing.some((f) => f.startsWith(rule))).toBe(true);
  });
  it('checks the case totals and the carry-over balance', () => {
    const r = report2014();
    r.reconsideration.other = 24;
    r.requests.carriedOut = 3;
    const failing = checkReport(r).filter((c) => !c.ok);
    expect(failing.map((c) => c.rule)).toEqual(['收到申请数加上年结转数等于办结数加结转下年数', '四、行政复议数量等于维持、纠错、其他情形之和']);
    expect(failing[1].detail).toBe('维持41+纠错18+其他24=83，总数84。请核对案件结果。');
  });
  it('skips the carry-over balance for an uploaded 统计表 without carry-over figures', () => {
    const r = report2014();
    delete r.requests.carriedIn;
    delete r.requests.carriedOut;
    expect(checkReport(r).some((c) => c.rule.startsWith('收到申请数加上年结转数'))).toBe(false);
  });
});

describe('cross-year check across formats', () => {
  it('compares the 2019 report’s 上年结转 total with the 2018 统计表’s carried-out total', () => {
    const requests = [
      { receivedOn: '2018-12-20', closedOn: '2019-01-10', applicantType: 'natural' as const, channel: 'online' as const, outcome: 'disclosed' as const, extended: false },
      { receivedOn: '2018-12-21', closedOn: null, applicantType: 'commercial' as const, channel: 'online' as const, outcome: null, extended: false },
    ];
    const r2018 = buildAnnualReport({ format: 'gov-2014', year: 2018, agency: '某局', requests });
    const r2019 = buildAnnualReport({ format: 'gov-2019', year: 2019, agency: '某局', requests, previous: r2018 });
    expect(r2019.checks.find((c) => c.rule.startsWith('本年“上年结转”'))).toMatchObject({ ok: true, detail: '相符（总计2件）' });
    const wrong = structuredClone(r2018) as Gov2014Report;
    wrong.requests.carriedOut = 5;
    expect(checkReport(r2019, wrong).find((c) => c.rule.startsWith('本年“上年结转”'))?.detail).toContain('总计：本年上年结转2，上年结转下年度5');
  });
});
