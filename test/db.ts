import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDb, type DbHandle } from '../src/db/client.js';
import { migrateDb } from '../src/db/migrate.js';
import { seedCalendar } from '../src/services/calendar.js';
import { parseKeys } from '../src/security/crypto.js';
import { configureAuditChain } from '../src/services/audit-chain.js';
import { TEMPLATE_DB, withDatabase } from './global-setup.js';

export const TEST_KEYS = parseKeys('00112233445566778899aabbccddeeff0123456789abcdef0123456789abcdef');
// Audit chains keyed as a deployment's are; no outside anchor unless a test sets one (services/audit-chain.test.ts).
configureAuditChain(TEST_KEYS.chain, null);

const KEY = Symbol.for('gongkai.testDb');
type Holder = { handle?: Promise<DbHandle> };
const holder: Holder = ((globalThis as Record<symbol, Holder>)[KEY] ??= {});

async function open(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  let handle: DbHandle;
  if (url) {
    const name = `gongkai_test_w${process.env.VITEST_POOL_ID ?? process.pid}_${process.pid}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE ${TEMPLATE_DB}`);
    await admin.end();
    handle = await openDb({ databaseUrl: withDatabase(url, name), dataDir: '', poolSize: 4 });
  } else {
    handle = await openDb({ databaseUrl: null, dataDir: 'memory://' });
    await migrateDb(handle);
  }
  return handle;
}

/**
 * The worker's database (one per vitest worker: PGlite costs ~3 s and ~0.5 GB to start, STACK.md), emptied for
 * the calling test file. Call in beforeAll.
 */
export async function getTestDb(): Promise<DbHandle> {
  // A file before this one in the worker may have opened a deployment (CLI tests: its own key and anchor file).
  configureAuditChain(TEST_KEYS.chain, null);
  holder.handle ??= open();
  const handle = await holder.handle;
  await resetDb(handle);
  return handle;
}

/** Empties every table of the public schema (fast TRUNCATE … CASCADE), restarts sequences, reseeds the calendar. */
export async function resetDb(handle: DbHandle): Promise<void> {
  const r = await handle.db.execute(sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
  const tables = (r as unknown as { rows: { tablename: string }[] }).rows.map((t) => `"${t.tablename}"`);
  if (tables.length) await handle.exec(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`);
  await handle.exec(`ALTER SEQUENCE IF EXISTS request_ref_seq RESTART WITH 1`);
  const { invalidateCalendarCache } = await import('../src/services/calendar.js');
  invalidateCalendarCache();
  (await import('../src/services/settings.js')).invalidateSettingsCache();
  await seedCalendar(handle.db);
}
