import { describe, expect, it } from 'vitest';
import { buildAnnualReport } from './annual-report.js';
import { buildNarrative, percent } from './narrative.js';
import { ledger2024, SEED_2016_FACTS, seedLedger2016 } from './testing.js';

const texts = (n: ReturnType<typeof buildNarrative>, key: string) => n.parts.find((p) => p.key === key)?.paragraphs.map((p) => p.text) ?? [];

describe('buildNarrative gov-2021', () => {
  const report = buildAnnualReport({ format: 'gov-2021', year: 2024, agency: '某市自然资源局', ...ledger2024(), facts: { licensingDecisions: 120, regulationsIssued: '/', complaints: 2 } });
  const n = buildNarrative(report, { overviewText: '第一段。\n\n  第二段。', problemsText: '问题一。' });

  it('has the six parts of 国办公开办函〔2021〕30号 with the tables in parts 二、三、四', () => {
    expect(n.title).toBe('某市自然资源局2024年政府信息公开工作年度报告');
    expect(n.parts.map((p) => p.heading)).toEqual([
      '一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项',
    ]);
    expect(n.parts.map((p) => p.tables)).toEqual([[], ['proactive'], ['requests'], ['reviews'], [], []]);
    expect(n.appendix).toBeNull();
  });

  it('fills the sentences with the computed numbers', () => {
    expect(texts(n, 'overview')).toEqual([
      '第一段。', '第二段。',
      '2024年，某市自然资源局共新收政府信息公开申请73件，上年结转5件，办结72件，结转下年度继续办理6件；因政府信息公开工作被申请行政复议16件，被提起行政诉讼9件。',
    ]);
    expect(texts(n, 'proactive')).toEqual(['作出行政许可决定120件。具体情况见下表。']);
    expect(texts(n, 'requests')[0]).toBe(
      '本年度新收政府信息公开申请73件，其中自然人申请35件，法人或其他组织申请38件；上年结转5件。本年度办结72件，其中予以公开19件，占26.4%；' +
      '部分公开9件，占12.5%；不予公开12件，占16.7%；无法提供15件，占20.8%；不予处理9件，占12.5%；其他处理8件，占11.1%。结转下年度继续办理6件。');
    expect(texts(n, 'reviews')).toEqual([
      '本年度因政府信息公开工作被申请行政复议16件，其中结果维持3件，结果纠正5件，其他结果5件，尚未审结3件。被提起行政诉讼9件，其中未经复议直接起诉4件' +
      '（结果维持1件，结果纠正1件，其他结果1件，尚未审结1件），复议后起诉5件（结果维持2件，结果纠正1件，其他结果1件，尚未审结1件）。',
    ]);
    expect(texts(n, 'other').slice(0, 2)).toEqual(['本年度发出收费通知2件，总金额1500元，实际收取信息处理费300元。', '本年度收到涉及政府信息公开工作的举报投诉2件。']);
  });

  it('marks entered text and placeholders', () => {
    expect(n.parts[0].paragraphs.map((p) => p.source)).toEqual(['entered', 'entered', 'computed']);
    expect(n.parts[4].paragraphs).toEqual([{ text: '问题一。', source: 'entered' }]);
    expect(n.parts[5].paragraphs[2]).toMatchObject({ source: 'placeholder' });
    expect(n.parts[5].paragraphs[2].text).toMatch(/^【请填写：.*】$/);
  });

  it('says so when nothing happened', () => {
    const empty = buildNarrative(buildAnnualReport({ format: 'gov-2019', year: 2020, agency: '某局', requests: [] }));
    expect(texts(empty, 'requests')).toEqual(['本年度未收到政府信息公开申请，也无上年结转的申请。']);
    expect(texts(empty, 'reviews')).toEqual(['本年度未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。']);
    expect(texts(empty, 'other')[0]).toBe('本年度未收取信息处理费。');
  });
});

describe('buildNarrative gov-2014 in the seed report’s style', () => {
  const report = buildAnnualReport({ format: 'gov-2014', year: 2016, agency: '国土资源部', ...seedLedger2016(), facts: SEED_2016_FACTS });
  const n = buildNarrative(report, SEED_2016_FACTS);

  it('uses the seed’s section titles and puts the 统计表 in an appendix', () => {
    expect(n.parts.map((p) => p.heading)).toEqual([
      '一、概述', '二、政府信息主动公开情况', '三、回应解读情况', '四、依申请公开和不予公开政府信息情况',
      '五、因政府信息公开引起行政复议、行政诉讼及举报的情况', '六、机构建设及制度保障情况', '七、存在的不足及改进措施', '八、其他需要报告的事项',
    ]);
    expect(n.appendix).toEqual({ heading: '附表：政府信息公开情况统计表', tables: ['statistics'] });
  });

  it('writes the seed’s 依申请 and 复议诉讼 sentences with the numbers of its table', () => {
    expect(texts(n, 'requests')).toEqual([
      '全年共收到政府信息公开申请1045件。申请方式中，以信函方式提出申请609件，占总数的58.3%；以当面方式提出申请254件，占总数的24.3%；以网络方式提出申请182件，占总数的17.4%；未收到以传真方式提出的申请。',
      '全年办结申请1045件，其中在法定期限内按时办结1032件，占98.8%；经告知申请人延期办理后办结13件，占1.2%。',
      '已答复的申请中，属于已主动公开范围的105件，占总数的10.0%；同意公开125件，占总数的12.0%；同意部分公开317件，占总数的30.3%；不同意公开106件，占总数的10.1%，其中，不是《条例》所指政府信息100件，法律法规规定的其他情形6件；不属于本行政机关公开392件，占总数的37.5%；没有“申请信息不存在”“告知通过其他途径办理”的情况。',
      '因申请内容不明确等原因，告知申请人作出更改、补充28件次。',
      '没有因依申请公开信息收取或减免费用情况。',
    ]);
    expect(texts(n, 'reviews')).toEqual([
      '因政府信息公开引发的行政复议案件84件。其中，维持具体行政行为41件，被依法纠错18件，其他情形25件。',
      '因政府信息公开引发的行政诉讼案件69件。其中，维持具体行政行为或者驳回原告诉讼请求52件，被依法纠错10件，其他情形7件。',
      '没有接到与政府信息公开有关的举报投诉。',
    ]);
    expect(texts(n, 'proactive')[0]).toBe('本年度主动公开政府信息80余万条，其中主动公开规范性文件21条，制发规范性文件21件。');
    expect(texts(n, 'organisation')[0]).toBe('设立政府信息公开工作专门机构1个，设置政府信息公开查阅点1个，从事政府信息公开工作人员38人，其中专职人员8人，兼职人员30人，政府信息公开专项经费110万元。');
  });
});

describe('percent', () => {
  it.each([[609, 1045, '58.3%'], [13, 1045, '1.2%'], [0, 0, '0.0%'], [1, 3, '33.3%']])('%i/%i → %s', (a, b, s) => expect(percent(a, b)).toBe(s));
});
