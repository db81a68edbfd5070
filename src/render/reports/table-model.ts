/**
 * The official tables of the annual report as renderer-neutral models: HTML-style cells with colSpan/rowSpan
 * (a covered position has no cell), so XLSX, DOCX and HTML render the same layout and the XLSX reader knows where
 * every value sits. Layouts follow the printed templates: 国办公开办函〔2021〕30号 / 〔2019〕60号 parts 二、三、四
 * and the 国办发〔2014〕32号 《政府信息公开情况统计表》 (legal-facts §2.2–§2.5, §3).
 */
import {
  GOV2014_LINES, REQUEST_COLUMN_LABELS, REQUEST_TABLE_NOTE, REVIEW_CELL_LABELS, REVIEW_CELLS, requestRowsOf,
  type NarrativeTable, type RequestRowDef, type ReviewGroup,
} from '../../core/reports/index.js';
import { getPath } from '../../core/reports/paths.js';
import type { AnnualReport, Gov2014Report, TableReport } from '../../core/reports/types.js';

export type CellValue = number | string | null;

export interface TableCell {
  /** Text as printed (numbers without thousands separators, as in the official tables). */
  text: string;
  /** The raw value for spreadsheets (numbers stay numbers); absent for labels. */
  value?: CellValue;
  colSpan?: number;
  rowSpan?: number;
  header?: boolean;
  align?: 'left' | 'center';
  /** Indentation level of a label (gov-2014 统计表). */
  indent?: number;
  /** Dotted JSON path of the value in the report (e.g. `requests.rows.received.0`); used to read an XLSX back. */
  ref?: string;
  /** The value was entered by staff (annual facts) rather than computed. */
  entered?: boolean;
}

export interface TableModel {
  key: NarrativeTable;
  /** Worksheet name (≤ 31 characters, no []:*?/\). */
  sheetName: string;
  /** Lines printed above the table (title, 年度, 填报单位). */
  caption: string[];
  /** Relative column widths (≈ characters in a spreadsheet). */
  columnWidths: number[];
  /** Number of header rows (repeated on each printed page). */
  headerRows: number;
  rows: TableCell[][];
}

export interface PlacedCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  cell: TableCell;
}

/** Grid positions (0-based) of a model's cells, resolving row and column spans like an HTML table. */
export function placeCells(model: TableModel): PlacedCell[] {
  const occupied = new Set<string>();
  const placed: PlacedCell[] = [];
  model.rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (occupied.has(`${r},${c}`)) c += 1;
      const rowSpan = cell.rowSpan ?? 1;
      const colSpan = cell.colSpan ?? 1;
      for (let dr = 0; dr < rowSpan; dr += 1) for (let dc = 0; dc < colSpan; dc += 1) occupied.add(`${r + dr},${c + dc}`);
      placed.push({ row: r, col: c, rowSpan, colSpan, cell });
      c += colSpan;
    }
  });
  return placed;
}

/** Column headings are bold; left-aligned label cells (row labels, the 勾稽关系 note) are not. */
export function isBold(cell: TableCell): boolean {
  return !!cell.header && cell.align !== 'left';
}

/** Text of a value as printed in a table cell: '' for not reported. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return String(v);
}

const label = (text: string, extra: Partial<TableCell> = {}): TableCell => ({ text, align: 'left', ...extra });
const head = (text: string, extra: Partial<TableCell> = {}): TableCell => ({ text, header: true, align: 'center', ...extra });

function valueCell(report: AnnualReport, ref: string, extra: Partial<TableCell> = {}): TableCell {
  const v = getPath(report, ref);
  const value: CellValue = typeof v === 'number' || typeof v === 'string' ? v : null;
  const entered = report.sources?.[ref] === 'entered';
  return { text: cellText(value), value, ref, align: 'center', ...(entered ? { entered } : {}), ...extra };
}

/** Part 三: 申请人情况 × 25 (gov-2021) or 23 (gov-2019) rows, with the nested row labels merged as printed. */
function requestsTable(report: TableReport): TableModel {
  const defs = requestRowsOf(report.format);
  const rows: TableCell[][] = [
    [head(REQUEST_TABLE_NOTE, { colSpan: 3, rowSpan: 3, align: 'left' }), head('申请人情况', { colSpan: 7 })],
    [head(REQUEST_COLUMN_LABELS.natural, { rowSpan: 2 }), head('法人或其他组织', { colSpan: 5 }), head(REQUEST_COLUMN_LABELS.total, { rowSpan: 2 })],
    (['commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'] as const).map((c) => head(REQUEST_COLUMN_LABELS[c])),
  ];
  const values = (def: RequestRowDef) => Array.from({ length: 7 }, (_, i) => valueCell(report, `requests.rows.${def.key}.${i}`));
  const sectionRows = (section: string) => defs.filter((d) => d.section === section).length;
  defs.forEach((def, i) => {
    const prev = defs[i - 1];
    const cells: TableCell[] = [];
    if (!def.group) cells.push(label(def.section, { colSpan: 3 }));
    else {
      if (prev?.section !== def.section) cells.push(label(def.section, { rowSpan: sectionRows(def.section) }));
      if (!def.item) cells.push(label(def.group, { colSpan: 2 }));
      else {
        if (prev?.group !== def.group) cells.push(label(def.group, { rowSpan: defs.filter((d) => d.group === def.group).length }));
        cells.push(label(def.item));
      }
    }
    rows.push([...cells, ...values(def)]);
  });
  return {
    key: 'requests',
    sheetName: '三、收到和处理申请情况',
    caption: ['三、收到和处理政府信息公开申请情况'],
    columnWidths: [8, 12, 30, 8, 8, 8, 8, 8, 8, 8],
    headerRows: 3,
    rows,
  };
}

