import { and, asc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { catalogueCategories, publications } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { DomainError } from '../../core/errors.js';
import { buildTsQuery, highlightNeedles, highlightSnippet, highlightText, type QueryTerm } from '../../core/publications/search-text.js';
import { NORMATIVE_KIND_LABELS, VALIDITY_LABELS, type NormativeKind, type Validity } from '../../core/publications/workflow.js';
import { listCategoryRows, subtreeIds } from './catalogue.js';
import { listAttachmentMeta } from './attachments.js';
import { segmentQuery } from './segmenter.js';
import { cachedPublic } from './public-cache.js';

export interface PublicSearchQuery {
  q?: string;
  page?: number;
  pageSize?: number;
  year?: number;
  /** Category code (includes its sub-categories). */
  category?: string;
  issuer?: string;
  topic?: string;
}

export interface PublicSearchItem {
  indexNo: string;
  title: string;
  /** Title HTML-escaped with the query terms in <em>. */
  titleHighlight: string;
  publishedOn: string;
  writtenOn: string | null;
  docNumber: string | null;
  issuer: string;
  category: string | null;
  topic: string | null;
  validity: string;
  /** HTML-escaped text around the first hit, terms in <em>. */
  snippet: string;
}

export interface PublicSearchResult {
  total: number;
  /** True when `total` is PostgreSQL's estimate (more than RANK_LIMIT matches for a query, or SEARCH_COUNT_CAP without one). */
  totalIsEstimate: boolean;
  page: number;
  pageSize: number;
  /** and = all terms matched; or = no item had all terms, items with any term; latest = no query (newest first). */
  mode: 'and' | 'or' | 'latest';
  terms: string[];
  items: PublicSearchItem[];
}

/** Exact totals up to this many; beyond it the total is PostgreSQL's estimate (`totalIsEstimate`). Pages end there too. */
export const SEARCH_COUNT_CAP = 10_000;

/**
 * Up to this many matches are ranked exactly by ts_rank (title weighted A), then newest first. A broader query (a
 * common word over a million items) puts title hits first — ranked exactly when there are at most this many of them,
 * else newest first — then body-only hits newest first: no query has to score more than this many rows, every page
 * comes from an index, and the result stays sensible (bench/search.ts measures it at 1,000,000 items).
 */
export const RANK_LIMIT = 1_000;

/** Up to this many title (or body-only) matches of a broad query are read and sorted newest first; more are walked by month. */
export const SORT_LIMIT = 3_000;

const rowsOf = <T>(r: unknown) => (r as { rows: T[] }).rows;

/** Number of matches, counting at most `cap` rows. */
async function cappedCount(db: Executor, cond: SQL, cap: number): Promise<number> {
  const r = await db.execute(sql`SELECT count(*)::int AS n FROM (SELECT FROM ${publications} WHERE ${cond} LIMIT ${cap}) t`);
  return rowsOf<{ n: number }>(r)[0].n;
}

/** PostgreSQL's own estimate of the number of matches (from the statistics of the text-search columns). */
async function estimatedCount(db: Executor, cond: SQL): Promise<number> {
  const r = await db.execute(sql`EXPLAIN (FORMAT JSON) SELECT FROM ${publications} WHERE ${cond}`);
  const cell = Object.values(rowsOf<Record<string, unknown>>(r)[0])[0];
  const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan: { 'Plan Rows': number } }[];
  return Math.round(plan[0].Plan['Plan Rows']);
}

async function idsBy(db: Executor, cond: SQL, order: SQL[], limit: number, offset: number): Promise<number[]> {
  if (limit <= 0) return [];
  const rows = await db.select({ id: publications.id }).from(publications).where(cond).orderBy(...order).limit(limit).offset(offset);
  return rows.map((r) => r.id);
}

async function filterConditions(db: Executor, f: PublicSearchQuery): Promise<SQL[] | null> {
  const where: SQL[] = [eq(publications.state, 'published')];
  if (f.year) where.push(sql`${publications.publishedOn} BETWEEN ${`${f.year}-01-01`} AND ${`${f.year}-12-31`}`);
  if (f.issuer?.trim()) where.push(eq(publications.issuer, f.issuer.trim()));
  if (f.topic?.trim()) where.push(eq(publications.topic, f.topic.trim()));
  if (f.category?.trim()) {
    const rows = await listCategoryRows(db);
    const cat = rows.find((r) => r.code === f.category!.trim());
    if (!cat) return null;
    where.push(inArray(publications.categoryId, subtreeIds(rows, cat.id)));
  }
  return where;
}

