import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { aggregateReports } from './aggregate.js';
import { buildAnnualReport } from './annual-report.js';
import { ledger2024, SEED_2016_FACTS, seedLedger2016 } from './testing.js';
import type { Gov2014Report, Gov2021Report } from './types.js';

const a = buildAnnualReport({ format: 'gov-2021', year: 2024, agency: '甲局', ...ledger2024(), facts: { licensingDecisions: 10, complaints: 1 } }) as Gov2021Report;
const b = buildAnnualReport({ format: 'gov-2021', year: 2024, agency: '乙局', requests: [
  { receivedOn: '2024-02-01', closedOn: '2024-02-20', applicantType: 'research', channel: 'letter', outcome: 'disclosed', extended: false },
  { receivedOn: '2024-12-30', closedOn: null, applicantType: 'natural', channel: 'online', outcome: null, extended: false },
], cases: [{ kind: 'reconsideration', route: null, receivedOn: '2024-03-01', closedOn: '2024-05-01', result: 'revoked' }],
facts: { licensingDecisions: 5, regulationsIssued: '/' } }) as Gov2021Report;

describe('aggregateReports', () => {
  const { report, perAgency } = aggregateReports([a, b], { agency: '某市汇总' });
  const sum = report as Gov2021Report;

  it('sums every table cell', () => {
    expect(sum.agency).toBe('某市汇总');
    expect(sum.requests.rows.received).toEqual([36, 16, 6, 5, 7, 5, 75]);
    expect(sum.requests.rows.disclosed).toEqual([9, 4, 2, 1, 3, 1, 20]);
    expect(sum.requests.rows.carriedOut).toEqual([3, 1, 0, 1, 0, 2, 7]);
    expect(sum.requests.columns).toEqual(a.requests.columns);
    expect(sum.reviews.reconsideration).toEqual({ upheld: 3, corrected: 6, other: 5, pending: 3, total: 17 });
    for (const [key, cells] of Object.entries(sum.requests.rows)) {
      const k = key as keyof typeof sum.requests.rows;
      expect(cells).toEqual(a.requests.rows[k].map((x, i) => x + b.requests.rows[k][i]));
    }
  });

  it('sums entered numbers and keeps “/” only where nothing is numeric', () => {
    expect(sum.proactive.licensing.decisions).toBe(15);
    expect(sum.proactive.regulations.issued).toBe('/');
    expect(sum.complaints).toBe(1);
    expect(sum.byMonth?.reduce((x, y) => x + y, 0)).toBe(75);
    expect(sum.fees).toEqual({ noticesIssued: 2, amountNoticedYuan: 1500, amountCollectedYuan: 300 });
  });

  it('recomputes the checks on the sum and on each agency', () => {
    expect(report.checks.every((c) => c.ok)).toBe(true);
    expect(perAgency.map((p) => [p.agency, p.ok])).toEqual([['甲局', true], ['乙局', true]]);
  });

  it('reports an agency whose table does not add up, without fixing it', () => {
    const bad = structuredClone(b);
    bad.requests.rows.received[6] = 5;
    const result = aggregateReports([a, bad]);
    expect(result.perAgency[1].ok).toBe(false);
    expect(result.perAgency[1].checks.find((c) => !c.ok)?.rule).toBe('勾稽关系：第一项加第二项之和，等于第三项加第四项之和（每一列）');
    expect(result.report.checks.find((c) => c.rule === '各单位报告的勾稽关系均成立')).toMatchObject({ ok: false, detail: '乙局的报告未通过校验，请查看分单位校验结果并请其更正。' });
    expect(result.report.agency).toBe('汇总（2个单位）');
  });

  it('sums gov-2014 reports and notes entered text that cannot be added', () => {
    const s1 = buildAnnualReport({ format: 'gov-2014', year: 2016, agency: '国土资源部', ...seedLedger2016(), facts: SEED_2016_FACTS }) as Gov2014Report;
    const s2 = buildAnnualReport({ format: 'gov-2014', year: 2016, agency: '某厅', requests: [], facts: { proactiveTotal: 1200, staff: 2 } }) as Gov2014Report;
    const { report: r } = aggregateReports([s1, s2]);
    const t = r as Gov2014Report;
    expect(t.requests.received).toBe(1045);
    expect(t.reconsideration).toEqual({ total: 84, upheld: 41, corrected: 18, other: 25 });
    expect(t.organisation.staff).toBe(40);
    expect(t.proactive.total).toBe(1200);
    expect(t.proactive.website).toBe('80余万');
    const note = r.checks.find((c) => c.rule === '填报数据可以相加');
    expect(note).toMatchObject({ ok: false, detail: '「proactive.total」：国土资源部填写为“80余万”，无法相加，合计只含数字部分。' });
  });

  it.each([
    ['mixed formats', () => [a, buildAnnualReport({ format: 'gov-2019', year: 2024, agency: '丙局', requests: [] })], /报告格式不一致.*国办公开办函〔2019〕60号格式（丙局）/],
    ['mixed years', () => [a, buildAnnualReport({ format: 'gov-2021', year: 2023, agency: '丙局', requests: [] })], /报告年度不一致，不能汇总：甲局为2024年度、丙局为2023年度/],
    ['the same agency twice', () => [a, a], /“甲局”的报告上传了不止一份/],
    ['nothing', () => [], /没有可汇总的报告/],
  ])('refuses %s with a Chinese message', (_name, make, message) => {
    try {
      aggregateReports(make());
      throw new Error('expected a refusal');
    } catch (e) {
      expect(isDomainError(e)).toBe(true);
      expect((e as Error).message).toMatch(message);
    }
  });
});
