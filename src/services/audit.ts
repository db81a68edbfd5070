import { desc, sql, asc, gt } from 'drizzle-orm';
import { auditLog } from '../db/schema/index.js';
import type { Executor } from '../db/client.js';
import { sm3 } from '../security/crypto.js';
import type { Actor } from './context.js';

export const AUDIT_GENESIS = '0'.repeat(64);
const AUDIT_LOCK = 724012;

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
 * Appends one entry to the SM3-chained audit log inside the caller's transaction. A transaction-scoped advisory lock
 * serialises writers so that the chain never forks.
 */
export async function appendAudit(tx: Executor, actor: Actor | null, entry: AuditEntry, ip: string | null = null, now = new Date()): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const last = await tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
  const prevHash = last[0]?.hash ?? AUDIT_GENESIS;
  const row = {
    at: now.toISOString(),
    actorId: actor && actor.id > 0 ? actor.id : null,
    actorName: actor ? `${actor.displayName}(${actor.username})` : '公众',
    action: entry.action,
    targetType: entry.targetType ?? null,
    targetId: entry.targetId === undefined || entry.targetId === null ? null : String(entry.targetId),
    detail: entry.detail ?? null,
    ip,
  };
  await tx.insert(auditLog).values({ ...row, prevHash, hash: auditHash(prevHash, row) });
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBadId: number | null;
  message: string;
}

/** Recomputes the whole chain in pages; reports the first entry whose hash or link does not match. */
export async function verifyAuditChain(db: Executor, pageSize = 5000): Promise<AuditVerifyResult> {
  let prev = AUDIT_GENESIS;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(gt(auditLog.id, lastId)).orderBy(asc(auditLog.id)).limit(pageSize);
    if (rows.length === 0) break;
    for (const r of rows) {
      const expected = auditHash(prev, { at: r.at, actorId: r.actorId, actorName: r.actorName, action: r.action, targetType: r.targetType, targetId: r.targetId, detail: r.detail, ip: r.ip });
      if (r.prevHash !== prev || r.hash !== expected) {
        return { ok: false, checked, firstBadId: r.id, message: `审计日志第 ${r.id} 条校验失败：记录被修改、删除或插入` };
      }
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
  }
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