/** Newest first, in the order of the (state, published_on DESC NULLS LAST, id DESC NULLS LAST) index. */
const NEWEST = [sql`${publications.publishedOn} DESC NULLS LAST`, sql`${publications.id} DESC NULLS LAST`];

interface Page { ids: number[]; total: number; totalIsEstimate: boolean }

/** `mYYYYMM` lexemes of the months that have published items (within `year` when given), newest first. */
async function monthLexemes(db: Executor, year?: number): Promise<string[]> {
  const r = await db.execute(sql`SELECT min(${publications.publishedOn})::text AS lo, max(${publications.publishedOn})::text AS hi FROM ${publications} WHERE ${publications.state} = 'published'`);
  let { lo, hi } = rowsOf<{ lo: string | null; hi: string | null }>(r)[0];
  if (!lo || !hi) return [];
  if (year) { lo = lo > `${year}-01-01` ? lo : `${year}-01-01`; hi = hi < `${year}-12-31` ? hi : `${year}-12-31`; }
  const out: string[] = [];
  for (let y = Number(hi.slice(0, 4)), m = Number(hi.slice(5, 7)); y * 100 + m >= Number(lo.slice(0, 4)) * 100 + Number(lo.slice(5, 7)); m === 1 ? (y--, m = 12) : m--) out.push(`m${y}${String(m).padStart(2, '0')}`);
  return out;
}

/**
 * The newest `need` matches of a broad query, month by month: for each month (newest first) the GIN index intersects
 * the query with that month's lexeme, so only that month's matches are read from the table; the outer LIMIT stops as
 * soon as enough are found. The inner ORDER BY deliberately does not follow the date index (NULLS FIRST), so
 * PostgreSQL never walks the date index hoping to meet matches — which takes seconds for words tied to old dates.
 */
async function newestByMonth(db: Executor, where: SQL[], vector: SQL, tsq: string, extra: SQL | null, months: string[], need: number): Promise<number[]> {
  if (need <= 0 || months.length === 0) return [];
  const inMonth = sql`${vector} @@ (to_tsquery('simple', ${tsq}) && m.lex::tsquery)`;
  const cond = and(...where, inMonth, ...(extra ? [extra] : []))!;
  const r = await db.execute(sql`SELECT x.id, x.published_on::text AS published_on
    FROM unnest(string_to_array(${months.join(',')}, ',')) AS m(lex)
    CROSS JOIN LATERAL (SELECT ${publications.id} AS id, ${publications.publishedOn} AS published_on FROM ${publications} WHERE ${cond}
                        ORDER BY ${publications.publishedOn} DESC, ${publications.id} DESC LIMIT ${need}) x
    LIMIT ${need}`);
  return rowsOf<{ id: number; published_on: string }>(r)
    .sort((a, b) => b.published_on.localeCompare(a.published_on) || b.id - a.id)
    .map((x) => x.id);
}

/** Newest first, NOT in the date index's order (NULLS FIRST): PostgreSQL then reads the GIN matches and sorts them. */
const NEWEST_FROM_MATCHES = [sql`${publications.publishedOn} DESC`, sql`${publications.id} DESC`];

async function rankedIds(db: Executor, where: SQL[], tsq: string, limit: number, offset: number, rankLimit: number, sortLimit: number, year?: number): Promise<Page> {
  const q = sql`to_tsquery('simple', ${tsq})`;
  const byRank = [sql`ts_rank(${publications.searchVector}, ${q}) DESC`, ...NEWEST];
  const inAll = sql`${publications.searchVector} @@ ${q}`;
  const inTitle = sql`${publications.titleVector} @@ ${q}`;
  const match = and(...where, inAll)!;
  const titleMatch = and(...where, inTitle)!;
  const need = offset + limit;
  // Few matches: count them (at most rankLimit + 1) and rank them all. PostgreSQL's estimates err low for several
  // correlated words, never much high, so a high estimate safely skips counting; so do many title hits (the title
  // index is small and quick to count, the body index is not).
  const estimate = await estimatedCount(db, match);
  const titleEstimate = estimate <= sortLimit * 2 ? null : await estimatedCount(db, titleMatch);
  const titleCount = titleEstimate !== null && titleEstimate > sortLimit * 2 ? Infinity : await cappedCount(db, titleMatch, sortLimit + 1);
  let counted = 0;
  if (estimate <= rankLimit && titleCount <= rankLimit) {
    counted = await cappedCount(db, match, rankLimit + 1);
    if (counted <= rankLimit) return { ids: offset < counted ? await idsBy(db, match, byRank, limit, offset) : [], total: counted, totalIsEstimate: false };
  }
  const total = Math.max(estimate, counted, Number.isFinite(titleCount) ? titleCount : 0, rankLimit + 1);
  // Many matches: title hits first — ranked when few, else newest first — then body-only hits newest first. Up to
  // sortLimit matches are read and sorted; beyond that they are dense enough to walk month by month.
  let months: string[] | null = null;
  const walk = async (vector: SQL, extra: SQL | null, n: number) => newestByMonth(db, where, vector, tsq, extra, (months ??= await monthLexemes(db, year)), n);
  let ids: number[];
  let titleHits: number;
  if (titleCount <= rankLimit) {
    ids = offset < titleCount ? await idsBy(db, titleMatch, byRank, limit, offset) : [];
    titleHits = titleCount;
  } else {
    const newest = titleCount <= sortLimit ? await idsBy(db, titleMatch, NEWEST_FROM_MATCHES, need, 0) : await walk(publications.titleVector as unknown as SQL, null, need);
    ids = newest.slice(offset);
    titleHits = newest.length < need ? newest.length : Infinity;
  }
  if (ids.length < limit && Number.isFinite(titleHits)) {
    const bodyNeed = need - titleHits;
    const notInTitle = sql`NOT (${inTitle})`;
    const body = total - titleHits <= sortLimit
      ? await idsBy(db, and(match, notInTitle)!, NEWEST_FROM_MATCHES, bodyNeed, 0)
      : await walk(publications.searchVector as unknown as SQL, notInTitle, bodyNeed);
    ids.push(...body.slice(Math.max(0, offset - titleHits)));
  }
  return { ids: ids.slice(0, limit), total, totalIsEstimate: true };
}

