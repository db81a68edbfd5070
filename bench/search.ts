/**
 * Search benchmark (issue 6): public full-text search over N generated Chinese publications on PostgreSQL.
 *
 * - Data: N publications generated from a fixed seed (titles and bodies composed from the vocabulary of a natural
 *   resources agency), segmented by the same jieba code the app uses (services/publications/segmenter.ts) and
 *   written to a scratch database `gongkai_bench_search` created next to `databaseUrl` (reused by later runs when it
 *   already holds the same N rows of the same generator version).
 * - Measured: the app's own search use case (`searchPublications`: segmentation, tsquery, ts_rank, count, snippets)
 *   over sample queries, p50/p95; baseline in the same run: the substring scan a first implementation would write
 *   (`title || body ILIKE '%term%'` for every term, newest first).
 * - Checked: for every sample query, the index search ordered like the baseline (newest first) returns the same top 10
 *   as the ILIKE scan, and every relevance-ranked top-10 item contains all the query words.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openDb, type DbHandle } from '../src/db/client.js';
import { migrateDb } from '../src/db/migrate.js';
import { segmentForIndex, segmentQuery } from '../src/services/publications/segmenter.js';
import { searchPublications } from '../src/services/publications/search.js';
import { buildTsQuery } from '../src/core/publications/search-text.js';
import { DEFAULT_CATALOGUE } from '../src/services/publications/catalogue.js';
import { seededRandom } from '../src/core/random.js';

/** The scratch database is reused only for the same generator and the same migrations. */
const GENERATOR_VERSION = `search-bench-v2/${(JSON.parse(readFileSync(new URL('../src/db/migrations/meta/_journal.json', import.meta.url), 'utf8')) as { entries: { tag: string }[] }).entries.at(-1)?.tag}`;
const DB_NAME = 'gongkai_bench_search';

// ---------------------------------------------------------------- generator

const PLACES = ['示范市', '东城区', '西城区', '南湖区', '北山县', '临江县', '青松镇', '高新区', '经济开发区', '滨海新区', '河西区', '云岭县'];
const TOPICS = [
  '耕地保护', '永久基本农田', '耕地占补平衡', '土地供应', '建设用地审批', '征地补偿', '集体土地征收', '国有建设用地使用权出让', '土地储备', '闲置土地处置',
  '不动产登记', '不动产权籍调查', '国土空间规划', '村庄规划', '详细规划', '用途管制', '生态保护红线', '城镇开发边界', '地质灾害防治', '地质勘查',
  '矿产资源规划', '矿业权出让', '采矿许可证', '探矿权', '矿山地质环境恢复治理', '绿色矿山建设', '测绘地理信息', '测绘资质', '基础测绘', '卫星遥感监测',
  '自然资源确权登记', '自然资源资产', '林长制', '森林防火', '草原保护', '湿地保护', '自然保护地', '野生动物保护', '海域使用', '海岸线保护修复',
  '海洋生态修复', '国土综合整治', '生态保护修复', '土地复垦', '城市更新', '历史文化名城保护', '建设工程规划许可', '规划条件核实', '地价评估', '土地执法',
  '卫片执法', '违法用地查处', '自然资源督察', '政府信息公开', '政务公开', '行政审批制度改革', '优化营商环境', '安全生产', '信访工作', '财政预算',
];
const ACTIONS = ['做好', '加强', '进一步规范', '开展', '推进', '深化', '严格', '完善', '部署', '落实'];
const DOC_TYPES = ['通知', '意见', '实施方案', '办法', '公告', '通告', '批复', '决定', '工作要点', '细则'];
const GENERIC = [
  '各有关单位要高度重视，切实加强组织领导，明确责任分工，确保各项工作落到实处。',
  '请各区县结合实际认真贯彻执行，执行中遇到的问题请及时报告。',
  '本文件自印发之日起施行，有效期五年。',
  '各级自然资源主管部门要加强统筹协调，强化监督检查，定期通报工作进展情况。',
  '对工作中发现的问题，要建立台账，限期整改，并将整改情况向社会公开。',
  '要充分运用信息化手段，提高审批效率，优化服务流程，方便群众办事。',
  '坚持依法行政，严格执行法律法规规定的程序和时限。',
  '联系人：综合处，联系电话：010-12345678。',
];

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

interface GeneratedDoc { title: string; body: string; topic: string; issuer: string; writtenOn: string; publishedOn: string; docNumber: string | null; category: string }

