import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Transform } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { openXlsxReader } from '../imports/readers.js';
import { DomainError } from '../../core/errors.js';

/** One row of a ledger file: `rowNo` as a spreadsheet shows it (header = 1), cells in column order. */
export interface TableRow { rowNo: number; cells: unknown[] }

export type TableFormat = 'csv' | 'xlsx' | 'json' | 'jsonl';

export function tableFormatOf(path: string): TableFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'json') return 'json';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  throw new DomainError('VALIDATION', `${path}：不支持的文件类型，请使用 .csv（UTF-8 或 GBK）、.xlsx 或 .json`);
}

/** UTF-8 unless the first 64 KB are not valid UTF-8, then GB18030 (a superset of GBK, what Excel saves "CSV" as on Chinese Windows). */
async function detectEncoding(path: string): Promise<'utf-8' | 'gb18030'> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(0, bytesRead), { stream: true });
      return 'utf-8';
    } catch {
      return 'gb18030';
    }
  } finally {
    await fh.close();
  }
}

function decoder(encoding: string): Transform {
  const dec = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, cb) { cb(null, dec.decode(chunk, { stream: true })); },
    flush(cb) { cb(null, dec.decode()); },
  });
}

/** A cell value of exceljs as a primitive: rich text joined, formulas by their result, hyperlinks by their text. */
function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  if ('result' in o) return cellValue(o.result);
  if ('text' in o) return cellValue(o.text);
  if ('error' in o) return null;
  return String(v);
}

async function* readCsv(path: string): AsyncGenerator<TableRow> {
  const encoding = await detectEncoding(path);
  const parser = createReadStream(path).pipe(decoder(encoding)).pipe(parseCsv({ bom: true, relax_column_count: true, skip_empty_lines: true, relax_quotes: true }));
  let rowNo = 0;
  for await (const record of parser as AsyncIterable<string[]>) yield { rowNo: ++rowNo, cells: record };
}

async function* readXlsx(path: string): AsyncGenerator<TableRow> {
  const reader = openXlsxReader(path); // with the exceljs chunk-decoding fix (imports/readers.ts)
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row.values as unknown[]) ?? [];
      const cells = values.slice(1).map(cellValue);
      if (cells.every((c) => c === null || c === undefined || String(c).trim() === '')) continue;
      yield { rowNo: row.number, cells };
    }
    return; // first worksheet only
  }
}

function objectRows(objects: unknown[], path: string): TableRow[] {
  const headers: string[] = [];
  for (const o of objects) {
    if (!o || typeof o !== 'object' || Array.isArray(o)) throw new DomainError('VALIDATION', `${path}：JSON 应为对象数组，每个对象是一条信息`);
    for (const k of Object.keys(o)) if (!headers.includes(k)) headers.push(k);
  }
  return [{ rowNo: 1, cells: headers }, ...objects.map((o, i) => ({ rowNo: i + 2, cells: headers.map((h) => (o as Record<string, unknown>)[h] ?? null) }))];
}

async function* readJson(path: string): AsyncGenerator<TableRow> {
  const { readFile } = await import('node:fs/promises');
  let data: unknown;
  try {
    data = JSON.parse((await readFile(path, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new DomainError('VALIDATION', `${path}：不是有效的 JSON（${(e as Error).message}）`);
  }
  const list = Array.isArray(data) ? data : Array.isArray((data as { items?: unknown[] })?.items) ? (data as { items: unknown[] }).items : null;
  if (!list) throw new DomainError('VALIDATION', `${path}：JSON 应为对象数组（或 {"items": [...]}）`);
  yield* objectRows(list, path);
}

/** JSON Lines: the header is the union of the keys of the first 1000 lines (later lines may only use known keys). */
async function* readJsonl(path: string): AsyncGenerator<TableRow> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let headers: string[] | null = null;
  const pending: unknown[] = [];
  let rowNo = 1;
  let lineNo = 0;
  const toRow = (o: unknown): TableRow => ({ rowNo: ++rowNo, cells: headers!.map((h) => (o as Record<string, unknown>)?.[h] ?? null) });
  for await (const raw of lines) {
    lineNo++;
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line) continue;
    let o: unknown;
    try { o = JSON.parse(line); } catch { throw new DomainError('VALIDATION', `${path} 第 ${lineNo} 行：不是有效的 JSON`); }
    if (headers) { yield toRow(o); continue; }
    pending.push(o);
    if (pending.length >= 1000) {
      headers = objectRows(pending, path)[0].cells as string[];
      yield { rowNo: 1, cells: headers };
      for (const p of pending.splice(0)) yield toRow(p);
    }
  }
  if (!headers) {
    headers = pending.length ? objectRows(pending, path)[0].cells as string[] : [];
    yield { rowNo: 1, cells: headers };
    for (const p of pending) yield toRow(p);
  }
}

/** Streams the rows of a CSV / XLSX / JSON / JSON Lines file (row 1 = headers). */
export function readTable(path: string, format: TableFormat = tableFormatOf(path)): AsyncGenerator<TableRow> {
  switch (format) {
    case 'csv': return readCsv(path);
    case 'xlsx': return readXlsx(path);
    case 'json': return readJson(path);
    case 'jsonl': return readJsonl(path);
  }
}
