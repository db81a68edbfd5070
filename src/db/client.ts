import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** One database type for both drivers (same schema, same queries). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs raw SQL (migrations, maintenance, benchmarks). */
  exec(sqlText: string): Promise<void>;
  /**
   * Runs `fn` only if this process obtains the PostgreSQL advisory lock `key` (scheduled jobs run in one process
   * of many); returns undefined when another process holds it. PGlite is single-process: always runs.
   */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>, wait?: boolean): Promise<T | undefined>;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** postgres://… ; null = embedded PGlite */
  databaseUrl: string | null;
  /** PGlite data directory; 'memory://' for an in-memory database */
  dataDir: string;
  /** Pool size for PostgreSQL */
  poolSize?: number;
}

/**
 * PGlite has no lock of its own (STACK.md): two processes opening one directory corrupt it. We take an exclusive
 * lock file with our pid; a second process gets a clear message instead.
 */
function acquireDirLock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, 'gongkai.lock');
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    let alive = false;
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) {
      try { process.kill(pid, 0); alive = true; } catch (e) { alive = (e as NodeJS.ErrnoException).code === 'EPERM'; }
    }
    if (alive) {
      throw new Error(`数据目录 ${dir} 正被进程 ${pid} 使用（可能是正在运行的 gongkai serve）。嵌入式数据库不能被两个进程同时打开：请先停止该进程，或改用 PostgreSQL（设置 DATABASE_URL）。`);
    }
  }
  writeFileSync(lockFile, String(process.pid));
  return () => { try { if (readFileSync(lockFile, 'utf8').trim() === String(process.pid)) rmSync(lockFile); } catch { /* already gone */ } };
}

export async function openDb(opts: OpenDbOptions): Promise<DbHandle> {
  if (opts.databaseUrl) {
    pg.types.setTypeParser(1082, (v: string) => v); // DATE stays 'YYYY-MM-DD'
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // Dates of legal meaning are DATE columns: keep them as 'YYYY-MM-DD' strings (no time zone shifts).
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return {
      db,
      kind: 'postgres',
      exec: async (s) => { await pool.query(s); },
      withAdvisoryLock: async (key, fn, wait = false) => {
        const conn = await pool.connect();
        try {
          if (wait) await conn.query('SELECT pg_advisory_lock($1)', [key]);
          else {
            const r = await conn.query('SELECT pg_try_advisory_lock($1) AS ok', [key]);
            if (!r.rows[0].ok) return undefined;
          }
          try { return await fn(); } finally { await conn.query('SELECT pg_advisory_unlock($1)', [key]); }
        } finally { conn.release(); }
      },
      close: () => pool.end(),
    };
  }
  const memory = opts.dataDir.startsWith('memory://');
  const release = memory ? () => {} : acquireDirLock(opts.dataDir);
  let client: PGlite;
  try {
    client = await PGlite.create(memory ? opts.dataDir : join(opts.dataDir, 'pglite'));
  } catch (e) {
    release();
    throw e;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    exec: async (s) => { await client.exec(s); },
    withAdvisoryLock: async (_key, fn) => fn(),
    close: async () => { await client.close(); release(); },
  };
}

/**
 * Runs one hot statement on the database's own driver, bypassing the query builder: on PostgreSQL as a
 * node-postgres named prepared statement (parsed and planned once per connection), on PGlite as a plain
 * parameterised query. Used by the public status query and online submissions (bench/RESULTS.md).
 */
export async function queryPrepared<R>(db: Db, name: string, text: string, values: unknown[]): Promise<R[]> {
  type Client = { query: (q: unknown, values?: unknown[]) => Promise<{ rows: R[] }>; totalCount?: number };
  const client = (db as unknown as { $client: Client }).$client;
  const result = typeof client.totalCount === 'number' ? await client.query({ name, text, values }) : await client.query(text, values);
  return result.rows;
}
