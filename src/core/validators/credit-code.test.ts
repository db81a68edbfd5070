import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, validateCreditCode } from './credit-code.js';

describe('validateCreditCode (GB 32100-2015)', () => {
  const valid: [string, string][] = [
    ['91350100M000100Y43', 'commonly cited example, check char 3'],
    ['91110000600037341L', 'check char is a letter'],
    ['91350100m000100y43', 'lower case tolerated'],
    ['9135 0100 M000 100Y 43', 'spaces tolerated'],
  ];
  it.each(valid)('%s is valid (%s)', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true });
  });

  const invalid: [string, string][] = [
    ['', '请填写统一社会信用代码。'],
    ['91350100M000100Y4', '统一社会信用代码应为18位，当前为17位，请核对。'],
    ['91350100M000100Y44', '统一社会信用代码校验位错误：最后一位与前17位不符，请逐位核对代码是否抄错。'],
    ['91350100M000100Y34', '统一社会信用代码校验位错误：最后一位与前17位不符，请逐位核对代码是否抄错。'],
    ['91350100M00O100Y43', '统一社会信用代码含有无效字符“O”（代码中不使用字母I、O、S、V、Z，“O”可能是数字0的误写），只能由数字和大写字母组成，请核对。'],
    ['91350100M000100Y4-', '统一社会信用代码含有无效字符“-”，只能由数字和大写字母组成，请核对。'],
    ['9135A100M000100Y43', '统一社会信用代码第3至8位应为数字（登记管理机关行政区划码），请核对。'],
  ];
  it.each(invalid)('%s → %s', (code, message) => {
    expect(validateCreditCode(code)).toEqual({ ok: false, message });
  });

  it('maps a remainder of 0 to check character 0 (31 → 0)', () => {
    // find a body whose weighted sum is a multiple of 31 by varying the last body character
    const stem = '9111000010000138';
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const hits = [...chars].filter((c) => creditCodeCheckChar(stem + c) === '0');
    expect(hits).toHaveLength(1);
    expect(validateCreditCode(`${stem}${hits[0]}0`)).toEqual({ ok: true });
  });
});
