/**
 * Use case: import a 行政复议 / 行政诉讼 ledger (DESIGN.md "Cases ledger"). Every row is checked (the same rules as
 * the cases API, core/reports/cases.ts vocabularies); any error rejects the file whole. A valid file is written in
 * one transaction; re-importing a 案件编号 updates that case. A 关联受理编号 that is not in the system is kept as text
 * (the request may predate Gongkai) and listed as a warning. Case ledgers are small (tens to hundreds of rows per
 * year): checked rows are held in memory between the two steps.
 */
import { sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.js';
import { forbiddenCharacter } from '../../core/validators/text.js';
import { parseCaseKind, parseCaseResult, parseCaseRoute, CASE_KIND_LABELS, CASE_RESULT_LABELS, CASE_ROUTE_LABELS } from '../../core/reports/cases.js';
import { appendAudit } from '../audit.js';
import { requireRole } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { checkCase, requestIdsByRef, type CaseInput } from '../cases/cases.js';
import { CASE_LEDGER_COLUMNS, type CaseLedgerKey, type HeaderMap } from './columns.js';
import { BATCH_SIZE, chunk, displayName, ErrorList, quoteCell, rowsOf, type ImportOptions, type ImportResult } from './common.js';
import { IMPORT_ROLES } from './import-requests.js';
import { ledgerFormatOf, readLedger } from './readers.js';
import { columnText } from './request-ledger.js';
import { cellText, isBlank, parseLedgerDate, type CellValue } from './values.js';

const HEADER_OF = Object.fromEntries(CASE_LEDGER_COLUMNS.map((c) => [c.key, c.header])) as Record<CaseLedgerKey, string>;

interface CaseRecord extends CaseInput { row: number }

function parseCaseRow(row: number, values: Partial<Record<CaseLedgerKey, CellValue>>, header: HeaderMap<CaseLedgerKey>, today: string, errors: ErrorList): CaseRecord | null {
  const before = errors.count;
  const col = (k: CaseLedgerKey) => columnText(header, k, HEADER_OF[k]);
  const err = (k: CaseLedgerKey, message: string) => errors.add({ row, column: col(k), value: quoteCell(cellText(values[k])), message });
  const present = (k: CaseLedgerKey) => header.index[k] !== undefined;
  for (const [k, v] of Object.entries(values) as [CaseLedgerKey, CellValue][]) {
    const bad = typeof v === 'string' ? forbiddenCharacter(v) : null;
    if (bad) err(k, `含有不允许的控制字符（${bad}），请删除后重新导入`);
  }
  const text = (k: CaseLedgerKey) => cellText(values[k]) || null;
  const enumOf = <T>(k: CaseLedgerKey, parse: (s: string) => T | undefined, labels: Record<string, string>): T | null => {
    const s = text(k);
    if (s === null) return null;
    const v = parse(s);
    if (v === undefined) err(k, `${HEADER_OF[k]}“${s}”无法识别，应为：${Object.values(labels).join('、')}`);
    return v ?? null;
  };
  const dateOf = (k: CaseLedgerKey): string | null => {
    if (isBlank(values[k])) return null;
    const d = parseLedgerDate(values[k]);
    if (d === undefined) err(k, '不是有效日期，请写成 2024-01-05、2024/1/5 或 2024年1月5日');
    return d ?? null;
  };
  for (const k of ['ref', 'kind', 'receivedOn'] as const) if (present(k) && isBlank(values[k])) err(k, `${HEADER_OF[k]}不能为空，请填写`);
  const input: CaseRecord = {
    row,
    ref: text('ref') ?? '',
    kind: enumOf('kind', parseCaseKind, CASE_KIND_LABELS) as CaseInput['kind'],
    route: enumOf('route', parseCaseRoute, CASE_ROUTE_LABELS),
    requestRef: text('requestRef'),
    receivedOn: dateOf('receivedOn') ?? '',
    closedOn: dateOf('closedOn'),
    result: enumOf('result', parseCaseResult, CASE_RESULT_LABELS),
    note: text('note'),
  };
  // Cross-field rules (起诉类型 only for 诉讼, dates in order, 结案 ⇒ 结果), once every cell could be read.
  if (errors.count === before && present('ref') && present('kind') && present('receivedOn')) {
    for (const p of checkCase(input, today)) err(p.field as CaseLedgerKey, p.message);
  }
  return errors.count > before ? null : input;
}

/** Imports a cases ledger; see the module comment. */
export async function importCaseLedger(ctx: ServiceContext, path: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const actor = requireRole(ctx.actor, ...IMPORT_ROLES);
  const filename = displayName(path, opts);
  const format = opts.format ?? ledgerFormatOf(filename) ?? ledgerFormatOf(path);
  if (!format) throw new DomainError('VALIDATION', `不支持的文件类型“${filename}”：请导入 .csv（UTF-8 或 GBK）、.xlsx 或 .json 文件`);
  const result: ImportResult = { kind: 'cases', filename, ok: false, total: 0, inserted: 0, updated: 0, errors: [], errorCount: 0, warnings: [], departmentsCreated: [] };
  const errors = new ErrorList();
  const records: CaseRecord[] = [];
  const firstRowOfRef = new Map<string, number>();
  let header: HeaderMap<CaseLedgerKey> | null = null;
  for await (const item of readLedger<CaseLedgerKey>(path, format, CASE_LEDGER_COLUMNS)) {
    if (item.type === 'header') {
      header = item.map;
      if (header.found === 0) {
        errors.add({ row: item.row, column: '', value: '', message: `未找到表头：第一行应为列名（${CASE_LEDGER_COLUMNS.map((c) => c.header).join('、')}），请检查文件` });
        break;
      }
      for (const c of CASE_LEDGER_COLUMNS) {
        if (c.required && header.index[c.key] === undefined) errors.add({ row: item.row, column: c.header, value: '', message: `缺少必填列「${c.header}」，请在表头添加该列` });
      }
      continue;
    }
    if (header === null) continue;
    result.total += 1;
    const rec = parseCaseRow(item.row, item.values, header, ctx.today, errors);
    const ref = cellText(item.values.ref);
    const first = ref === '' ? undefined : firstRowOfRef.get(ref);
    if (first !== undefined) errors.add({ row: item.row, column: columnText(header, 'ref', '案件编号'), value: ref, message: `案件编号与第${first}行重复；同一文件中每个案件编号只能出现一次` });
    else {
      if (ref !== '') firstRowOfRef.set(ref, item.row);
      if (rec) records.push({ ...rec, ref });
    }
    if (opts.onProgress && result.total % BATCH_SIZE === 0) await opts.onProgress({ phase: 'validating', processed: result.total, total: null, inserted: 0, updated: 0 });
  }
  if (result.total === 0 && errors.count === 0) errors.add({ row: 2, column: '', value: '', message: '文件中没有数据行，请检查文件' });
  if (errors.count > 0) {
    result.errors = errors.sorted();
    result.errorCount = errors.count;
    return result;
  }

  const linked = await requestIdsByRef(ctx.db, records.map((r) => r.requestRef ?? ''));
  for (const r of records) {
    if (r.requestRef && !linked.has(r.requestRef)) result.warnings.push(`第${r.row}行：关联受理编号“${r.requestRef}”在系统中不存在，已按文字保存，未关联到申请`);
  }
  await ctx.db.transaction(async (tx) => {
    let written = 0;
    for (const part of chunk(records, BATCH_SIZE)) {
      const payload = part.map((r) => ({
        ref: r.ref, kind: r.kind, route: r.kind === 'litigation' ? r.route ?? null : null, request_id: r.requestRef ? linked.get(r.requestRef) ?? null : null,
        request_ref: r.requestRef ?? null, received_on: r.receivedOn, closed_on: r.closedOn ?? null, result: r.result ?? null, note: r.note ?? null,
      }));
      const rows = rowsOf<{ inserted: boolean }>(await tx.execute(sql`INSERT INTO cases (ref, kind, route, request_id, request_ref, received_on, closed_on, result, note)
        SELECT x.ref, x.kind, x.route, x.request_id, x.request_ref, x.received_on, x.closed_on, x.result, x.note
        FROM jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) AS x(ref text, kind text, route text, request_id int, request_ref text, received_on date, closed_on date, result text, note text)
        ON CONFLICT (ref) DO UPDATE SET kind = EXCLUDED.kind, route = EXCLUDED.route, request_id = EXCLUDED.request_id, request_ref = EXCLUDED.request_ref,
          received_on = EXCLUDED.received_on, closed_on = EXCLUDED.closed_on, result = EXCLUDED.result, note = EXCLUDED.note, updated_at = now()
        RETURNING (xmax = 0) AS inserted`));
      for (const r of rows) if (r.inserted) result.inserted += 1; else result.updated += 1;
      written += part.length;
      if (opts.onProgress) await opts.onProgress({ phase: 'writing', processed: written, total: result.total, inserted: result.inserted, updated: result.updated });
    }
    await appendAudit(tx, actor, {
      action: 'import.cases', targetType: 'import_job', targetId: opts.jobId ?? null,
      detail: { file: filename, total: result.total, inserted: result.inserted, updated: result.updated, warnings: result.warnings.length },
    }, ctx.ip ?? null, ctx.now);
  });
  result.ok = true;
  if (opts.onProgress) await opts.onProgress({ phase: 'done', processed: result.total, total: result.total, inserted: result.inserted, updated: result.updated });
  return result;
}