async function latestIds(db: Executor, where: SQL[], limit: number, offset: number): Promise<Page> {
  const cond = and(...where)!;
  const counted = await cappedCount(db, cond, SEARCH_COUNT_CAP + 1);
  const totalIsEstimate = counted > SEARCH_COUNT_CAP;
  const total = totalIsEstimate ? Math.max(counted, await estimatedCount(db, cond)) : counted;
  return { ids: await idsBy(db, cond, NEWEST, limit, offset), total, totalIsEstimate };
}

/**
 * The public search (条例 Art.23–24: the public finds proactively disclosed information on the platform). With a
 * query: jieba-segmented terms, all of them required (falling back to any of them when no item has all), ranked by
 * ts_rank (title weighted A) then newest first — for very broad queries title hits first (see RANK_LIMIT); without
 * one: newest first. Only published items (Art.17).
 */
/** `opts` lower the limits for tests of the broad-query paths. */
export async function searchPublications(db: Executor, f: PublicSearchQuery, opts: { rankLimit?: number; sortLimit?: number } = {}): Promise<PublicSearchResult> {
  const rankLimit = opts.rankLimit ?? RANK_LIMIT;
  const sortLimit = opts.sortLimit ?? SORT_LIMIT;
  const pageSize = Math.min(Math.max(Math.trunc(f.pageSize ?? 10), 1), 50);
  const page = Math.min(Math.max(Math.trunc(f.page ?? 1), 1), Math.ceil(SEARCH_COUNT_CAP / pageSize));
  const offset = (page - 1) * pageSize;
  const where = await filterConditions(db, f);
  const terms: QueryTerm[] = f.q?.trim() ? segmentQuery(f.q.trim()) : [];
  const empty = { page, pageSize, terms: terms.map((t) => t.word), items: [] };
  if (!where) return { ...empty, total: 0, totalIsEstimate: false, mode: terms.length ? 'and' : 'latest' };

  let mode: PublicSearchResult['mode'] = 'latest';
  let result: Page;
  if (terms.length) {
    mode = 'and';
    result = await rankedIds(db, where, buildTsQuery(terms, 'and')!, pageSize, offset, rankLimit, sortLimit, f.year);
    if (result.total === 0 && terms.length > 1) {
      mode = 'or';
      result = await rankedIds(db, where, buildTsQuery(terms, 'or')!, pageSize, offset, rankLimit, sortLimit, f.year);
    }
  } else {
    result = await latestIds(db, where, pageSize, offset);
  }
  const { ids, total, totalIsEstimate } = result;
  if (!ids.length) return { ...empty, total, totalIsEstimate, mode };

  const rows = await db.select({
    id: publications.id, indexNo: publications.indexNo, title: publications.title, publishedOn: publications.publishedOn, writtenOn: publications.writtenOn,
    docNumber: publications.docNumber, issuer: publications.issuer, topic: publications.topic, validity: publications.validity, summary: publications.summary,
    body: sql<string>`left(${publications.bodyText}, 20000)`, category: catalogueCategories.name,
  }).from(publications).leftJoin(catalogueCategories, eq(catalogueCategories.id, publications.categoryId)).where(inArray(publications.id, ids));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const needles = highlightNeedles(terms);
  const items = ids.map((id) => byId.get(id)!).filter(Boolean).map((r) => ({
    indexNo: r.indexNo!,
    title: r.title,
    titleHighlight: highlightText(r.title, needles),
    publishedOn: r.publishedOn!,
    writtenOn: r.writtenOn,
    docNumber: r.docNumber,
    issuer: r.issuer,
    category: r.category,
    topic: r.topic,
    validity: VALIDITY_LABELS[r.validity as Validity] ?? r.validity,
    snippet: highlightSnippet(r.body || r.summary || '', needles, 120),
  }));
  return { total, totalIsEstimate, page, pageSize, mode, terms: terms.map((t) => t.word), items };
}

