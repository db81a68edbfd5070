import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTestDb, resetDb, TEST_KEYS } from '../../test/db.js';
import type { DbHandle } from '../db/client.js';
import { loadDemo } from './demo.js';
import { backupTo, restoreFrom } from './backup.js';
import { sealAudit, verifyAuditChain } from './audit.js';
import { SYSTEM_ACTOR } from './context.js';

describe('demo agency and backup/restore', () => {
  let handle: DbHandle;
  beforeAll(async () => { handle = await getTestDb(); });
  const ctx = () => ({ db: handle.db, keys: TEST_KEYS, now: new Date('2026-11-27T04:00:00Z'), today: '2026-11-27', actor: SYSTEM_ACTOR, ip: null });

  it('loads requests in many states through the real lifecycle, and refuses a second load', async () => {
    const r = await loadDemo(ctx(), { requests: 120 });
    expect(r.requests).toBe(120);
    const states = (await handle.db.execute(sql`SELECT state, count(*)::int AS n FROM requests GROUP BY state`) as unknown as { rows: { state: string; n: number }[] }).rows;
    const names = states.map((s) => s.state);
    expect(names).toContain('closed');
    expect(names.length).toBeGreaterThanOrEqual(5);
    const events = (await handle.db.execute(sql`SELECT count(*)::int AS n FROM request_events`) as unknown as { rows: { n: number }[] }).rows[0].n;
    expect(events).toBeGreaterThan(120 * 3);
    await expect(loadDemo(ctx(), { requests: 5 })).rejects.toThrow(/演示数据只能载入空库/);
  });

  it('backs up every table and restores it into an empty database with the audit chain intact', async () => {
    const file = join(tmpdir(), `gk-backup-${process.pid}.jsonl.gz`);
    const count = async () => (await handle.db.execute(sql`SELECT (SELECT count(*) FROM requests)::int AS r, (SELECT count(*) FROM request_events)::int AS e, (SELECT count(*) FROM users)::int AS u`) as unknown as { rows: { r: number; e: number; u: number }[] }).rows[0];
    const before = await count();
    const b = await backupTo(handle.db, file);
    expect(b.rows).toBeGreaterThan(before.r + before.e);
    await resetDb(handle);
    expect((await count()).r).toBe(0);
    await restoreFrom(handle.db, file);
    expect(await count()).toEqual(before);
    await sealAudit(handle.db); // verify only checks: the sealer links what was written (the server does so every 2 s)
    const verified = await verifyAuditChain(handle.db);
    expect(verified.ok, verified.message).toBe(true);
    await expect(restoreFrom(handle.db, file)).rejects.toThrow(/空数据库/);
  });
});
