/**
 * Use case: import a request ledger (台账) — DESIGN.md "Ledger import format".
 *
 * One streaming read, two threads, one transaction, so that a 100,000-row file never sits in memory and nothing is
 * half-imported:
 * - a worker thread reads and checks every row (cells, dates, combinations, duplicate 受理编号 in the file) and
 *   builds its lifecycle events through core (validate-requests.ts, request-ledger.ts), sending batches of 1,000
 *   checked rows (at most three batches in flight);
 * - this thread, inside ONE transaction, checks each batch's 受理编号 against the database (a request registered in
 *   Gongkai itself — source online/staff — is never overwritten) and writes the batch with set-based statements
 *   (jsonb_to_recordset: one statement per table per batch). The first error stops the writing; the rest of the file
 *   is still checked so that every error is listed; then the transaction is rolled back.
 * Re-importing a 受理编号 that an earlier import created updates that request: its imported event log is replaced
 * and the previous log (with the previous applicant, content, channel) is written to the audit log
 * (`import.requests.replaced`).
 */
import { randomBytes } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { DomainError, type DomainErrorCode } from '../../core/errors.js';
import type { IsoDate } from '../../core/types.js';
import { appendAudit } from '../audit.js';
import { chainTag, deleteChainRows } from '../audit-chain.js';
import { requireRole } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { loadClockContext } from '../requests/record-event.js';
import { chunk, displayName, ErrorList, rowsOf, type ImportOptions, type ImportResult } from './common.js';
import { ledgerFormatOf } from './readers.js';
import { IMPORT_ACTOR_NAME, IMPORT_DEFAULT_DEPARTMENT, withDepartmentIds, type LedgerError } from './request-ledger.js';
import { validateRequestLedger, type CheckedRequest, type ValidateInput, type ValidationMessage } from './validate-requests.js';

const SOURCE_LABELS: Record<string, string> = { online: '网上提交', staff: '窗口登记' };

/** Who may import ledgers. */
export const IMPORT_ROLES = ['registrar'] as const; // 三员分立: the system admin reads no request content (issue 12)

/** Existing requests with these refs: id, source (locked FOR UPDATE when about to be written). */
async function findRefs(db: Executor, refs: string[], lock = false): Promise<Map<string, { id: number; source: string }>> {
  if (refs.length === 0) return new Map();
  const r = await db.execute(sql`SELECT id, ref, source FROM requests WHERE ref IN (${sql.join(refs.map((x) => sql`${x}`), sql`, `)})${lock ? sql` FOR UPDATE` : sql``}`);
  return new Map(rowsOf<{ id: number; ref: string; source: string }>(r).map((x) => [x.ref, { id: Number(x.id), source: x.source }]));
}

function notImportedError(row: number, column: string, ref: string, source: string): LedgerError {
  return {
    row, column, value: ref,
    message: `该受理编号已被本系统${SOURCE_LABELS[source] ?? '登记'}的申请使用，导入不能覆盖；请更换受理编号或删除该行`,
  };
}

/** Thrown inside the transaction to roll it back when the file has errors (they are returned, not thrown). */
const ROLLBACK = Symbol('rollback');

/**
 * Imports a request ledger file (.csv UTF-8/GBK, .xlsx, .json). Returns the result; when `ok` is false nothing was
 * written and `errors` lists every problem by row, column and value. Throws DomainError only for problems with the
 * file as a whole that are not row errors (unsupported type, unreadable file) and for authorization.
 * `inline` checks the file in this thread instead of a worker (slower: no overlap with the writing).
 */
