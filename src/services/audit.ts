import { desc, sql, asc } from 'drizzle-orm';
import { auditLog } from '../db/schema/index.js';
import type { Db, Executor } from '../db/client.js';
import { sm3 } from '../security/crypto.js';
import { DomainError } from '../core/errors.js';
import { SYSTEM_ACTOR, type Actor } from './context.js';
import { anchorCurrentHeads, auditChainConfigured, canonical, chainTag, currentAnchor, sealChains, verifyChains, type ChainVerifyResult } from './audit-chain.js';

export const AUDIT_GENESIS = '0'.repeat(64);
/** How often a running server seals the audit log and the request events (ms). */
export const AUDIT_SEAL_INTERVAL_MS = 2000;

export interface AuditEntry {
  action: string;
  targetType?: string | null;
  targetId?: string | number | null;
  detail?: unknown;
}

/** The SM3 chain used before migration 0008 (no key): only read once, to report on it when re-sealing under the key. */
export function legacyAuditHash(prevHash: string, e: { at: string; actorId: number | null; actorName: string; action: string; targetType: string | null; targetId: string | null; detail: unknown; ip: string | null }): string {
  return sm3(prevHash + canonical(e));
}

/**
 * Appends one entry to the audit log inside the caller's transaction: a plain insert carrying the writer's keyed
 * tag, so it commits (or rolls back) with the change it records, and concurrent writers never wait on each other.
 * `sealAudit` chains it shortly after.
 */
export async function appendAudit(tx: Executor, actor: Actor | null, entry: AuditEntry, ip: string | null = null, now = new Date()): Promise<void> {
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
  await tx.insert(auditLog).values({ ...row, tag: chainTag('audit_log', row) });
}

/**
 * Links committed, tagged entries of the audit log and the request events into their HMAC-SM3 chains and anchors
 * the heads outside the database (services/audit-chain.ts). Returns how many rows were sealed.
 */
export async function sealAudit(db: Db, batch = 2000): Promise<number> {
  return sealChains(db, { batch });
}

export type AuditVerifyResult = ChainVerifyResult;

/** Checks both chains against the key and the outside anchor; never seals (see `verifyChains`). */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<AuditVerifyResult> {
  return verifyChains(db, { pageSize });
}

/**
 * One-time move of a deployment's chains to the keyed chain (migration 0008 marked every existing row `legacy:`):
 * checks the old SM3 audit chain, re-seals every row under the key in id order, anchors the heads and records the
 * re-seal in the log. Does nothing once any row is sealed under the key or an anchor exists (a row marked `legacy:`
 * afterwards is a forgery and stays unsealed, reported by verify). Returns what was done, or null.
 */
export async function resealLegacyChains(db: Db): Promise<{ auditRows: number; eventRows: number; legacyChain: string } | null> {
  if (!auditChainConfigured() || currentAnchor() !== null) return null;
  const [state] = (await db.execute(sql`SELECT
      (SELECT count(*) FROM audit_log WHERE tag LIKE 'legacy:%')::int AS audit_legacy,
      (SELECT count(*) FROM request_events WHERE tag LIKE 'legacy:%')::int AS event_legacy,
      (EXISTS (SELECT 1 FROM audit_log WHERE chain_seq IS NOT NULL AND tag NOT LIKE 'legacy:%')
        OR EXISTS (SELECT 1 FROM request_events WHERE chain_seq IS NOT NULL AND tag NOT LIKE 'legacy:%')) AS keyed`) as unknown as { rows: { audit_legacy: number; event_legacy: number; keyed: boolean }[] }).rows;
  if (state.keyed || (state.audit_legacy === 0 && state.event_legacy === 0)) return null;
  const legacyChain = await checkLegacyAuditChain(db);
  await db.execute(sql`UPDATE audit_log SET chain_seq = NULL, prev_hash = NULL, hash = NULL WHERE tag LIKE 'legacy:%'`);
  await sealChains(db, { allowLegacy: true, anchorKind: 'reseal' });
  const done = { auditRows: Number(state.audit_legacy), eventRows: Number(state.event_legacy), legacyChain };
  await db.transaction((tx) => appendAudit(tx, SYSTEM_ACTOR, { action: 'audit.chain_resealed', targetType: 'audit', detail: { reason: '升级为带密钥的 HMAC-SM3 链并设外部锚点', ...done } }));
  await sealChains(db);
  return done;
}

async function checkLegacyAuditChain(db: Db): Promise<string> {
  let prev = AUDIT_GENESIS;
  let n = 0;
  for (;;) {
    const rows = await db.select().from(auditLog).where(sql`${auditLog.chainSeq} > ${n} AND ${auditLog.tag} LIKE 'legacy:%'`).orderBy(asc(auditLog.chainSeq)).limit(5000);
    if (rows.length === 0) break;
    for (const r of rows) {
      const expected = legacyAuditHash(prev, { at: r.at, actorId: r.actorId, actorName: r.actorName, action: r.action, targetType: r.targetType, targetId: r.targetId, detail: r.detail, ip: r.ip });
      if (r.chainSeq !== n + 1 || r.prevHash !== prev || r.hash !== expected) return `原 SM3 链在第 ${r.id} 条处不一致`;
      prev = r.hash;
      n++;
    }
  }
  return `原 SM3 链完整（${n} 条）`;
}

/**
 * For the restore (services/backup.ts): after the tables are back, checks the restored chains under this
 * deployment's key (the key file must be the one the backup was made with, as for the personal data), then starts
 * the outside anchor afresh from the restored heads and records the restore in the log. Throws a Chinese error
 * when the restored chains do not verify.
 */
export async function reanchorAfterRestore(db: Db, source: string): Promise<void> {
  const r = await verifyChains(db, { ignoreAnchor: true, graceMs: Infinity /* restored unsealed rows are sealed below */ });
  if (!r.ok) throw new DomainError('VALIDATION', `恢复的数据未通过审计链校验（密钥文件须与备份时相同）：${r.message}`);
  await anchorCurrentHeads(db, 'restore');
  await sealChains(db);
  await db.transaction((tx) => appendAudit(tx, SYSTEM_ACTOR, { action: 'audit.chain_reanchored', targetType: 'audit', detail: { source } }));
  await sealChains(db);
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