/** Publication number `i` of the generated corpus (same for every run). */
export function generateDoc(i: number): GeneratedDoc {
  const rand = seededRandom(i * 2654435761 + 7);
  const topic = pick(rand, TOPICS);
  const other = pick(rand, TOPICS);
  const place = pick(rand, PLACES);
  const year = 2012 + Math.floor(rand() * 14);
  const kind = pick(rand, DOC_TYPES);
  const title = rand() < 0.6 ? `关于${pick(rand, ACTIONS)}${year}年${place}${topic}工作的${kind}` : `${place}${topic}${kind}（${year}年第${1 + Math.floor(rand() * 40)}号）`;
  const sentences = [
    `为${pick(rand, ACTIONS)}${topic}工作，根据有关法律法规和上级部署，结合${place}实际，制定本${kind}。`,
    `${year}年，${place}${topic}各项任务有序推进，${other}工作取得新进展。`,
  ];
  const extra = 2 + Math.floor(rand() * 5);
  for (let k = 0; k < extra; k++) sentences.push(rand() < 0.5 ? pick(rand, GENERIC) : `${k + 1}、${pick(rand, ACTIONS)}${pick(rand, TOPICS)}，统筹推进${pick(rand, TOPICS)}。`);
  const month = 1 + Math.floor(rand() * 12);
  const day = 1 + Math.floor(rand() * 28);
  const writtenOn = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const pub = new Date(Date.UTC(year, month - 1, day + 1 + Math.floor(rand() * 20)));
  const publishedOn = pub.toISOString().slice(0, 10);
  return {
    title, body: sentences.join(''), topic, issuer: rand() < 0.8 ? '示范市自然资源和规划局' : `${place}人民政府`, writtenOn, publishedOn,
    docNumber: rand() < 0.7 ? `示自然资发〔${year}〕${1 + Math.floor(rand() * 300)}号` : null,
    category: pick(rand, DEFAULT_CATALOGUE).code,
  };
}

// ---------------------------------------------------------------- database
async function adminQuery(url: string, fn: (c: pg.Client) => Promise<void>) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { await fn(c); } finally { await c.end(); }
}

function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function existingRows(url: string): Promise<number | null> {
  let n: number | null = null;
  await adminQuery(url, async (c) => {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB_NAME]);
    if (!r.rowCount) return;
    await adminQuery(withDb(url, DB_NAME), async (d) => {
      const m = await d.query(`SELECT value FROM settings WHERE key = 'bench_search'`).catch(() => ({ rows: [] as { value: { rows: number; version: string } }[] }));
      const v = m.rows[0]?.value;
      if (v?.version === GENERATOR_VERSION) n = v.rows;
    });
  });
  return n;
}