/** Values for the portal's filter controls: years with items, issuing bodies, topics. */
export async function getPublicFilters(db: Executor) {
  return cachedPublic('filters', () => loadPublicFilters(db));
}

async function loadPublicFilters(db: Executor) {
  const published = eq(publications.state, 'published');
  const [years, issuers, topics] = await Promise.all([
    db.execute(sql`SELECT DISTINCT substr(published_on::text, 1, 4)::int AS year FROM ${publications} WHERE state = 'published' AND published_on IS NOT NULL ORDER BY 1 DESC`),
    db.select({ issuer: publications.issuer, n: sql<number>`count(*)::int` }).from(publications).where(published).groupBy(publications.issuer).orderBy(sql`count(*) DESC`).limit(100),
    db.select({ topic: publications.topic, n: sql<number>`count(*)::int` }).from(publications).where(and(published, isNotNull(publications.topic))).groupBy(publications.topic).orderBy(sql`count(*) DESC`).limit(100),
  ]);
  return {
    years: (years as unknown as { rows: { year: number }[] }).rows.map((r) => r.year),
    issuers: issuers.map((r) => ({ name: r.issuer, count: r.n })),
    topics: topics.map((r) => ({ name: r.topic!, count: r.n })),
  };
}

/** The public document page (Art.12 目录 fields + body + attachments + linked interpretations). */
export async function getPublicPublication(db: Executor, indexNo: string) {
  const [row] = await db.select().from(publications).where(and(eq(publications.indexNo, indexNo), eq(publications.state, 'published')));
  if (!row) throw new DomainError('NOT_FOUND', `索引号为 ${indexNo} 的信息不存在或未公开`);
  const cats = await listCategoryRows(db);
  const path: { code: string; name: string }[] = [];
  for (let c = cats.find((x) => x.id === row.categoryId); c; c = cats.find((x) => x.id === c!.parentId)) path.unshift({ code: c.code, name: c.name });
  const [files, interpretations, interprets] = await Promise.all([
    listAttachmentMeta(db, row.id),
    db.select({ indexNo: publications.indexNo, title: publications.title, publishedOn: publications.publishedOn }).from(publications)
      .where(and(eq(publications.interpretsId, row.id), eq(publications.state, 'published'))).orderBy(asc(publications.id)),
    row.interpretsId === null ? Promise.resolve([]) : db.select({ indexNo: publications.indexNo, title: publications.title, publishedOn: publications.publishedOn }).from(publications)
      .where(and(eq(publications.id, row.interpretsId), eq(publications.state, 'published'))),
  ]);
  return {
    indexNo: row.indexNo!,
    title: row.title,
    docNumber: row.docNumber,
    issuer: row.issuer,
    writtenOn: row.writtenOn,
    publishedOn: row.publishedOn!,
    category: path.at(-1) ?? null,
    categoryPath: path,
    topic: row.topic,
    disclosureMode: row.disclosureMode,
    summary: row.summary,
    validity: row.validity,
    validityLabel: VALIDITY_LABELS[row.validity as Validity] ?? row.validity,
    validityChangedOn: row.validityChangedOn,
    normativeKind: row.normativeKind,
    normativeKindLabel: row.normativeKind ? NORMATIVE_KIND_LABELS[row.normativeKind as NormativeKind] : null,
    bodyHtml: row.bodyHtml,
    attachments: files.map((a) => ({ id: a.id, filename: a.filename, contentType: a.contentType, size: a.size, url: `/api/public/attachments/${a.id}` })),
    interpretations: interpretations.map((i) => ({ indexNo: i.indexNo!, title: i.title, publishedOn: i.publishedOn! })),
    interprets: interprets[0] ? { indexNo: interprets[0].indexNo!, title: interprets[0].title, publishedOn: interprets[0].publishedOn! } : null,
  };
}
