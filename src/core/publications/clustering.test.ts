import { describe, expect, it } from 'vitest';
import { clusterKey, clusterRequests, cosine, suggestTitle, tfidfVectors, type RequestForClustering } from './clustering.js';

// Tokens as jieba search mode gives them (written out so the test needs no segmenter).
const r = (id: number, applicantKey: string, tokens: string, disclosed: boolean, receivedOn: string, description = tokens.replace(/ /g, '')): RequestForClustering =>
  ({ id, applicantKey, tokens: tokens.split(' '), disclosed, receivedOn, description });

const requests: RequestForClustering[] = [
  r(1, 'A', '申请 公开 2023 年 示范市 耕地 占补 平衡 耕地占补平衡 指标 交易 情况', true, '2024-02-01'),
  r(2, 'B', '请 提供 示范市 2023 年度 耕地 占补 平衡 耕地占补平衡 指标 交易 明细', false, '2024-03-05'),
  r(3, 'C', '公开 示范市 耕地 占补 平衡 耕地占补平衡 指标 交易 情况 2023', true, '2024-04-10'),
  r(4, 'A', '申请 公开 示范市 耕地 占补 平衡 耕地占补平衡 指标 交易 的 相关 文件', false, '2024-05-01'),
  r(5, 'D', '申请 公开 某 小区 建设 工程 规划 许可证 及 附图', true, '2024-02-11'),
  r(6, 'E', '申请 公开 某 小区 建设 工程 规划 许可证', false, '2024-06-11'),
  r(7, 'F', '申请 公开 本人 房屋 征收 补偿 协议', true, '2024-01-20'),
  r(8, 'F', '申请 公开 本人 房屋 征收 补偿 协议 复印件', true, '2024-03-20'),
  r(9, 'G', '申请 公开 某 矿区 采矿权 出让 合同', false, '2024-07-01'),
  r(10, 'H', '申请 公开 某 矿区 采矿权 出让 合同', false, '2024-07-02'),
];

describe('clusterRequests (条例 Art.44: 多个申请人 · 相同政府信息 · 可以公开)', () => {
  const clusters = clusterRequests(requests);

  it('groups the four 耕地占补平衡 requests by three applicants', () => {
    expect(clusters[0]).toMatchObject({ requestIds: [1, 2, 3, 4], applicantCount: 3, disclosedCount: 2, firstReceivedOn: '2024-02-01', lastReceivedOn: '2024-05-01' });
    expect(clusters[0].topTerms).toEqual(expect.arrayContaining(['耕地', '交易', '指标']));
    expect(clusters[0].topTerms).not.toContain('申请');
  });
  it('groups the two 规划许可证 requests by two applicants', () => {
    expect(clusters[1]).toMatchObject({ requestIds: [5, 6], applicantCount: 2, disclosedCount: 1 });
  });
  it('does not suggest one applicant asking twice (房屋征收 by F)', () => {
    expect(clusters.some((c) => c.requestIds.includes(7))).toBe(false);
  });
  it('does not suggest information never disclosed (采矿权 refused both times)', () => {
    expect(clusters.some((c) => c.requestIds.includes(9))).toBe(false);
    expect(clusterRequests(requests, { requireDisclosed: false }).some((c) => c.requestIds.join() === '9,10')).toBe(true);
  });
  it('returns exactly these two suggestions', () => {
    expect(clusters.map((c) => clusterKey(c.requestIds))).toEqual(['1,2,3,4', '5,6']);
  });
  it('respects minApplicants', () => {
    expect(clusterRequests(requests, { minApplicants: 3 }).map((c) => clusterKey(c.requestIds))).toEqual(['1,2,3,4']);
  });
  it('the representative is the most central request', () => {
    expect([1, 3]).toContain(clusters[0].representativeId);
  });
});

describe('tfidf and cosine', () => {
  it('identical token lists have similarity 1, disjoint 0; boilerplate words are ignored', () => {
    const { vectors } = tfidfVectors([['耕地', '保护'], ['耕地', '保护'], ['申请', '公开', '规划']]);
    expect(cosine(vectors[0], vectors[1])).toBeCloseTo(1, 10);
    expect(cosine(vectors[0], vectors[2])).toBe(0);
    expect([...vectors[2].keys()]).toEqual(['规划']);
  });
});

describe('suggestTitle / clusterKey', () => {
  const cases: [string, string][] = [
    ['申请公开2023年示范市耕地占补平衡指标交易情况。', '2023年示范市耕地占补平衡指标交易情况'],
    ['本人申请贵局公开某小区建设工程规划许可证', '某小区建设工程规划许可证'],
    ['请求提供某矿区采矿权出让合同', '某矿区采矿权出让合同'],
    ['示范市国土空间总体规划', '示范市国土空间总体规划'],
  ];
  for (const [d, t] of cases) it(`${d} → ${t}`, () => expect(suggestTitle(d)).toBe(t));
  it('cuts long titles', () => expect(suggestTitle('申请公开' + '长'.repeat(80), 10)).toBe(`${'长'.repeat(10)}…`));
  it('keys are order-independent', () => expect(clusterKey([3, 1, 2])).toBe('1,2,3'));
});
