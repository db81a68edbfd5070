/**
 * The public API as an office's users feel it (issue 12 "Performance goal for the public API, restated"): a public mix
 * of 70% status queries, 20% searches and 10% submissions at a fixed 1,000 requests/s for 60 s against PostgreSQL
 * holding 100,000 requests and 100,000 publications — p99 < 100 ms, 0 errors, 0 lost submissions — while a staff
 * member opens the request list (p95 < 300 ms). Measured beside a bare Fastify route at the same rate, in the same run.
 * Options (env): BENCH_MIX_SECONDS (default 60), BENCH_MIX_RATE (default 1000), BENCH_MIX_ROWS (default 100,000).
 */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { openDb } from '../src/db/client.js';
import { seedCalendar } from '../src/services/calendar.js';
import { buildApp } from '../src/server/app.js';
import { parseKeys, hashPassword } from '../src/security/crypto.js';
import { submitPublicRequest } from '../src/services/requests/create-request.js';
import { shanghaiToday } from '../src/services/context.js';
import { users } from '../src/db/schema/index.js';
import { load as loadPublications, SAMPLE_QUERIES } from './search.js';

const KEYS = parseKeys('00112233445566778899aabbccddeeff0123456789abcdef0123456789abcdef');
const DB_NAME = 'gongkai_bench_mix';
const STAFF_PASSWORD = 'Bench-staff-2026';

const submission = (i: number) => ({
  applicant: { type: 'natural' as const, name: `压测${i}`, idType: '身份证', idNumber: '440524188001010014', phone: '13900139000', email: 'ls@example.com', address: '广州市' },
  description: `申请公开2024年度某村集体土地征收批复文件及附图（压测 ${i}）`, deliveryMethod: 'email' as const, format: 'electronic' as const,
});

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);
const run = (opts: autocannon.Options) => new Promise<autocannon.Result>((resolve, reject) => autocannon(opts, (err, res) => (err ? reject(err) : resolve(res))));

