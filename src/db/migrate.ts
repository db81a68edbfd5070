import { fileURLToPath } from 'node:url';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { DbHandle } from './client.js';

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));

/** Applies the committed SQL migrations (one set for PGlite and PostgreSQL). Idempotent. */
export async function migrateDb(handle: DbHandle): Promise<void> {
  if (handle.kind === 'pglite') {
    await migratePglite(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } else {
    // Serialise concurrent starts of several processes on one PostgreSQL.
    await handle.withAdvisoryLock(724011, () => migratePg(handle.db as never, { migrationsFolder: MIGRATIONS_FOLDER }), true);
  }
}
