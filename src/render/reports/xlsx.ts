/**
 * XLSX output of the annual report: the official tables with their merged header cells, one sheet each (ready to
 * paste into the 国办 template), a sheet of invariant checks, and the report JSON embedded in a hidden sheet
 * `_data` so that an upper-level office can aggregate the file (`readReportXlsx`).
 *
 * exceljs gotcha (STACK.md): writing any value into a cell inside a merged range silently unmerges it, so every
 * value and style is written first and the ranges are merged last.
 */
import ExcelJS from 'exceljs';
import { DomainError } from '../../core/errors.js';
import { parseReportJson } from '../../core/reports/parse-report.js';
import { setPath } from '../../core/reports/paths.js';
import type { AnnualReport } from '../../core/reports/types.js';
import { buildReportTables, isBold, placeCells, type CellValue, type TableCell, type TableModel } from './table-model.js';

const DATA_SHEET = '_data';
const DATA_MARKER = 'gongkai-annual-report/1';
/** Excel keeps at most 32,767 characters in a cell. */
const CHUNK = 30_000;
const FONT = '宋体';
const ENTERED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const THIN: ExcelJS.Border = { style: 'thin', color: { argb: 'FF000000' } };

/** Caption lines written above a table in its sheet. */
function captionOf(report: AnnualReport, model: TableModel): string[] {
  return report.format === 'gov-2014' ? model.caption : [...model.caption, `填报单位：${report.agency}（${report.year}年度）`];
}

function styleOf(cell: TableCell): Partial<ExcelJS.Style> {
  return {
    font: { name: FONT, size: 10, bold: isBold(cell) },
    alignment: {
      vertical: 'middle',
      horizontal: cell.align === 'left' ? 'left' : 'center',
      wrapText: true,
      ...(cell.indent ? { indent: cell.indent } : {}),
    },
    border: { top: THIN, left: THIN, bottom: THIN, right: THIN },
    ...(cell.entered ? { fill: ENTERED_FILL } : {}),
  };
}

function writeTable(wb: ExcelJS.Workbook, report: AnnualReport, model: TableModel): void {
  const ncols = model.columnWidths.length;
  const caption = captionOf(report, model);
  const ws = wb.addWorksheet(model.sheetName, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: ncols > 6 ? 'landscape' : 'portrait',
      fitToPage: true, fitToWidth: 1, fitToHeight: 0,
      printTitlesRow: model.headerRows > 0 ? `${caption.length + 1}:${caption.length + model.headerRows}` : undefined,
    },
  });
  ws.columns = model.columnWidths.map((width) => ({ width }));
  const merges: [number, number, number, number][] = [];
  caption.forEach((text, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.style = { font: { name: FONT, size: i === 0 ? 14 : 11, bold: i === 0 }, alignment: { horizontal: i === 0 ? 'center' : 'left', vertical: 'middle' } };
    if (ncols > 1) merges.push([i + 1, 1, i + 1, ncols]);
  });
  const top = caption.length + 1;
  let hasEntered = false;
  for (const p of placeCells(model)) {
    const style = styleOf(p.cell);
    for (let dr = 0; dr < p.rowSpan; dr += 1) {
      for (let dc = 0; dc < p.colSpan; dc += 1) ws.getCell(top + p.row + dr, 1 + p.col + dc).style = style;
    }
    const master = ws.getCell(top + p.row, 1 + p.col);
    master.value = p.cell.ref !== undefined ? (p.cell.value ?? null) : p.cell.text;
    if (p.cell.entered) hasEntered = true;
    if (p.rowSpan > 1 || p.colSpan > 1) merges.push([top + p.row, 1 + p.col, top + p.row + p.rowSpan - 1, p.col + p.colSpan]);
  }
  if (hasEntered) {
    const r = top + model.rows.length + 1;
    ws.getCell(r, 1).value = '注：浅黄色底纹的数值为人工填报数据，其余数值由系统根据办件和案件记录统计。';
    ws.getCell(r, 1).style = { font: { name: FONT, size: 9 }, alignment: { wrapText: false } };
  }
  // Merge last: writing into a merged cell would unmerge it.
  for (const [t, l, b, r] of merges) ws.mergeCells(t, l, b, r);
}

