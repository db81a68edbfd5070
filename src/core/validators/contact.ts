import { fail, OK, type ValidationResult } from './result.js';

const MOBILE = /^(?:\+?86[-\s]?)?1[3-9]\d{9}$/;
// Area code 010 / 02X take an 8-digit number; 4-digit area codes 03XX–09XX take 7 or 8 digits. Optional extension.
const EXTENSION = '(?:(?:-|转|ext\\.?|x)\\d{1,6})?';
const FIXED_LINE = new RegExp(`^(?:(?:010|02\\d)-?\\d{8}|\\((?:010|02\\d)\\)\\d{8}|0[3-9]\\d{2}-?\\d{7,8}|\\(0[3-9]\\d{2}\\)\\d{7,8})${EXTENSION}$`, 'i');
const SERVICE_LINE = /^[48]00-?\d{3}-?\d{4}$/;

/**
 * Validates a contact telephone number (联系方式, 政府信息公开条例 第二十九条第二款第一项): a mainland mobile number
 * (11 digits 1[3-9]…, optional +86), a fixed line with area code (010-66558740, 0755-12345678, (021)12345678), with
 * an optional extension (-123, 转123, ext123), or a 400/800 service number. Spaces are ignored.
 */
export function validatePhone(phone: string): ValidationResult {
  const compact = phone.replace(/[\s\u3000]+/g, '');
  if (compact === '') return fail('请填写联系电话。');
  if (/[０-９－（）]/.test(compact)) return fail('联系电话中含有全角字符，请改用半角数字和“-”填写。');
  if (MOBILE.test(compact) || FIXED_LINE.test(compact) || SERVICE_LINE.test(compact)) return OK;
  if (/^1\d*$/.test(compact)) {
    if (compact.length !== 11) return fail(`手机号码应为以1开头的11位数字，当前为${compact.length}位，请核对。`);
    return fail('手机号码格式不正确：第2位应为3至9之间的数字，请核对。');
  }
  return fail('电话号码格式不正确：请填写11位手机号码（如 13900139000）或带区号的固定电话（如 010-66558740，分机写作 010-66558740-123）。');
}

/**
 * Validates an e-mail address given as 联系方式 (政府信息公开条例 第二十九条第二款第一项) and used to deliver replies by 数据电文: one '@',
 * a local part of at most 64 characters without leading, trailing or doubled dots, a domain of dot-separated labels
 * ending in a 2–63-letter top-level domain, 254 characters at most.
 */
export function validateEmail(email: string): ValidationResult {
  const value = email.trim();
  if (value === '') return fail('请填写电子邮箱。');
  if (/[＠。．，]/.test(value)) return fail('电子邮箱中含有全角字符（如“＠”“。”），请改用半角字符，如 name@example.com。');
  if (/\s/.test(value)) return fail('电子邮箱中不能有空格，请删除后再提交。');
  const at = value.split('@');
  if (at.length !== 2) return fail('电子邮箱格式不正确：应包含且只包含一个“@”，如 name@example.com。');
  const [local, domain] = at;
  const validLocal = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/.test(local) && local.length <= 64;
  const validDomain = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/.test(domain);
  if (!validLocal || !validDomain || value.length > 254) return fail('电子邮箱格式不正确，请按 name@example.com 的格式填写。');
  return OK;
}

/** Validates the 邮政编码 of the applicant's postal address (联系方式, 政府信息公开条例 第二十九条第二款第一项; replies by 信函): exactly 6 digits. */
export function validatePostcode(postcode: string): ValidationResult {
  const value = postcode.trim();
  if (value === '') return fail('请填写邮政编码。');
  if (!/^\d{6}$/.test(value)) return fail('邮政编码应为6位数字（如 100017），请核对。');
  return OK;
}
