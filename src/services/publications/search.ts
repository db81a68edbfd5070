import { and, asc, eq, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { catalogueCategories, publications } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { DomainError } from '../../core/errors.js';
import { buildTsQuery, highlightNeedles, highlightSnippet, highlightText, type QueryTerm } from '../../core/publications/search-text.js';
import { NORMATIVE_KIND_LABELS, VALIDITY_LABELS, type NormativeKind, type Validity } from '../../core/publications/workflow.js';
import { listCategoryRows, subtreeIds } from './catalogue.js';
import { listAttachmentMeta } from './attachments.js';
import { segmentQuery } from './segmenter.js';

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
  page: number;
  pageSize: number;
  /** and = all terms matched; or = no item had all terms, items with any term; latest = no query (newest first). */
  mode: 'and' | 'or' | 'latest';
  terms: string[];
  items: PublicSearchItem[];
}

/** Counting stops here: beyond it the total is reported as this number (a lower bound), like web search engines. */
export const SEARCH_COUNT_CAP = 10_000;

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

async function rankedIds(db: Executor, where: SQL[], tsq: string, limit: number, offset: number): Promise<{ ids: number[]; total: number }> {
  const q = sql`to_tsquery('simple', ${tsq})`;
  const cond = and(...where, sql`${publications.searchVector} @@ ${q}`);
  const [rows, counted] = await Promise.all([
    db.select({ id: publications.id }).from(publications).where(cond)
      .orderBy(sql`ts_rank(${publications.searchVector}, ${q}) DESC`, sql`${publications.publishedOn} DESC`, sql`${publications.id} DESC`)
      .limit(limit).offset(offset),
    db.execute(sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM ${publications} WHERE ${cond} LIMIT ${SEARCH_COUNT_CAP}) t`),
  ]);
  return { ids: rows.map((r) => r.id), total: (counted as unknown as { rows: { n: number }[] }).rows[0].n };
}

/**
 * The public search (条例 Art.23–24: the public finds proactively disclosed information on the platform). With a
 * query: jieba-segmented terms, all of them required (falling back to any of them when no item has all), ranked by
 * ts_rank (title weighted A) then newest first; without one: newest first. Only published items (Art.17).
 */
export async function searchPublications(db: Executor, f: PublicSearchQuery): Promise<PublicSearchResult> {
  const pageSize = Math.min(Math.max(Math.trunc(f.pageSize ?? 10), 1), 50);
  const page = Math.min(Math.max(Math.trunc(f.page ?? 1), 1), 1000);
  const offset = (page - 1) * pageSize;
  const where = await filterConditions(db, f);
  const terms: QueryTerm[] = f.q?.trim() ? segmentQuery(f.q.trim()) : [];
  if (!where) return { total: 0, page, pageSize, mode: terms.length ? 'and' : 'latest', terms: terms.map((t) => t.word), items: [] };

  let mode: PublicSearchResult['mode'] = 'latest';
  let ids: number[] = [];
  let total = 0;
  if (terms.length) {
    mode = 'and';
    ({ ids, total } = await rankedIds(db, where, buildTsQuery(terms, 'and')!, pageSize, offset));
    if (total === 0 && terms.length > 1) {
      mode = 'or';
      ({ ids, total } = await rankedIds(db, where, buildTsQuery(terms, 'or')!, pageSize, offset));
    }
  } else {
    const cond = and(...where);
    const [rows, [{ n }]] = await Promise.all([
      db.select({ id: publications.id }).from(publications).where(cond).orderBy(sql`${publications.publishedOn} DESC`, sql`${publications.id} DESC`).limit(pageSize).offset(offset),
      db.select({ n: sql<number>`count(*)::int` }).from(publications).where(cond),
    ]);
    ids = rows.map((r) => r.id);
    total = n;
  }
  if (!ids.length) return { total, page, pageSize, mode, terms: terms.map((t) => t.word), items: [] };

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
  return { total, page, pageSize, mode, terms: terms.map((t) => t.word), items };
}

/** Values for the portal's filter controls: years with items, issuing bodies, topics. */
export async function getPublicFilters(db: Executor) {
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
