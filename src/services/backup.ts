import { createReadStream, createWriteStream } from 'node:fs';
import { createGunzip, createGzip } from 'node:zlib';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import type { Db, Executor, Tx } from '../db/client.js';
import { DomainError } from '../core/errors.js';
import { appendAudit } from './audit.js';
import { SYSTEM_ACTOR } from './context.js';

const FORMAT = 'gongkai-backup/1';
const SKIP = new Set(['sessions']);
const PAGE = 2000;
const BATCH = 500;

interface Header { format?: string; createdAt?: string; migrations?: string[]; sequences?: Record<string, number> }

async function rows<T>(db: Executor, q: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(q) as unknown as { rows: T[] }).rows;
}

/** Tables of the public schema ordered so that every table comes after the tables it references. */
export async function tablesInDependencyOrder(db: Executor): Promise<string[]> {
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
 * The columns of `table` that hold data, in table order, read from the catalog: generated columns (the publications'
 * `search_vector`, `title_vector`) are computed by the database and can be neither backed up usefully nor inserted.
 */
export async function storedColumns(db: Executor, table: string): Promise<string[]> {
  const cols = await rows<{ name: string }>(db, sql`SELECT a.attname AS name FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relname = ${table} AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum`);
  return cols.map((c) => c.name);
}

const list = (cols: string[]) => sql.join(cols.map((c) => sql.identifier(c)), sql`, `);

/**
 * Logical backup of every table (except sessions) as gzip'd JSON lines: works the same on PGlite and PostgreSQL,
 * and restores into any empty, migrated Gongkai database of the same schema version. Read in one REPEATABLE READ,
 * read-only transaction (one snapshot: a backup of a running server is consistent), through a cursor; the header
 * carries every sequence's value so that restore never hands out a number already given.
 */
export async function backupTo(db: Db, file: string): Promise<{ tables: number; rows: number }> {
  const gz = createGzip();
  const out = createWriteStream(file);
  gz.pipe(out);
  const done = once(out, 'finish');
  const write = async (line: string) => { if (!gz.write(`${line}\n`)) await once(gz, 'drain'); };
  try {
    const result = await db.transaction(async (tx) => {
      const migrations = await rows<{ hash: string }>(tx, sql`SELECT hash FROM drizzle.__drizzle_migrations ORDER BY id`);
      const seqs = await rows<{ name: string; v: string | null }>(tx, sql`SELECT sequencename AS name, last_value::text AS v FROM pg_sequences WHERE schemaname = 'public'`);
      const sequences = Object.fromEntries(seqs.filter((s) => s.v !== null).map((s) => [s.name, Number(s.v)]));
      await write(JSON.stringify({ format: FORMAT, createdAt: new Date().toISOString(), migrations: migrations.map((m) => m.hash), sequences } satisfies Header));
      let total = 0;
      const tables = (await tablesInDependencyOrder(tx)).filter((t) => !SKIP.has(t));
      for (const t of tables) {
        await tx.execute(sql`DECLARE gk_backup NO SCROLL CURSOR FOR SELECT row_to_json(x) AS j FROM (SELECT ${list(await storedColumns(tx, t))} FROM ${sql.identifier(t)} ORDER BY 1) x`);
        for (;;) {
          const page = await rows<{ j: unknown }>(tx, sql.raw(`FETCH ${PAGE} FROM gk_backup`));
          for (const r of page) await write(JSON.stringify({ t, r: r.j }));
          total += page.length;
          if (page.length < PAGE) break;
        }
        await tx.execute(sql`CLOSE gk_backup`);
      }
      return { tables: tables.length, rows: total };
    }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
    gz.end();
    await done;
    return result;
  } catch (e) {
    gz.destroy();
    out.destroy();
    throw e;
  }
}

/** Chinese reasons for the PostgreSQL errors a restore can meet (SQLSTATE → reason). */
const REASONS: Record<string, string> = {
  '23505': '与已有记录重复',
  '23503': '引用的记录不存在',
  '23502': '不能为空',
  '23514': '不符合取值规则',
  '22P02': '值的格式不对',
  '22001': '值过长',
  '22003': '数值超出范围',
  '22007': '日期或时间格式不对',
  '22008': '日期或时间超出范围',
  '428C9': '是数据库自动生成的列，不能写入',
  '42703': '在本数据库中不存在（备份与本系统的版本不一致）',
  '42P01': '表在本数据库中不存在（备份与本系统的版本不一致）',
};

interface PgErrorLike { code?: string; message?: string; column?: string; detail?: string; table?: string; constraint?: string }

/** The database's own error under drizzle's wrapper (whose message repeats every query parameter). */
function pgCause(e: unknown): PgErrorLike {
  let cur = e as { cause?: unknown } & PgErrorLike;
  for (let i = 0; i < 5 && cur; i++) {
    if (cur.code && typeof cur.code === 'string' && /^[0-9A-Z]{5}$/.test(cur.code)) return cur;
    if (!cur.cause) break;
    cur = cur.cause as typeof cur;
  }
  return { message: String((e as Error)?.message ?? e) };
}

const oneLine = (s: string, max = 160) => { const t = s.replace(/\s+/g, ' ').trim(); return t.length > max ? `${t.slice(0, max)}…` : t; };

/** The one Chinese line a failed restore prints: table, row (backup line and key), column, reason. */
export function describeRestoreError(e: unknown, where: { table: string; line: number; row?: Record<string, unknown> }): string {
  const pe = pgCause(e);
  const column = pe.column
    ?? /Key \(([^)]+)\)=/.exec(pe.detail ?? '')?.[1]
    ?? /column "([^"]+)"/.exec(pe.message ?? '')?.[1];
  const keyName = where.row ? Object.keys(where.row)[0] : undefined;
  const key = keyName ? `，${keyName}=${oneLine(String(where.row![keyName]), 40)}` : '';
  const reason = (pe.code && REASONS[pe.code]) ?? '写入失败';
  const value = column && where.row && column in where.row ? `（值：${oneLine(JSON.stringify(where.row[column]) ?? 'null', 60)}）` : '';
  return `恢复失败：表 ${where.table} 备份文件第 ${where.line} 行${key}${column ? `，列 ${column}` : ''}${value}：${reason}。数据库未作任何更改。（数据库原文：${oneLine(pe.message ?? '', 200)}）`;
}

