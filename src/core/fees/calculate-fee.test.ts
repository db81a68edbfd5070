import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import {
  assertFeeConsistent,
  calculateFee,
  calculatePerPageFee,
  calculatePerRequestFee,
  calculatePerRequestFees,
  perRequestUnitYuan,
} from './calculate-fee.js';

describe('按件计收 — one application (国办函〔2020〕109号 Art.4)', () => {
  it.each([
    [1, 0],
    [10, 0], // 10件以下（含10件）不收费
    [11, 100], // first charged application
    [30, 100], // 11—30件（含30件）100元/件
    [31, 200], // first band of 10 above 30
    [40, 200],
    [41, 300],
    [50, 300],
    [51, 400],
    [100, 800],
  ])('the %i-th application of the month costs %i元', (nth, yuan) => {
    expect(perRequestUnitYuan(nth)).toBe(yuan);
    const fee = calculatePerRequestFee({ nthInMonth: nth });
    expect(fee).toMatchObject({ basis: 'per_request', quantity: nth, amountYuan: yuan });
    expect(fee.breakdown).toEqual([{ from: nth, to: nth, unitYuan: yuan, count: 1, subtotal: yuan }]);
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses %s as an application number', (nth) => {
    expect(() => calculatePerRequestFee({ nthInMonth: nth })).toThrow(/不小于1的整数/);
  });
});

describe('按件计收 — month total (超额累进, Art.3–4)', () => {
  it.each([
    [0, 0],
    [10, 0],
    [11, 100],
    [30, 2000], // 20 × 100
    [31, 2200], // + 200
    [40, 4000], // 2000 + 10 × 200
    [41, 4300], // + 300
    [50, 7000], // 4000 + 10 × 300
  ])('%i applications in a month cost %i元 in total', (count, yuan) => {
    const fee = calculatePerRequestFees(count);
    expect(fee.amountYuan).toBe(yuan);
    assertFeeConsistent(fee);
    // the total equals the sum of every single application's fee
    let expected = 0;
    for (let n = 1; n <= count; n++) expected += calculatePerRequestFee({ nthInMonth: n }).amountYuan;
    expect(fee.amountYuan).toBe(expected);
  });

  it('lists the bands touched, free band included', () => {
    expect(calculatePerRequestFees(41).breakdown).toEqual([
      { from: 1, to: 10, unitYuan: 0, count: 10, subtotal: 0 },
      { from: 11, to: 30, unitYuan: 100, count: 20, subtotal: 2000 },
      { from: 31, to: 40, unitYuan: 200, count: 10, subtotal: 2000 },
      { from: 41, to: 41, unitYuan: 300, count: 1, subtotal: 300 },
    ]);
  });
});

describe('按量计收 — pages of one application (Art.5)', () => {
  it.each([
    [0, 0],
    [30, 0], // 30页以下（含30页）不收费
    [31, 10],
    [100, 700], // 70 × 10
    [101, 720], // + 20
    [200, 2700], // 700 + 100 × 20
    [201, 2740], // + 40
    [250, 4700], // legal-facts §4 example: 70×10 + 100×20 + 50×40
  ])('%i pages cost %i元', (pages, yuan) => {
    const fee = calculatePerPageFee({ pages });
    expect(fee).toMatchObject({ basis: 'per_page', quantity: pages, amountYuan: yuan });
    assertFeeConsistent(fee);
  });

  it('breaks 250 pages down band by band', () => {
    expect(calculatePerPageFee({ pages: 250 }).breakdown).toEqual([
      { from: 1, to: 30, unitYuan: 0, count: 30, subtotal: 0 },
      { from: 31, to: 100, unitYuan: 10, count: 70, subtotal: 700 },
      { from: 101, to: 200, unitYuan: 20, count: 100, subtotal: 2000 },
      { from: 201, to: 250, unitYuan: 40, count: 50, subtotal: 2000 },
    ]);
  });

  it('refuses a negative page count', () => {
    expect(() => calculatePerPageFee({ pages: -3 })).toThrow(/页数/);
  });
});

describe('calculateFee — one basis per application (Art.3)', () => {
  it('dispatches on the basis', () => {
    expect(calculateFee({ basis: 'per_request', nthInMonth: 31 }).amountYuan).toBe(200);
    expect(calculateFee({ basis: 'per_page', pages: 101 }).amountYuan).toBe(720);
  });

  it('refuses both quantities on one application', () => {
    const both = { basis: 'per_page', pages: 40, nthInMonth: 12 } as unknown as Parameters<typeof calculateFee>[0];
    try {
      calculateFee(both);
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e) && e.code).toBe('VALIDATION');
      expect((e as Error).message).toContain('不得同时按两种标准');
    }
  });

  it('detects a tampered amount', () => {
    const fee = calculatePerPageFee({ pages: 250 });
    expect(() => assertFeeConsistent({ ...fee, amountYuan: 4000 })).toThrow(/不一致/);
  });
});
