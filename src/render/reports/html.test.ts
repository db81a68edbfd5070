import { describe, expect, it } from 'vitest';
import { buildAnnualReport, buildNarrative } from '../../core/reports/index.js';
import { ledger2024, SEED_2016_FACTS, seedLedger2016 } from '../../core/reports/testing.js';
import { renderReportCharts } from './charts.js';
import { escapeHtml, renderReportHtml } from './html.js';

describe('renderReportHtml', () => {
  const report = buildAnnualReport({ format: 'gov-2021', year: 2024, agency: '某市<自然资源>局', ...ledger2024(), facts: { licensingDecisions: 120 } });
  const html = renderReportHtml(report, buildNarrative(report), renderReportCharts(report));

  it('is a self-contained zh-CN page', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>某市&lt;自然资源&gt;局2024年政府信息公开工作年度报告</title>');
    expect(html).toContain('@page { size: A4; margin: 37mm 26mm 35mm 28mm; }');
    expect(html).not.toMatch(/<(script|link)\b/);
  });

  it('contains the official tables with spans and values', () => {
    expect(html).toContain('<th colspan="3" rowspan="3" class="left">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</th>');
    expect(html).toContain('<th colspan="7">申请人情况</th>');
    expect(html).toContain('<td colspan="3" class="left">一、本年新收政府信息公开申请数量</td><td>35</td><td>16</td><td>5</td><td>5</td><td>7</td><td>5</td><td>73</td>');
    expect(html).toContain('<td rowspan="22" class="left">三、本年度办理结果</td>');
    expect(html).toContain('<td rowspan="8" class="left">（三）不予公开</td>');
    expect(html).toContain('<td colspan="3" data-source="entered">120</td>');
    expect(html.match(/<table class="official/g)).toHaveLength(3);
  });

  it('inlines the three SVG charts in part 三', () => {
    const part = html.slice(html.indexOf('id="part-requests"'), html.indexOf('id="part-reviews"'));
    expect(part.match(/<svg/g)).toHaveLength(3);
    expect(part).toContain('图1　政府信息公开申请数量（按月）');
  });

  it('shows the checks only when asked', () => {
    expect(html).not.toContain('数据校验');
    expect(renderReportHtml(report, buildNarrative(report), null, { showChecks: true })).toContain('✓ 勾稽关系');
  });

  it('prints the gov-2014 统计表 as 附表', () => {
    const r = buildAnnualReport({ format: 'gov-2014', year: 2016, agency: '国土资源部', ...seedLedger2016(), facts: SEED_2016_FACTS });
    const page = renderReportHtml(r, buildNarrative(r, SEED_2016_FACTS));
    expect(page).toContain('<section class="appendix"><h2>附表：政府信息公开情况统计表</h2>');
    expect(page).toContain('<p class="caption">（2016年度）</p>');
    expect(page).toMatch(/1\.当面申请数<\/td><td>件<\/td><td>254<\/td>/);
    expect(page).toContain('<p class="placeholder">【请填写：本年度政府信息公开工作的总体情况】</p>');
  });

  it('escapes text', () => expect(escapeHtml('<a href="x">&\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&#39;'));
});