export async function runPublicMixBench({ pgUrl, durationSec, rate, rows, log = (s: string) => process.stdout.write(`${s}\n`) }: { pgUrl: string; durationSec: number; rate: number; rows: number; log?: (s: string) => void }): Promise<string> {
  log(`  loading ${rows.toLocaleString('en-US')} publications`);
  await loadPublications(pgUrl, rows, log, DB_NAME);
  const u = new URL(pgUrl); u.pathname = `/${DB_NAME}`;
  const h = await openDb({ databaseUrl: u.toString(), dataDir: '', poolSize: 16 });
  try {
    await seedCalendar(h.db);
    const now = new Date();
    const ctx = { db: h.db, keys: KEYS, now, today: shanghaiToday(now), actor: null, ip: null };
    const t0 = Date.now();
    const codes: { code: string; key: string }[] = [];
    for (let start = 0; start < rows; start += 500) {
      const done = await Promise.all(Array.from({ length: Math.min(500, rows - start) }, (_, k) => submitPublicRequest(ctx, submission(start + k))));
      if (codes.length < 5000) codes.push(...done.slice(0, 5000 - codes.length).map((r) => ({ code: r.trackingCode, key: r.accessKey })));
      if ((start / 500) % 40 === 0) log(`  submitted ${start.toLocaleString('en-US')} / ${rows.toLocaleString('en-US')} requests (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
    await h.exec('VACUUM ANALYZE');
    await h.db.insert(users).values({ username: 'bench_staff', displayName: '压测登记员', roles: ['registrar'], departmentId: null, passwordHash: await hashPassword(STAFF_PASSWORD) });

    const app = await buildApp({ db: h.db, keys: KEYS, clock: () => new Date(), publicRateLimit: 10_000_000, webDir: '/nonexistent' });
    // Server-side accounting: every 201 to a submission (to check none is lost) and each kind's time in the server.
    let answered201 = 0;
    const serverMs: Record<string, number[]> = { status: [], search: [], submit: [] };
    app.addHook('onResponse', async (req, reply) => {
      const url = req.url;
      const kind = url.startsWith('/api/public/requests/') ? 'status' : url.startsWith('/api/public/publications') ? 'search' : url === '/api/public/requests' ? 'submit' : null;
      if (kind === 'submit' && reply.statusCode === 201) answered201 += 1;
      if (kind) serverMs[kind].push(reply.elapsedTime);
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const bare = Fastify();
    bare.get('/ping', async () => ({ ok: true }));
    await bare.listen({ port: 0, host: '127.0.0.1' });
    const barePort = (bare.server.address() as { port: number }).port;

    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench_staff', password: STAFF_PASSWORD }) });
    if (login.status !== 200) throw new Error(`staff login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    // One shuffled sequence of 1,000 requests in the mix's proportions; each connection walks it.
    let seed = 20261204;
    const rnd = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const kinds = [...Array(700).fill('status'), ...Array(200).fill('search'), ...Array(100).fill('submit')] as string[];
    for (let i = kinds.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [kinds[i], kinds[j]] = [kinds[j], kinds[i]]; }
    const requests = kinds.map((k, i) => {
      if (k === 'status') { const c = codes[i % codes.length]; return { method: 'GET' as const, path: `/api/public/requests/${c.code}?key=${c.key}` }; }
      if (k === 'search') return { method: 'GET' as const, path: `/api/public/publications?q=${encodeURIComponent(SAMPLE_QUERIES[i % SAMPLE_QUERIES.length])}` };
      return { method: 'POST' as const, path: '/api/public/requests', headers: { 'content-type': 'application/json' }, body: JSON.stringify(submission(rows + i)) };
    });
    const fixedRate = { connections: 64, workers: 1, overallRate: rate };

    // Baseline in the same run: the bare route at the same rate.
    const bareRes = await run({ url: `http://127.0.0.1:${barePort}/ping`, ...fixedRate, duration: Math.min(10, durationSec) });
    // Warm-up (JIT, prepared statements, jieba), then the measured run with the staff member working meanwhile.
    await run({ url: `http://127.0.0.1:${port}`, requests, ...fixedRate, overallRate: Math.min(rate, 200), duration: 3 });
    const [rowsBefore] = (await h.db.execute('SELECT count(*)::int AS n FROM requests' as never) as unknown as { rows: { n: number }[] }).rows;
    answered201 = 0;
    for (const k of Object.keys(serverMs)) serverMs[k] = [];
    const staffMs: number[] = [];
    let staffErrors = 0;
    let running = true;
    const staff = (async () => {
      while (running) {
        const s0 = performance.now();
        const r = await fetch(`http://127.0.0.1:${port}/api/requests?page=1&pageSize=20`, { headers: { cookie } }).catch(() => null);
        if (!r || r.status !== 200) staffErrors += 1;
        await r?.arrayBuffer();
        staffMs.push(performance.now() - s0);
        await new Promise((res) => setTimeout(res, 250));
      }
    })();
    const mix = await run({ url: `http://127.0.0.1:${port}`, requests, ...fixedRate, duration: durationSec });
    running = false;
    await staff;
    await app.close(); // waits for the submissions in flight when the load stopped
    await bare.close();
    const [rowsAfter] = (await h.db.execute('SELECT count(*)::int AS n FROM requests' as never) as unknown as { rows: { n: number }[] }).rows;

    const stored = rowsAfter.n - rowsBefore.n;
    // Lost = acknowledged (201) but not stored. The reverse (stored, but the client had gone when the load generator
    // stopped, so no 201 was counted) loses nothing: the applicant would look the request up or submit again.
    const lost = Math.max(0, answered201 - stored);
    const unacknowledged = Math.max(0, stored - answered201);
    const errors = mix.errors + mix.timeouts + mix.non2xx;
    staffMs.sort((a, b) => a - b);
    const sortedServer = Object.fromEntries(Object.entries(serverMs).map(([k, v]) => [k, [...v].sort((a, b) => a - b)]));
    const achieved = mix.requests.total / durationSec;
    const ok = (b: boolean) => (b ? 'met' : 'NOT met');
    const server = (k: string) => `${sortedServer[k].length.toLocaleString('en-US')} answered; in the server p50 ${percentile(sortedServer[k], 50).toFixed(1)} ms, p99 ${percentile(sortedServer[k], 99).toFixed(1)} ms`;
    return [`### Public mix (PostgreSQL, ${rows.toLocaleString('en-US')} requests + ${rows.toLocaleString('en-US')} publications, ${rate.toLocaleString('en-US')} req/s for ${durationSec} s)`, '',
      `70% status queries, 20% searches (the search bench's sample queries), 10% online submissions, at a fixed rate (autocannon overallRate, 64 connections, in a worker thread); meanwhile a staff member (登记员) opens the request list every 250 ms. The bare route runs at the same rate first, in the same run.`, '',
      '| measure | value | goal |', '|---|---|---|',
      `| baseline: bare Fastify GET /ping at ${rate.toLocaleString('en-US')} req/s, p50 / p99 | ${bareRes.latency.p50} ms / ${bareRes.latency.p99} ms | |`,
      `| **public mix latency p50 / p99** | ${mix.latency.p50} ms / **${mix.latency.p99} ms** | p99 < 100 ms: ${ok(mix.latency.p99 < 100)} |`,
      `| requests answered (achieved rate) | ${mix.requests.total.toLocaleString('en-US')} (${Math.round(achieved)}/s) | ${rate.toLocaleString('en-US')}/s: ${ok(achieved >= rate * 0.98)} |`,
      `| errors (connection errors + timeouts + non-2xx) | ${errors} | 0: ${ok(errors === 0)} |`,
      `| submissions answered 201 / rows added / lost (201 without a row) | ${answered201} / ${stored} / ${lost}${unacknowledged ? ` (${unacknowledged} stored after their client left at the end)` : ''} | 0 lost: ${ok(lost === 0)} |`,
      `| staff request list (GET /api/requests) p50 / p95, errors | ${percentile(staffMs, 50).toFixed(0)} ms / **${percentile(staffMs, 95).toFixed(0)} ms** (${staffMs.length} loads), ${staffErrors} | p95 < 300 ms: ${ok(percentile(staffMs, 95) < 300 && staffErrors === 0)} |`,
      `| status queries | ${server('status')} | |`, `| searches | ${server('search')} | |`, `| submissions | ${server('submit')} | |`, ''].join('\n');
  } finally {
    await h.close();
  }
}
