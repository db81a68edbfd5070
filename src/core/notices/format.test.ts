import { describe, expect, it } from 'vitest';
import { citeAll, formatCitation, formatProvision, ogi } from './citations.js';
import { chineseNumeral, formatChineseDate, formatChineseDateInWords, formatDocNumber, formatYuan } from './format.js';

describe('formatChineseDate (GB/T 9704-2012 7.3.5: Arabic numerals, no leading zeros)', () => {
  it.each([
    ['2026-11-27', '2026年11月27日'],
    ['2026-01-05', '2026年1月5日'],
    ['2019-05-15', '2019年5月15日'],
    ['2024-02-29', '2024年2月29日'],
  ])('%s → %s', (iso, text) => {
    expect(formatChineseDate(iso)).toBe(text);
  });

  it.each(['2026-02-30', '2026/11/27', '', '26-11-27'])('refuses %j with a Chinese message', (bad) => {
    expect(() => formatChineseDate(bad)).toThrow(/YYYY-MM-DD/);
  });

  it('offers the pre-2012 written form for agencies that still use it', () => {
    expect(formatChineseDateInWords('2026-11-27')).toBe('二〇二六年十一月二十七日');
    expect(formatChineseDateInWords('2008-05-01')).toBe('二〇〇八年五月一日');
    expect(formatChineseDateInWords('2019-10-20')).toBe('二〇一九年十月二十日');
  });
});

describe('formatDocNumber (GB/T 9704-2012 7.2.4)', () => {
  it.each([
    ['国土资公开', 2026, 12, '国土资公开〔2026〕12号'],
    ['国土资公开', 2026, 1, '国土资公开〔2026〕1号'], // 不编虚位
    [' 京规自公开 ', 2025, 305, '京规自公开〔2025〕305号'],
  ])('%s %i %i → %s', (prefix, year, seq, expected) => {
    expect(formatDocNumber(prefix, year, seq)).toBe(expected);
  });

  it.each([
    ['', 2026, 1, /代字不能为空/],
    ['国土资公开〔', 2026, 1, /不应包含括号/],
    ['国土资公开', 26, 1, /四位公历年份/],
    ['国土资公开', 2026, 0, /顺序号/],
    ['国土资公开', 2026, 1.5, /顺序号/],
  ])('refuses (%j, %s, %s)', (prefix, year, seq, message) => {
    expect(() => formatDocNumber(prefix as string, year as number, seq as number)).toThrow(message as RegExp);
  });
});

describe('chineseNumeral and citations', () => {
  it.each([
    [1, '一'], [10, '十'], [11, '十一'], [16, '十六'], [20, '二十'], [36, '三十六'], [42, '四十二'],
    [100, '一百'], [101, '一百零一'], [110, '一百一十'], [1005, '一千零五'],
  ])('%i → %s', (n, text) => {
    expect(chineseNumeral(n)).toBe(text);
  });

  it('formats article, paragraph and item the way 国办 documents do', () => {
    expect(formatProvision(ogi(36, { item: 3 }))).toBe('第三十六条第（三）项');
    expect(formatProvision(ogi(16, { paragraph: 2 }))).toBe('第十六条第二款');
    expect(formatCitation({ law: 'reconsideration', article: 23, paragraph: 1, item: 4 })).toBe('《中华人民共和国行政复议法》第二十三条第一款第（四）项');
    expect(formatCitation({ law: 'ogi2008', article: 21, item: 1 })).toBe('《中华人民共和国政府信息公开条例》（国务院令第492号）第二十一条第（一）项');
  });

  it('groups several provisions by instrument and shortens repeats of one article', () => {
    expect(citeAll([ogi(14), ogi(36, { item: 3 })])).toBe('《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项');
    expect(citeAll([ogi(33, { paragraph: 2 }), ogi(33, { paragraph: 3 })])).toBe('《中华人民共和国政府信息公开条例》第三十三条第二款、第三款');
    expect(citeAll([ogi(42), { law: 'fees2020', article: 3 }, { law: 'fees2020', article: 4 }, ogi(42)])).toBe(
      '《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）第三条、第四条',
    );
  });

  it('writes amounts as plain digits', () => {
    expect(formatYuan(4700)).toBe('4700');
    expect(formatYuan(12.5)).toBe('12.50');
  });
});
