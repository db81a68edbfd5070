import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../test/db.js';
import { TEMPLATE_DB, withDatabase } from '../../test/global-setup.js';
import { main } from '../cli/index.js';
import { openRuntime, type Runtime } from '../runtime.js';
import type { RequestEvent } from '../core/requests/index.js';
import { appendAudit, legacyAuditHash, reanchorAfterRestore, resealLegacyChains, sealAudit, verifyAuditChain, AUDIT_GENESIS } from './audit.js';
import { ChainAnchorMismatch, configureAuditChain, currentAnchor, deleteChainRows } from './audit-chain.js';
import { registerRequest, submitPublicRequest } from './requests/create-request.js';
import { recordRequestEvent } from './requests/record-request-event.js';
import { importRequestLedger } from './imports/import-requests.js';

// A deployment in a temporary data directory (key file and outside anchor there), on PGlite — or, when the suite
// runs against PostgreSQL, on a fresh database of that server. Each tampering is done in SQL alone (what someone
// with write access to the database but not to the key or the anchor can do), then `gongkai audit verify` is run
// as a command and must fail naming the row; the state is put back before the next one.
const dir = mkdtempSync(join(tmpdir(), 'gongkai-audit-'));
const pgUrl = process.env.DATABASE_URL;
const dbName = `gongkai_auditcli_${process.pid}`; // outside gongkai_test_%: global-setup drops those at every start
const saved = { url: process.env.DATABASE_URL, data: process.env.GONGKAI_DATA_DIR, key: process.env.GONGKAI_KEY };
const anchorFile = join(dir, 'audit-anchor.log');

async function admin(q: string): Promise<void> {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try { await c.query(q); } finally { await c.end(); }
}

async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>): Promise<T> {
  const rt = await openRuntime({}, { migrate: false });
  try { return await fn(rt); } finally { await rt.handle.close(); }
}

async function rows<T>(rt: Runtime, q: ReturnType<typeof sql>): Promise<T[]> {
  return (await rt.handle.db.execute(q) as unknown as { rows: T[] }).rows;
}

