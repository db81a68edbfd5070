/**
 * Import jobs (import_jobs table): an upload is saved to a temporary file, a job row is created and the import runs
 * in this process after the HTTP reply; the UI polls the job for progress and, at the end, the errors.
 *
 * Progress is written to the job row every batch on PostgreSQL (another pooled connection, outside the import's
 * transaction). The embedded PGlite has one connection, which the import's transaction holds while the file is
 * imported, so there the row is updated at the start and the end, and this process keeps the live figures in
 * memory (`getImportJob` answers from them) — with PGlite there is only one process anyway.
 */
import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { eq } from 'drizzle-orm';
import { importJobs } from '../../db/schema/index.js';
import { DomainError, isDomainError } from '../../core/errors.js';
import { requireRole } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { capError, isSingleConnection, quoteCell, type ImportKind, type ImportProgress, type ImportResult } from './common.js';
import { importCaseLedger } from './import-cases.js';
import { importAnnualFacts } from './import-facts.js';
import { IMPORT_ROLES, importRequestLedger } from './import-requests.js';
import type { LedgerError } from './request-ledger.js';

/** Errors kept in the job row (the full list can be long; the first ones are what a person fixes first). */
const MAX_JOB_ERRORS = 1000;
/** …and at most this much of them (JSON characters): every poll of a job returns its errors. */
const MAX_JOB_ERROR_CHARS = 256 * 1024;
/** Length of a job's message (a summary, or the refusal of the file as a whole). */
const MAX_JOB_MESSAGE = 2000;

/** The errors a job row keeps: the first ones, each quoting at most MAX_QUOTED_CHARS of its cell, within the caps. */
export function jobErrors(errors: readonly LedgerError[]): LedgerError[] {
  const out: LedgerError[] = [];
  let size = 0;
  for (const e of errors.slice(0, MAX_JOB_ERRORS)) {
    const capped = capError(e);
    size += JSON.stringify(capped).length;
    if (size > MAX_JOB_ERROR_CHARS) break;
    out.push(capped);
  }
  return out;
}

const capMessage = (m: string) => (m.length > MAX_JOB_MESSAGE ? `${m.slice(0, MAX_JOB_MESSAGE)}…` : m);

export interface ImportJobView {
  jobId: string;
  kind: string;
  filename: string;
  status: 'running' | 'succeeded' | 'failed';
  phase: ImportProgress['phase'] | null;
  processed: number;
  total: number | null;
  inserted: number;
  updated: number;
  errors: LedgerError[];
  errorCount: number;
  message: string | null;
  createdAt: Date;
  finishedAt: Date | null;
}

interface Live { kind: string; filename: string; createdAt: Date; progress: ImportProgress; done: Promise<ImportJobView | null> }
const live = new Map<number, Live>();

function summary(r: ImportResult): string {
  const what = r.kind === 'requests' ? '申请' : r.kind === 'cases' ? '案件' : '年度填报';
  if (!r.ok) return `文件有 ${r.errorCount} 处错误，未导入任何数据；请按错误清单修改后重新导入`;
  const parts = [`共 ${r.total} 行：新增${what} ${r.inserted} 件，更新 ${r.updated} 件`];
  if (r.departmentsCreated.length) parts.push(`新建承办单位 ${r.departmentsCreated.join('、')}`);
  if (r.warnings.length) parts.push(`提示 ${r.warnings.length} 条：${r.warnings.slice(0, 5).map(quoteCell).join('；')}`);
  return capMessage(parts.join('；'));
}

/**
 * Creates a job for an uploaded file (already saved at `path`; the file and its directory are removed when the job
 * ends) and starts it in the background. Returns the job id at once.
 */
