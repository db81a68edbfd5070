import { basename } from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { importJobs, publicationEvents, publications } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { DomainError } from '../../core/errors.js';
import { mapImportHeaders, validateImportRow, type HeaderMapping, type ImportColumnKey, type ImportError, type PublicationImportRow } from '../../core/publications/import-row.js';
import { appendAudit } from '../audit.js';
import { requireRole } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { ensureDefaultCatalogue, resolveCategoryForImport } from './catalogue.js';
import { bodyColumns } from './create-publication.js';
import { readTable, tableFormatOf, type TableFormat } from './read-table.js';
import { getPublicationSettings } from './settings.js';
import { invalidatePublicCache } from './public-cache.js';
import { getSystemStartDate } from '../system-start.js';

export interface ImportProgress { phase: 'validate' | 'write'; processed: number; total: number | null }

export interface ImportOptions {
  /** Called after each batch (a progress bar). */
  onProgress?: (p: ImportProgress) => void;
  batchSize?: number;
  /** Name to record (uploads are stored under a temporary name). */
  filename?: string;
  format?: TableFormat;
  /** An import job row created beforehand (the HTTP upload returns its id at once). */
  jobId?: number;
}

export interface ImportResult {
  jobId: number;
  ok: boolean;
  total: number;
  inserted: number;
  updated: number;
  categoriesCreated: number;
  errors: ImportError[];
  message: string;
}

function rowValues(cells: readonly unknown[], mapping: HeaderMapping): Partial<Record<ImportColumnKey, unknown>> {
  const out: Partial<Record<ImportColumnKey, unknown>> = {};
  for (const [i, key] of mapping.columns) out[key] = cells[i] ?? null;
  return out;
}

/** Creates the job row that an upload reports progress on. */
export async function createImportJob(db: Executor, filename: string, createdBy: number | null): Promise<number> {
  const [job] = await db.insert(importJobs).values({ kind: 'publications', filename, status: 'running', createdBy }).returning({ id: importJobs.id });
  return job.id;
}

export async function getImportJob(ctx: ServiceContext, id: number) {
  requireRole(ctx.actor, 'publisher');
  const [job] = await ctx.db.select().from(importJobs).where(eq(importJobs.id, id));
  if (!job || job.kind !== 'publications') throw new DomainError('NOT_FOUND', `导入任务 ${id} 不存在`);
  return job;
}

/**
 * Use case: `gongkai import publications FILE` — migrates an existing portal's 主动公开 items (条例 Art.19–20). The file
 * is read twice as a stream: first every row is validated (and checked against existing 索引号), and a file with any
 * error is rejected whole with every error listed (row, column, value, why); then all rows are written in batches
 * inside ONE transaction, so nothing is ever half-imported. Imported items count as already reviewed and published;
 * re-importing the same 索引号 updates the item (only items that came from an import). That skips the secrecy review,
 * so only historical items may be imported: published before the system's start date (services/system-start.ts);
 * a later one is refused (it must be drafted and reviewed in the system), and the audit entry records the rule.
 */
