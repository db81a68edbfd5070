import { describe, expect, it } from 'vitest';
import { cleanFileName, findForbiddenText, findLongText, forbiddenCharacter } from './text.js';

describe('forbiddenCharacter (PostgreSQL text + XML 1.0 Char)', () => {
  it.each([
    ['申请公开2024年征收批复', null],
    ['第一行\n第二行\r\n\t缩进', null],
    ['emoji 😀 and 𠀀 (surrogate pairs)', null],
    ['申请\u0000公开', 'U+0000'],
    ['bell\u0007', 'U+0007'],
    ['vertical tab\u000B', 'U+000B'],
    ['escape\u001B[0m', 'U+001B'],
    ['\uFFFF', 'U+FFFF'],
    ['lone high \uD83D here', 'U+D83D'],
    ['lone low \uDE00 here', 'U+DE00'],
  ])('%j → %s', (s, expected) => {
    expect(forbiddenCharacter(s)).toBe(expected);
  });
});

describe('findForbiddenText', () => {
  it('names the path of the first bad string, in objects, arrays and keys', () => {
    expect(findForbiddenText({ applicant: { name: '李四', address: '广州\u0000' }, description: 'ok' })).toEqual({ path: 'applicant.address', char: 'U+0000' });
    expect(findForbiddenText({ items: ['a', 'b\u0001'] })).toEqual({ path: 'items.1', char: 'U+0001' });
    expect(findForbiddenText({ 'k\u0002': 1 })).toEqual({ path: 'k\u0002', char: 'U+0002' });
    expect(findForbiddenText({ n: 1, b: true, x: null, s: '正常' })).toBeNull();
    expect(findForbiddenText('\u0000')).toEqual({ path: '', char: 'U+0000' });
  });
});

describe('cleanFileName', () => {
  it('keeps Chinese names, replaces separators and control characters, falls back when empty', () => {
    expect(cleanFileName('2024年台账（终稿）.xlsx', '台账')).toBe('2024年台账（终稿）.xlsx');
    expect(cleanFileName('..\\etc/passwd\u0000.csv', '台账')).toBe('.._etc_passwd_.csv');
    expect(cleanFileName('  ', '台账')).toBe('台账');
    expect(cleanFileName(undefined, '附件')).toBe('附件');
  });
});

describe('findLongText', () => {
  it('names the first text over the limit by its path, however deep', () => {
    expect(findLongText({ type: 'reply', provision: { method: '邮寄', way: 'x'.repeat(11) } }, 10)).toEqual({ path: 'provision.way', length: 11 });
    expect(findLongText({ items: ['短', '长'.repeat(12)] }, 10)).toEqual({ path: 'items.1', length: 12 });
    expect(findLongText({ reasons: '正'.repeat(10), n: 123456789012, ok: true, none: null }, 10)).toBeNull();
  });
});
