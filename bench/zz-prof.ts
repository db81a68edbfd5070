import { openDb } from '../src/db/client.js';
import { searchPublications } from '../src/services/publications/search.js';
const h = await openDb({ databaseUrl: 'postgres://postgres@127.0.0.1:5432/gongkai_bench_search', dataDir: '', poolSize: 2 });
const db = h.db as any;
const orig = db.execute.bind(db);
let log: string[] = [];
db.execute = async (q: any) => { const t = performance.now(); const r = await orig(q); log.push(`${(performance.now() - t).toFixed(1)}ms ${JSON.stringify(q.queryChunks?.[0]?.value?.[0] ?? '').slice(0, 60)}`); return r; };
const origSelect = db.select.bind(db);
for (const q of process.argv.slice(2)) {
  await searchPublications(db, { q });
  log = [];
  const t = performance.now();
  const r = await searchPublications(db, { q });
  console.log(q, (performance.now() - t).toFixed(1), 'ms', r.total, r.mode);
  console.log(log.join('\n'));
}
await h.close();
