import { openDb } from '../src/db/client.js';
import { listPublications } from '../src/services/publications/queries.js';
const h = await openDb({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/gongkai_bench_search', dataDir: '', poolSize: 2 });
const ctx = { db: h.db, keys: null as never, now: new Date(), today: '2026-11-27', actor: { id: 0, username: 's', displayName: 's', roles: ['publisher'] as never, departmentId: null } };
for (const f of [{}, { q: '耕地保护' }, { q: 'BENCH/02-2024-0000017' }, { state: ['pending_review'] }]) {
  await listPublications(ctx, f);
  const t = performance.now(); const r = await listPublications(ctx, f); console.log(JSON.stringify(f), (performance.now() - t).toFixed(0), 'ms', r.total);
}
await h.close();