export async function importRequestLedger(ctx: ServiceContext, path: string, opts: ImportOptions & { inline?: boolean } = {}): Promise<ImportResult> {
  const actor = requireRole(ctx.actor, ...IMPORT_ROLES);
  const filename = displayName(path, opts);
  const format = opts.format ?? ledgerFormatOf(filename) ?? ledgerFormatOf(path);
  if (!format) throw new DomainError('VALIDATION', `不支持的文件类型“${filename}”：请导入 .csv（UTF-8 或 GBK）、.xlsx 或 .json 文件`);
  const result: ImportResult = { kind: 'requests', filename, ok: false, total: 0, inserted: 0, updated: 0, errors: [], errorCount: 0, warnings: [], departmentsCreated: [] };
  const errors = new ErrorList();
  const clock = await loadClockContext(ctx.db);
  const input: ValidateInput = { path, format, today: ctx.today, calendar: clock.calendar, settings: clock.settings };
  const progress = async (phase: 'validating' | 'writing' | 'done', processed: number, total: number | null) => {
    if (opts.onProgress) await opts.onProgress({ phase, processed, total, inserted: result.inserted, updated: result.updated });
  };
  const deptIds = new Map<string, number>();
  const replaced: unknown[] = [];
  let refColumn = '受理编号';
  try {
    await ctx.db.transaction(async (tx) => {
      for await (const msg of checkedMessages(input, opts.inline === true)) {
        if (msg.type === 'fatal') {
          if (msg.code === 'INTERNAL') throw new Error(msg.message);
          throw new DomainError(msg.code as DomainErrorCode, msg.message);
        }
        if (msg.type === 'header') {
          errors.add(...msg.errors);
          result.warnings.push(...msg.warnings);
          refColumn = msg.refColumn;
        } else if (msg.type === 'batch') {
          errors.add(...msg.errors);
          const writing = errors.count === 0;
          const existing = await findRefs(tx, msg.records.map((b) => b.ref), writing);
          for (const b of msg.records) {
            const hit = existing.get(b.ref);
            if (hit && hit.source !== 'import') errors.add(notImportedError(b.row, refColumn, b.ref, hit.source));
          }
          if (errors.count === 0) await writeBatch(tx, msg.records, existing, deptIds, result, replaced);
          await progress(errors.count === 0 ? 'writing' : 'validating', msg.read, null);
        } else {
          result.total = msg.total;
          errors.add(...msg.errors);
        }
      }
      if (errors.count > 0) throw ROLLBACK;
      // Audit last: the import's summary, and the event logs it replaced (re-imported 受理编号).
      await appendAudit(tx, actor, {
        action: 'import.requests', targetType: 'import_job', targetId: opts.jobId ?? null,
        detail: { file: filename, total: result.total, inserted: result.inserted, updated: result.updated, departmentsCreated: result.departmentsCreated },
      }, ctx.ip ?? null, ctx.now);
      for (const part of chunk(replaced, 200)) {
        await appendAudit(tx, actor, { action: 'import.requests.replaced', targetType: 'import_job', targetId: opts.jobId ?? null, detail: { file: filename, requests: part } }, ctx.ip ?? null, ctx.now);
      }
    });
  } catch (e) {
    if (e !== ROLLBACK) throw e;
    result.errors = errors.sorted();
    result.errorCount = errors.count;
    result.inserted = 0;
    result.updated = 0;
    result.departmentsCreated = [];
    return result;
  }
  result.ok = true;
  await progress('done', result.total, result.total);
  return result;
}

