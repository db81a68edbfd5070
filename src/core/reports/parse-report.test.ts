import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import { buildAnnualReport } from './annual-report.js';
import { parseReportJson } from './parse-report.js';
import { ledger2024, SEED_2016_FACTS, seedLedger2016 } from './testing.js';
import type { Gov2021Report } from './types.js';

function errorOf(fn: () => unknown): { message: string; issues: string[] } {
  try {
    fn();
  } catch (e) {
    if (isDomainError(e)) return { message: e.message, issues: (e.details?.issues as string[]) ?? [] };
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('parseReportJson', () => {
  it.each([
    ['gov-2021', 2024], ['gov-2019', 2020], ['gov-2014', 2016],
  ] as const)('round-trips a %s report through JSON text', (format, year) => {
    const ledger = format === 'gov-2014' ? seedLedger2016() : ledger2024();
    const report = buildAnnualReport({ format, year, agency: '某局', ...ledger, facts: format === 'gov-2014' ? SEED_2016_FACTS : { licensingDecisions: 3 } });
    const parsed = parseReportJson(JSON.stringify(report));
    const { checks: _a, ...rest } = report;
    const { checks, ...parsedRest } = parsed;
    expect(parsedRest).toEqual(rest);
    // only the table invariants are recomputed from an upload (the record-level data checks need the records)
    expect(checks.every((c) => c.ok)).toBe(true);
  });

  it('accepts a minimal report from another system (no extras) and counts blank cells as 0 with a warning', () => {
    const rows: Record<string, unknown[]> = Object.fromEntries(
      ['received', 'carriedIn', 'disclosed', 'partlyDisclosed', 'withheldStateSecret', 'withheldProhibitedByLaw', 'withheldSecurityStability',
        'withheldThirdParty', 'withheldInternalAffairs', 'withheldProcessInfo', 'withheldEnforcementFile', 'withheldQueryMatter',
        'unavailableNotHeld', 'unavailableNeedsCreation', 'unavailableUnclear', 'notProcessedPetition', 'notProcessedDuplicate',
        'notProcessedPublication', 'notProcessedExcessive', 'notProcessedConfirmation', 'otherNoSupplement', 'otherUnpaidFee', 'otherOther',
        'handledTotal', 'carriedOut'].map((k) => [k, [0, 0, 0, 0, 0, 0, 0]]),
    );
    rows.received = [2, 0, 0, 0, 0, 0, 2];
    rows.disclosed = [2, null, 0, 0, 0, 0, '2'];
    rows.handledTotal = [2, 0, 0, 0, 0, 0, 2];
    const five = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
    const parsed = parseReportJson({
      format: 'gov-2021', year: 2023, agency: ' 某县教育局 ',
      requests: { rows }, reviews: { reconsideration: five, litigationDirect: five, litigationAfterReconsideration: five },
    }) as Gov2021Report;
    expect(parsed.agency).toBe('某县教育局');
    expect(parsed.requests.rows.disclosed).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(parsed.proactive.regulations).toEqual({ issued: null, repealed: null, inForce: null });
    expect(parsed.complaints).toBeNull();
    expect(parsed.checks.filter((c) => !c.ok)).toEqual([{ rule: '表格单元格均已填写', ok: false, detail: '1个空白单元格按0计算，请确认是否漏填。' }]);
  });

  it('lists every problem with its JSON path', () => {
    const report = buildAnnualReport({ format: 'gov-2021', year: 2024, agency: '某局', ...ledger2024() });
    const broken = JSON.parse(JSON.stringify(report));
    broken.year = '2024年';
    delete broken.requests.rows.carriedOut;
    broken.requests.rows.received = [1, 2, 3];
    broken.requests.rows.disclosed[2] = -1;
    broken.reviews.litigationDirect.total = 1.5;
    const { message, issues } = errorOf(() => parseReportJson(broken));
    expect(issues).toEqual([
      '「year」应为四位年份，当前为"2024年"',
      '「requests.rows.received」应为7个整数（自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他、总计），当前为[1,2,3]',
      '「requests.rows.disclosed[2]」应为不小于0的整数，当前为-1',
      '缺少「requests.rows.carriedOut」（四、结转下年度继续办理）',
      '「reviews.litigationDirect.total」应为不小于0的整数，当前为1.5',
    ]);
    expect(message).toMatch(/^报告JSON有5处错误：/);
  });

  it.each([
    ['not JSON', '{"format":', '文件不是有效的JSON'],
    ['an array', [], '报告JSON应为一个对象'],
    ['an unknown format', { format: 'gov-2030' }, '「format」应为 gov-2021、gov-2019 或 gov-2014'],
  ])('refuses %s', (_name, input, message) => {
    expect(errorOf(() => parseReportJson(input)).message).toContain(message);
  });

  it('refuses a gov-2014 report missing rows and names them', () => {
    const { issues } = errorOf(() => parseReportJson({ format: 'gov-2014', year: 2016, agency: '某局', requests: { received: 3 }, reconsideration: {} }));
    expect(issues).toContain('缺少「requests.receivedInPerson」');
    expect(issues).toContain('缺少「litigation」');
    expect(issues).toHaveLength(23);
  });
});
