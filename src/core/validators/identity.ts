import { validateCreditCode } from './credit-code.js';
import { validateResidentId } from './resident-id.js';
import { fail, normalizeIdNumber, OK, type ValidationResult } from './result.js';

/** Identity document types an applicant can give as 身份证明 (政府信息公开条例 第二十九条第二款第一项). */
export const ID_TYPES = ['身份证', '统一社会信用代码', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '其他'] as const;
export type IdType = (typeof ID_TYPES)[number];

/** True when `value` is one of ID_TYPES. */
export function isIdType(value: string): value is IdType {
  return (ID_TYPES as readonly string[]).includes(value);
}

/**
 * Validates the 身份证明 of an applicant (政府信息公开条例 第二十九条第二款第一项) by document type: 身份证 and
 * 统一社会信用代码 strictly (check characters, see validateResidentId / validateCreditCode); the others loosely —
 * 护照 5–20 letters or digits; 港澳居民来往内地通行证 H or M and 8 digits (older cards: 10 digits); 台湾居民来往大陆通行证
 * 8 digits (older cards: 10 digits, optionally a letter); 其他 anything up to 50 characters.
 */
export function validateIdentity(idType: string, idNumber: string): ValidationResult {
  if (!isIdType(idType)) return fail(`证件类型“${idType}”无效，请从以下类型中选择：${ID_TYPES.join('、')}。`);
  const value = normalizeIdNumber(idNumber);
  switch (idType) {
    case '身份证':
      return validateResidentId(value);
    case '统一社会信用代码':
      return validateCreditCode(value);
    case '护照':
      if (value === '') return fail('请填写护照号码。');
      return /^[A-Z0-9]{5,20}$/.test(value) ? OK : fail('护照号码应为5至20位字母或数字（如 E12345678），请核对。');
    case '港澳居民来往内地通行证':
      if (value === '') return fail('请填写港澳居民来往内地通行证号码。');
      return /^[HM]\d{8}(\d{2})?$/.test(value) ? OK : fail('港澳居民来往内地通行证号码应为字母H或M加8位数字（如 H12345678），请核对。');
    case '台湾居民来往大陆通行证':
      if (value === '') return fail('请填写台湾居民来往大陆通行证号码。');
      return /^(\d{8}|\d{10}(\([A-Z]\)|[A-Z])?)$/.test(value) ? OK : fail('台湾居民来往大陆通行证号码应为8位数字（如 12345678），请核对。');
    case '其他':
      if (value === '') return fail('请填写证件号码。');
      return value.length <= 50 ? OK : fail(`证件号码不能超过50个字符，当前为${value.length}个，请核对。`);
  }
}
