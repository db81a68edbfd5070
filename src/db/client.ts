import { mkdirSync, readFileSync, rmSync, writeFileSync, existsSync, fsyncSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
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
  /**
   * Embedded store only: flush every commit to disk (default true). false = PGlite's own default (fsync off: a commit
   * survives kill -9 but not a power loss); only the bench uses it, to measure what durability costs.
   */
  durable?: boolean;
}

/**
 * PGlite's file system for a data directory, made durable. Out of the box PGlite starts PostgreSQL with `-F`
 * (fsync = off) and Emscripten's NODEFS has no `fsync` stream operation (its `fdatasync` is a no-op), so nothing
 * reaches the disk's cache flush. Here NODEFS gains `fsync` (→ the OS's fsync on the file's real descriptor) and
 * PostgreSQL runs with fsync on and wal_sync_method = fsync: each commit fsyncs the WAL before it is acknowledged,
 * checkpoints fsync the data files — as a PostgreSQL server does.
 */
class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>): ReturnType<NodeFS['init']> {
    const r = await super.init(...args);
    type Nodefs = { stream_ops: { fsync?: (stream: { nfd: number }) => number } };
    r.emscriptenOpts.preRun = [...(r.emscriptenOpts.preRun ?? []), (mod: unknown) => {
      (mod as { NODEFS: Nodefs }).NODEFS.stream_ops.fsync = (stream) => { fsyncSync(stream.nfd); return 0; };
    }] as typeof r.emscriptenOpts.preRun;
    return r;
  }
}

/** PostgreSQL start parameters of a durable embedded store: PGlite's own, less `-F` (fsync off). */
export const DURABLE_PGLITE_PARAMS = [...PGlite.defaultStartParams.filter((p) => p !== '-F'), '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];

/** Start time of process `pid` (clock ticks since boot, /proc/PID/stat field 22); null where there is no /proc. */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null; // fields after "(comm)" start at field 3
  } catch { return null; }
}

/**
 * Whether the process that wrote a lock file still holds it. A pid may have been reused by another process since
 * (a stale lock after a crash or a reboot): the lock records the holder's start time, and on Linux the pid counts
 * only if a process with that pid and that start time runs; a lock written before start times were recorded counts
 * only if /proc/PID/cmdline names gongkai. Without /proc (macOS, Windows) any live process with the pid counts.
 */
export function lockHolderAlive(pid: number, startTime: string | null): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try { process.kill(pid, 0); } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false; }
  const current = processStartTime(pid);
  if (current === null) return existsSync('/proc/self/stat') ? false : true;
  if (startTime) return current === startTime;
  try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('gongkai'); } catch { return false; }
}

/**
 * PGlite has no lock of its own (STACK.md): two processes opening one directory corrupt it. We take an exclusive
 * lock file with our pid and start time; a second process gets a clear message instead.
 */
function acquireDirLock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockFile = join(dir, 'gongkai.lock');
  if (existsSync(lockFile)) {
    const [pidText, startTime] = readFileSync(lockFile, 'utf8').trim().split('\n');
    const pid = Number(pidText);
    if (lockHolderAlive(pid, startTime?.trim() || null)) {
      throw new Error(`数据目录 ${dir} 正被进程 ${pid} 使用（可能是正在运行的 gongkai serve）。嵌入式数据库不能被两个进程同时打开：请先停止该进程，或改用 PostgreSQL（设置 DATABASE_URL）。`);
    }
  }
  const mine = `${process.pid}\n${processStartTime(process.pid) ?? ''}\n`;
  writeFileSync(lockFile, mine);
  return () => { try { if (readFileSync(lockFile, 'utf8') === mine) rmSync(lockFile); } catch { /* already gone */ } };
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
    const dir = join(opts.dataDir, 'pglite');
    client = memory ? await PGlite.create(opts.dataDir)
      : opts.durable === false ? await PGlite.create(dir)
        : await PGlite.create({ fs: new DurableNodeFS(dir), startParams: DURABLE_PGLITE_PARAMS });
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