export async function startImportJob(ctx: ServiceContext, kind: ImportKind, path: string, filename: string, opts: { removeDir?: boolean } = {}): Promise<number> {
  const actor = requireRole(ctx.actor, ...IMPORT_ROLES);
  const [job] = await ctx.db.insert(importJobs).values({ kind, filename, status: 'running', createdBy: actor.id > 0 ? actor.id : null, message: '正在校验文件…' }).returning({ id: importJobs.id });
  const id = job.id;
  const progress: ImportProgress = { phase: 'validating', processed: 0, total: null, inserted: 0, updated: 0 };
  const single = isSingleConnection(ctx.db);
  const onProgress = async (p: ImportProgress) => {
    Object.assign(progress, p);
    // On PGlite the import's transaction holds the only connection while the file is imported: memory only.
    if (single) return;
    await ctx.db.update(importJobs).set({
      processed: p.processed, total: p.total, inserted: p.inserted, updated: p.updated,
      message: p.phase === 'validating' ? '正在校验文件…' : '正在写入…',
    }).where(eq(importJobs.id, id));
  };
  const run = async (): Promise<ImportJobView | null> => {
    try {
      const importer = kind === 'requests' ? importRequestLedger : kind === 'cases' ? importCaseLedger : importAnnualFacts;
      const r = await importer(ctx, path, { filename, onProgress, jobId: id });
      await ctx.db.update(importJobs).set({
        status: r.ok ? 'succeeded' : 'failed', total: r.total, processed: r.ok ? r.total : progress.processed, inserted: r.inserted, updated: r.updated,
        errors: jobErrors(r.errors), message: summary(r), finishedAt: new Date(),
      }).where(eq(importJobs.id, id));
    } catch (e) {
      const message = isDomainError(e) ? e.message : `导入失败：${(e as Error).message ?? String(e)}。数据库未作任何修改，请稍后重试或联系管理员`;
      const details = isDomainError(e) ? (e.details as { errors?: LedgerError[] } | undefined) : undefined;
      await ctx.db.update(importJobs).set({ status: 'failed', message: capMessage(message), errors: jobErrors(details?.errors ?? []), finishedAt: new Date() }).where(eq(importJobs.id, id)).catch(() => undefined);
    } finally {
      live.delete(id);
      await rm(opts.removeDir ? dirname(path) : path, { recursive: true, force: true }).catch(() => undefined);
    }
    return readJob(ctx, id);
  };
  live.set(id, { kind, filename, createdAt: new Date(), progress, done: Promise.resolve().then(run) });
  return id;
}

async function readJob(ctx: ServiceContext, id: number): Promise<ImportJobView | null> {
  const [row] = await ctx.db.select().from(importJobs).where(eq(importJobs.id, id));
  if (!row) return null;
  const errors = (row.errors ?? []) as LedgerError[];
  const view: ImportJobView = {
    jobId: String(row.id), kind: row.kind, filename: row.filename, status: row.status as ImportJobView['status'],
    phase: row.status === 'running' ? null : 'done', processed: row.processed, total: row.total, inserted: row.inserted, updated: row.updated,
    errors, errorCount: errors.length, message: row.message, createdAt: row.createdAt, finishedAt: row.finishedAt,
  };
  const l = live.get(id);
  if (l && view.status === 'running') Object.assign(view, { phase: l.progress.phase, processed: l.progress.processed, total: l.progress.total, inserted: l.progress.inserted, updated: l.progress.updated });
  return view;
}

/** A job's status, progress and (when it failed) errors. */
export async function getImportJob(ctx: ServiceContext, id: number): Promise<ImportJobView> {
  requireRole(ctx.actor, ...IMPORT_ROLES);
  const l = live.get(id);
  // While a PGlite import transaction is open a query would wait for it: answer from memory.
  if (l && isSingleConnection(ctx.db)) {
    return {
      jobId: String(id), kind: l.kind, filename: l.filename, status: 'running', phase: l.progress.phase, processed: l.progress.processed, total: l.progress.total,
      inserted: l.progress.inserted, updated: l.progress.updated, errors: [], errorCount: 0, message: l.progress.phase === 'validating' ? '正在校验文件…' : '正在写入…',
      createdAt: l.createdAt, finishedAt: null,
    };
  }
  const view = await readJob(ctx, id);
  if (!view) throw new DomainError('NOT_FOUND', `导入任务 ${id} 不存在`);
  return view;
}

/** Resolves when the job ends (tests, CLI). Null when the job is not running in this process. */
export function waitForImportJob(id: number): Promise<ImportJobView | null> | null {
  return live.get(id)?.done ?? null;
}
