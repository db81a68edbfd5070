import { describe, expect, it } from 'vitest';
import { validateEmail, validatePhone, validatePostcode } from './contact.js';

describe('validatePhone', () => {
  it.each([
    '13900139000',
    '19912345678',
    '+8613900139000',
    '+86 139 0013 9000',
    '010-66558740',
    '01066558740',
    '(010)66558740',
    '021-12345678',
    '0755-12345678',
    '0571-8765432',
    '010-66558740-123',
    '010-66558740转8001',
    '0755-12345678ext12',
    '400-810-0000',
  ])('%s is valid', (phone) => {
    expect(validatePhone(phone)).toEqual({ ok: true });
  });

  const invalid: [string, string][] = [
    ['', '请填写联系电话。'],
    ['1390013900', '手机号码应为以1开头的11位数字，当前为10位，请核对。'],
    ['12900139000', '手机号码格式不正确：第2位应为3至9之间的数字，请核对。'],
    ['66558740', '电话号码格式不正确：请填写11位手机号码（如 13900139000）或带区号的固定电话（如 010-66558740，分机写作 010-66558740-123）。'],
    ['010-6655874', '电话号码格式不正确：请填写11位手机号码（如 13900139000）或带区号的固定电话（如 010-66558740，分机写作 010-66558740-123）。'],
    ['０１０－６６５５８７４０', '联系电话中含有全角字符，请改用半角数字和“-”填写。'],
  ];
  it.each(invalid)('%s → %s', (phone, message) => {
    expect(validatePhone(phone)).toEqual({ ok: false, message });
  });
});

describe('validateEmail', () => {
  it.each(['zhangsan@example.com', 'li.si+gk@mail.example.gov.cn', 'a_b-c@sub-domain.example.org', ' wang@example.cn '])('%s is valid', (email) => {
    expect(validateEmail(email)).toEqual({ ok: true });
  });
  const invalid: [string, string][] = [
    ['', '请填写电子邮箱。'],
    ['zhangsan＠example.com', '电子邮箱中含有全角字符（如“＠”“。”），请改用半角字符，如 name@example.com。'],
    ['zhang san@example.com', '电子邮箱中不能有空格，请删除后再提交。'],
    ['zhangsan.example.com', '电子邮箱格式不正确：应包含且只包含一个“@”，如 name@example.com。'],
    ['a@b@example.com', '电子邮箱格式不正确：应包含且只包含一个“@”，如 name@example.com。'],
    ['zhangsan@example', '电子邮箱格式不正确，请按 name@example.com 的格式填写。'],
    ['.zhangsan@example.com', '电子邮箱格式不正确，请按 name@example.com 的格式填写。'],
    ['zhang..san@example.com', '电子邮箱格式不正确，请按 name@example.com 的格式填写。'],
    ['zhangsan@-example.com', '电子邮箱格式不正确，请按 name@example.com 的格式填写。'],
    [`${'a'.repeat(65)}@example.com`, '电子邮箱格式不正确，请按 name@example.com 的格式填写。'],
  ];
  it.each(invalid)('%s → %s', (email, message) => {
    expect(validateEmail(email)).toEqual({ ok: false, message });
  });
});

describe('validatePostcode', () => {
  it.each(['100017', '518000', ' 200001 '])('%s is valid', (code) => {
    expect(validatePostcode(code)).toEqual({ ok: true });
  });
  it.each([
    ['', '请填写邮政编码。'],
    ['10001', '邮政编码应为6位数字（如 100017），请核对。'],
    ['1000177', '邮政编码应为6位数字（如 100017），请核对。'],
    ['10001A', '邮政编码应为6位数字（如 100017），请核对。'],
  ])('%s → %s', (code, message) => {
    expect(validatePostcode(code)).toEqual({ ok: false, message });
  });
});
