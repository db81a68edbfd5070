/**
 * Use case: export the requests as a ledger (台账) with the headers of DESIGN.md "Ledger import format", so that the
 * file imports back unchanged (round trip): .csv (UTF-8 with BOM, what Excel opens correctly), .xlsx (date cells)
 * or .json (an array of objects keyed by the same Chinese headers). Streamed: pages of 1,000 requests by id
 * (keyset), written as they are read. Requests not yet received (online submissions awaiting confirmation) are not
 * ledger rows and are left out.
 *
 * Mapping back: 答复日期 is the reply date, or the closing date for requests closed without a reply (逾期不补正,
 * 逾期未缴费, withdrawal); 办理结果 is written only with it. 补正 dates are those of the latest 补正. A withdrawn
 * request re-imports as answered 其他处理-其他 (the ledger has no withdrawal column).
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.js';
import { OUTCOME_LABELS, isOutcome } from '../../core/requests/outcomes.js';
import { APPLICANT_TYPE_LABELS, CHANNEL_LABELS, type ApplicantType, type Channel } from '../../core/types.js';
import { appendAudit } from '../audit.js';
import { requireRole } from '../authorize.js';
import type { Role, ServiceContext } from '../context.js';
import { REQUEST_LEDGER_COLUMNS, type RequestLedgerKey } from './columns.js';
import { rowsOf } from './common.js';
import { neutraliseCsvCell } from './formula-cells.js';
import { IMPORT_DEFAULT_DEPARTMENT } from './request-ledger.js';

export const EXPORT_ROLES: Role[] = ['registrar', 'reviewer']; // 三员分立: the system admin exports no personal data (issue 12)
export type ExportFormat = 'csv' | 'xlsx' | 'json';
const PAGE = 1000;
const DATE_KEYS: ReadonlySet<RequestLedgerKey> = new Set(['receivedOn', 'supplementRequestedOn', 'supplementReceivedOn', 'repliedOn']);

type LedgerRow = Record<RequestLedgerKey, string | number | null>;

interface DbRow {
  id: number; ref: string; received_on: string; channel: string; applicant_type: string; applicant_name: string; description: string;
  department: string | null; supplement_requested_on: string | null; supplement_received_on: string | null; extended: boolean;
  replied_on: string | null; outcome: string | null; fee_notice_yuan: string | number | null;
}

function toLedgerRow(r: DbRow): LedgerRow {
  const supplementReceived = r.supplement_requested_on && r.supplement_received_on && r.supplement_received_on >= r.supplement_requested_on ? r.supplement_received_on : null;
  return {
    ref: r.ref,
    receivedOn: r.received_on,
    channel: CHANNEL_LABELS[r.channel as Channel] ?? r.channel,
    applicantType: APPLICANT_TYPE_LABELS[r.applicant_type as ApplicantType] ?? r.applicant_type,
    applicantName: r.applicant_name,
    description: r.description,
    department: r.department === IMPORT_DEFAULT_DEPARTMENT ? null : r.department,
    supplementRequestedOn: r.supplement_requested_on,
    supplementReceivedOn: supplementReceived,
    extended: r.extended ? '是' : '否',
    repliedOn: r.replied_on,
    outcome: r.replied_on && r.outcome && isOutcome(r.outcome) ? OUTCOME_LABELS[r.outcome] : null,
    feeYuan: r.fee_notice_yuan === null ? null : Number(r.fee_notice_yuan),
  };
}

/** Pages of ledger rows, by id. */
async function* ledgerPages(ctx: ServiceContext): AsyncGenerator<LedgerRow[]> {
  let last = 0;
  for (;;) {
    const rows = rowsOf<DbRow>(await ctx.db.execute(sql`
      SELECT r.id, r.ref, r.received_on::text AS received_on, r.channel, r.applicant_type, r.applicant_name, r.description, d.name AS department,
        s.requested_on::text AS supplement_requested_on, s.received_on::text AS supplement_received_on, r.extended,
        COALESCE(r.replied_on, r.closed_on)::text AS replied_on, r.outcome, r.fee_notice_yuan
      FROM requests r
      LEFT JOIN departments d ON d.id = r.lead_department_id
      LEFT JOIN LATERAL (
        SELECT max(e."on") FILTER (WHERE e.type = 'supplement_requested') AS requested_on,
               max(e."on") FILTER (WHERE e.type = 'supplement_received') AS received_on
        FROM request_events e WHERE e.request_id = r.id AND e.type IN ('supplement_requested', 'supplement_received')
      ) s ON true
      WHERE r.id > ${last} AND r.received_on IS NOT NULL
      ORDER BY r.id LIMIT ${PAGE}`));
    if (rows.length === 0) return;
    last = Number(rows[rows.length - 1].id);
    yield rows.map(toLedgerRow);
    if (rows.length < PAGE) return;
  }
}

function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = neutraliseCsvCell(String(v));
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function exportFormatOf(path: string): ExportFormat | undefined {
  const ext = extname(path).toLowerCase().slice(1);
  return ext === 'csv' || ext === 'xlsx' || ext === 'json' ? ext : undefined;
}

/** Writes the ledger to `path` (.csv, .xlsx or .json); returns the number of requests written. */
export async function exportRequestLedger(ctx: ServiceContext, path: string, format: ExportFormat | undefined = exportFormatOf(path)): Promise<number> {
  const actor = requireRole(ctx.actor, ...EXPORT_ROLES);
  if (!format) throw new DomainError('VALIDATION', `不支持的导出格式“${path}”：文件名应以 .csv、.xlsx 或 .json 结尾`);
  const keys = REQUEST_LEDGER_COLUMNS.map((c) => c.key);
  const headers = REQUEST_LEDGER_COLUMNS.map((c) => c.header);
  let count = 0;
  if (format === 'xlsx') {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet('依申请公开台账', { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = REQUEST_LEDGER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.key === 'description' ? 40 : DATE_KEYS.has(c.key) ? 12 : 16, style: DATE_KEYS.has(c.key) ? { numFmt: 'yyyy-mm-dd' } : {} }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    for await (const page of ledgerPages(ctx)) {
      for (const r of page) {
        const values = keys.map((k) => (DATE_KEYS.has(k) && r[k] ? new Date(`${r[k]}T00:00:00Z`) : r[k]));
        ws.addRow(values).commit();
        count += 1;
      }
    }
    ws.commit();
    await wb.commit();
  } else {
    const out = createWriteStream(path, { encoding: 'utf8' });
    const write = async (s: string) => { if (!out.write(s)) await once(out, 'drain'); };
    try {
      if (format === 'csv') await write(`\uFEFF${headers.join(',')}\r\n`);
      else await write('[');
      for await (const page of ledgerPages(ctx)) {
        let chunk = '';
        for (const r of page) {
          if (format === 'csv') chunk += `${keys.map((k) => csvField(r[k])).join(',')}\r\n`;
          else chunk += `${count === 0 ? '\n' : ',\n'}${JSON.stringify(Object.fromEntries(REQUEST_LEDGER_COLUMNS.map((c) => [c.header, r[c.key]])))}`;
          count += 1;
        }
        await write(chunk);
      }
      if (format === 'json') await write(count === 0 ? ']\n' : '\n]\n');
    } finally {
      out.end();
      await once(out, 'finish');
    }
  }
  await appendAudit(ctx.db, actor, { action: 'export.requests', targetType: 'requests', targetId: null, detail: { format, count } }, ctx.ip ?? null, ctx.now);
  return count;
}
