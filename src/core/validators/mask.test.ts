import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskName, maskPhone } from './mask.js';

describe('masking for lists', () => {
  it.each([
    ['440524188001010014', '440524********0014'],
    ['11010519491231002X', '110105********002X'],
    ['91350100M000100Y43', '913501********0Y43'],
    ['E12345678', 'E1*****78'],
    ['H1234567', 'H1****67'],
    ['AB123', 'A***3'],
    ['1234', '****'],
    ['', ''],
  ])('maskIdNumber(%s) → %s', (input, expected) => {
    expect(maskIdNumber(input)).toBe(expected);
  });

  it.each([
    ['13900139000', '139****9000'],
    ['+8613900139000', '+86139****9000'],
    ['010-66558740', '010-****8740'],
    ['0755-12345678', '0755-****5678'],
    ['0755-12345678-123', '0755-****5678-123'],
    ['(021)12345678', '(021)****5678'],
    ['', ''],
  ])('maskPhone(%s) → %s', (input, expected) => {
    expect(maskPhone(input)).toBe(expected);
  });

  it.each([
    ['李四', '李*'],
    ['张三丰', '张**'],
    ['欧阳娜娜', '欧***'],
    ['王', '*'],
    ['𠀀明', '𠀀*'],
    ['', ''],
  ])('maskName(%s) → %s', (input, expected) => {
    expect(maskName(input)).toBe(expected);
  });

  it.each([
    ['北京市西城区府右街2号', '北京市西城区****'],
    ['广东省深圳市福田区福中三路1号', '广东省深圳市****'],
    ['北京市西城区', '北京市西城区'],
    ['', ''],
  ])('maskAddress(%s) → %s', (input, expected) => {
    expect(maskAddress(input)).toBe(expected);
  });
});
