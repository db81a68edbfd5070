import { loadConfig, type Config } from './config.js';
import { openDb, type DbHandle } from './db/client.js';
import { migrateDb } from './db/migrate.js';
import { loadOrCreateKeys, type Keys } from './security/crypto.js';
import { seedCalendar } from './services/calendar.js';
import { auditRoleSplit, ensureAdminAccounts, type CreatedAccount, type RoleSplit } from './services/users.js';
import { ensureSystemStartDate } from './services/system-start.js';
import { resealLegacyChains, sealAudit } from './services/audit.js';
import { configureAuditChain } from './services/audit-chain.js';
import { ROLE_LABELS, SYSTEM_ACTOR, shanghaiToday, type Role, type ServiceContext } from './services/context.js';

/** An opened deployment: config, database (migrated, calendar seeded) and keys. Used by `serve` and the CLI. */
export interface Runtime {
  config: Config;
  handle: DbHandle;
  keys: Keys;
  /**
   * Administrator accounts created by this start (三员分立: 系统管理员 `admin`, 安全管理员 `anquan`, 审计员 `shenji` on
   * first start; those missing on an existing deployment), each with its initial password: print once.
   */
  bootstrap: CreatedAccount[];
  /** Accounts whose mixed administrator roles migration 0009 split (printed once, audited). */
  roleSplits: RoleSplit[];
  systemContext(): ServiceContext;
  close(): Promise<void>;
}

/**
 * `migrate: false` opens the database as it is; `bootstrap: false` migrates but creates no accounts and writes nothing
 * else (a restore needs an empty database: the accounts come from the backup).
 */
export async function openRuntime(overrides: Partial<Config> = {}, opts: { migrate?: boolean; bootstrap?: boolean } = {}): Promise<Runtime> {
  const config = loadConfig(process.env, overrides);
  const handle = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (opts.migrate !== false) {
      await migrateDb(handle);
      await seedCalendar(handle.db);
    }
    const keys = loadOrCreateKeys(config.key, config.dataDir);
    configureAuditChain(keys.chain, config.auditAnchor);
    const bootstrapping = opts.migrate !== false && opts.bootstrap !== false;
    if (bootstrapping) await resealLegacyChains(handle.db);
    let bootstrap: CreatedAccount[] = [];
    let roleSplits: RoleSplit[] = [];
    if (bootstrapping) {
      await ensureSystemStartDate(handle.db, shanghaiToday());
      roleSplits = await auditRoleSplit(handle.db);
      bootstrap = await ensureAdminAccounts(handle.db);
    }
    return {
      config, handle, keys, bootstrap, roleSplits,
      systemContext: () => { const now = new Date(); return { db: handle.db, keys, now, today: shanghaiToday(now), actor: SYSTEM_ACTOR, ip: null }; },
      close: async () => { await sealAudit(handle.db).catch(() => 0); await handle.close(); },
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/**
 * What a start must tell the operator once (Chinese): role changes made by migration 0009 and the initial passwords of
 * administrator accounts just created. One line per account: `  admin      系统管理员  初始密码：…`. Empty when none.
 */
export function startupAccountNotice(rt: Pick<Runtime, 'bootstrap' | 'roleSplits'>): string {
  const lines: string[] = [];
  for (const c of rt.roleSplits) {
    const names = (roles: string[]) => roles.map((r) => ROLE_LABELS[r as Role] ?? r).join('、') || '（无）';
    lines.push(`三员分立：账号 ${c.username} 的角色由 ${names(c.before)} 调整为 ${names(c.after)}`);
  }
  if (rt.bootstrap.length) {
    lines.push('三员分立账号（初始密码仅显示这一次；首次登录须修改密码）：');
    for (const a of rt.bootstrap) lines.push(`  ${a.username.padEnd(10)} ${ROLE_LABELS[a.role]}  初始密码：${a.password}`);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}
