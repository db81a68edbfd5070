import { describe, expect, it } from 'vitest';
import { residentIdCheckChar, validateResidentId } from './resident-id.js';

describe('validateResidentId (GB 11643-1999)', () => {
  const valid: [string, string][] = [
    ['11010519491231002X', 'GB 11643-1999 example, check char X'],
    ['440524188001010014', 'GB 11643-1999 example, born 1880'],
    ['11010519491231002x', 'lower-case x tolerated'],
    [' 4405 2418 8001 0100 14 ', 'spaces tolerated'],
    ['４４０５２４１８８００１０１００１４', 'full-width digits tolerated'],
    ['110105200002290013', 'born on 29 February of a leap year (2000)'],
  ];
  it.each(valid)('%s is valid (%s)', (id) => {
    expect(validateResidentId(id)).toEqual({ ok: true });
  });

  const invalid: [string, string][] = [
    ['', '请填写身份证号码。'],
    ['11010519491231002', '身份证号码应为18位，当前为17位，请核对。'],
    ['110105491231002', '身份证号码应为18位：15位的第一代身份证号码已停止使用，请填写现行18位号码。'],
    ['11010519491231002A', '身份证号码格式不正确：前17位应为数字，最后一位为数字或字母X，请核对。'],
    ['1101051949123100X2', '身份证号码格式不正确：前17位应为数字，最后一位为数字或字母X，请核对。'],
    ['99010519491231002X', '身份证号码前两位“99”不是有效的省级地区代码，请核对前6位地址码。'],
    ['110105194902300021', '身份证号码中的出生日期“1949-02-30”不存在，请核对第7至14位。'],
    ['110105190002290012', '身份证号码中的出生日期“1900-02-29”不存在，请核对第7至14位。'],
    ['110105179901010014', '身份证号码中的出生日期“1799-01-01”不存在，请核对第7至14位。'],
    ['110105194912310021', '身份证号码校验位错误：最后一位与前17位不符，请逐位核对号码是否抄错。'],
    ['440524188001010015', '身份证号码校验位错误：最后一位与前17位不符，请逐位核对号码是否抄错。'],
    ['440524188001010024', '身份证号码校验位错误：最后一位与前17位不符，请逐位核对号码是否抄错。'],
  ];
  it.each(invalid)('%s → %s', (id, message) => {
    expect(validateResidentId(id)).toEqual({ ok: false, message });
  });

  it('rejects a birth date after today when today is given', () => {
    const id = `11010520300101001${residentIdCheckChar('11010520300101001')}`;
    expect(validateResidentId(id)).toEqual({ ok: true });
    expect(validateResidentId(id, { today: '2026-11-27' })).toEqual({ ok: false, message: '身份证号码中的出生日期“2030-01-01”晚于今天，请核对第7至14位。' });
  });

  it('computes the MOD 11-2 check character', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052418800101001')).toBe('4');
    // every single-digit change in the body changes the check character (weights are all non-zero mod 11)
    const body = '44052418800101001';
    for (let i = 0; i < 17; i++) {
      const changed = body.slice(0, i) + String((Number(body[i]) + 1) % 10) + body.slice(i + 1);
      expect(residentIdCheckChar(changed)).not.toBe('4');
    }
  });
});