async function cliVerify(): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => { out += s; return true; }) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => { err += s; return true; }) as typeof process.stderr.write;
  try {
    const code = await main(['audit', 'verify']);
    return { code, out, err };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

/** Performs a tampering, runs `gongkai audit verify`, then puts the tables and the anchor back as they were. */
async function tampered(tamper: (rt: Runtime) => Promise<void>): Promise<{ code: number; out: string; err: string }> {
  const anchor = readFileSync(anchorFile, 'utf8');
  await withRuntime(async (rt) => {
    await rt.handle.exec(`DROP TABLE IF EXISTS bak_audit; DROP TABLE IF EXISTS bak_events; DROP TABLE IF EXISTS bak_tombs;
      CREATE TABLE bak_audit AS SELECT * FROM audit_log; CREATE TABLE bak_events AS SELECT * FROM request_events; CREATE TABLE bak_tombs AS SELECT * FROM chain_tombstones;`);
    await tamper(rt);
  });
  const r = await cliVerify();
  await withRuntime((rt) => rt.handle.exec(`DELETE FROM audit_log; INSERT INTO audit_log SELECT * FROM bak_audit;
    DELETE FROM request_events; INSERT INTO request_events SELECT * FROM bak_events;
    DELETE FROM chain_tombstones; INSERT INTO chain_tombstones SELECT * FROM bak_tombs;`));
  writeFileSync(anchorFile, anchor);
  return r;
}

let auditIds: number[] = [];
let eventIds: number[] = [];

beforeAll(async () => {
  delete process.env.GONGKAI_KEY;
  process.env.GONGKAI_DATA_DIR = dir;
  if (pgUrl) {
    await admin(`DROP DATABASE IF EXISTS "${dbName}"`);
    await admin(`CREATE DATABASE "${dbName}" TEMPLATE ${TEMPLATE_DB}`);
    process.env.DATABASE_URL = withDatabase(pgUrl, dbName);
  }
  const rt = await openRuntime();
  try {
    const now = new Date();
    const ctx = { ...rt.systemContext(), now, today: '2026-12-04' };
    await rt.handle.exec(`INSERT INTO departments (name) VALUES ('政策法规司')`);
    for (let i = 0; i < 3; i++) {
      const { id } = await registerRequest(ctx, { applicant: { type: 'natural', name: `申请人${i}` }, description: `2026年第${i}号批复`, channel: 'in_person', receivedOn: '2026-12-01' });
      await recordRequestEvent(ctx, id, { type: 'assigned', on: '2026-12-02', lead: '1', assisting: [] } as unknown as RequestEvent);
    }
    for (let i = 0; i < 2; i++) await submitPublicRequest(ctx, { applicant: { type: 'natural', name: `网上申请人${i}`, idNumber: '11010519491231002X', phone: '13800138000' }, description: `网上申请${i}`, deliveryMethod: 'online', format: 'electronic' });
    for (let i = 0; i < 6; i++) await rt.handle.db.transaction((tx) => appendAudit(tx, ctx.actor, { action: 'settings.updated', targetType: 'settings', targetId: `k${i}`, detail: { i } }));
    expect(await sealAudit(rt.handle.db)).toBeGreaterThan(20);
    auditIds = (await rows<{ id: string }>(rt, sql`SELECT id FROM audit_log ORDER BY chain_seq`)).map((r) => Number(r.id));
    eventIds = (await rows<{ id: string }>(rt, sql`SELECT id FROM request_events ORDER BY chain_seq`)).map((r) => Number(r.id));
  } finally { await rt.close(); }
  expect(auditIds.length).toBeGreaterThan(10);
  expect(eventIds.length).toBeGreaterThanOrEqual(8);
}, 120_000);

afterAll(async () => {
  for (const [k, v] of [['DATABASE_URL', saved.url], ['GONGKAI_DATA_DIR', saved.data], ['GONGKAI_KEY', saved.key]] as const) {
    if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
  configureAuditChain(TEST_KEYS.chain, null); // the worker's other test files run without an anchor
  if (pgUrl) await admin(`DROP DATABASE IF EXISTS "${dbName}"`);
  rmSync(dir, { recursive: true, force: true });
});

describe('gongkai audit verify: a database writer without the key or the anchor cannot rewrite the chains', () => {
  it('passes on the untouched deployment, anchored outside the database', async () => {
    const r = await cliVerify();
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/审计日志与办理记录完整：审计日志 \d+ 条、办理记录 \d+ 条，HMAC-SM3 链无断裂，与外部锚点一致/);
    expect(currentAnchor()?.heads.audit_log.seq).toBe(auditIds.length);
  });

  it('an edited audit entry is named', async () => {
    const id = auditIds[5];
    const r = await tampered((rt) => rt.handle.exec(`UPDATE audit_log SET detail = '{"ref":"GK-2026-000999"}' WHERE id = ${id}`));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`审计日志第 ${id} 条（链序 6）校验失败`);
  });

  it('editing an entry and clearing the chain from there on is found, and the sealer refuses to re-seal it', async () => {
    const id = auditIds[4];
    const r = await tampered(async (rt) => {
      await rt.handle.exec(`UPDATE audit_log SET action = 'user.login', chain_seq = NULL, prev_hash = NULL, hash = NULL WHERE chain_seq >= 5`);
      await expect(sealAudit(rt.handle.db)).rejects.toBeInstanceOf(ChainAnchorMismatch);
      expect((await rows(rt, sql`SELECT 1 FROM audit_log WHERE chain_seq >= 5`)).length).toBe(0);
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`审计日志第 ${id} 条起不在链上：外部锚点记录到链序 ${auditIds.length}，数据库链上只到链序 4`);
  });

  it('a forged entry inserted with chain_seq NULL is named (the sealer never seals it)', async () => {
    let forged = 0;
    const r = await tampered(async (rt) => {
      const [row] = await rows<{ id: string }>(rt, sql`INSERT INTO audit_log (at, actor_name, action, target_type, target_id, detail)
        VALUES (${new Date().toISOString()}, '孙审计(shenji)', 'user.roles_changed', 'user', '3', '{"roles":["admin"]}') RETURNING id`);
      forged = Number(row.id);
      await sealAudit(rt.handle.db);
      expect((await rows<{ chain_seq: unknown }>(rt, sql`SELECT chain_seq FROM audit_log WHERE id = ${forged}`))[0].chain_seq).toBeNull();
    });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`审计日志第 ${forged} 条不是本系统写入的原样记录`);
  });

  it('a deleted entry in the middle is found at the next one', async () => {
    const r = await tampered((rt) => rt.handle.exec(`DELETE FROM audit_log WHERE id = ${auditIds[7]}`));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`审计日志第 ${auditIds[8]} 条（链序 9）之前缺少链序 8 的记录`);
  });

  it('deleting the newest entries (truncating the tail) is found through the outside anchor', async () => {
    const n = auditIds.length;
    const r = await tampered((rt) => rt.handle.exec(`DELETE FROM audit_log WHERE chain_seq > ${n - 5}`));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`审计日志链尾被删除：外部锚点记录到链序 ${n}（第 ${auditIds[n - 1]} 条），数据库只到链序 ${n - 5}（第 ${auditIds[n - 6]} 条）`);
  });

  it('two entries swapped in the chain order are named', async () => {
    const [a, b] = [auditIds[2], auditIds[3]];
    const r = await tampered((rt) => rt.handle.exec(`UPDATE audit_log SET chain_seq = -chain_seq WHERE id IN (${a}, ${b});
      UPDATE audit_log AS x SET chain_seq = -y.chain_seq, prev_hash = y.prev_hash, hash = y.hash FROM audit_log AS y
        WHERE (x.id, y.id) IN ((${a}, ${b}), (${b}, ${a}))`));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`审计日志第 ${b} 条（链序 3）校验失败`);
  });

  it('an edited request event (the source of truth) is named', async () => {
    const id = eventIds[3];
    const r = await tampered((rt) => rt.handle.exec(`UPDATE request_events SET "on" = '2026-11-01' WHERE id = ${id}`));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`办理记录第 ${id} 条（申请 \\d+ 的第 \\d 项）（链序 4）校验失败`));
  });

  it('a deleted request event and a forged one are named', async () => {
    const r = await tampered((rt) => rt.handle.exec(`DELETE FROM request_events WHERE id = ${eventIds[1]}`));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`办理记录第 ${eventIds[2]} 条`);
    expect(r.err).toContain('之前缺少链序 2 的记录');
    const f = await tampered((rt) => rt.handle.exec(`INSERT INTO request_events (request_id, seq, type, "on", payload, actor_name) VALUES (1, 9, 'closed', '2026-12-03', '{}', '王登记')`));
    expect(f.code).toBe(1);
    expect(f.err).toMatch(/办理记录第 \d+ 条（申请 1 的第 9 项）不是本系统写入的原样记录/);
  });

  it('rows left unsealed longer than the sealing allows are a finding; fresh ones are only pending', async () => {
    await withRuntime(async (rt) => {
      await rt.handle.db.transaction((tx) => appendAudit(tx, null, { action: 'request.submitted_online' }));
      const fresh = await verifyAuditChain(rt.handle.db);
      expect(fresh.ok, fresh.message).toBe(true);
      expect(fresh.pending).toBe(1);
      await rt.handle.db.transaction((tx) => appendAudit(tx, null, { action: 'request.submitted_online' }, null, new Date(Date.now() - 5 * 60_000)));
      const late = await verifyAuditChain(rt.handle.db);
      expect(late.ok).toBe(false);
      expect(late.message).toMatch(/审计日志第 \d+ 条写入已超过 60 秒仍未封链/);
      await sealAudit(rt.handle.db);
      expect((await verifyAuditChain(rt.handle.db)).ok).toBe(true);
    });
  });

  it('the system itself may replace sealed events (re-import): keyed tombstones keep the chain whole; forged ones do not', async () => {
    await withRuntime(async (rt) => {
      await rt.handle.db.transaction((tx) => deleteChainRows(tx, 'request_events', sql`id = ${eventIds[0]}`, '重新导入台账，替换原办理记录'));
      expect((await verifyAuditChain(rt.handle.db)).ok).toBe(true);
      const [kept] = await rows<{ hash: string }>(rt, sql`SELECT hash FROM chain_tombstones`);
      await rt.handle.exec(`UPDATE chain_tombstones SET hash = repeat('0', 64)`);
      const r = await verifyAuditChain(rt.handle.db);
      expect(r.ok).toBe(false);
      expect(r.message).toContain(`办理记录第 ${eventIds[1]} 条（申请`);
      await rt.handle.db.execute(sql`UPDATE chain_tombstones SET hash = ${kept.hash}`);
      expect((await verifyAuditChain(rt.handle.db)).ok).toBe(true);
    });
  });

  it('re-importing a ledger over sealed events (the system replacing its own rows) still verifies', async () => {
    const head = '受理编号,收到日期,申请方式,申请人类型,申请人,申请内容,承办单位,补正告知日期,补正收到日期,延期,答复日期,办理结果,收费金额';
    const file = join(dir, 'ledger.csv');
    await withRuntime(async (rt) => {
      const ctx = { ...rt.systemContext(), today: '2026-12-04' };
      writeFileSync(file, [head, 'U-1,2024-06-03,网络,自然人,甲,旧内容,,,,否,,,'].join('\n'));
      await importRequestLedger(ctx, file);
      await sealAudit(rt.handle.db);
      writeFileSync(file, [head, 'U-1,2024-06-03,当面,自然人,甲,新内容,政策法规司,,,否,2024-06-20,予以公开,'].join('\n'));
      expect(await importRequestLedger(ctx, file)).toMatchObject({ inserted: 0, updated: 1 });
      await sealAudit(rt.handle.db);
      expect((await rows(rt, sql`SELECT 1 FROM chain_tombstones`)).length).toBeGreaterThan(0);
    });
    const r = await cliVerify();
    expect(r.code, r.err).toBe(0);
  });
});

