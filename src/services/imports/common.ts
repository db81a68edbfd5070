/** Shared pieces of the ledger imports: results, progress, error lists, SQL helpers. */
import { basename } from 'node:path';
import type { Db, Executor } from '../../db/client.js';
import type { LedgerError } from './request-ledger.js';

export type ImportKind = 'requests' | 'cases' | 'facts';

export interface ImportProgress {
  phase: 'validating' | 'writing' | 'done';
  /** Rows read (validating) or written (writing). */
  processed: number;
  /** Data rows of the file; known once validation is done. */
  total: number | null;
  inserted: number;
  updated: number;
}

export interface ImportOptions {
  /** Name shown in messages (the uploaded file's original name); default: the file's base name. */
  filename?: string;
  /** Default: from the extension. */
  format?: 'csv' | 'xlsx' | 'json';
  /** Called every batch (1,000 rows). */
  onProgress?: (p: ImportProgress) => void | Promise<void>;
  /** The import_jobs row this import belongs to (recorded in the audit log). */
  jobId?: number | null;
}

export interface ImportResult {
  kind: ImportKind;
  filename: string;
  /** false = rejected: nothing was written. */
  ok: boolean;
  /** Data rows in the file (blank rows not counted). */
  total: number;
  inserted: number;
  updated: number;
  /** Every error (up to MAX_LISTED_ERRORS), in file order. */
  errors: LedgerError[];
  /** All errors, including any beyond the listed ones. */
  errorCount: number;
  /** Things imported as they are but worth a look (e.g. a case whose 关联受理编号 is not in the system). */
  warnings: string[];
  departmentsCreated: string[];
}

export const MAX_LISTED_ERRORS = 10_000;
/** How much of a cell an error quotes: a 180 MB cell was repeated in full in the error list (issue 12 item 7). */
export const MAX_QUOTED_CHARS = 200;

const QUOTED = new RegExp(`^[\\s\\S]{${MAX_QUOTED_CHARS}}…（共 \\d+ 字）$`);

/** A cell's text as an error quotes it: at most MAX_QUOTED_CHARS characters, then “…（共 N 字）”. */
export function quoteCell(text: string): string {
  if (text.length <= MAX_QUOTED_CHARS || QUOTED.test(text)) return text;
  return `${text.slice(0, MAX_QUOTED_CHARS)}…（共 ${text.length} 字）`;
}

/** An error with its quoted value (and message, which may quote too) capped. */
export function capError(e: LedgerError): LedgerError {
  if (quoteCell(e.value) === e.value && e.message.length <= MAX_QUOTED_CHARS * 5) return e;
  return { ...e, value: quoteCell(e.value), message: e.message.length > MAX_QUOTED_CHARS * 5 ? `${e.message.slice(0, MAX_QUOTED_CHARS * 5)}…` : e.message };
}
export const BATCH_SIZE = 1000;

/** Collects errors in file order, keeping at most MAX_LISTED_ERRORS but counting all. */
export class ErrorList {
  readonly items: LedgerError[] = [];
  count = 0;
  add(...errors: LedgerError[]): void {
    for (const e of errors) {
      this.count += 1;
      if (this.items.length < MAX_LISTED_ERRORS) this.items.push(capError(e));
    }
  }
  sorted(): LedgerError[] {
    return [...this.items].sort((a, b) => a.row - b.row);
  }
}

export function displayName(path: string, opts: ImportOptions): string {
  return opts.filename ?? basename(path);
}

/**
 * One line per error, as the CLI prints them (DESIGN.md: errors name the file, row and column):
 * `文件 FILE 第R行「列」值"V"：消息`.
 */
export function formatLedgerError(filename: string, e: LedgerError): string {
  return `文件 ${filename} 第${e.row}行「${e.column}」值"${e.value}"：${e.message}`;
}

/** Rows of a raw query on either driver (PGlite and node-postgres both return `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * True for the embedded PGlite (one connection: a query outside an open transaction waits for it to finish, so
 * progress cannot be written to the database while the import transaction is open). node-postgres pools have
 * `connect`.
 */
export function isSingleConnection(db: Db | Executor): boolean {
  const client = (db as unknown as { $client?: { connect?: unknown } }).$client;
  return !(client && typeof client.connect === 'function');
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
