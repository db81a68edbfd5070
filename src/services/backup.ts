import { createReadStream, createWriteStream } from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { DomainError } from '../core/errors.js';

const FORMAT = 'gongkai-backup/1';
const SKIP = new Set(['sessions']);

async function rows<T>(db: Db, q: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(q) as unknown as { rows: T[] }).rows;
}

/** Tables of the public schema ordered so that every table comes after the tables it references. */
export async function tablesInDependencyOrder(db: Db): Promise<string[]> {
  const tables = (await rows<{ t: string }>(db, sql`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).map((r) => r.t);
  const deps = await rows<{ child: string; parent: string }>(db, sql`SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`);
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string, path: Set<string>) => {
    if (seen.has(t) || path.has(t)) return;
    path.add(t);
    for (const d of deps) if (d.child.replace(/"/g, '') === t && d.parent.replace(/"/g, '') !== t) visit(d.parent.replace(/"/g, ''), path);
    seen.add(t);
    order.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return order;
}

/**
 * Logical backup of every table (except sessions) as gzip'd JSON lines, streamed in pages: works the same on PGlite
 * and PostgreSQL, and restores into any empty, migrated Gongkai database of the same schema version.
 */
export async function backupTo(db: Db, file: string): Promise<{ tables: number; rows: number }> {
  const gz = createGzip();
  const out = createWriteStream(file);
  gz.pipe(out);
  const write = async (line: string) => { if (!gz.write(`${line}\n`)) await once(gz, 'drain'); };
  const migrations = await rows<{ hash: string }>(db, sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id`).catch(() => []);
  await write(JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString(), migrations: migrations.map((m) => m.hash) }));
  let total = 0;
  const tables = (await tablesInDependencyOrder(db)).filter((t) => !SKIP.has(t));
  for (const t of tables) {
    for (let offset = 0; ; offset += 2000) {
      const page = await rows<{ j: unknown }>(db, sql`SELECT row_to_json(x) AS j FROM (SELECT * FROM ${sql.identifier(t)} ORDER BY 1 LIMIT 2000 OFFSET ${offset}) x`);
      for (const r of page) await write(JSON.stringify({ t, r: r.j }));
      total += page.length;
      if (page.length < 2000) break;
    }
  }
  gz.end();
  await once(out, 'finish');
  return { tables: tables.length, rows: total };
}

/** Restores a backup into an empty database (refuses otherwise), then resets every sequence to its table's max. */
export async function restoreFrom(db: Db, file: string): Promise<{ rows: number }> {
  const [{ n }] = await rows<{ n: number }>(db, sql`SELECT (SELECT count(*) FROM requests) + (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM departments) AS n`);
  if (Number(n) > 0) throw new DomainError('CONFLICT', '恢复只能在空数据库上进行：请使用新的数据目录（--data）或新的 PostgreSQL 数据库');
  const rl = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  let header: { format?: string } | null = null;
  let batch: { t: string; rows: unknown[] } | null = null;
  let count = 0;
  await db.transaction(async (tx) => {
    const flush = async () => {
      if (!batch || batch.rows.length === 0) return;
      await tx.execute(sql`INSERT INTO ${sql.identifier(batch.t)} SELECT * FROM json_populate_recordset(NULL::${sql.identifier(batch.t)}, ${JSON.stringify(batch.rows)}::json)`);
      count += batch.rows.length;
      batch.rows = [];
    };
    for await (const line of rl) {
      if (!line.trim()) continue;
      const obj = JSON.parse(line);
      if (!header) { header = obj; if (header?.format !== FORMAT) throw new DomainError('VALIDATION', `不是 Gongkai 备份文件（格式 ${header?.format ?? '未知'}）`); continue; }
      if (!batch || batch.t !== obj.t) { await flush(); batch = { t: obj.t, rows: [] }; if (['calendar_years', 'settings', 'users'].includes(obj.t)) await tx.execute(sql`DELETE FROM ${sql.identifier(obj.t)}`); }
      batch.rows.push(obj.r);
      if (batch.rows.length >= 500) await flush();
    }
    await flush();
    const seqs = await tx.execute(sql`SELECT s.relname AS seq, t.relname AS tbl, a.attname AS col FROM pg_class s JOIN pg_depend d ON d.objid = s.oid JOIN pg_class t ON t.oid = d.refobjid JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid JOIN pg_namespace ns ON ns.oid = s.relnamespace WHERE s.relkind = 'S' AND ns.nspname = 'public'`);
    for (const s of (seqs as unknown as { rows: { seq: string; tbl: string; col: string }[] }).rows) {
      await tx.execute(sql`SELECT setval(${s.seq}::regclass, GREATEST(COALESCE((SELECT max(${sql.identifier(s.col)}) FROM ${sql.identifier(s.tbl)}), 0), 1))`);
    }
    await tx.execute(sql`SELECT setval('request_ref_seq', GREATEST((SELECT count(*) FROM requests), 1))`);
  });
  return { rows: count };
}
