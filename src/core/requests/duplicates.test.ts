import { describe, expect, it } from 'vitest';
import { findLikelyDuplicates, isLikelyDuplicate, normaliseDescription, similarity } from './duplicates.js';

describe('similarity (character-bigram Dice, 条例 Art.36(六) 重复申请)', () => {
  it.each([
    ['申请公开2023年度部门预算', '申请公开2023年度部门预算', 1],
    // Punctuation, spaces and full-width digits are ignored.
    ['申请公开２０２３年度 部门预算。', '申请公开2023年度部门预算', 1],
    ['ABC 项目批复', 'abc项目批复', 1],
    // 14 characters → 13 bigrams each; 23/3年 differ from 24/4年 → 11 in common → 22/26.
    ['申请公开2023年度部门预算', '申请公开2024年度部门预算', 11 / 13],
    ['', '', 0],
    ['预算', '', 0],
    ['甲', '甲', 1],
    ['甲', '乙', 0],
  ])('%j vs %j → %d', (a, b, expected) => {
    expect(similarity(a, b)).toBeCloseTo(expected, 10);
  });

  it('is symmetric', () => {
    const a = '请公开某某路拓宽工程的立项批复及环评报告';
    const b = '申请公开某某路拓宽工程立项批复和环境影响评价报告';
    expect(similarity(a, b)).toBeCloseTo(similarity(b, a), 12);
  });

  it('normalises the text', () => {
    expect(normaliseDescription(' 关于“某某”项目，\n请公开！ ')).toBe('关于某某项目请公开');
  });
});

describe('isLikelyDuplicate (threshold 0.8)', () => {
  it.each([
    ['申请公开某某区2023年土地征收补偿方案', '申请公开某某区2023年土地征收补偿方案。', true],
    ['申请公开某某区2023年土地征收补偿方案', '请公开某某区2023年土地征收补偿方案', true],
    ['申请公开某某区2023年土地征收补偿方案', '申请公开某某区2023年国有土地出让合同', false],
    ['申请公开2023年度部门预算', '请公开市政府常务会议纪要', false],
    // A known limit of bigrams on short texts: one different word still scores 11/13 ≈ 0.85, so 预算 and 决算
    // requests are flagged. It is a hint for the handler, who decides (the core never closes a request itself).
    ['申请公开2023年度部门预算', '申请公开2023年度部门决算', true],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(isLikelyDuplicate(a, b)).toBe(expected);
  });

  it('accepts another threshold', () => {
    expect(isLikelyDuplicate('申请公开2023年度部门预算', '申请公开2024年度部门预算', 0.9)).toBe(false);
    expect(isLikelyDuplicate('申请公开2023年度部门预算', '申请公开2024年度部门预算')).toBe(true);
  });

  it('findLikelyDuplicates returns matches, most similar first', () => {
    const earlier = [
      { id: 'A', description: '申请公开某某区2023年国有土地出让合同' },
      { id: 'B', description: '请公开某某区2023年土地征收补偿方案' },
      { id: 'C', description: '申请公开某某区2023年土地征收补偿方案' },
    ];
    const hits = findLikelyDuplicates('申请公开某某区2023年土地征收补偿方案！', earlier);
    expect(hits.map((h) => h.item.id)).toEqual(['C', 'B']);
    expect(hits[0].similarity).toBe(1);
  });
});
