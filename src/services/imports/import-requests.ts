/**
 * Use case: import a request ledger (台账) — DESIGN.md "Ledger import format".
 *
 * Two streaming passes, so a 100,000-row file never sits in memory:
 * 1. read and check every row (cells, dates, combinations, duplicate 受理编号 in the file, 受理编号 already used by
 *    a request that was not imported), build its lifecycle events through core, and spool the result to a
 *    temporary file; only the refs are kept in memory. Any error → the file is rejected whole, with every error.
 * 2. in ONE transaction, read the spool back in batches of 1,000 and write requests, events and departments with
 *    set-based INSERTs (jsonb_to_recordset: one statement per table per batch).
 * Re-importing a 受理编号 that an earlier import created updates that request: its imported event log is replaced
 * and the previous log (with the previous applicant, content, channel) is written to the audit log
 * (`import.requests.replaced`). Requests registered in Gongkai itself (source online/staff) are never overwritten.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { DomainError } from '../../core/errors.js';
import type { RequestEvent } from '../../core/requests/index.js';
import type { IsoDate } from '../../core/types.js';
import { randomCode } from '../../security/crypto.js';
import { appendAudit } from '../audit.js';
import { requireRole } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { loadClockContext } from '../requests/record-event.js';
import { REQUEST_LEDGER_COLUMNS, type HeaderMap, type RequestLedgerKey } from './columns.js';
import { BATCH_SIZE, chunk, displayName, ErrorList, rowsOf, Spool, type ImportOptions, type ImportResult } from './common.js';
import { ledgerFormatOf, readLedger } from './readers.js';
import {
  buildLedgerEvents, IMPORT_ACTOR_NAME, IMPORT_DEFAULT_DEPARTMENT, importedColumns, parseRequestRow, withDepartmentIds,
  type LedgerError, type RequestLedgerRecord,
} from './request-ledger.js';

/** What pass 1 spools per row. */
interface SpooledRequest {
  row: number;
  ref: string;
  applicantType: string;
  applicantName: string;
  description: string;
  channel: string;
  lead: string | null;
  events: RequestEvent[];
  cols: ReturnType<typeof importedColumns>;
}

const SOURCE_LABELS: Record<string, string> = { online: '网上提交', staff: '窗口登记' };

/** Who may import ledgers. */
export const IMPORT_ROLES = ['registrar', 'admin'] as const;

/** Existing requests with these refs: id, source. */
async function findRefs(db: Executor, refs: string[], lock = false): Promise<Map<string, { id: number; source: string; trackingCode: string }>> {
  if (refs.length === 0) return new Map();
  const r = await db.execute(sql`SELECT id, ref, source, tracking_code FROM requests WHERE ref IN (${sql.join(refs.map((x) => sql`${x}`), sql`, `)})${lock ? sql` FOR UPDATE` : sql``}`);
  return new Map(rowsOf<{ id: number; ref: string; source: string; tracking_code: string }>(r).map((x) => [x.ref, { id: Number(x.id), source: x.source, trackingCode: x.tracking_code }]));
}

function notImportedError(row: number, column: string, ref: string, source: string): LedgerError {
  return {
    row, column, value: ref,
    message: `该受理编号已被本系统${SOURCE_LABELS[source] ?? '登记'}的申请使用，导入不能覆盖；请更换受理编号或删除该行`,
  };
}

/**
 * Imports a request ledger file (.csv UTF-8/GBK, .xlsx, .json). Returns the result; when `ok` is false nothing was
 * written and `errors` lists every problem by row, column and value. Throws DomainError only for problems with the
 * file as a whole that are not row errors (unsupported type, unreadable file) and for authorization.
 */
