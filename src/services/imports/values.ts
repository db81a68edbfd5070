/**
 * Cell values of ledgers (台账) as agencies type them: dates in three spellings or as Excel date cells, 是/否,
 * amounts with 元 and thousands separators. Every parser returns `undefined` for "cannot read this", so the caller
 * can report the cell with its row, column and value.
 */
import { isIsoDate, type IsoDate } from '../../core/types.js';

/** A raw cell: what CSV, XLSX (exceljs) and JSON readers produce. */
export type CellValue = string | number | boolean | Date | null;

/** The cell as the user typed it, for error messages and text fields (trimmed; dates of Excel cells as YYYY-MM-DD). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? '是' : '否';
  return v.replace(/^[\s\u3000\uFEFF]+|[\s\u3000]+$/g, '');
}

export function isBlank(v: CellValue | undefined): boolean {
  return cellText(v) === '';
}

const pad = (n: number) => String(n).padStart(2, '0');

function ymd(y: number, m: number, d: number): IsoDate | undefined {
  const s = `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}`;
  return isIsoDate(s) ? s : undefined;
}

/** Days between 1899-12-30 (Excel's day zero, with its 1900 leap-year bug folded in) and 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25569;

/**
 * Reads a ledger date: `2024-01-05`, `2024/1/5`, `2024.1.5`, `2024年1月5日` (optionally followed by a time of day,
 * which is ignored), an Excel date cell (a JS Date at UTC midnight from exceljs) or an Excel serial number
 * (a date cell without date formatting). Returns undefined when the value is not a real calendar date.
 */
export function parseLedgerDate(v: CellValue | undefined): IsoDate | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return undefined;
    // exceljs gives date cells as UTC midnight; a time part (e.g. 2024-01-05 09:30) stays on the same UTC day.
    return ymd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 3000 || v > 110000) return undefined; // 1908 … 2201
    const d = new Date(Math.round((Math.floor(v) - EXCEL_EPOCH_OFFSET) * 86400000));
    return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  if (typeof v !== 'string') return undefined;
  const s = cellText(v).replace(/[－—–]/g, '-').replace(/[／]/g, '/').replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  let m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?(?:\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$/.exec(s);
  if (!m) m = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = m.length === 4 ? [m[1], m[2], m[3]] : [m[1], m[3], m[4]];
  return ymd(Number(y), Number(mo), Number(d));
}

const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '延期', '已延期']);
const NO = new Set(['否', '无', 'n', 'no', 'false', '0', '未延期', '不延期']);

/** 是 / 否 (also 有/无, yes/no, true/false, 1/0); blank = false; undefined when unreadable. */
export function parseYesNo(v: CellValue | undefined): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const s = cellText(v).toLowerCase();
  if (s === '') return false;
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return undefined;
}

/** An amount in yuan ≥ 0 with at most two decimals ("380", "380元", "1,200.50"); undefined when unreadable. */
export function parseYuan(v: CellValue | undefined): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 && Math.abs(Math.round(v * 100) - v * 100) < 1e-6 ? Math.round(v * 100) / 100 : undefined;
  const s = cellText(v).replace(/[,，\s]/g, '').replace(/(人民币)?元$/, '').replace(/^[¥￥]/, '');
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return undefined;
  return Number(s);
}

/** Normalises a header cell for matching: no whitespace, no trailing unit in brackets ("收费金额（元）"), lower case. */
export function normaliseHeader(h: string): string {
  return h.replace(/[\s\u3000\uFEFF]+/g, '').replace(/[（(][^）)]*[）)]$/, '').replace(/[*＊]/g, '').toLowerCase();
}
