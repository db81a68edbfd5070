import { describe, expect, it } from 'vitest';
import { formatIndexNo, isAcceptableIndexNo, isUsableIndexAgencyCode, isValidAgencyCode, isValidCategoryCode, isValidOrganizationCode, normalizeIndexAgencyCode, organizationCodeCheckChar, parseIndexNo } from './index-number.js';

describe('formatIndexNo / parseIndexNo (条例 Art.12 索引)', () => {
  const cases: [Parameters<typeof formatIndexNo>[0], string][] = [
    [{ agencyCode: '11100000MB0143027X', categoryCode: '0101', year: 2024, sequence: 12 }, '11100000MB0143027X/0101-2024-00012'],
    [{ agencyCode: '000014349', categoryCode: 'GZ', year: 2019, sequence: 1 }, '000014349/GZ-2019-00001'],
    [{ agencyCode: '000014349', categoryCode: '02', year: 2025, sequence: 123456 }, '000014349/02-2025-123456'],
  ];
  for (const [parts, text] of cases) {
    it(`${text} round-trips`, () => {
      expect(formatIndexNo(parts)).toBe(text);
      expect(parseIndexNo(text)).toEqual(parts);
      expect(isAcceptableIndexNo(text)).toBe(true);
    });
  }

  it('refuses bad parts', () => {
    expect(() => formatIndexNo({ agencyCode: '国土部', categoryCode: '01', year: 2024, sequence: 1 })).toThrow();
    expect(() => formatIndexNo({ agencyCode: 'A1', categoryCode: '01-02', year: 2024, sequence: 1 })).toThrow();
    expect(() => formatIndexNo({ agencyCode: 'A1', categoryCode: '01', year: 2024, sequence: 0 })).toThrow();
  });

  it('parses only its own format', () => {
    expect(parseIndexNo('000014349/2024-00123')).toBeNull();
    expect(parseIndexNo('XM00107-0202-2024-0001')).toBeNull();
  });

  const acceptable: [string, boolean][] = [
    ['000014349/2024-00123', true],
    ['XM00107-0202-2024-0001', true],
    ['11410100005252712R/2024-00123', true],
    ['a.b_c', true],
    ['', false],
    ['/leading-slash', false],
    ['含中文-2024', false],
    ['with space', false],
    ['x'.repeat(81), false],
  ];
  for (const [s, ok] of acceptable) it(`isAcceptableIndexNo(${JSON.stringify(s.slice(0, 20))}) = ${ok}`, () => expect(isAcceptableIndexNo(s)).toBe(ok));

  it('validates codes', () => {
    expect(isValidAgencyCode('11100000MB0143027X')).toBe(true);
    expect(isValidAgencyCode('11100000mb')).toBe(false);
    expect(isValidCategoryCode('0101')).toBe(true);
    expect(isValidCategoryCode('')).toBe(false);
  });
});

describe('索引号 agency code: 组织机构代码, or taken from the 统一社会信用代码 (GB 11714, GB 32100)', () => {
  it('computes the GB 11714 check character of real agency codes seen in published 索引号', () => {
    expect(organizationCodeCheckChar('00001434')).toBe('9'); // 000014349 (国务院办公厅, gov.cn)
    expect(organizationCodeCheckChar('01527918')).toBe('X'); // 01527918X (怒江州民政局)
    expect(isValidOrganizationCode('000014349')).toBe(true);
    expect(isValidOrganizationCode('000014348')).toBe(false);
  });

  const cases: [string, ReturnType<typeof normalizeIndexAgencyCode>][] = [
    ['000014349', { ok: true, code: '000014349' }],
    ['01527918x', { ok: true, code: '01527918X' }],
    ['0152 7918-X', { ok: true, code: '01527918X' }],
    // 18 characters: the 组织机构代码 is characters 9–17
    ['11510100MB0143028X', { ok: true, code: 'MB0143028' }],
    ['11510100000014349C', { ok: true, code: '000014349' }],
  ];
  for (const [input, expected] of cases) it(`"${input}" → ${JSON.stringify(expected)}`, () => expect(normalizeIndexAgencyCode(input)).toEqual(expected));

  const refused: [string, RegExp][] = [
    ['', /请填写索引号机关代码/],
    ['000000000', /全为0/], // the placeholder that produced 000000000/M019-2026-00001 (issue 11)
    ['000014348', /组织机构代码“000014348”校验位错误（应为9）/],
    ['11510100MB0143027X', /统一社会信用代码校验位错误/],
    ['1234567', /应为9位组织机构代码或18位统一社会信用代码，当前为7位/],
  ];
  for (const [input, message] of refused) it(`refuses "${input}"`, () => {
    const r = normalizeIndexAgencyCode(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });

  it('a stored placeholder or empty code is not usable', () => {
    expect(isUsableIndexAgencyCode('000000000')).toBe(false);
    expect(isUsableIndexAgencyCode('')).toBe(false);
    expect(isUsableIndexAgencyCode('MB0143028')).toBe(true);
  });
});
