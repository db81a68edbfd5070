import { describe, expect, it } from 'vitest';
import { CASE_RESULTS, gov2014CaseCategory, parseCaseKind, parseCaseResult, parseCaseRoute, reviewCategory } from './cases.js';

describe('reviewCategory (gov-2019 / gov-2021 part 四)', () => {
  it.each([
    ['upheld', true, 'upheld'], ['dismissed', true, 'upheld'],
    ['revoked', true, 'corrected'], ['partly_revoked', true, 'corrected'], ['varied', true, 'corrected'],
    ['confirmed_illegal', true, 'corrected'], ['confirmed_invalid', true, 'corrected'], ['ordered_to_perform', true, 'corrected'],
    ['not_accepted', true, 'other'], ['terminated', true, 'other'], ['withdrawn', true, 'other'],
    ['settled', true, 'other'], ['other', true, 'other'],
    ['suspended', true, 'pending'], ['upheld', false, 'pending'], [null, false, 'pending'], [null, true, 'pending'],
  ] as const)('%s (concluded %s) → %s', (result, concluded, cat) => expect(reviewCategory(result, concluded)).toBe(cat));
});

describe('gov2014CaseCategory (统计表 四、五)', () => {
  it.each([
    ['reconsideration', 'upheld', true, 'upheld'],
    ['reconsideration', 'dismissed', true, 'other'],
    ['litigation', 'dismissed', true, 'upheld'],
    ['litigation', 'upheld', true, 'upheld'],
    ['reconsideration', 'confirmed_illegal', true, 'corrected'],
    ['litigation', 'revoked', true, 'corrected'],
    ['litigation', 'confirmed_invalid', true, 'corrected'],
    ['reconsideration', 'suspended', true, 'other'],
    ['litigation', 'withdrawn', true, 'other'],
    ['reconsideration', 'upheld', false, 'other'],
    ['litigation', null, false, 'other'],
  ] as const)('%s %s (concluded %s) → %s', (kind, result, concluded, cat) => expect(gov2014CaseCategory(kind, result, concluded)).toBe(cat));
});

describe('parsing ledger values', () => {
  it('parses every result label and code', () => {
    expect(CASE_RESULTS).toHaveLength(14);
    expect(parseCaseResult('确认无效')).toBe('confirmed_invalid');
    expect(parseCaseResult('部分撤销')).toBe('partly_revoked');
    expect(parseCaseResult(' 责令 履行 ')).toBe('ordered_to_perform');
    expect(parseCaseResult('settled')).toBe('settled');
    expect(parseCaseResult('败诉')).toBeUndefined();
    expect(parseCaseKind('行政诉讼')).toBe('litigation');
    expect(parseCaseRoute('复议后起诉')).toBe('after_reconsideration');
    expect(parseCaseRoute('未经复议直接起诉')).toBe('direct');
  });
});

describe('a result that is not a code (issue 11 item 5: labels stored by the demo fell through to 其他结果)', () => {
  it('is an error naming the value, in both formats, concluded or not', () => {
    expect(() => reviewCategory('维持' as never, true)).toThrow('结果“维持”无法识别，应为：维持、驳回');
    expect(() => reviewCategory('撤销' as never, false)).toThrow(/结果“撤销”无法识别/);
    expect(() => gov2014CaseCategory('litigation', '败诉' as never, true)).toThrow(/结果“败诉”无法识别/);
  });
});
