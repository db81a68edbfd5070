import { describe, expect, it } from 'vitest';
import { ANNUAL_FACT_FIELDS, factField, factFieldsFor, validateAnnualFacts } from './facts.js';

describe('ANNUAL_FACT_FIELDS', () => {
  it('has unique keys and unique paths per format', () => {
    expect(new Set(ANNUAL_FACT_FIELDS.map((f) => f.key)).size).toBe(ANNUAL_FACT_FIELDS.length);
    for (const format of ['gov-2021', 'gov-2019', 'gov-2014'] as const) {
      const paths = factFieldsFor(format).map((f) => f.path).filter(Boolean);
      expect(new Set(paths).size).toBe(paths.length);
    }
  });
  it('describes the gov-2021 part 二 table (10 cells) and the gov-2014 entered rows', () => {
    expect(factFieldsFor('gov-2021').filter((f) => f.path?.startsWith('proactive.')).map((f) => f.key)).toEqual([
      'regulationsIssued', 'regulationsRepealed', 'regulationsInForce', 'normativeDocsIssued', 'normativeDocsRepealed',
      'normativeDocsInForce', 'licensingDecisions', 'punishmentDecisions', 'enforcementDecisions', 'adminFeesWanYuan',
    ]);
    // 8 主动公开 + 9 回应解读 + 6 机构 + 3 会议培训 + 举报投诉 + 3 fee figures
    expect(factFieldsFor('gov-2014').filter((f) => f.kind !== 'text')).toHaveLength(30);
    expect(factField('budgetWanYuan')).toMatchObject({ unit: '万元', kind: 'amount', path: 'organisation.budgetWanYuan' });
  });
});

describe('validateAnnualFacts', () => {
  it('accepts numbers, markers like “/” and text blocks', () => {
    expect(validateAnnualFacts({ regulationsIssued: '/', proactiveTotal: '80余万', staff: 38, licensingChange: -4, overviewText: '……', meetings: null })).toEqual([]);
  });
  it('names each field that is wrong and what to enter', () => {
    expect(validateAnnualFacts({ staff: 3.5, budgetWanYuan: -1, unknownKey: 1, overviewText: 5, licensingChange: 1.5, meetings: '  ' })).toEqual([
      '「从事政府信息公开工作人员数」应为不小于0的整数，当前为3.5。',
      '「政府信息公开专项经费」不能为负数，当前为-1。',
      '未知的填报项「unknownKey」，请删除或改用表单中的填报项。',
      '「一、总体情况（主动公开、依申请公开、政府信息管理、平台建设、监督保障等）」应填写文字。',
      '「行政许可 本年增/减」应为整数（增加填正数，减少填负数），当前为1.5。',
      '「召开政府信息公开工作会议或专题会议数」为空白文字，不填写请留空。',
    ]);
  });
});