async function insertBatch(tx: Tx, table: string, columns: string[], batch: Record<string, unknown>[]): Promise<void> {
  await tx.execute(sql`INSERT INTO ${sql.identifier(table)} (${list(columns)}) OVERRIDING SYSTEM VALUE
    SELECT ${list(columns)} FROM json_populate_recordset(NULL::${sql.identifier(table)}, ${JSON.stringify(batch)}::json)`);
}

/**
 * Sets every sequence of the public schema from the highest value in use (never from a row count: numbers with gaps
 * would be handed out again), and never below the value the backup recorded.
 */
async function resetSequences(tx: Tx, recorded: Record<string, number>): Promise<void> {
  const seqs = await rows<{ seq: string; tbl: string | null; col: string | null }>(tx, sql`SELECT s.relname AS seq, t.relname AS tbl, a.attname AS col
    FROM pg_class s JOIN pg_namespace ns ON ns.oid = s.relnamespace
    LEFT JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
    LEFT JOIN pg_class t ON t.oid = d.refobjid LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
    WHERE s.relkind = 'S' AND ns.nspname = 'public'`);
  for (const s of seqs) {
    let inUse = sql`0`;
    if (s.tbl && s.col) inUse = sql`(SELECT max(${sql.identifier(s.col)})::bigint FROM ${sql.identifier(s.tbl)})`;
    // 受理编号 GK-YYYY-NNNNNN: the number after the year comes from request_ref_seq (services/requests/create-request.ts).
    else if (s.seq === 'request_ref_seq') inUse = sql`(SELECT max(substring(ref from '([0-9]+)$')::bigint) FROM requests WHERE ref ~ '^GK-[0-9]{4}-[0-9]+$')`;
    const v = sql`GREATEST(COALESCE(${inUse}, 0), ${recorded[s.seq] ?? 0}::bigint)`;
    await tx.execute(sql`SELECT setval(${s.seq}::regclass, GREATEST(${v}, 1), ${v} > 0)`);
  }
}

/**
 * Restores a backup into an empty database (refuses otherwise) in one transaction: all or nothing. Generated columns
 * are recomputed by the database; sequences are set from the highest value in use. A row the database refuses is
 * named in one Chinese line (table, backup line, key, column, reason). The audit log's rows are restored as they
 * were (chain hashes included), so `audit verify` checks the restored chain; the restore itself is then logged.
 */
const SEEDED_TABLES = ['calendar_years', 'settings', 'users', 'catalogue_categories'];