/** Writes one batch of checked rows: updates of earlier imports (event log replaced), then new requests. */
async function writeBatch(tx: Executor, batch: CheckedRequest[], existing: Map<string, { id: number; source: string }>, deptIds: Map<string, number>, result: ImportResult, replaced: unknown[]): Promise<void> {
  await ensureDepartments(tx, new Set(batch.map((b) => b.lead).filter((x): x is string => x !== null)), deptIds, result.departmentsCreated);
  const updates = batch.filter((b) => existing.has(b.ref));
  const inserts = batch.filter((b) => !existing.has(b.ref));
  const ids = new Map<string, number>();
  if (updates.length > 0) {
    const idList = updates.map((u) => existing.get(u.ref)!.id);
    const list = sql.join(idList.map((i) => sql`${i}`), sql`, `);
    replaced.push(...(await previousLogs(tx, idList)));
    await deleteChainRows(tx, 'request_events', sql`request_id IN (${list})`, '重新导入台账，替换原办理记录');
    await tx.execute(sql`DELETE FROM request_departments WHERE request_id IN (${list})`);
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
    const codes = randomBytes(inserts.length * 10);
    const inserted = await tx.execute(sql`INSERT INTO requests (ref, tracking_code, applicant_type, applicant_name, description, channel, source,
        state, regime, received_on, clock_start_on, due_on, base_due_on, provisional, extended, lead_department_id, outcome,
        replied_on, delivered_on, closed_on, closed_on_time, fee_notice_yuan, fee_collected_yuan, event_count)
      SELECT x.ref, x.tracking_code, x.applicant_type, x.applicant_name, x.description, x.channel, 'import',
        x.state, x.regime, x.received_on, x.clock_start_on, x.due_on, x.base_due_on, x.provisional, x.extended, x.lead_department_id, x.outcome,
        x.replied_on, x.delivered_on, x.closed_on, x.closed_on_time, x.fee_notice_yuan, x.fee_collected_yuan, x.event_count
      FROM jsonb_to_recordset(${JSON.stringify(inserts.map((b, i) => requestRecord(b, deptIds, null, trackingCode(codes, i * 10))))}::jsonb) AS ${RECORD_TYPE}
      RETURNING id, ref`);
    for (const r of rowsOf<{ id: number; ref: string }>(inserted)) ids.set(r.ref, Number(r.id));
  }
  // Short keys: a batch is ~7,000 events, sent as one JSON parameter.
  const events: { r: number; s: number; t: string; o: IsoDate; p: Record<string, unknown>; g: string | null }[] = [];
  const links: { r: number; d: number }[] = [];
  for (const b of batch) {
    const requestId = ids.get(b.ref)!;
    withDepartmentIds(b.events, deptIds).forEach((e, i) => {
      const { type, on, ...payload } = e as unknown as { type: string; on: IsoDate } & Record<string, unknown>;
      const g = chainTag('request_events', { requestId, seq: i + 1, type, on, payload, actorId: null, actorName: IMPORT_ACTOR_NAME });
      events.push({ r: requestId, s: i + 1, t: type, o: on, p: payload, g });
    });
    if (b.lead !== null) links.push({ r: requestId, d: deptIds.get(b.lead)! });
  }
  await tx.execute(sql`INSERT INTO request_events (request_id, seq, type, "on", payload, actor_name, tag)
    SELECT x.r, x.s, x.t, x.o, x.p, ${IMPORT_ACTOR_NAME}, x.g
    FROM jsonb_to_recordset(${JSON.stringify(events)}::jsonb) AS x(r int, s int, t text, o date, p jsonb, g text)`);
  if (links.length > 0) {
    await tx.execute(sql`INSERT INTO request_departments (request_id, department_id, role)
      SELECT x.r, x.d, 'lead' FROM jsonb_to_recordset(${JSON.stringify(links)}::jsonb) AS x(r int, d int)
      ON CONFLICT DO NOTHING`);
  }
  result.inserted += inserts.length;
  result.updated += updates.length;
}

/**
 * The checked batches of a file: from a worker thread (the checking runs in parallel with the writing), or from
 * this thread when `inline` is set or no worker can be started (e.g. a runtime without tsx).
 */
async function* checkedMessages(input: ValidateInput, inline: boolean): AsyncGenerator<ValidationMessage> {
  if (!inline) {
    let received = false;
    try {
      for await (const m of fromWorker(input)) {
        received = true;
        yield m;
      }
      return;
    } catch (e) {
      if (received) throw e;
    }
  }
  yield* validateRequestLedger(input);
}

