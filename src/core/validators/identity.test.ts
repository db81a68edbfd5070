import { describe, expect, it } from 'vitest';
import { ID_TYPES, isIdType, validateIdentity } from './identity.js';
import * as validators from './index.js';

describe('validateIdentity dispatches on the document type', () => {
  it('lists the six document types in form order', () => {
    expect(ID_TYPES).toEqual(['身份证', '统一社会信用代码', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '其他']);
    expect(isIdType('护照')).toBe(true);
    expect(isIdType('驾驶证')).toBe(false);
  });

  const valid: [string, string][] = [
    ['身份证', '440524188001010014'],
    ['统一社会信用代码', '91350100M000100Y43'],
    ['护照', 'E12345678'],
    ['护照', 'p1234567'],
    ['港澳居民来往内地通行证', 'H12345678'],
    ['港澳居民来往内地通行证', 'M1234567801'],
    ['台湾居民来往大陆通行证', '12345678'],
    ['台湾居民来往大陆通行证', '1234567890B'],
    ['其他', '军官证 第12345号'],
  ];
  it.each(valid)('%s %s is valid', (type, number) => {
    expect(validateIdentity(type, number)).toEqual({ ok: true });
  });

  const invalid: [string, string, string][] = [
    ['身份证', '440524188001010015', '身份证号码校验位错误：最后一位与前17位不符，请逐位核对号码是否抄错。'],
    ['统一社会信用代码', '91350100M000100Y44', '统一社会信用代码校验位错误：最后一位与前17位不符，请逐位核对代码是否抄错。'],
    ['护照', 'E123', '护照号码应为5至20位字母或数字（如 E12345678），请核对。'],
    ['护照', '', '请填写护照号码。'],
    ['港澳居民来往内地通行证', 'C12345678', '港澳居民来往内地通行证号码应为字母H或M加8位数字（如 H12345678），请核对。'],
    ['台湾居民来往大陆通行证', '1234567', '台湾居民来往大陆通行证号码应为8位数字（如 12345678），请核对。'],
    ['其他', '', '请填写证件号码。'],
    ['其他', 'x'.repeat(51), '证件号码不能超过50个字符，当前为51个，请核对。'],
    ['驾驶证', '123', '证件类型“驾驶证”无效，请从以下类型中选择：身份证、统一社会信用代码、护照、港澳居民来往内地通行证、台湾居民来往大陆通行证、其他。'],
  ];
  it.each(invalid)('%s %s → %s', (type, number, message) => {
    expect(validateIdentity(type, number)).toEqual({ ok: false, message });
  });

  it('re-exports everything from index.ts', () => {
    expect(Object.keys(validators).sort()).toEqual(
      [
        'ID_TYPES', 'OK', 'cleanFileName', 'creditCodeCheckChar', 'fail', 'findForbiddenText', 'findLongText', 'forbiddenCharacter', 'isIdType', 'maskAddress', 'maskIdNumber', 'maskName', 'maskPhone',
        'normalizeIdNumber', 'residentIdCheckChar', 'validateCreditCode', 'validateEmail', 'validateIdentity', 'validatePhone',
        'validatePostcode', 'validateResidentId',
      ].sort(),
    );
  });
});
