/**
 * The annual report as one self-contained, printable HTML page (zh-CN) — the page an agency posts on its portal
 * (条例 Art.49: 年度报告 is published): narrative, official tables with merged headers, inline SVG charts, print CSS
 * with the 公文 page margins.
 */
import type { Narrative, NarrativeParagraph, NarrativeTable } from '../../core/reports/narrative.js';
import type { AnnualReport } from '../../core/reports/types.js';
import type { ReportCharts } from './charts.js';
import { buildReportTables, type TableCell, type TableModel } from './table-model.js';

export interface RenderHtmlOptions {
  /** Append the invariant checks (for staff previews; the published page normally omits them). */
  showChecks?: boolean;
  /** A corrected version: its 更正说明, printed above the title (the version it replaces stays on the portal). */
  correction?: { note: string; version: number } | null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const CSS = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f3f3; color: #000;
  font-family: "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "Noto Serif CJK SC", serif; }
.report { max-width: 210mm; margin: 0 auto; padding: 37mm 26mm 35mm 28mm; background: #fff; font-size: 16pt; line-height: 28pt; }
h1 { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "STZhongsong", "宋体", "SimSun", serif; font-size: 22pt; line-height: 1.4;
  font-weight: normal; text-align: center; margin: 0 0 28pt; text-wrap: balance; }
h2 { font-family: "黑体", "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 16pt; font-weight: normal; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.placeholder { background: #fff3b0; }
.correction { border: 1px solid #b7791f; background: #fffbeb; padding: 8pt 12pt; margin: 0 0 20pt; font-size: 12pt; line-height: 20pt; }
.correction p { text-indent: 0; }
table.official { width: 100%; border-collapse: collapse; margin: 8pt 0 14pt; font-family: "宋体", "SimSun", "Noto Serif CJK SC", serif;
  font-size: 10.5pt; line-height: 1.35; }
table.official.wide { font-size: 9pt; }
table.official th, table.official td { border: 1px solid #000; padding: 2pt 4pt; text-align: center; vertical-align: middle; }
table.official th { font-weight: bold; }
table.official th.left { font-weight: normal; }
table.official .left { text-align: left; }
table.official tr { page-break-inside: avoid; }
.caption { text-align: center; text-indent: 0; }
.caption.title { font-family: "方正小标宋简体", "STZhongsong", "宋体", "SimSun", serif; font-size: 18pt; line-height: 1.6; }
.caption.unit { text-align: left; font-size: 12pt; }
.appendix { page-break-before: always; }
figure.chart { margin: 10pt 0; text-align: center; page-break-inside: avoid; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart figcaption { font-size: 12pt; line-height: 1.5; }
.checks { font-size: 11pt; line-height: 1.6; margin-top: 20pt; }
.checks .fail { color: #b00020; }
@media print { body { background: #fff; } .report { padding: 0; max-width: none; } }
@media (max-width: 600px) { .report { padding: 16px; font-size: 15px; line-height: 1.8; } h1 { font-size: 20px; }
  h2 { font-size: 16px; } .table-scroll { overflow-x: auto; } }
`;

function cellHtml(c: TableCell, header: boolean): string {
  const tag = header || c.header ? 'th' : 'td';
  const attrs = [
    c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : '',
    c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : '',
    c.align === 'left' ? ' class="left"' : '',
    c.indent ? ` style="padding-left:${0.3 + c.indent * 1.2}em"` : '',
    c.entered ? ' data-source="entered"' : '',
  ].join('');
  return `<${tag}${attrs}>${escapeHtml(c.text)}</${tag}>`;
}

/** An official table as HTML (`thead` = the header rows, repeated by browsers on each printed page). */
export function tableHtml(model: TableModel): string {
  const row = (cells: TableCell[], header: boolean) => `<tr>${cells.map((c) => cellHtml(c, header)).join('')}</tr>`;
  const head = model.rows.slice(0, model.headerRows);
  const body = model.rows.slice(model.headerRows);
  const wide = model.columnWidths.length > 8 ? ' wide' : '';
  return `<div class="table-scroll"><table class="official${wide}" data-table="${model.key}">` +
    (head.length ? `<thead>${head.map((r) => row(r, true)).join('')}</thead>` : '') +
    `<tbody>${body.map((r) => row(r, false)).join('')}</tbody></table></div>`;
}

function paragraphHtml(p: NarrativeParagraph): string {
  return `<p${p.source === 'placeholder' ? ' class="placeholder"' : ''}>${escapeHtml(p.text)}</p>`;
}

function chartsHtml(charts: ReportCharts | null | undefined): string {
  if (!charts) return '';
  const figures: [string, string][] = [[charts.byMonth, '政府信息公开申请数量（按月）'], [charts.outcomes, '本年度办理结果'], [charts.channels, '本年度申请方式']];
  return figures
    .filter(([svg]) => svg)
    .map(([svg, caption], i) => `<figure class="chart">${svg}<figcaption>图${i + 1}　${escapeHtml(caption)}</figcaption></figure>`)
    .join('');
}

/**
 * The report page: title, the parts of the narrative with their official tables, the charts after the part on
 * 依申请公开 (part 三, or part 四 in the gov-2014 layout), and for gov-2014 the 统计表 as 附表.
 */
export function renderReportHtml(report: AnnualReport, narrative: Narrative, charts?: ReportCharts | null, options: RenderHtmlOptions = {}): string {
  const models = new Map(buildReportTables(report).map((m) => [m.key, m] as const));
  const tables = (keys: NarrativeTable[]) => keys.map((k) => models.get(k)).filter((m): m is TableModel => !!m).map(tableHtml).join('');
  const parts = narrative.parts.map((part) =>
    `<section id="part-${part.key}"><h2>${escapeHtml(part.heading)}</h2>${part.paragraphs.map(paragraphHtml).join('')}${tables(part.tables)}` +
    `${part.key === 'requests' ? chartsHtml(charts) : ''}</section>`).join('\n');
  let appendix = '';
  if (narrative.appendix) {
    const blocks = narrative.appendix.tables.map((k) => models.get(k)).filter((m): m is TableModel => !!m).map((m) => {
      const [title, ...rest] = m.caption;
      return `<p class="caption title">${escapeHtml(title)}</p>` +
        rest.map((line) => `<p class="caption${line.startsWith('填报单位') ? ' unit' : ''}">${escapeHtml(line)}</p>`).join('') + tableHtml(m);
    }).join('');
    appendix = `<section class="appendix"><h2>${escapeHtml(narrative.appendix.heading)}</h2>${blocks}</section>`;
  }
  const checks = options.showChecks
    ? `<section class="checks"><h2>数据校验</h2><ul>${report.checks.map((c) =>
      `<li class="${c.ok ? 'ok' : 'fail'}">${c.ok ? '✓' : '✗'} ${escapeHtml(c.rule)}：${escapeHtml(c.detail)}</li>`).join('')}</ul></section>`
    : '';
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(narrative.title)}</title>
<style>${CSS}</style>
</head>
<body>
<article class="report" data-format="${report.format}" data-year="${report.year}">
${options.correction ? `<aside class="correction" id="correction"><p><strong>更正说明（第${options.correction.version}版）</strong></p>${options.correction.note.split(/\r?\n/).filter((l) => l.trim()).map((l) => `<p>${escapeHtml(l.trim())}</p>`).join('')}</aside>\n` : ''}<h1>${escapeHtml(narrative.title)}</h1>
${parts}
${appendix}
${checks}
</article>
</body>
</html>
`;
}