/** Part 四: one row of 15 numbers under 行政复议 / 行政诉讼 (未经复议直接起诉, 复议后起诉). */
function reviewsTable(report: TableReport): TableModel {
  const five = (group: ReviewGroup) => REVIEW_CELLS.map((c) => valueCell(report, `reviews.${group}.${c}`));
  return {
    key: 'reviews',
    sheetName: '四、复议诉讼情况',
    caption: ['四、政府信息公开行政复议、行政诉讼情况'],
    columnWidths: new Array(15).fill(6),
    headerRows: 3,
    rows: [
      [head('行政复议', { colSpan: 5 }), head('行政诉讼', { colSpan: 10 })],
      [...REVIEW_CELLS.map((c) => head(REVIEW_CELL_LABELS[c], { rowSpan: 2 })), head('未经复议直接起诉', { colSpan: 5 }), head('复议后起诉', { colSpan: 5 })],
      [...REVIEW_CELLS.map((c) => head(REVIEW_CELL_LABELS[c])), ...REVIEW_CELLS.map((c) => head(REVIEW_CELL_LABELS[c]))],
      [...five('reconsideration'), ...five('litigationDirect'), ...five('litigationAfterReconsideration')],
    ],
  };
}

/** A part 二 sub-table: title row, column header row, one row per item (values spread to fill 4 columns). */
function proactiveBlock(report: AnnualReport, title: string, columns: string[], items: [string, string[]][]): TableCell[][] {
  const spans = columns.length === 1 ? [3] : columns.length === 2 ? [1, 2] : [1, 1, 1];
  return [
    [head(title, { colSpan: 4 })],
    [head('信息内容'), ...columns.map((c, i) => head(c, { colSpan: spans[i] }))],
    ...items.map(([name, refs]) => [label(name), ...refs.map((ref, i) => valueCell(report, ref, { colSpan: spans[i] }))]),
  ];
}

function proactiveTable(report: TableReport): TableModel {
  const p = (path: string) => `proactive.${path}`;
  const rows = report.format === 'gov-2021'
    ? [
      ...proactiveBlock(report, '第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'], [
        ['规章', [p('regulations.issued'), p('regulations.repealed'), p('regulations.inForce')]],
        ['行政规范性文件', [p('normativeDocuments.issued'), p('normativeDocuments.repealed'), p('normativeDocuments.inForce')]],
      ]),
      ...proactiveBlock(report, '第二十条第（五）项', ['本年处理决定数量'], [['行政许可', [p('licensing.decisions')]]]),
      ...proactiveBlock(report, '第二十条第（六）项', ['本年处理决定数量'], [
        ['行政处罚', [p('punishment.decisions')]], ['行政强制', [p('enforcement.decisions')]],
      ]),
      ...proactiveBlock(report, '第二十条第（八）项', ['本年收费金额（单位：万元）'], [['行政事业性收费', [p('fees.amountWanYuan')]]]),
    ]
    : [
      ...proactiveBlock(report, '第二十条第（一）项', ['本年新制作数量', '本年新公开数量', '对外公开总数量'], [
        ['规章', [p('regulations.made'), p('regulations.published'), p('regulations.total')]],
        ['规范性文件', [p('normativeDocuments.made'), p('normativeDocuments.published'), p('normativeDocuments.total')]],
      ]),
      ...proactiveBlock(report, '第二十条第（五）项', ['上一年项目数量', '本年增/减', '处理决定数量'], [
        ['行政许可', [p('licensing.previous'), p('licensing.change'), p('licensing.decisions')]],
        ['其他对外管理服务事项', [p('otherServices.previous'), p('otherServices.change'), p('otherServices.decisions')]],
      ]),
      ...proactiveBlock(report, '第二十条第（六）项', ['上一年项目数量', '本年增/减', '处理决定数量'], [
        ['行政处罚', [p('punishment.previous'), p('punishment.change'), p('punishment.decisions')]],
        ['行政强制', [p('enforcement.previous'), p('enforcement.change'), p('enforcement.decisions')]],
      ]),
      ...proactiveBlock(report, '第二十条第（八）项', ['上一年项目数量', '本年增/减'], [['行政事业性收费', [p('fees.previous'), p('fees.change')]]]),
      ...proactiveBlock(report, '第二十条第（九）项', ['采购项目数量', '采购总金额'], [['政府集中采购', [p('procurement.projects'), p('procurement.amountWanYuan')]]]),
    ];
  return {
    key: 'proactive',
    sheetName: '二、主动公开情况',
    caption: ['二、主动公开政府信息情况'],
    columnWidths: [22, 16, 16, 16],
    headerRows: 0,
    rows,
  };
}

/** The gov-2014 统计表: 统计指标 | 单位 | 统计数, one line per printed row (legal-facts §3). */
function statisticsTable(report: Gov2014Report): TableModel {
  return {
    key: 'statistics',
    sheetName: '政府信息公开情况统计表',
    caption: ['政府信息公开情况统计表', `（${report.year}年度）`, `填报单位：${report.agency}`],
    columnWidths: [56, 8, 16],
    headerRows: 1,
    rows: [
      [head('统 计 指 标'), head('单位'), head('统计数')],
      ...GOV2014_LINES.map((line) => [
        label(line.label, { indent: line.indent }),
        { text: line.unit, align: 'center' as const },
        line.path ? valueCell(report, line.path) : { text: '', align: 'center' as const },
      ]),
    ],
  };
}

/** The official tables of a report, in printed order. */
export function buildReportTables(report: AnnualReport): TableModel[] {
  if (report.format === 'gov-2014') return [statisticsTable(report)];
  return [proactiveTable(report), requestsTable(report), reviewsTable(report)];
}

/** Total column count of a model. */
export function columnCount(model: TableModel): number {
  return model.columnWidths.length;
}

