import { describe, expect, it } from 'vitest';
import { buildAnnualReport } from '../../core/reports/index.js';
import { ledger2024, seedLedger2016 } from '../../core/reports/testing.js';
import { channelTotals, outcomeTotals, renderReportCharts } from './charts.js';

const r2021 = buildAnnualReport({ format: 'gov-2021', year: 2024, agency: '某局', ...ledger2024() });
const r2014 = buildAnnualReport({ format: 'gov-2014', year: 2016, agency: '国土资源部', ...seedLedger2016() });

describe('renderReportCharts', () => {
  const charts = renderReportCharts(r2021, [
    { year: 2022, counts: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] },
    { year: 2023, counts: [3, 4, 5, 6, 7, 8, 9, 8, 7, 6, 5, 4] },
    { year: 2019, counts: new Array(12).fill(1) },
  ]);

  it('renders three SVG charts', () => {
    for (const svg of Object.values(charts)) {
      expect(svg.startsWith('<svg')).toBe(true);
      expect(svg).toContain('</svg>');
    }
  });

  it('byMonth has the last three years and twelve months', () => {
    expect(charts.byMonth).toContain('2022年');
    expect(charts.byMonth).toContain('2023年');
    expect(charts.byMonth).toContain('2024年');
    expect(charts.byMonth).not.toContain('2019年');
    expect(charts.byMonth).toContain('12月');
  });

  it('outcomes and channels carry the year’s figures', () => {
    expect(charts.outcomes).toContain('予以公开');
    expect(charts.outcomes).toContain('19件（26.4%）');
    expect(charts.channels).toContain('电子邮件');
  });

  it('says so when a year is empty', () => {
    const empty = renderReportCharts(buildAnnualReport({ format: 'gov-2019', year: 2020, agency: '某局', requests: [] }));
    expect(empty.outcomes).toContain('本年度无办结的申请');
    expect(empty.channels).toContain('本年度未收到申请');
  });
});

describe('chart data', () => {
  it('groups gov-2021 outcomes like the table', () => {
    expect(outcomeTotals(r2021)).toEqual([
      { name: '予以公开', value: 19 }, { name: '部分公开', value: 9 }, { name: '不予公开', value: 12 },
      { name: '无法提供', value: 15 }, { name: '不予处理', value: 9 }, { name: '其他处理', value: 8 },
    ]);
  });
  it('uses the 统计表 answer rows and channels for gov-2014', () => {
    expect(outcomeTotals(r2014)).toEqual([
      { name: '属于已主动公开范围', value: 105 }, { name: '同意公开', value: 125 }, { name: '同意部分公开', value: 317 },
      { name: '不同意公开', value: 106 }, { name: '不属于本行政机关公开', value: 392 },
    ]);
    const { byChannel: _b, ...uploaded } = r2014;
    expect(channelTotals(uploaded)).toEqual([{ name: '当面', value: 254 }, { name: '网络', value: 182 }, { name: '信函', value: 609 }]);
    expect(channelTotals(r2014)).toEqual([
      { name: '当面', value: 254 }, { name: '信函', value: 600 }, { name: '网络', value: 150 }, { name: '电子邮件', value: 32 }, { name: '其他', value: 9 },
    ]);
  });
});
