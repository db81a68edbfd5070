import { describe, expect, it } from 'vitest';
import { formatIndexNo, isAcceptableIndexNo, isValidAgencyCode, isValidCategoryCode, parseIndexNo } from './index-number.js';

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