export async function importRequestLedger(ctx: ServiceContext, path: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const actor = requireRole(ctx.actor, ...IMPORT_ROLES);
  const filename = displayName(path, opts);
  const format = opts.format ?? ledgerFormatOf(filename) ?? ledgerFormatOf(path);
  if (!format) throw new DomainError('VALIDATION', `不支持的文件类型“${filename}”：请导入 .csv（UTF-8 或 GBK）、.xlsx 或 .json 文件`);
  const result: ImportResult = { kind: 'requests', filename, ok: false, total: 0, inserted: 0, updated: 0, errors: [], errorCount: 0, warnings: [], departmentsCreated: [] };
  const errors = new ErrorList();
  const clock = await loadClockContext(ctx.db);
  const spool = await Spool.create();
  const progress = async (phase: 'validating' | 'writing' | 'done', processed: number, total: number | null) => {
    if (opts.onProgress) await opts.onProgress({ phase, processed, total, inserted: result.inserted, updated: result.updated });
  };

  try {
    // ---------------------------------------------------------------- pass 1: check every row, spool
    const firstRowOfRef = new Map<string, number>();
    const departments = new Set<string>();
    let pending: { ref: string; row: number; column: string }[] = [];
    let refColumn = '受理编号';
    let header: HeaderMap<RequestLedgerKey> | null = null;
    const checkPending = async () => {
      const found = await findRefs(ctx.db, pending.map((p) => p.ref));
      for (const p of pending) {
        const hit = found.get(p.ref);
        if (!hit) continue;
        if (hit.source !== 'import') errors.add(notImportedError(p.row, p.column, p.ref, hit.source));
      }
      pending = [];
    };

    for await (const item of readLedger<RequestLedgerKey>(path, format, REQUEST_LEDGER_COLUMNS)) {
      if (item.type === 'header') {
        header = item.map;
        if (header.found === 0) {
          errors.add({ row: item.row, column: '', value: '', message: `未找到表头：第一行应为列名（${REQUEST_LEDGER_COLUMNS.map((c) => c.header).join('、')}），请检查文件` });
          break;
        }
        for (const c of REQUEST_LEDGER_COLUMNS) {
          if (c.required && header.index[c.key] === undefined) errors.add({ row: item.row, column: c.header, value: '', message: `缺少必填列「${c.header}」，请在表头添加该列` });
        }
        for (const d of header.duplicates) result.warnings.push(`第${item.row}行表头“${d.header}”与“${header.text[d.key]}”重复，已使用前者所在的列`);
        refColumn = header.text.ref ?? '受理编号';
        continue;
      }
      if (header === null) continue;
      result.total += 1;
      const { record, errors: rowErrors } = parseRequestRow(item.row, item.values, header, ctx.today);
      errors.add(...rowErrors);
      if (record) {
        const first = firstRowOfRef.get(record.ref);
        if (first !== undefined) {
          errors.add({ row: item.row, column: refColumn, value: record.ref, message: `受理编号与第${first}行重复；同一文件中每个受理编号只能出现一次` });
        } else {
          firstRowOfRef.set(record.ref, item.row);
          pending.push({ ref: record.ref, row: item.row, column: refColumn });
          try {
            const built = buildLedgerEvents(record, clock, ctx.today, header);
            if (built.lead) departments.add(built.lead);
            if (errors.count === 0) await spool.write(toSpooled(record, built));
          } catch (e) {
            if (e instanceof Error) throw e;
            errors.add(e as LedgerError);
          }
        }
      } else {
        const ref = item.values.ref;
        if (ref !== undefined && ref !== null && String(ref).trim() !== '' && !firstRowOfRef.has(String(ref).trim())) firstRowOfRef.set(String(ref).trim(), item.row);
      }
      if (pending.length >= BATCH_SIZE) await checkPending();
      if (result.total % BATCH_SIZE === 0) await progress('validating', result.total, null);
    }
    await checkPending();
    if (result.total === 0 && errors.count === 0) errors.add({ row: 2, column: '', value: '', message: '文件中没有数据行，请检查文件' });

    if (errors.count > 0) {
      result.errors = errors.sorted();
      result.errorCount = errors.count;
      return result;
    }
    await progress('writing', 0, result.total);

    // ---------------------------------------------------------------- pass 2: one transaction
    const replaced: unknown[] = [];
    await ctx.db.transaction(async (tx) => {
      const deptIds = await ensureDepartments(tx, departments, result.departmentsCreated);
      let written = 0;
      for await (const batch of spool.batches<SpooledRequest>(BATCH_SIZE)) {
        const existing = await findRefs(tx, batch.map((b) => b.ref), true);
        const conflicts = batch.filter((b) => existing.get(b.ref) && existing.get(b.ref)!.source !== 'import');
        if (conflicts.length > 0) {
          throw new DomainError('CONFLICT', `导入期间有申请使用了相同的受理编号（${conflicts.map((c) => c.ref).slice(0, 5).join('、')}），已取消导入，请重新导入`, {
            errors: conflicts.map((c) => notImportedError(c.row, refColumn, c.ref, existing.get(c.ref)!.source)),
          });
        }
        const updates = batch.filter((b) => existing.has(b.ref));
        const inserts = batch.filter((b) => !existing.has(b.ref));
        const ids = new Map<string, number>();
        if (updates.length > 0) {
          const idList = updates.map((u) => existing.get(u.ref)!.id);
          replaced.push(...(await previousLogs(tx, idList)));
          await tx.execute(sql`DELETE FROM request_events WHERE request_id IN (${sql.join(idList.map((i) => sql`${i}`), sql`, `)})`);
          await tx.execute(sql`DELETE FROM request_departments WHERE request_id IN (${sql.join(idList.map((i) => sql`${i}`), sql`, `)})`);
          await tx.execute(sql`UPDATE requests AS r SET
              applicant_type = x.applicant_type, applicant_name = x.applicant_name, description = x.description, channel = x.channel,
              state = x.state, regime = x.regime, received_on = x.received_on, clock_start_on = x.clock_start_on, due_on = x.due_on,
              base_due_on = x.base_due_on, provisional = x.provisional, extended = x.extended, lead_department_id = x.lead_department_id,
              outcome = x.outcome, replied_on = x.replied_on, delivered_on = x.delivered_on, closed_on = x.closed_on,
              closed_on_time = x.closed_on_time, fee_notice_yuan = x.fee_notice_yuan, fee_collected_yuan = x.fee_collected_yuan,
              event_count = x.event_count, updated_at = now()
            FROM jsonb_to_recordset(${JSON.stringify(updates.map((u) => requestRecord(u, deptIds, existing.get(u.ref)!.id)))}::jsonb) AS ${RECORD_TYPE}
            WHERE r.id = x.id`);
          for (const u of updates) ids.set(u.ref, existing.get(u.ref)!.id);
        }
        if (inserts.length > 0) {
          const inserted = await tx.execute(sql`INSERT INTO requests (ref, tracking_code, applicant_type, applicant_name, description, channel, source,
              state, regime, received_on, clock_start_on, due_on, base_due_on, provisional, extended, lead_department_id, outcome,
              replied_on, delivered_on, closed_on, closed_on_time, fee_notice_yuan, fee_collected_yuan, event_count)
            SELECT x.ref, x.tracking_code, x.applicant_type, x.applicant_name, x.description, x.channel, 'import',
              x.state, x.regime, x.received_on, x.clock_start_on, x.due_on, x.base_due_on, x.provisional, x.extended, x.lead_department_id, x.outcome,
              x.replied_on, x.delivered_on, x.closed_on, x.closed_on_time, x.fee_notice_yuan, x.fee_collected_yuan, x.event_count
            FROM jsonb_to_recordset(${JSON.stringify(inserts.map((b) => requestRecord(b, deptIds, null)))}::jsonb) AS ${RECORD_TYPE}
            RETURNING id, ref`);
          for (const r of rowsOf<{ id: number; ref: string }>(inserted)) ids.set(r.ref, Number(r.id));
        }
        const events: unknown[] = [];
        const links: unknown[] = [];
        for (const b of batch) {
          const requestId = ids.get(b.ref)!;
          withDepartmentIds(b.events, deptIds).forEach((e, i) => {
            const { type, on, ...payload } = e as unknown as { type: string; on: IsoDate } & Record<string, unknown>;
            events.push({ request_id: requestId, seq: i + 1, type, on, payload, actor_name: IMPORT_ACTOR_NAME });
          });
          if (b.lead !== null) links.push({ request_id: requestId, department_id: deptIds.get(b.lead), role: 'lead' });
        }
        const T: Record<string, number> = (globalThis as any).__T ??= {};
        const t0 = Date.now();
        const pg = (tx as any).session?.client;
        if (process.env.NOFK && !(globalThis as any).__nofk) { (globalThis as any).__nofk = 1; await tx.execute(sql`SET LOCAL session_replication_role = replica`); }
        if (process.env.COPY && pg && typeof pg.query === 'function' && !('connect' in pg)) {
          const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
          const csv = (events as any[]).map((e) => `${e.request_id},${e.seq},${e.type},${e.on},${q(JSON.stringify(e.payload))},${e.actor_name}`).join('\n');
          await pg.query(`COPY request_events (request_id, seq, type, "on", payload, actor_name) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob: new Blob([csv]) });
        } else {
        await tx.execute(sql`INSERT INTO request_events (request_id, seq, type, "on", payload, actor_name)
          SELECT x.request_id, x.seq, x.type, x."on", x.payload, x.actor_name
          FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS x(request_id int, seq int, type text, "on" date, payload jsonb, actor_name text)`);
        }
        T.events = (T.events ?? 0) + Date.now() - t0;
        if (links.length > 0) {
          await tx.execute(sql`INSERT INTO request_departments (request_id, department_id, role)
            SELECT x.request_id, x.department_id, x.role FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS x(request_id int, department_id int, role text)
            ON CONFLICT DO NOTHING`);
        }
        result.inserted += inserts.length;
        result.updated += updates.length;
        written += batch.length;
        await progress('writing', written, result.total);
      }
      // Audit last, so the audit chain's lock is held only for the end of the transaction.
      await appendAudit(tx, actor, {
        action: 'import.requests', targetType: 'import_job', targetId: opts.jobId ?? null,
        detail: { file: filename, total: result.total, inserted: result.inserted, updated: result.updated, departmentsCreated: result.departmentsCreated },
      }, ctx.ip ?? null, ctx.now);
      for (const part of chunk(replaced, 200)) {
        await appendAudit(tx, actor, { action: 'import.requests.replaced', targetType: 'import_job', targetId: opts.jobId ?? null, detail: { file: filename, requests: part } }, ctx.ip ?? null, ctx.now);
      }
    });
    result.ok = true;
    await progress('done', result.total, result.total);
    return result;
  } finally {
    await spool.dispose();
  }
}

function toSpooled(rec: RequestLedgerRecord, built: ReturnType<typeof buildLedgerEvents>): SpooledRequest {
  return {
    row: rec.row, ref: rec.ref, applicantType: rec.applicantType, applicantName: rec.applicantName, description: rec.description,
    channel: rec.channel, lead: built.lead, events: built.events, cols: importedColumns(built.view),
  };
}

const RECORD_TYPE = sql.raw(`x(id int, ref text, tracking_code text, applicant_type text, applicant_name text, description text, channel text,
  state text, regime text, received_on date, clock_start_on date, due_on date, base_due_on date, provisional boolean, extended boolean,
  lead_department_id int, outcome text, replied_on date, delivered_on date, closed_on date, closed_on_time boolean,
  fee_notice_yuan numeric, fee_collected_yuan numeric, event_count int)`);

function requestRecord(b: SpooledRequest, deptIds: ReadonlyMap<string, number>, id: number | null) {
  const c = b.cols;
  return {
    id, ref: b.ref, tracking_code: randomCode(10), applicant_type: b.applicantType, applicant_name: b.applicantName,
    description: b.description, channel: b.channel, state: c.state, regime: c.regime, received_on: c.receivedOn,
    clock_start_on: c.clockStartOn, due_on: c.dueOn, base_due_on: c.baseDueOn, provisional: c.provisional, extended: c.extended,
    lead_department_id: b.lead === null ? null : deptIds.get(b.lead) ?? null, outcome: c.outcome, replied_on: c.repliedOn,
    delivered_on: c.deliveredOn, closed_on: c.closedOn, closed_on_time: c.closedOnTime, fee_notice_yuan: c.feeNoticeYuan,
    fee_collected_yuan: c.feeCollectedYuan, event_count: b.events.length,
  };
}

/** The event logs (and overwritten fields) of requests about to be replaced, for the audit log. */
async function previousLogs(tx: Executor, ids: number[]) {
  const list = sql.join(ids.map((i) => sql`${i}`), sql`, `);
  const reqs = rowsOf<{ id: number; ref: string; applicant_type: string; applicant_name: string; description: string; channel: string }>(
    await tx.execute(sql`SELECT id, ref, applicant_type, applicant_name, description, channel FROM requests WHERE id IN (${list})`));
  const events = rowsOf<{ request_id: number; seq: number; type: string; on: string; payload: unknown; actor_name: string | null }>(
    await tx.execute(sql`SELECT request_id, seq, type, "on"::text AS "on", payload, actor_name FROM request_events WHERE request_id IN (${list}) ORDER BY request_id, seq`));
  const byRequest = new Map<number, unknown[]>();
  for (const e of events) {
    const id = Number(e.request_id);
    if (!byRequest.has(id)) byRequest.set(id, []);
    byRequest.get(id)!.push({ seq: e.seq, type: e.type, on: e.on, payload: e.payload, actorName: e.actor_name });
  }
  return reqs.map((r) => ({
    id: Number(r.id), ref: r.ref,
    previous: { applicantType: r.applicant_type, applicantName: r.applicant_name, description: r.description, channel: r.channel },
    previousEvents: byRequest.get(Number(r.id)) ?? [],
  }));
}

/** Department ids by name; missing ones are created (the import default one inactive). */
async function ensureDepartments(tx: Executor, names: ReadonlySet<string>, created: string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  if (names.size === 0) return ids;
  const list = [...names];
  const found = rowsOf<{ id: number; name: string }>(await tx.execute(sql`SELECT id, name FROM departments WHERE name IN (${sql.join(list.map((n) => sql`${n}`), sql`, `)})`));
  for (const f of found) ids.set(f.name, Number(f.id));
  for (const name of list) {
    if (ids.has(name)) continue;
    const r = rowsOf<{ id: number }>(await tx.execute(sql`INSERT INTO departments (name, active) VALUES (${name}, ${name !== IMPORT_DEFAULT_DEPARTMENT}) RETURNING id`));
    ids.set(name, Number(r[0].id));
    created.push(name);
  }
  return ids;
}