describe('existing deployments and restores', () => {
  it('a restore starts the anchor afresh from the restored heads and records it (reanchorAfterRestore)', async () => {
    await withRuntime(async (rt) => {
      await rt.handle.exec(`DELETE FROM chain_tombstones; DELETE FROM request_events WHERE chain_seq = 1; UPDATE request_events SET chain_seq = NULL, prev_hash = NULL, hash = NULL`);
      await rt.handle.exec(`UPDATE audit_log SET chain_seq = NULL, prev_hash = NULL, hash = NULL WHERE chain_seq > 10`);
      // As after restoring an older backup: the anchor names rows the restored database never had.
      expect((await verifyAuditChain(rt.handle.db)).ok).toBe(false);
      await reanchorAfterRestore(rt.handle.db, 'gongkai-backup-2026-12-01.json');
      const r = await verifyAuditChain(rt.handle.db);
      expect(r.ok, r.message).toBe(true);
      expect(currentAnchor()?.kind).toBe('checkpoint');
      expect((await rows(rt, sql`SELECT 1 FROM audit_log WHERE action = 'audit.chain_reanchored'`)).length).toBe(1);
    });
  });

  it('the one-time re-seal of a pre-0008 deployment checks its old SM3 chain, re-seals under the key and records it', async () => {
    await withRuntime(async (rt) => {
      // The state migration 0008 leaves: every row marked legacy, the audit log on the old keyless SM3 chain.
      await rt.handle.exec(`UPDATE audit_log SET tag = 'legacy:' || id, chain_seq = NULL, prev_hash = NULL, hash = NULL;
        UPDATE request_events SET tag = 'legacy:' || id, chain_seq = NULL, prev_hash = NULL, hash = NULL; DELETE FROM chain_tombstones;`);
      const all = await rows<{ id: string; at: string; actor_id: number | null; actor_name: string; action: string; target_type: string | null; target_id: string | null; detail: unknown; ip: string | null }>(rt, sql`SELECT * FROM audit_log ORDER BY id`);
      let prev = AUDIT_GENESIS;
      for (const [i, a] of all.entries()) {
        const hash = legacyAuditHash(prev, { at: a.at, actorId: a.actor_id, actorName: a.actor_name, action: a.action, targetType: a.target_type, targetId: a.target_id, detail: a.detail, ip: a.ip });
        await rt.handle.db.execute(sql`UPDATE audit_log SET chain_seq = ${i + 1}, prev_hash = ${prev}, hash = ${hash} WHERE id = ${Number(a.id)}`);
        prev = hash;
      }
      rmSync(anchorFile);
      const done = await resealLegacyChains(rt.handle.db);
      expect(done).toMatchObject({ auditRows: all.length, legacyChain: `原 SM3 链完整（${all.length} 条）` });
      expect((await verifyAuditChain(rt.handle.db)).ok).toBe(true);
      expect((await rows(rt, sql`SELECT 1 FROM audit_log WHERE action = 'audit.chain_resealed'`)).length).toBe(1);
      // Once done, a row marked legacy afterwards is a forgery: not re-sealed, reported.
      expect(await resealLegacyChains(rt.handle.db)).toBeNull();
      await rt.handle.exec(`INSERT INTO audit_log (at, actor_name, action, tag) VALUES ('${new Date().toISOString()}', '系统(system)', 'user.created', 'legacy:999999')`);
      await sealAudit(rt.handle.db);
      const r = await verifyAuditChain(rt.handle.db);
      expect(r.ok).toBe(false);
      expect(r.message).toMatch(/审计日志第 \d+ 条不是本系统写入的原样记录/);
    });
  });
});
