import { fail, normalizeIdNumber, OK, type ValidationResult } from './result.js';

/** The 31 characters of GB 32100-2015 (digits and capitals without I, O, S, V, Z). */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100-2015 check character of the first 17 characters: 31 − (Σ value × weight mod 31), 31 → '0'. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * Validates a 统一社会信用代码 of a 法人或其他组织 (GB 32100-2015《法人和其他组织统一社会信用代码编码规则》; 国发〔2015〕33号):
 * 18 characters from 0–9 and A–Y without I, O, S, V, Z; positions 3–8 the 6-digit 登记管理机关行政区划码; the 18th the
 * check character (weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28). Spaces and lower case are tolerated (see
 * normalizeIdNumber). Used for the 身份证明 of an applicant that is an organization (政府信息公开条例 第二十九条第二款第一项).
 */
export function validateCreditCode(code: string): ValidationResult {
  const value = normalizeIdNumber(code);
  if (value === '') return fail('请填写统一社会信用代码。');
  if (value.length !== 18) return fail(`统一社会信用代码应为18位，当前为${value.length}位，请核对。`);
  const bad = [...value].find((c) => !CHARSET.includes(c));
  if (bad !== undefined) {
    const hint = 'IOSVZ'.includes(bad) ? `（代码中不使用字母I、O、S、V、Z，“${bad}”可能是数字${({ I: '1', O: '0', S: '5', V: 'U 或 Y', Z: '2' } as Record<string, string>)[bad]}的误写）` : '';
    return fail(`统一社会信用代码含有无效字符“${bad}”${hint}，只能由数字和大写字母组成，请核对。`);
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) return fail('统一社会信用代码第3至8位应为数字（登记管理机关行政区划码），请核对。');
  if (creditCodeCheckChar(value) !== value[17]) return fail('统一社会信用代码校验位错误：最后一位与前17位不符，请逐位核对代码是否抄错。');
  return OK;
}
