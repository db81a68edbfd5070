import { desc, sql, asc, gt, isNull, isNotNull } from 'drizzle-orm';
import { auditLog } from '../db/schema/index.js';
import type { Db, Executor } from '../db/client.js';
import { sm3 } from '../security/crypto.js';
import type { Actor } from './context.js';

export const AUDIT_GENESIS = '0'.repeat(64);
const AUDIT_LOCK = 724012;
/** How often a running server seals the audit log (ms). */
export const AUDIT_SEAL_INTERVAL_MS = 2000;

export interface AuditEntry {
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  detail?: unknown;
}

function canonical(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

export function auditHash(prevHash: string, e: { at: string; actorId: number | null; actorName: string; action: string; targetType: string | null; targetId: string | null; detail: unknown; ip: string | null }): string {
  return sm3(prevHash + canonical(e));
}

/**
 * Appends one entry to the audit log inside the caller's transaction: a plain insert, so it commits (or rolls back)
 * with the change it records, and concurrent writers never wait on each other. `sealAudit` chains it shortly after.
 */
export async function appendAudit(tx: Executor, actor: Actor | null, entry: AuditEntry, ip: string | null = null, now = new Date()): Promise<void> {
  await tx.insert(auditLog).values({
    at: now.toISOString(),
    actorId: actor && actor.id > 0 ? actor.id : null,
    actorName: actor ? `${actor.displayName}(${actor.username})` : '公众',
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
    detail: entry.detail ?? null,
    ip,
  });
}

/**
 * Links committed, unsealed entries into the SM3 chain in id order: chain_seq, prev_hash and hash. One sealer at a
 * time (transaction-scoped advisory lock); an entry whose transaction commits late is sealed by the next run, after
 * those already sealed (chain order = seal order). Returns how many entries were sealed.
 */
export async function sealAudit(db: Db, batch = 2000): Promise<number> {
  let sealed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
      const pending = await tx.select().from(auditLog).where(isNull(auditLog.chainSeq)).orderBy(asc(auditLog.id)).limit(batch);
      if (pending.length === 0) return 0;
      const [last] = await tx.select({ seq: auditLog.chainSeq, hash: auditLog.hash }).from(auditLog).where(isNotNull(auditLog.chainSeq)).orderBy(desc(auditLog.chainSeq)).limit(1);
      let seq = last?.seq ?? 0;
      let prev = last?.hash ?? AUDIT_GENESIS;
      const rows: { id: number; seq: number; prev: string; hash: string }[] = [];
      for (const r of pending) {
        const hash = auditHash(prev, { at: r.at, actorId: r.actorId, actorName: r.actorName, action: r.action, targetType: r.targetType, targetId: r.targetId, detail: r.detail, ip: r.ip });
        rows.push({ id: r.id, seq: ++seq, prev, hash });
        prev = hash;
      }
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500);
        const values = sql.join(chunk.map((c) => sql`(${c.id}::bigint, ${c.seq}::bigint, ${c.prev}, ${c.hash})`), sql`, `);
        await tx.execute(sql`UPDATE audit_log AS a SET chain_seq = v.seq, prev_hash = v.prev, hash = v.hash FROM (VALUES ${values}) AS v(id, seq, prev, hash) WHERE a.id = v.id`);
      }
      return rows.length;
    });
    sealed += n;
    if (n < batch) return sealed;
  }
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  message: string;
}

/** Seals pending entries, then recomputes the whole chain in pages; reports the first entry that does not match. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<AuditVerifyResult> {
  await sealAudit(db);
  let prev = AUDIT_GENESIS;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.chainSeq, lastSeq)).orderBy(asc(auditLog.chainSeq)).limit(pageSize);
    if (rows.length === 0) break;
    for (const r of rows) {
      const expected = auditHash(prev, { at: r.at, actorId: r.actorId, actorName: r.actorName, action: r.action, targetType: r.targetType, targetId: r.targetId, detail: r.detail, ip: r.ip });
      if (r.chainSeq !== lastSeq + 1 || r.prevHash !== prev || r.hash !== expected) {
        return { ok: false, checked, firstBadId: r.id, message: `审计日志第 ${r.id} 条（链序 ${r.chainSeq}）校验失败：记录被修改、删除或插入` };
      }
      prev = r.hash!;
      lastSeq = r.chainSeq!;
      checked++;
    }
  }
  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(auditLog);
  if (total !== checked) return { ok: false, checked, firstBadId: null, message: `审计日志共 ${total} 条，但链上只有 ${checked} 条：有记录未被封链或链序被篡改` };
  return { ok: true, checked, firstBadId: null, message: `审计日志完整：共校验 ${checked} 条，SM3 链无断裂` };
}

/** Audit log page, newest first, filterable by action prefix and target. */
export async function listAudit(db: Executor, q: { page: number; pageSize: number; action?: string; targetType?: string; targetId?: string }) {
  const conds = [] as ReturnType<typeof sql>[];
  if (q.action) conds.push(sql`${auditLog.action} LIKE ${`${q.action}%`}`);
  if (q.targetType) conds.push(sql`${auditLog.targetType} = ${q.targetType}`);
  if (q.targetId) conds.push(sql`${auditLog.targetId} = ${q.targetId}`);
  const where = conds.length ? sql.join(conds, sql` AND `) : undefined;
  const [items, [{ total }]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ total: sql<number>`count(*)::int` }).from(auditLog).where(where),
  ]);
  return { total, items };
}