/** Messages of the validation worker; asking for the next one after a batch acknowledges it (back-pressure). */
async function* fromWorker(input: ValidateInput): AsyncGenerator<ValidationMessage> {
  const worker = new Worker(new URL('./ledger-worker.mjs', import.meta.url), { workerData: input });
  const queue: ValidationMessage[] = [];
  let notify: (() => void) | null = null;
  let failure: Error | null = null;
  let exited = false;
  const wake = () => { const n = notify; notify = null; n?.(); };
  worker.on('message', (m: ValidationMessage) => { queue.push(m); wake(); });
  worker.on('error', (e: Error) => { failure = e; wake(); });
  worker.on('exit', () => { exited = true; wake(); });
  try {
    for (;;) {
      if (queue.length === 0 && !failure && !exited) await new Promise<void>((resolve) => { notify = resolve; });
      const m = queue.shift();
      if (m) {
        yield m;
        if (m.type === 'batch') worker.postMessage('ack');
        if (m.type === 'end' || m.type === 'fatal') return;
        continue;
      }
      if (failure) throw failure;
      if (exited) throw new Error('台账校验线程意外退出');
    }
  } finally {
    await worker.terminate();
  }
}

const RECORD_TYPE = sql.raw(`x(id int, ref text, tracking_code text, applicant_type text, applicant_name text, description text, channel text,
  state text, regime text, received_on date, clock_start_on date, due_on date, base_due_on date, provisional boolean, extended boolean,
  lead_department_id int, outcome text, replied_on date, delivered_on date, closed_on date, closed_on_time boolean,
  fee_notice_yuan numeric, fee_collected_yuan numeric, event_count int)`);

/** Tracking codes (查询码) for new requests, from one random draw per batch (same alphabet as security/crypto randomCode). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
function trackingCode(bytes: Buffer, offset: number): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += CODE_ALPHABET[bytes[offset + i] % CODE_ALPHABET.length];
  return s;
}

/** One row for jsonb_to_recordset; null fields are left out (they read back as NULL), which halves the JSON. */
function requestRecord(b: CheckedRequest, deptIds: ReadonlyMap<string, number>, id: number | null, code?: string) {
  const c = b.cols;
  const row: Record<string, unknown> = {
    id, ref: b.ref, tracking_code: code, applicant_type: b.applicantType, applicant_name: b.applicantName,
    description: b.description, channel: b.channel, state: c.state, regime: c.regime, received_on: c.receivedOn,
    clock_start_on: c.clockStartOn, due_on: c.dueOn, base_due_on: c.baseDueOn, provisional: c.provisional, extended: c.extended,
    lead_department_id: b.lead === null ? null : deptIds.get(b.lead) ?? null, outcome: c.outcome, replied_on: c.repliedOn,
    delivered_on: c.deliveredOn, closed_on: c.closedOn, closed_on_time: c.closedOnTime, fee_notice_yuan: c.feeNoticeYuan,
    fee_collected_yuan: c.feeCollectedYuan, event_count: b.events.length,
  };
  for (const k of Object.keys(row)) if (row[k] === null || row[k] === undefined) delete row[k];
  return row;
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

/** Department ids by name (cached in `ids`); missing ones are created (the import default one inactive). */
async function ensureDepartments(tx: Executor, names: ReadonlySet<string>, ids: Map<string, number>, created: string[]): Promise<void> {
  const list = [...names].filter((n) => !ids.has(n));
  if (list.length === 0) return;
  const found = rowsOf<{ id: number; name: string }>(await tx.execute(sql`SELECT id, name FROM departments WHERE name IN (${sql.join(list.map((n) => sql`${n}`), sql`, `)})`));
  for (const f of found) ids.set(f.name, Number(f.id));
  for (const name of list) {
    if (ids.has(name)) continue;
    const r = rowsOf<{ id: number }>(await tx.execute(sql`INSERT INTO departments (name, active) VALUES (${name}, ${name !== IMPORT_DEFAULT_DEPARTMENT}) RETURNING id`));
    ids.set(name, Number(r[0].id));
    created.push(name);
  }
}
