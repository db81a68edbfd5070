import { loadConfig, type Config } from './config.js';
import { openDb, type DbHandle } from './db/client.js';
import { migrateDb } from './db/migrate.js';
import { loadOrCreateKeys, type Keys } from './security/crypto.js';
import { seedCalendar } from './services/calendar.js';
import { bootstrapAdmin } from './services/users.js';
import { resealLegacyChains, sealAudit } from './services/audit.js';
import { configureAuditChain } from './services/audit-chain.js';
import { SYSTEM_ACTOR, shanghaiToday, type ServiceContext } from './services/context.js';

/** An opened deployment: config, database (migrated, calendar seeded) and keys. Used by `serve` and the CLI. */
export interface Runtime {
  config: Config;
  handle: DbHandle;
  keys: Keys;
  /** Password of the `admin` account when it was just created (print once), else null. */
  bootstrap: { username: string; password: string } | null;
  systemContext(): ServiceContext;
  close(): Promise<void>;
}

export async function openRuntime(overrides: Partial<Config> = {}, opts: { migrate?: boolean } = {}): Promise<Runtime> {
  const config = loadConfig(process.env, overrides);
  const handle = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (opts.migrate !== false) {
      await migrateDb(handle);
      await seedCalendar(handle.db);
    }
    const keys = loadOrCreateKeys(config.key, config.dataDir);
    configureAuditChain(keys.chain, config.auditAnchor);
    if (opts.migrate !== false) await resealLegacyChains(handle.db);
    const bootstrap = opts.migrate !== false ? await bootstrapAdmin(handle.db) : null;
    return {
      config, handle, keys, bootstrap,
      systemContext: () => { const now = new Date(); return { db: handle.db, keys, now, today: shanghaiToday(now), actor: SYSTEM_ACTOR, ip: null }; },
      close: async () => { await sealAudit(handle.db).catch(() => 0); await handle.close(); },
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
