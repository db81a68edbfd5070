/**
 * Checking a request ledger file, row by row, without the database: cells, dates, combinations, duplicate 受理编号
 * within the file, and the lifecycle events of each row built through core (request-ledger.ts). Yields batches of
 * checked rows (ready to write) with the errors found, so the caller can write while the rest of the file is still
 * being read. Runs in a worker thread (ledger-worker.mjs) or, when no worker can be started, in the caller's thread.
 */
import type { Calendar } from '../../core/calendar/working-days.js';
import type { DeadlineSettings } from '../../core/deadlines/rules.js';
import { isDomainError } from '../../core/errors.js';
import type { RequestEvent } from '../../core/requests/index.js';
import type { IsoDate } from '../../core/types.js';
import { REQUEST_LEDGER_COLUMNS, type HeaderMap, type RequestLedgerKey } from './columns.js';
import { BATCH_SIZE, quoteCell } from './common.js';
import { readLedger, type LedgerFormat } from './readers.js';
import { buildLedgerEvents, importedColumns, parseRequestRow, type LedgerError } from './request-ledger.js';
import { cellText } from './values.js';

/** A checked row, ready to be written. */
export interface CheckedRequest {
  row: number;
  ref: string;
  applicantType: string;
  applicantName: string;
  description: string;
  channel: string;
  /** Lead department by name (null: none assigned). */
  lead: string | null;
  events: RequestEvent[];
  cols: ReturnType<typeof importedColumns>;
}

export interface ValidateInput {
  path: string;
  format: LedgerFormat;
  today: IsoDate;
  calendar: Calendar;
  settings?: DeadlineSettings;
}

export type ValidationMessage =
  | { type: 'header'; row: number; refColumn: string; errors: LedgerError[]; warnings: string[] }
  | { type: 'batch'; records: CheckedRequest[]; errors: LedgerError[]; read: number }
  | { type: 'end'; total: number; errors: LedgerError[] }
  | { type: 'fatal'; code: string; message: string };

/**
 * The checked rows of a ledger file in batches (see the module comment). Errors carry the spreadsheet row, the
 * column as headed in the file, the value and a Chinese message. A file-level problem (unreadable file) ends the
 * stream with a `fatal` message.
 */
export async function* validateRequestLedger(input: ValidateInput): AsyncGenerator<ValidationMessage> {
  const clock = { calendar: input.calendar, settings: input.settings };
  const firstRowOfRef = new Map<string, number>();
  let header: HeaderMap<RequestLedgerKey> | null = null;
  let refColumn = '受理编号';
  let records: CheckedRequest[] = [];
  let errors: LedgerError[] = [];
  let total = 0;
  let failed = false;
  try {
    for await (const item of readLedger<RequestLedgerKey>(input.path, input.format, REQUEST_LEDGER_COLUMNS)) {
      if (item.type === 'header') {
        header = item.map;
        const headErrors: LedgerError[] = [];
        const warnings: string[] = [];
        if (header.found === 0) {
          headErrors.push({ row: item.row, column: '', value: '', message: `未找到表头：第一行应为列名（${REQUEST_LEDGER_COLUMNS.map((c) => c.header).join('、')}），请检查文件` });
          yield { type: 'header', row: item.row, refColumn, errors: headErrors, warnings };
          header = null;
          break;
        }
        for (const c of REQUEST_LEDGER_COLUMNS) {
          if (c.required && header.index[c.key] === undefined) headErrors.push({ row: item.row, column: c.header, value: '', message: `缺少必填列「${c.header}」，请在表头添加该列` });
        }
        for (const d of header.duplicates) warnings.push(`第${item.row}行表头“${d.header}”与“${header.text[d.key]}”重复，已使用前者所在的列`);
        refColumn = header.text.ref ?? refColumn;
        failed = headErrors.length > 0;
        yield { type: 'header', row: item.row, refColumn, errors: headErrors, warnings };
        continue;
      }
      if (header === null) continue;
      total += 1;
      const { record, errors: rowErrors } = parseRequestRow(item.row, item.values, header, input.today);
      errors.push(...rowErrors);
      const ref = record?.ref ?? cellText(item.values.ref);
      const first = ref === '' ? undefined : firstRowOfRef.get(ref);
      if (first !== undefined) {
        errors.push({ row: item.row, column: refColumn, value: quoteCell(ref), message: `受理编号与第${first}行重复；同一文件中每个受理编号只能出现一次` });
      } else {
        if (ref !== '') firstRowOfRef.set(ref, item.row);
        if (record) {
          try {
            const built = buildLedgerEvents(record, clock, input.today, header);
            records.push({
              row: record.row, ref: record.ref, applicantType: record.applicantType, applicantName: record.applicantName,
              description: record.description, channel: record.channel, lead: built.lead, events: built.events, cols: importedColumns(built.view),
            });
          } catch (e) {
            if (e instanceof Error) throw e;
            errors.push(e as LedgerError);
          }
        }
      }
      if (errors.length > 0) failed = true;
      if (total % BATCH_SIZE === 0) {
        // Once the file has an error nothing will be written: only the refs matter (the caller checks them).
        yield { type: 'batch', records: failed ? records.map(refOnly) : records, errors, read: total };
        records = [];
        errors = [];
      }
    }
  } catch (e) {
    if (isDomainError(e)) {
      yield { type: 'fatal', code: e.code, message: e.message };
      return;
    }
    throw e;
  }
  if (records.length > 0 || errors.length > 0) yield { type: 'batch', records: failed ? records.map(refOnly) : records, errors, read: total };
  const end: LedgerError[] = [];
  if (header !== null && total === 0) end.push({ row: 2, column: '', value: '', message: '文件中没有数据行，请检查文件' });
  yield { type: 'end', total, errors: end };
}

function refOnly(r: CheckedRequest): CheckedRequest {
  return { ...r, description: '', events: [], cols: r.cols };
}