function writeChecks(wb: ExcelJS.Workbook, report: AnnualReport): void {
  const ws = wb.addWorksheet('校验结果');
  ws.columns = [{ header: '校验规则', width: 60 }, { header: '结果', width: 10 }, { header: '说明', width: 90 }];
  ws.getRow(1).font = { name: FONT, bold: true };
  for (const c of report.checks) {
    const row = ws.addRow([c.rule, c.ok ? '通过' : '不通过', c.detail]);
    row.font = { name: FONT, color: { argb: c.ok ? 'FF000000' : 'FFC00000' } };
    row.alignment = { wrapText: true, vertical: 'top' };
  }
}

/**
 * The report as an XLSX workbook (条例 Art.50 report tables in the layout of 国办公开办函〔2021〕30号 / 〔2019〕60号
 * or the 国办发〔2014〕32号 统计表): one sheet per official table with merged headers, entered values shaded,
 * a `校验结果` sheet, and the JSON in the hidden sheet `_data`.
 */
export async function renderReportXlsx(report: AnnualReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  wb.title = `${report.agency}${report.year}年政府信息公开工作年度报告`;
  for (const model of buildReportTables(report)) writeTable(wb, report, model);
  writeChecks(wb, report);
  const data = wb.addWorksheet(DATA_SHEET, { state: 'hidden' });
  data.getCell(1, 1).value = DATA_MARKER;
  const json = JSON.stringify(report);
  for (let i = 0, r = 2; i < json.length; i += CHUNK, r += 1) data.getCell(r, 1).value = json.slice(i, i + CHUNK);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A cell's value as the report stores it (formula results, rich text and numeric text normalised). */
function readCell(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return null;
    return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s;
  }
  if (typeof v === 'object' && 'result' in v) return readCell(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v) return readCell(v.richText.map((t) => t.text).join(''));
  return String(v);
}

/**
 * Reads back an XLSX written by `renderReportXlsx` (for aggregation, 条例 Art.49 ¶2): the embedded JSON, with any
 * official-table cell that was edited after export taken from the sheet (the edit is listed in `checks`). The
 * result is validated like an uploaded JSON (`parseReportJson`), so the invariant checks are recomputed.
 */
export async function readReportXlsx(buffer: Buffer | ArrayBuffer | Uint8Array): Promise<AnnualReport> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new DomainError('VALIDATION', '文件不是有效的XLSX工作簿，请上传本系统导出的年度报告XLSX文件。');
  }
  const data = wb.getWorksheet(DATA_SHEET);
  if (!data || data.getCell(1, 1).value !== DATA_MARKER) {
    throw new DomainError('VALIDATION', '该XLSX不是本系统导出的年度报告（缺少内嵌数据工作表“_data”），请上传本系统导出的XLSX文件或JSON文件。');
  }
  let json = '';
  for (let r = 2; ; r += 1) {
    const v = data.getCell(r, 1).value;
    if (typeof v !== 'string' || v === '') break;
    json += v;
  }
  let obj: Record<string, unknown>;
  try {
    obj = JSON.parse(json) as Record<string, unknown>;
  } catch {
    throw new DomainError('VALIDATION', 'XLSX中的内嵌数据已损坏，请重新从系统导出该报告。');
  }
  const embedded = parseReportJson(obj);
  const edits: string[] = [];
  for (const model of buildReportTables(embedded)) {
    const ws = wb.getWorksheet(model.sheetName);
    if (!ws) {
      edits.push(`工作表“${model.sheetName}”已被删除，按内嵌数据读取`);
      continue;
    }
    const top = captionOf(embedded, model).length + 1;
    for (const p of placeCells(model)) {
      if (p.cell.ref === undefined) continue;
      const cell = ws.getCell(top + p.row, 1 + p.col);
      const shown = readCell(cell.value);
      const stored = readCell(p.cell.value ?? null);
      if (shown !== stored) {
        setPath(obj, p.cell.ref, shown);
        edits.push(`${model.sheetName}!${cell.address}由${stored ?? '空白'}改为${shown ?? '空白'}`);
      }
    }
  }
  if (edits.length === 0) return embedded;
  const report = parseReportJson(obj);
  report.checks.push({
    rule: 'XLSX表格数值与系统导出时一致',
    ok: false,
    detail: `以下单元格在导出后被修改，已按表格中的数值读取：${edits.join('；')}。请确认修改无误。`,
  });
  return report;
}
