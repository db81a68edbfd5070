import pg from 'pg';
import { openDb } from '../src/db/client.js';
import { migrateDb } from '../src/db/migrate.js';

export const TEMPLATE_DB = 'gongkai_test_template';

/**
 * With DATABASE_URL set, the database tests run on that PostgreSQL server: a migrated template database is built
 * once here, and each vitest worker clones it (CREATE DATABASE … TEMPLATE, fast). Without it, each worker opens
 * one in-memory PGlite (test/db.ts).
 */
export default async function setup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) return;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname LIKE 'gongkai_test_%' AND pid <> pg_backend_pid()`);
    const old = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE 'gongkai_test_%'`);
    for (const r of old.rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}"`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await admin.end();
  }
  const handle = await openDb({ databaseUrl: withDatabase(url, TEMPLATE_DB), dataDir: '' });
  await migrateDb(handle);
  await handle.close();
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