export async function importPublications(ctx: ServiceContext, path: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const actor = requireRole(ctx.actor, 'publisher');
  const format = opts.format ?? tableFormatOf(path);
  const filename = opts.filename ?? basename(path);
  const batchSize = opts.batchSize ?? 500;
  const jobId = opts.jobId ?? (await createImportJob(ctx.db, filename, actor.id > 0 ? actor.id : null));
  const finish = async (r: Omit<ImportResult, 'jobId'>) => {
    await ctx.db.update(importJobs).set({ status: r.ok ? 'succeeded' : 'failed', total: r.total, processed: r.ok ? r.total : 0, inserted: r.inserted, updated: r.updated, errors: r.errors.slice(0, 5000), message: r.message, finishedAt: new Date() }).where(eq(importJobs.id, jobId));
    return { jobId, ...r };
  };
  try {
    // Pass 1: validate everything.
    const errors: ImportError[] = [];
    const seen = new Map<string, number>();
    let mapping: HeaderMapping | null = null;
    let total = 0;
    let batch: { rowNo: number; indexNo: string; column: string }[] = [];
    const startedOn = await getSystemStartDate(ctx.db, ctx.today);
    const checkExisting = async () => {
      if (!batch.length) return;
      const found = await ctx.db.select({ indexNo: publications.indexNo, source: publications.source }).from(publications).where(inArray(publications.indexNo, batch.map((b) => b.indexNo)));
      const taken = new Map(found.map((f) => [f.indexNo!, f.source]));
      for (const b of batch) {
        if (taken.has(b.indexNo) && taken.get(b.indexNo) !== 'import') errors.push({ row: b.rowNo, column: b.column, value: b.indexNo, message: '该索引号已被系统内起草发布的信息使用，导入不能覆盖它；请更正索引号' });
      }
      batch = [];
    };
    for await (const { rowNo, cells } of readTable(path, format)) {
      if (!mapping) {
        mapping = mapImportHeaders(cells);
        errors.push(...mapping.errors);
        if (mapping.errors.length) break;
        continue;
      }
      total++;
      const { row, errors: rowErrors } = validateImportRow(rowValues(cells, mapping), rowNo, mapping.headerOf, ctx.today);
      errors.push(...rowErrors);
      if (row && row.publishedOn >= startedOn) {
        errors.push({ row: rowNo, column: mapping.headerOf.publishedOn ?? '发布日期', value: row.publishedOn, message: `发布日期不早于系统启用日期 ${startedOn}：系统启用后发布的信息须在系统内起草并经保密审查后发布，不能导入（只能导入启用前已发布的历史信息）` });
      }
      if (row) {
        const first = seen.get(row.indexNo);
        const column = mapping.headerOf.indexNo ?? '索引号';
        if (first !== undefined) errors.push({ row: rowNo, column, value: row.indexNo, message: `索引号与第 ${first} 行重复` });
        else { seen.set(row.indexNo, rowNo); batch.push({ rowNo, indexNo: row.indexNo, column }); }
      }
      if (batch.length >= batchSize) await checkExisting();
      if (total % batchSize === 0) opts.onProgress?.({ phase: 'validate', processed: total, total: null });
    }
    await checkExisting();
    if (!mapping) errors.push({ row: 1, column: '', value: '', message: '文件是空的：第1行应为表头（索引号、标题、发布日期 …）' });
    else if (total === 0 && !errors.length) errors.push({ row: 2, column: '', value: '', message: '文件只有表头，没有数据行' });
    opts.onProgress?.({ phase: 'validate', processed: total, total });
    if (errors.length) {
      errors.sort((a, b) => a.row - b.row);
      return await finish({ ok: false, total, inserted: 0, updated: 0, categoriesCreated: 0, errors, message: `${filename}：发现 ${errors.length} 处错误，整个文件未导入。请按行号和列名更正后重新导入。` });
    }
    await ctx.db.update(importJobs).set({ total }).where(eq(importJobs.id, jobId));

    // Pass 2: write, one transaction.
    const settings = await getPublicationSettings(ctx.db);
    await ensureDefaultCatalogue(ctx.db);
    let inserted = 0;
    let updated = 0;
    let processed = 0;
    const categoryCache = new Map<string, number>();
    const categoriesBefore = await ctx.db.execute(sql`SELECT count(*)::int AS n FROM catalogue_categories`);
    await ctx.db.transaction(async (tx) => {
      let rows: PublicationImportRow[] = [];
      const flush = async () => {
        if (!rows.length) return;
        const values = [];
        for (const r of rows) {
          const categoryId = r.category ? await resolveCategoryForImport(tx, r.category, categoryCache) : null;
          values.push({
            indexNo: r.indexNo, title: r.title, docNumber: r.docNumber, issuer: r.issuer ?? settings.defaultIssuer,
            writtenOn: r.writtenOn, formedOn: r.writtenOn ?? r.publishedOn, publishedOn: r.publishedOn, withdrawnOn: null,
            categoryId, topic: r.topic, summary: r.summary, disclosureMode: r.disclosureMode,
            ...bodyColumns(r.title, r.body),
            validity: r.validity, validityChangedOn: r.validityChangedOn, normativeKind: r.normativeKind, channels: r.channels,
            state: 'published', source: 'import', eventCount: 1, createdBy: actor.id > 0 ? actor.id : null,
          });
        }
        const excluded = (c: string) => sql.raw(`excluded.${c}`);
        const saved = await tx.insert(publications).values(values).onConflictDoUpdate({
          target: publications.indexNo,
          set: {
            title: excluded('title'), docNumber: excluded('doc_number'), issuer: excluded('issuer'), writtenOn: excluded('written_on'), formedOn: excluded('formed_on'),
            publishedOn: excluded('published_on'), withdrawnOn: null, categoryId: excluded('category_id'), topic: excluded('topic'), summary: excluded('summary'),
            disclosureMode: excluded('disclosure_mode'), bodyHtml: excluded('body_html'), bodyText: excluded('body_text'), searchTitle: excluded('search_title'),
            searchText: excluded('search_text'), validity: excluded('validity'), validityChangedOn: excluded('validity_changed_on'), normativeKind: excluded('normative_kind'),
            channels: excluded('channels'), state: 'published', eventCount: sql`${publications.eventCount} + 1`, updatedAt: new Date(),
          },
        }).returning({ id: publications.id, seq: publications.eventCount, indexNo: publications.indexNo, isNew: sql<boolean>`(xmax = 0)` });
        await tx.insert(publicationEvents).values(saved.map((s) => ({ publicationId: s.id, seq: s.seq, type: 'imported', on: ctx.today, payload: { file: filename, indexNo: s.indexNo, jobId, historical: true }, actorId: actor.id > 0 ? actor.id : null, actorName: actor.displayName })));
        for (const s of saved) (s.isNew ? inserted++ : updated++);
        processed += rows.length;
        rows = [];
        opts.onProgress?.({ phase: 'write', processed, total });
        // Progress for pollers, outside the import's transaction (not awaited: on PGlite's single connection it runs
        // after the commit); monotonic, and never touches a finished job.
        void ctx.db.execute(sql`UPDATE import_jobs SET processed = GREATEST(processed, ${processed}) WHERE id = ${jobId} AND status = 'running'`).catch(() => undefined);
      };
      let map: HeaderMapping | null = null;
      for await (const { rowNo, cells } of readTable(path, format)) {
        if (!map) { map = mapImportHeaders(cells); continue; }
        const { row } = validateImportRow(rowValues(cells, map), rowNo, map.headerOf, ctx.today);
        if (!row) throw new Error(`row ${rowNo} changed between the two passes`);
        rows.push(row);
        if (rows.length >= batchSize) await flush();
      }
      await flush();
      await appendAudit(tx, actor, { action: 'publication.imported', targetType: 'import_job', targetId: jobId, detail: { file: filename, total, inserted, updated, historical: true, publishedBefore: startedOn, secrecyReview: '启用前已发布的历史信息，导入时不经保密审查' } }, ctx.ip ?? null, ctx.now);
    });
    invalidatePublicCache();
    // Fresh statistics: the search plans by PostgreSQL's estimates of how often words occur (PGlite runs no autovacuum).
    if (total >= 1000) await ctx.db.execute(sql`ANALYZE publications`);
    const categoriesAfter = await ctx.db.execute(sql`SELECT count(*)::int AS n FROM catalogue_categories`);
    const categoriesCreated = (categoriesAfter as unknown as { rows: { n: number }[] }).rows[0].n - (categoriesBefore as unknown as { rows: { n: number }[] }).rows[0].n;
    return await finish({ ok: true, total, inserted, updated, categoriesCreated, errors: [], message: `${filename}：导入 ${total} 条主动公开信息（新增 ${inserted} 条，更新 ${updated} 条${categoriesCreated ? `，新建公开目录 ${categoriesCreated} 个` : ''}）。` });
  } catch (e) {
    const message = e instanceof DomainError ? e.message : `${filename}：导入失败，未写入任何数据（${(e as Error).message}）`;
    await ctx.db.update(importJobs).set({ status: 'failed', message, finishedAt: new Date() }).where(eq(importJobs.id, jobId));
    throw e;
  }
}