export async function restoreFrom(db: Db, file: string): Promise<{ rows: number }> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  const rl = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity });
  const broken = new Promise<never>((_, reject) => {
    const fail = (e: Error) => reject(new DomainError('VALIDATION', `无法读取备份文件 ${file}：${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : '文件损坏或不是 gzip 压缩的备份'}`));
    input.on('error', fail);
    gunzip.on('error', fail);
  });
  broken.catch(() => {});
  let header: Header | null = null;
  let count = 0;
  let lineNo = 0;
  try {
    await db.transaction(async (tx) => {
      const columnsOf = new Map<string, string[]>();
      let batch: { t: string; rows: Record<string, unknown>[]; lines: number[] } | null = null;
      const flush = async () => {
        if (!batch || batch.rows.length === 0) return;
        const { t, rows: batchRows, lines } = batch;
        if (!columnsOf.has(t)) columnsOf.set(t, await storedColumns(tx, t));
        const stored = columnsOf.get(t)!;
        if (stored.length === 0) throw new DomainError('VALIDATION', `恢复失败：表 ${t}（备份文件第 ${lines[0]} 行）在本数据库中不存在：备份与本系统的版本不一致。数据库未作任何更改。`);
        // Only the columns the backup holds: a column added since keeps its default.
        const present = new Set(batchRows.flatMap((r) => Object.keys(r)));
        const columns = stored.filter((c) => present.has(c));
        try {
          await tx.transaction((sp) => insertBatch(sp, t, columns, batchRows));
        } catch (e) {
          // Find the row the database refuses, to name it.
          for (let i = 0; i < batchRows.length; i++) {
            try { await tx.transaction((sp) => insertBatch(sp, t, columns, [batchRows[i]])); } catch (rowError) {
              throw new DomainError('VALIDATION', describeRestoreError(rowError, { table: t, line: lines[i], row: batchRows[i] }));
            }
          }
          throw new DomainError('VALIDATION', describeRestoreError(e, { table: t, line: lines[0] }));
        }
        count += batchRows.length;
        batch.rows = [];
        batch.lines = [];
      };
      const lines = (async () => {
        for await (const line of rl) {
          lineNo++;
          if (!line.trim()) continue;
          let obj: { t?: string; r?: Record<string, unknown> } & Header;
          try { obj = JSON.parse(line); } catch { throw new DomainError('VALIDATION', `恢复失败：备份文件第 ${lineNo} 行不是有效的 JSON（文件不完整或被修改）。数据库未作任何更改。`); }
          if (!header) {
            header = obj;
            if (header?.format !== FORMAT) throw new DomainError('VALIDATION', `不是 Gongkai 备份文件（格式 ${header?.format ?? '未知'}）`);
            const [{ n }] = await rows<{ n: number }>(tx, sql`SELECT (SELECT count(*) FROM requests) + (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM departments) AS n`);
            if (Number(n) > 0) throw new DomainError('CONFLICT', '恢复只能在空数据库上进行：请使用新的数据目录（--data）或新的 PostgreSQL 数据库');
            continue;
          }
          if (typeof obj.t !== 'string' || !obj.r || typeof obj.r !== 'object') throw new DomainError('VALIDATION', `恢复失败：备份文件第 ${lineNo} 行不是一条表记录。数据库未作任何更改。`);
          if (!batch || batch.t !== obj.t) {
            await flush();
            batch = { t: obj.t, rows: [], lines: [] };
            // Tables the migrations or the start seed (calendar, settings, the 61号 catalogue tree): the backup's rows replace them.
            if (SEEDED_TABLES.includes(obj.t)) await tx.execute(sql`DELETE FROM ${sql.identifier(obj.t)}`);
          }
          batch.rows.push(obj.r);
          batch.lines.push(lineNo);
          if (batch.rows.length >= BATCH) await flush();
        }
        await flush();
      })();
      lines.catch(() => {});
      try {
        await Promise.race([lines, broken]);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        if (!(e instanceof DomainError) && (code.startsWith('Z_') || code === 'ENOENT' || code === 'EISDIR')) {
          throw new DomainError('VALIDATION', `无法读取备份文件 ${file}：${code === 'ENOENT' ? '文件不存在' : '文件损坏或不是 gzip 压缩的备份'}`);
        }
        throw e;
      }
      if (!header) throw new DomainError('VALIDATION', `备份文件 ${file} 是空的`);
      await resetSequences(tx, (header as Header).sequences ?? {});
      await appendAudit(tx, SYSTEM_ACTOR, { action: 'backup.restored', targetType: null, targetId: null, detail: { file, createdAt: (header as Header).createdAt ?? null, rows: count } });
    });
  } finally {
    // A refused restore stops reading: no stream may go on and fail later, unobserved.
    rl.close();
    gunzip.removeAllListeners('error').on('error', () => {});
    input.destroy();
    gunzip.destroy();
  }
  return { rows: count };
}
