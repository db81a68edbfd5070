/**
 * `npm run bench`: measures at scale with in-run baselines and writes bench/RESULTS.md.
 *   - deadline computations per second (core) vs a naive day-by-day baseline
 *   - public status query req/s vs a bare Fastify route, both through autocannon in this run
 *   - the public mix (status/search/submission at a fixed 1,000 req/s) with a staff member's list, beside the bare route
 *   - durable online submissions per second on PostgreSQL (p50/p99)
 *   - the report and search benchmarks (bench/report.ts, bench/search.ts) when present
 * Options (env): BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres; a scratch database is created),
 * BENCH_QUICK=1 for small sizes, BENCH_ONLY=deadline,status,mix,submit,submit-pglite,report,search (status also runs the public
 * mix, submit also runs submit-pglite); BENCH_MIX_SECONDS / BENCH_MIX_RATE / BENCH_MIX_ROWS for the public mix (bench/public-mix.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runDeadlineBench } from './deadline.js';
import { runApiBench } from './api.js';

const only = (process.env.BENCH_ONLY ?? 'deadline,status,submit,report,search').split(',');
const quick = process.env.BENCH_QUICK === '1';
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const sections: string[] = [];
const started = new Date();

async function section(name: string, fn: () => Promise<string>) {
  if (!name.split('+').some((part) => only.some((o) => part.startsWith(o)))) return;
  process.stdout.write(`\n== ${name}\n`);
  const t0 = Date.now();
  try {
    const md = await fn();
    sections.push(md);
    process.stdout.write(`${md}\n(${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
  } catch (e) {
    const msg = `### ${name}\n\nFAILED: ${(e as Error).stack ?? e}\n`;
    sections.push(msg);
    process.stdout.write(msg);
  }
}

await section('deadline', () => runDeadlineBench({ iterations: quick ? 200_000 : 2_000_000 }));
await section('status+submit', () => runApiBench({ pgUrl, durationSec: quick ? 3 : 10, requests: quick ? 500 : 5000, only }));
await section('status-mix+mix', async () => (await import('./public-mix.js')).runPublicMixBench({
  pgUrl, durationSec: Number(process.env.BENCH_MIX_SECONDS ?? (quick ? 10 : 60)), rate: Number(process.env.BENCH_MIX_RATE ?? 1000), rows: Number(process.env.BENCH_MIX_ROWS ?? (quick ? 10_000 : 100_000)),
}));
await section('submit-pglite', async () => (await import('./pglite-submit.js')).runPgliteSubmitBench({ durationSec: quick ? 3 : 10 }));
try {
  const { runReportBench } = await import('./report.js');
  await section('report', async () => (await runReportBench({ databaseUrl: pgUrl, rows: quick ? 50_000 : 1_000_000, pgliteRows: quick ? 5_000 : 20_000 })).markdown);
} catch (e) { if (only.includes('report')) sections.push(`### report\n\nnot run: ${(e as Error).message}\n`); }
try {
  const { runSearchBench } = await import('./search.js');
  await section('search', async () => (await runSearchBench({ databaseUrl: pgUrl, rows: quick ? 50_000 : 1_000_000 })).markdown);
} catch (e) { if (only.includes('search')) sections.push(`### search\n\nnot run: ${(e as Error).message}\n`); }

const header = `# Benchmark results\n\nWritten by \`npm run bench\` on ${started.toISOString()} (Node ${process.version}, ${(await import('node:os')).cpus().length} × ${(await import('node:os')).cpus()[0]?.model.trim() ?? 'CPU'}${quick ? ', BENCH_QUICK' : ''}).\nOne 2-core machine runs the load generator, the server and PostgreSQL together: figures are noisy; each compares against a baseline measured in the same run.\n\n`;
const resultsFile = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
/** Splits a results page into its `### ` sections, keyed by heading. */
const splitSections = (md: string) => md.split(/\n(?=### )/).filter((x) => x.startsWith('### ')).map((x) => [x.split('\n')[0], x.trimEnd() + '\n'] as const);
let body = sections.join('\n');
if (process.env.BENCH_ONLY && existsSync(resultsFile)) {
  // A partial run replaces only the sections it measured and keeps the others (each keeps its own run date).
  const fresh = new Map(splitSections(body));
  const merged = splitSections(readFileSync(resultsFile, 'utf8')).map(([h, old]) => fresh.get(h) ?? old);
  for (const [h, sec] of fresh) if (!merged.includes(sec) && !splitSections(readFileSync(resultsFile, 'utf8')).some(([oh]) => oh === h)) merged.push(sec);
  body = merged.join('\n');
}
writeFileSync(resultsFile, header + (process.env.BENCH_ONLY ? `Sections re-measured in this run: ${process.env.BENCH_ONLY}; the others are from the previous full run.\n\n` : '') + body);
process.stdout.write('\nwrote bench/RESULTS.md\n');
process.exit(0);
