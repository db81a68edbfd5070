/**
 * Streaming readers of ledger files: CSV (UTF-8 with or without BOM, or GBK), XLSX (first worksheet, read with
 * exceljs' streaming WorkbookReader) and JSON (an array of objects — parsed whole: JSON ledgers come from other
 * systems' exports and have no streaming need at this size; said in ARCHITECTURE/report). Rows are numbered as a
 * spreadsheet shows them (header = row 1 when the header is the first line); blank rows are skipped but counted.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import ExcelJS from 'exceljs';
import { DomainError } from '../../core/errors.js';
import { mapHeaders, type HeaderMap, type LedgerColumn } from './columns.js';
import { cellText, type CellValue } from './values.js';
import { restoreCsvCell } from './formula-cells.js';

export const LEDGER_FORMATS = ['csv', 'xlsx', 'json'] as const;
export type LedgerFormat = (typeof LEDGER_FORMATS)[number];

/** The format from a file name's extension (.csv, .xlsx, .json); undefined for anything else. */
export function ledgerFormatOf(filename: string): LedgerFormat | undefined {
  const ext = extname(filename).toLowerCase().slice(1);
  return (LEDGER_FORMATS as readonly string[]).includes(ext) ? (ext as LedgerFormat) : undefined;
}

export interface RawRow {
  /** Spreadsheet row number (1-based). */
  row: number;
  cells: CellValue[];
}

// ---------------------------------------------------------------------------------------------------- CSV

/**
 * Decodes a byte stream as UTF-8 when its first chunk is valid UTF-8 (a BOM is dropped), else as GBK (the
 * encoding Excel on Chinese Windows saves "CSV" in). Node's full ICU provides the GBK decoder.
 */
async function* decodeChunks(path: string): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let encoding = 'utf-8';
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    if (decoder === null) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
        decoder = new TextDecoder('utf-8', { fatal: true });
      } catch {
        encoding = 'gbk';
        decoder = new TextDecoder('gbk');
      }
    }
    try {
      yield decoder.decode(chunk, { stream: true });
    } catch {
      throw new DomainError('VALIDATION', `文件编码无法识别（按${encoding === 'utf-8' ? 'UTF-8' : 'GBK'}读取时出错）。请在 Excel 中“另存为”CSV UTF-8 或 .xlsx 后重新导入。`);
    }
  }
  if (decoder !== null) {
    const rest = decoder.decode();
    if (rest) yield rest;
  }
}

async function* readCsv(path: string): AsyncGenerator<RawRow> {
  const chunks = decodeChunks(path);
  const first = await chunks.next();
  if (first.done) return;
  const firstLine = first.value.split(/\r?\n/, 1)[0];
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const delimiter = count('\t') > count(',') && count('\t') > count(';') ? '\t' : count(';') > count(',') ? ';' : ',';
  async function* all() {
    yield first.value;
    yield* chunks;
  }
  const parser = Readable.from(all(), { objectMode: true }).pipe(parseCsv({
    delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: false,
  }));
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      yield { row, cells: record.map(restoreCsvCell) };
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('VALIDATION', `CSV 文件第${row + 1}行附近格式有误（${(e as Error).message}）。请检查引号是否成对，或另存为 .xlsx 后重新导入。`);
  }
}

// ---------------------------------------------------------------------------------------------------- XLSX

function xlsxCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('result' in o) return xlsxCell(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if (typeof o.text === 'string') return o.text;
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

/**
 * Re-chunks a byte stream so that every chunk ends on a whole UTF-8 character. exceljs 4.4's streaming reader
 * decodes each zip chunk on its own (utils/parse-sax.js), which turns a Chinese character split across two chunks
 * into U+FFFD — "自然人" read back as "自���人" every few hundred rows. Feeding it aligned chunks avoids that.
 */
export async function* utf8Aligned(chunks: AsyncIterable<Buffer | Uint8Array>): AsyncGenerator<Buffer> {
  let carry: Buffer | null = null;
  for await (const chunk of chunks) {
    const buf: Buffer = carry ? Buffer.concat([carry, Buffer.from(chunk)]) : Buffer.from(chunk);
    let end = buf.length;
    let i = end - 1;
    while (i >= 0 && end - i <= 4 && (buf[i] & 0xc0) === 0x80) i -= 1; // skip continuation bytes
    if (i >= 0 && buf[i] >= 0xc0) {
      const need = buf[i] >= 0xf0 ? 4 : buf[i] >= 0xe0 ? 3 : 2;
      if (end - i < need) end = i; // the last character is incomplete: keep it for the next chunk
    }
    carry = end < buf.length ? buf.subarray(end) : null;
    if (end > 0) yield buf.subarray(0, end);
  }
  if (carry) yield carry;
}

/** exceljs's streaming workbook reader with the chunk-decoding fix (see utf8Aligned) on the parts that hold text. */
export function openXlsxReader(path: string): ExcelJS.stream.xlsx.WorkbookReader {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  const internals = reader as unknown as {
    _parseWorksheet(chunks: AsyncIterable<Buffer>, sheetNo: string): unknown;
    _parseSharedStrings(entry: AsyncIterable<Buffer>): unknown;
  };
  const parseWorksheet = internals._parseWorksheet.bind(reader);
  const parseSharedStrings = internals._parseSharedStrings.bind(reader);
  internals._parseWorksheet = (chunks, sheetNo) => parseWorksheet(utf8Aligned(chunks), sheetNo);
  internals._parseSharedStrings = (entry) => parseSharedStrings(Readable.from(utf8Aligned(entry)));
  return reader;
}

async function* readXlsx(path: string): AsyncGenerator<RawRow> {
  const reader = openXlsxReader(path);
  try {
    for await (const sheet of reader) {
      for await (const r of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = r.values as unknown[];
        const cells: CellValue[] = [];
        for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
        yield { row: r.number, cells };
      }
      break; // the ledger is the first worksheet
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('VALIDATION', `无法读取 Excel 文件（${(e as Error).message}）。请确认是 .xlsx 格式（不是 .xls 或改了扩展名的文件）。`);
  }
}

// ---------------------------------------------------------------------------------------------------- JSON

/**
 * A JSON ledger: an array of objects whose keys are the headers. Parsed whole. Record i (from 0) is reported as
 * row i + 2, as if the keys were a header row (the numbering of the same ledger saved as a spreadsheet).
 */
async function* readJson(path: string): AsyncGenerator<RawRow> {
  let data: unknown;
  try {
    data = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new DomainError('VALIDATION', `JSON 文件格式有误（${(e as Error).message}）。文件应为对象数组，例如 [{"受理编号": "…", "收到日期": "2024-01-05", …}]。`);
  }
  if (!Array.isArray(data)) throw new DomainError('VALIDATION', 'JSON 台账应为对象数组，例如 [{"受理编号": "…", …}, …]。');
  const keys: string[] = [];
  const seen = new Set<string>();
  for (const o of data) {
    if (o && typeof o === 'object' && !Array.isArray(o)) for (const k of Object.keys(o)) if (!seen.has(k)) { seen.add(k); keys.push(k); }
  }
  yield { row: 1, cells: keys };
  for (let i = 0; i < data.length; i++) {
    const o = data[i];
    if (!o || typeof o !== 'object' || Array.isArray(o)) {
      yield { row: i + 2, cells: keys.map(() => null) };
      continue;
    }
    const rec = o as Record<string, unknown>;
    yield {
      row: i + 2,
      cells: keys.map((k) => {
        const v = rec[k];
        return v === undefined || v === null ? null : typeof v === 'object' ? JSON.stringify(v) : (v as CellValue);
      }),
    };
  }
}

/** Raw rows of a ledger file, in file order. */
export function readRawRows(path: string, format: LedgerFormat): AsyncGenerator<RawRow> {
  if (format === 'csv') return readCsv(path);
  if (format === 'xlsx') return readXlsx(path);
  return readJson(path);
}

// ---------------------------------------------------------------------------------------------------- ledger rows

export type LedgerItem<K extends string> =
  | { type: 'header'; row: number; map: HeaderMap<K>; headers: string[] }
  | { type: 'row'; row: number; values: Partial<Record<K, CellValue>> };

/** How many leading rows may precede the header (a title such as “2024年依申请公开台账”, a date line…). */
const MAX_TITLE_ROWS = 10;

/**
 * The rows of a ledger as column-keyed values. The header is the first row naming at least two known columns
 * (title rows above it are skipped); a `header` item comes first — with `map.found === 0` when no header was
 * found, in which case nothing else follows. Blank rows are skipped (their numbers are not reused).
 */
export async function* readLedger<K extends string>(path: string, format: LedgerFormat, columns: readonly LedgerColumn<K>[]): AsyncGenerator<LedgerItem<K>> {
  let header: HeaderMap<K> | null = null;
  let seen = 0;
  let firstRow = 1;
  for await (const raw of readRawRows(path, format)) {
    if (raw.cells.every((c) => cellText(c) === '')) continue;
    if (header === null) {
      if (seen === 0) firstRow = raw.row;
      seen += 1;
      const headers = raw.cells.map((c) => cellText(c));
      const map = mapHeaders(columns, headers);
      if (map.found >= 2) {
        header = map;
        yield { type: 'header', row: raw.row, map, headers };
        continue;
      }
      if (seen >= MAX_TITLE_ROWS) break;
      continue;
    }
    const values: Partial<Record<K, CellValue>> = {};
    for (const [key, col] of Object.entries(header.index) as [K, number][]) values[key] = raw.cells[col] ?? null;
    yield { type: 'row', row: raw.row, values };
  }
  if (header === null) yield { type: 'header', row: firstRow, map: { index: {}, text: {}, found: 0, duplicates: [] }, headers: [] };
}
