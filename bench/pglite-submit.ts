import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { openDb } from '../src/db/client.js';
import { migrateDb } from '../src/db/migrate.js';
import { seedCalendar } from '../src/services/calendar.js';
import { buildApp } from '../src/server/app.js';
import { parseKeys } from '../src/security/crypto.js';

const KEYS = parseKeys('00112233445566778899aabbccddeeff0123456789abcdef0123456789abcdef');

const body = (i: number) => JSON.stringify({
  applicant: { type: 'natural', name: `压测${i}`, idType: '身份证', idNumber: '440524188001010014', phone: '13900139000', email: 'ls@example.com', address: '广州市' },
  description: `申请公开2024年度某村集体土地征收批复文件及附图（压测 ${i}）`, deliveryMethod: 'email', format: 'electronic',
});

/** Online submissions through the app on an embedded store in a data directory, with or without fsync on commit. */
async function run(durable: boolean, durationSec: number) {
  const dir = mkdtempSync(join(tmpdir(), 'gk-bench-pglite-'));
  const h = await openDb({ databaseUrl: null, dataDir: dir, durable });
  try {
    await migrateDb(h);
    await seedCalendar(h.db);
    const app = await buildApp({ db: h.db, keys: KEYS, clock: () => new Date(), publicRateLimit: 10_000_000, webDir: '/nonexistent' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    let i = 0;
    const res = await new Promise<autocannon.Result>((resolve, reject) => autocannon({
      url: `http://127.0.0.1:${port}/api/public/requests`, method: 'POST', connections: 20, duration: durationSec,
      headers: { 'content-type': 'application/json' },
      requests: [{ method: 'POST', path: '/api/public/requests', setupRequest: (r) => ({ ...r, body: body(++i) }) }],
    }, (err, r) => (err ? reject(err) : resolve(r))));
    await app.close();
    const stored = (await h.db.execute('SELECT count(*)::int AS n FROM requests' as never) as unknown as { rows: { n: number }[] }).rows[0].n;
    return { perSec: res['2xx'] / durationSec, p50: res.latency.p50, p99: res.latency.p99, non2xx: res.non2xx, ok: res['2xx'], stored };
  } finally {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The cost of durability on the embedded store (issue 12 item 4): the same submissions with fsync off (PGlite as shipped) and on. */
export async function runPgliteSubmitBench({ durationSec }: { durationSec: number }): Promise<string> {
  const off = await run(false, durationSec);
  const on = await run(true, durationSec);
  const row = (label: string, r: typeof on) => `| ${label} | ${Math.round(r.perSec)} | ${r.p50} / ${r.p99} | ${r.non2xx} | ${r.stored} / ${r.ok} |`;
  return ['### Online submissions on the embedded store (PGlite in a data directory, autocannon -c 20)', '',
    '| store | submissions/s (201) | latency p50 / p99 ms | non-2xx | rows stored / 201 answers |', '|---|---|---|---|---|',
    row('baseline: PGlite as shipped (fsync off — survives kill -9, not a power loss)', off),
    row('**durable: fsync of the WAL on every commit** (what gongkai runs)', on), '',
    `With fsync on commit the embedded store answers ${Math.round((on.perSec / off.perSec) * 100)}% of the submissions it answers without (submissions arriving together share one commit, so one fsync). Rows stored can exceed the 201s counted: submissions still in flight when the run ends are committed but not counted.`, ''].join('\n');
}