/** A fresh database `dbName` (migrated) holding `rows` generated, published publications. Also used by bench/public-mix.ts. */
export async function load(url: string, rows: number, log: (s: string) => void, dbName = DB_NAME): Promise<{ seconds: number }> {
  const t0 = Date.now();
  await adminQuery(url, async (c) => {
    await c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [dbName]);
    await c.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await c.query(`CREATE DATABASE ${dbName}`);
  });
  const handle = await openDb({ databaseUrl: withDb(url, dbName), dataDir: '', poolSize: 2 });
  await migrateDb(handle);
  await handle.close();
  const pool = new pg.Pool({ connectionString: withDb(url, dbName), max: 2 });
  try {
    const ids = new Map<string, number>();
    let order = 0;
    for (const c of DEFAULT_CATALOGUE) {
      // The migrations seed the 61号 tree: take its rows, add any the generator needs.
      const r = await pool.query('INSERT INTO catalogue_categories (code, name, parent_id, sort_order) VALUES ($1, $2, $3, $4) ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id', [c.code, c.name, c.parent ? ids.get(c.parent) : null, order++]);
      ids.set(c.code, r.rows[0].id);
    }
    // Bulk load without the secondary indexes; build them afterwards (much faster than maintaining them per row).
    const indexes = (await pool.query(`SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'publications' AND indexname <> 'publications_pkey'`)).rows as { indexname: string; indexdef: string }[];
    for (const ix of indexes) await pool.query(`DROP INDEX ${ix.indexname}`);
    const batch = 2000;
    let pending: Promise<unknown> | null = null;
    for (let start = 0; start < rows; start += batch) {
      const cols: unknown[][] = Array.from({ length: 13 }, () => []);
      for (let i = start; i < Math.min(rows, start + batch); i++) {
        const d = generateDoc(i);
        const values = [`BENCH/${d.category}-${d.publishedOn.slice(0, 4)}-${String(i).padStart(7, '0')}`, d.title, d.docNumber, d.issuer, d.writtenOn, d.publishedOn, ids.get(d.category), d.topic,
          `<p>${d.body}</p>`, d.body, segmentForIndex(d.title), segmentForIndex(d.title, d.body), d.writtenOn];
        values.forEach((v, k) => cols[k].push(v));
      }
      if (pending) await pending;
      pending = pool.query(`INSERT INTO publications (index_no, title, doc_number, issuer, written_on, published_on, category_id, topic, body_html, body_text, search_title, search_text, formed_on, state, source, event_count)
        SELECT u.*, 'published', 'import', 1 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::date[]) AS u`, cols);
      if ((start / batch) % 50 === 0) log(`  loaded ${start.toLocaleString()} / ${rows.toLocaleString()} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
    if (pending) await pending;
    log(`  rows loaded in ${((Date.now() - t0) / 1000).toFixed(0)} s; building indexes`);
    await pool.query(`SET maintenance_work_mem = '1GB'`).catch(() => undefined);
    for (const ix of indexes) await pool.query(ix.indexdef);
    await pool.query('VACUUM ANALYZE publications');
    await pool.query(`INSERT INTO settings (key, value) VALUES ('bench_search', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`, [JSON.stringify({ rows, version: GENERATOR_VERSION })]);
  } finally {
    await pool.end();
  }
  return { seconds: (Date.now() - t0) / 1000 };
}

// ---------------------------------------------------------------- measurement
export const SAMPLE_QUERIES = [
  '耕地保护', '保护耕地 通知', '地质灾害防治 实施方案', '不动产登记', '国土空间规划 公告', '建设用地审批 2023',
  '矿业权出让', '政府信息公开', '征地补偿 北山县', '测绘资质', '林长制 意见', '海域使用 办法',
  '示范市 生态保护修复', '违法用地查处', '湿地保护 2019年', '工作 通知',
];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function escapeLike(s: string) {
  return s.replace(/[%_\\]/g, (m) => `\\${m}`);
}

export async function runSearchBench(opts: { databaseUrl: string; rows: number; reps?: number; log?: (s: string) => void }): Promise<{ markdown: string }> {
  const log = opts.log ?? ((s: string) => process.stdout.write(`${s}\n`));
  const reps = opts.reps ?? 20;
  let loadNote = 'reused from an earlier run (same generator, same size)';
  if ((await existingRows(opts.databaseUrl)) !== opts.rows) {
    const { seconds } = await load(opts.databaseUrl, opts.rows, log);
    loadNote = `generated, segmented with jieba and loaded in ${seconds.toFixed(0)} s (indexes built after the load)`;
  }
  const handle: DbHandle = await openDb({ databaseUrl: withDb(opts.databaseUrl, DB_NAME), dataDir: '', poolSize: 4 });
  const pool = new pg.Pool({ connectionString: withDb(opts.databaseUrl, DB_NAME), max: 2 });
  try {
    // Warm-up: jieba dictionary, buffer cache.
    for (const q of SAMPLE_QUERIES) await searchPublications(handle.db, { q });
    const perQuery: { q: string; total: number; estimate: boolean; p50: number; p95: number; ilikeMs: number; sameTop: boolean; precise: boolean; mode: string }[] = [];
    const all: number[] = [];
    for (const q of SAMPLE_QUERIES) {
      const times: number[] = [];
      let result = await searchPublications(handle.db, { q });
      for (let r = 0; r < reps; r++) {
        const t0 = performance.now();
        result = await searchPublications(handle.db, { q });
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      all.push(...times);
      const terms = segmentQuery(q);
      // Baseline: substring scan with the query's words, newest first.
      const words = terms.map((t) => t.word);
      const likeCond = words.map((_, k) => `(title || ' ' || body_text) ILIKE $${k + 1}`).join(' AND ');
      const likeParams = words.map((w) => `%${escapeLike(w)}%`);
      const t1 = performance.now();
      const ilike = await pool.query(`SELECT id FROM publications WHERE state = 'published' AND ${likeCond} ORDER BY published_on DESC, id DESC LIMIT 10`, likeParams);
      const ilikeMs = performance.now() - t1;
      // The index search in the same order must return the same top 10.
      const tsq = buildTsQuery(terms, 'and');
      const fts = await pool.query(`SELECT id FROM publications WHERE state = 'published' AND search_vector @@ to_tsquery('simple', $1) ORDER BY published_on DESC, id DESC LIMIT 10`, [tsq]);
      const sameTop = JSON.stringify(ilike.rows.map((r) => r.id)) === JSON.stringify(fts.rows.map((r) => r.id));
      // Every relevance-ranked item contains every query word (title or body).
      const ranked = await pool.query(`SELECT title || ' ' || body_text AS text FROM publications WHERE index_no = ANY($1)`, [result.items.map((i) => i.indexNo)]);
      const precise = result.mode !== 'and' || ranked.rows.every((r) => words.every((w) => (r.text as string).toLowerCase().includes(w)));
      perQuery.push({ q, total: result.total, estimate: result.totalIsEstimate, p50: percentile(times, 50), p95: percentile(times, 95), ilikeMs, sameTop, precise, mode: result.mode });
      log(`  ${q}: ${result.total} hits, p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, ILIKE ${ilikeMs.toFixed(0)} ms, same top 10: ${sameTop}`);
    }
    all.sort((a, b) => a - b);
    const p50 = percentile(all, 50);
    const p95 = percentile(all, 95);
    const searchMean = all.reduce((s, x) => s + x, 0) / all.length;
    const ilikeMean = perQuery.reduce((s, x) => s + x.ilikeMs, 0) / perQuery.length;
    const speedup = ilikeMean / searchMean;
    // No query: newest first (the portal's landing list), and a filtered list.
    const latest: number[] = [];
    for (let r = 0; r < reps; r++) { const t0 = performance.now(); await searchPublications(handle.db, { page: 1 }); latest.push(performance.now() - t0); }
    latest.sort((a, b) => a - b);
    const filtered: number[] = [];
    for (let r = 0; r < reps; r++) { const t0 = performance.now(); await searchPublications(handle.db, { q: '耕地保护', year: 2020, category: '02' }); filtered.push(performance.now() - t0); }
    filtered.sort((a, b) => a - b);
    const sameAll = perQuery.every((x) => x.sameTop);
    const preciseAll = perQuery.every((x) => x.precise);
    const md = [
      `### Public search: ${opts.rows.toLocaleString('en-US')} generated Chinese publications (PostgreSQL)`, '',
      `Data ${loadNote}. Each query runs the app's search use case (jieba query segmentation, tsquery over the GIN-indexed tsvector, ts_rank then date, capped count, snippets with highlight) ${reps} times after a warm-up; the baseline is an ILIKE substring scan for the same words (newest first), run once per query in the same run.`, '',
      '| query | hits (≈ PostgreSQL estimate) | p50 ms | p95 ms | ILIKE scan ms | same top 10 as ILIKE (date order) | ranked top 10 all contain the words |',
      '|---|---|---|---|---|---|---|',
      ...perQuery.map((x) => `| ${x.q} | ${x.estimate ? '≈ ' : ''}${x.total.toLocaleString('en-US')}${x.mode === 'or' ? ' (any word)' : ''} | ${x.p50.toFixed(1)} | ${x.p95.toFixed(1)} | ${x.ilikeMs.toFixed(0)} | ${x.sameTop ? 'yes' : 'NO'} | ${x.precise ? 'yes' : 'NO'} |`),
      '',
      '| measure | value | goal |', '|---|---|---|',
      `| search latency over all sample queries, p50 / p95 | ${p50.toFixed(1)} ms / **${p95.toFixed(1)} ms** | p95 ≤ 50 ms: ${p95 <= 50 ? 'met' : 'NOT met'} |`,
      `| mean search vs mean ILIKE scan | ${searchMean.toFixed(1)} ms vs ${ilikeMean.toFixed(0)} ms = **${speedup.toFixed(0)}×** faster | ≥ 20×: ${speedup >= 20 ? 'met' : 'NOT met'} |`,
      `| same top results as the ILIKE scan | ${perQuery.filter((x) => x.sameTop).length}/${perQuery.length} queries | all: ${sameAll ? 'met' : 'NOT met'} |`,
      `| ranked results contain every query word | ${perQuery.filter((x) => x.precise).length}/${perQuery.length} queries | all: ${preciseAll ? 'met' : 'NOT met'} |`,
      `| no query (newest first), p50 / p95 | ${percentile(latest, 50).toFixed(1)} ms / ${percentile(latest, 95).toFixed(1)} ms | |`,
      `| query + year + category filter, p50 / p95 | ${percentile(filtered, 50).toFixed(1)} ms / ${percentile(filtered, 95).toFixed(1)} ms | |`,
      '',
    ].join('\n');
    return { markdown: md };
  } finally {
    await pool.end();
    await handle.close();
  }
}

// Run directly: `npx tsx bench/search.ts [rows]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = Number(process.argv[2] ?? 50_000);
  const url = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const { markdown } = await runSearchBench({ databaseUrl: url, rows });
  process.stdout.write(`\n${markdown}\n`);
  process.exit(0);
}
