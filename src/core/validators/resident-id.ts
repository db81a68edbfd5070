import { fail, normalizeIdNumber, OK, type ValidationResult } from './result.js';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
/** First two digits (省级行政区划代码) in use, incl. 71 台湾 and 81/82/83 for 港澳台居民居住证 numbers. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]);

/** The GB 11643-1999 check character (ISO 7064 MOD 11-2) of the first 17 digits of a 公民身份号码. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/**
 * Validates an 18-character 居民身份证 number (公民身份号码, GB 11643-1999《公民身份号码》; 居民身份证法 第三条): 17 digits
 * and a check character (0–9 or X, ISO 7064 MOD 11-2 with weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2), a known
 * province code, and a real birth date (YYYYMMDD at positions 7–14, not before 1800 and, when `today` is given, not
 * after it). Spaces and a lower-case x are tolerated (see normalizeIdNumber). Used for the applicant's 身份证明
 * (政府信息公开条例 第二十九条第二款第一项).
 */
export function validateResidentId(id: string, options: { today?: string } = {}): ValidationResult {
  const value = normalizeIdNumber(id);
  if (value === '') return fail('请填写身份证号码。');
  if (value.length !== 18) {
    if (value.length === 15 && /^\d{15}$/.test(value)) return fail('身份证号码应为18位：15位的第一代身份证号码已停止使用，请填写现行18位号码。');
    return fail(`身份证号码应为18位，当前为${value.length}位，请核对。`);
  }
  if (!/^\d{17}[\dX]$/.test(value)) return fail('身份证号码格式不正确：前17位应为数字，最后一位为数字或字母X，请核对。');
  if (!PROVINCES.has(value.slice(0, 2))) return fail(`身份证号码前两位“${value.slice(0, 2)}”不是有效的省级地区代码，请核对前6位地址码。`);
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (y < 1800 || probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    return fail(`身份证号码中的出生日期“${birth}”不存在，请核对第7至14位。`);
  }
  if (options.today !== undefined && birth > options.today) return fail(`身份证号码中的出生日期“${birth}”晚于今天，请核对第7至14位。`);
  if (residentIdCheckChar(value) !== value[17]) return fail('身份证号码校验位错误：最后一位与前17位不符，请逐位核对号码是否抄错。');
  return OK;
}
