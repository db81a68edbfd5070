/**
 * Issue 12 item 3: an import skips the secrecy review, so only historical items (published before the system's start
 * date) may be imported, and the audit entry says so.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import type { DbHandle } from '../../db/client.js';
import { auditLog, publications } from '../../db/schema/index.js';
import { getTestDb, TEST_KEYS } from '../../../test/db.js';
import { buildUser } from '../../../test/build-test-app.js';
import type { Actor, ServiceContext } from '../context.js';
import { putSetting } from '../settings.js';
import { importPublications } from './import-publications.js';

let handle: DbHandle;
let dir: string;
let actor: Actor;
const ctx = (): ServiceContext => ({ db: handle.db, keys: TEST_KEYS, now: new Date('2026-12-04T04:00:00Z'), today: '2026-12-04', actor });

beforeAll(async () => {
  handle = await getTestDb();
  const id = await buildUser(handle, { username: 'pubh', roles: ['publisher'] });
  actor = { id, username: 'pubh', displayName: '发布员', roles: ['publisher'], departmentId: null };
  dir = await mkdtemp(join(tmpdir(), 'gk-hist-'));
  await putSetting(handle.db, 'system', { startedOn: '2026-06-01' });
});

describe('publication import: historical items only', () => {
  it('refuses the whole file when an item was published on or after the start date, naming row and date', async () => {
    await writeFile(join(dir, 'mixed.csv'), '索引号,标题,发布日期\nH-1,旧门户的通知,2026-05-31\nH-2,启用后的通知,2026-06-01\nH-3,更晚的通知,2026-11-20\n');
    const r = await importPublications(ctx(), join(dir, 'mixed.csv'));
    expect(r.ok).toBe(false);
    expect(r.errors.map((e) => `${e.row}|${e.column}|${e.value}`)).toEqual(['3|发布日期|2026-06-01', '4|发布日期|2026-11-20']);
    expect(r.errors[0].message).toContain('系统启用日期 2026-06-01');
    expect((await handle.db.select({ n: sql<number>`count(*)::int` }).from(publications))[0].n).toBe(0);
  });

  it('imports items published before the start date, recorded as historical in the audit log', async () => {
    await writeFile(join(dir, 'old.csv'), '索引号,标题,发布日期\nH-1,旧门户的通知,2026-05-31\nH-4,更早的通知,2019-03-01\n');
    const r = await importPublications(ctx(), join(dir, 'old.csv'));
    expect(r.ok, JSON.stringify(r.errors)).toBe(true);
    const [entry] = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'publication.imported'));
    expect(entry.detail).toMatchObject({ total: 2, historical: true, publishedBefore: '2026-06-01' });
  });
});
