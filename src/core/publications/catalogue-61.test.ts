import { describe, expect, it } from 'vitest';
import { CATALOGUE_61, CATEGORY_NAME_ALIASES, LEGACY_DEFAULT_CODES, catalogueCodeForText } from './catalogue-61.js';
import { isValidCategoryCode } from './index-number.js';

describe('公开目录 after 国办公开办函〔2019〕61号', () => {
  it('has exactly the four first-level parts, in order', () => {
    expect(CATALOGUE_61.filter((n) => !n.parent).map((n) => n.name)).toEqual(['政府信息公开指南', '政府信息公开制度', '法定主动公开内容', '政府信息公开年报']);
  });

  it('法定主动公开内容 covers 条例第二十条 items （一）–（十五） once each, plus 第二十一条', () => {
    const under03 = CATALOGUE_61.filter((n) => n.parent === '03');
    const items = under03.map((n) => /第二十条第（(.+?)）项/.exec(n.description ?? '')?.[1]).filter(Boolean);
    expect(items).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五']);
    expect(under03.find((n) => n.code === '0316')?.description).toMatch(/第二十一条.*土地征收/);
  });

  it('every code is unique, usable in a 索引号, and two digits longer than its parent', () => {
    const codes = CATALOGUE_61.map((n) => n.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const n of CATALOGUE_61) {
      expect(isValidCategoryCode(n.code)).toBe(true);
      if (n.parent) {
        expect(codes).toContain(n.parent);
        expect(n.code.startsWith(n.parent) && n.code.length === n.parent.length + 2).toBe(true);
      } else expect(n.code).toHaveLength(2);
    }
    expect(codes.indexOf('0301')).toBeLessThan(codes.indexOf('030101')); // parents first (the migration inserts in this order)
  });

  it('every old default category and every alias points at a node of the tree', () => {
    const codes = new Set(CATALOGUE_61.map((n) => n.code));
    for (const t of [...Object.values(LEGACY_DEFAULT_CODES).map((l) => l.to), ...Object.values(CATEGORY_NAME_ALIASES)]) expect(codes.has(t)).toBe(true);
  });

  const texts: [string, string | null][] = [
    ['财政信息/预决算', '0307'],
    ['法规文件 > 行政规范性文件', '030102'],
    ['行政处罚', '0306'],
    ['办事指南', '0305'],
    ['年度报告', '04'],
    ['法定主动公开内容/行政处罚和行政强制', '0306'],
    ['0316', '0316'],
    ['专项工作/河长制', null],
  ];
  for (const [text, code] of texts) it(`公开目录 text "${text}" → ${code}`, () => expect(catalogueCodeForText(text)).toBe(code));
});
