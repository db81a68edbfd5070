/**
 * Use cases of publishing the annual report (core/reports/publishing.ts; 条例 Art.17, 49–50): see what stops a year
 * from being published, submit a version (frozen report and page), 保密审查, 审核, publish with a confirmation naming
 * the year, correct a published report by a new version with a public 更正说明, withdraw it with a reason. Every
 * step is audited. `published_reports` always holds the current published version of a year.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { annualReportVersions, publishedReports } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { DomainError } from '../../core/errors.js';
import { buildNarrative, REPORT_FORMAT_LABELS, type ReportFormat } from '../../core/reports/index.js';
import {
  assertConfirmsYear, assertReadyToPublish, nextReportState, OPEN_VERSION_STATES, publishingProblems, REPORT_RELEASE_ROLES,
  REPORT_STEPS, REPORT_SUBMIT_ROLES, REPORT_VERSION_STATE_LABELS, reportYearEnded, type ReportStep, type ReportVersionState,
} from '../../core/reports/publishing.js';
import { appendAudit } from '../audit.js';
import { requireRole } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { buildYearReport, renderReportPage, reportTitle } from './annual-report.js';
import { assertReportYear, REPORT_READ_ROLES } from './facts.js';

type VersionRow = typeof annualReportVersions.$inferSelect;

/** Serialises the writers of one year's versions (two submissions at once would both take the next number). */
async function lockYear(tx: Executor, year: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(724110, ${year}::int)`);
}

const publicUrl = (year: number, version?: number) => (version ? `/api/public/reports/${year}/v/${version}` : `/api/public/reports/${year}`);

/** A version without its page and JSON (lists). */
function presentVersion(v: VersionRow) {
  const state = v.state as ReportVersionState;
  return {
    year: v.year, version: v.version, state, stateLabel: REPORT_VERSION_STATE_LABELS[state] ?? v.state,
    format: v.format, formatLabel: REPORT_FORMAT_LABELS[v.format as ReportFormat] ?? v.format, title: v.title,
    explanations: v.explanations as Record<string, string>, correctionNote: v.correctionNote, returnedReason: v.returnedReason,
    submittedAt: v.submittedAt, publishedOn: v.publishedOn, supersededOn: v.supersededOn, withdrawnOn: v.withdrawnOn, withdrawnReason: v.withdrawnReason,
    url: state === 'published' || state === 'superseded' ? publicUrl(v.year, v.version) : null,
  };
}
export type ReportVersionView = ReturnType<typeof presentVersion>;

async function versionsOf(db: Executor, year: number): Promise<VersionRow[]> {
  return db.select().from(annualReportVersions).where(eq(annualReportVersions.year, year)).orderBy(desc(annualReportVersions.version));
}

/**
 * Use case (staff): where the report of a year stands — whether the year has ended, what stops it from being
 * submitted now (computed from the records as they are), and every version so far.
 */
export async function getReportPublishing(ctx: ServiceContext, year: number, format?: ReportFormat) {
  requireRole(ctx.actor, ...REPORT_READ_ROLES);
  assertReportYear(year);
  const built = await buildYearReport(ctx.db, year, format);
  const versions = await versionsOf(ctx.db, year);
  const problems = publishingProblems({ year, today: ctx.today, report: built.report, narrative: buildNarrative(built.report, built.facts) });
  return {
    year, today: ctx.today, yearEnded: reportYearEnded(year, ctx.today), problems,
    failingChecks: built.report.checks.filter((c) => !c.ok),
    versions: versions.map(presentVersion),
    published: versions.some((v) => v.state === 'published'),
    open: versions.find((v) => OPEN_VERSION_STATES.includes(v.state as ReportVersionState)) ? presentVersion(versions.find((v) => OPEN_VERSION_STATES.includes(v.state as ReportVersionState))!) : null,
  };
}

export interface SubmitReportInput {
  format?: ReportFormat;
  /** Explanation of each failing check, by its rule. */
  explanations?: Record<string, string>;
  /** 更正说明: required when the year already has a published version (this one corrects it). */
  correctionNote?: string | null;
}

/**
 * Use case: submit the report of a year for 保密审查 (first publication or a correction). Refused with every reason
 * when the year has not ended, the text has placeholders, an entered cell is empty or a failing check is not
 * explained; refused when another version is already under review. The report and its page are frozen here: what
 * the reviewers see is what will be published.
 */
export async function submitAnnualReport(ctx: ServiceContext, year: number, input: SubmitReportInput = {}): Promise<ReportVersionView> {
  const actor = requireRole(ctx.actor, ...REPORT_SUBMIT_ROLES);
  assertReportYear(year);
  const built = await buildYearReport(ctx.db, year, input.format);
  const explanations = Object.fromEntries(Object.entries(input.explanations ?? {}).map(([k, v]) => [k, String(v ?? '').trim()]).filter(([, v]) => v));
  const narrative = buildNarrative(built.report, built.facts);
  assertReadyToPublish({ year, today: ctx.today, report: built.report, narrative, explanations });
  // Only explanations of checks that fail are kept.
  const failing = new Set(built.report.checks.filter((c) => !c.ok).map((c) => c.rule));
  const kept = Object.fromEntries(Object.entries(explanations).filter(([k]) => failing.has(k)));
  return ctx.db.transaction(async (tx) => {
    await lockYear(tx, year);
    const versions = await tx.select({ version: annualReportVersions.version, state: annualReportVersions.state }).from(annualReportVersions)
      .where(eq(annualReportVersions.year, year)).for('update');
    const open = versions.find((v) => OPEN_VERSION_STATES.includes(v.state as ReportVersionState));
    if (open) throw new DomainError('CONFLICT', `${year}年度报告第${open.version}版正在审查（${REPORT_VERSION_STATE_LABELS[open.state as ReportVersionState]}），请待其办结或退回后再提交`);
    const correcting = versions.some((v) => v.state === 'published');
    const note = input.correctionNote?.trim() || null;
    if (correcting && !note) throw new DomainError('VALIDATION', `${year}年度报告已发布：提交更正版本须填写更正说明（向公众说明更正了什么、为什么更正）`, { problems: [{ field: 'correctionNote', message: '请填写更正说明' }] });
    if (note && note.length > 2000) throw new DomainError('VALIDATION', '更正说明不能超过2000字', { problems: [{ field: 'correctionNote', message: '更正说明过长' }] });
    const version = (versions.reduce((m, v) => Math.max(m, v.version), 0)) + 1;
    const html = await renderReportPage(tx, built, { correction: correcting ? { note: note!, version } : null });
    const [row] = await tx.insert(annualReportVersions).values({
      year, version, state: 'pending_review', format: built.report.format, title: reportTitle(built.report), html, report: built.report,
      explanations: kept, correctionNote: correcting ? note : null, submittedBy: actor.id > 0 ? actor.id : null, submittedAt: ctx.now,
    }).returning();
    await appendAudit(tx, actor, { action: 'report.submitted', targetType: 'annual_report', targetId: year, detail: { version, format: built.report.format, correction: correcting, explainedChecks: Object.keys(kept) } }, ctx.ip ?? null, ctx.now);
    return presentVersion(row);
  });
}

/** Use case: 保密审查 or 审核 of the version under review (Art.17: not by the person who submitted it; 退回 needs a reason). */
export async function recordReportStep(ctx: ServiceContext, year: number, version: number, step: ReportStep, reason?: string | null): Promise<ReportVersionView> {
  const actor = requireRole(ctx.actor, ...(REPORT_STEPS[step]?.roles ?? []));
  return ctx.db.transaction(async (tx) => {
    const [v] = await tx.select().from(annualReportVersions).where(and(eq(annualReportVersions.year, year), eq(annualReportVersions.version, version))).for('update');
    if (!v) throw new DomainError('NOT_FOUND', `${year}年度报告没有第${version}版`);
    const to = nextReportState({ state: v.state as ReportVersionState, step, actorId: actor.id, actorRoles: actor.roles, submittedBy: v.submittedBy, reason });
    const by = actor.id > 0 ? actor.id : null;
    const [row] = await tx.update(annualReportVersions).set({
      state: to,
      ...(step.startsWith('review') ? { reviewedBy: by } : { approvedBy: by }),
      ...(to === 'returned' ? { returnedReason: reason!.trim() } : {}),
    }).where(eq(annualReportVersions.id, v.id)).returning();
    await appendAudit(tx, actor, { action: `report.${step}`, targetType: 'annual_report', targetId: year, detail: { version, reason: reason?.trim() || undefined } }, ctx.ip ?? null, ctx.now);
    return presentVersion(row);
  });
}

/**
 * Use case: publish the approved version of a year on the portal (条例 Art.49). The confirmation must name the year;
 * the year must have ended. A correction replaces the current version, which stays readable as `superseded`.
 */
export async function publishAnnualReport(ctx: ServiceContext, year: number, opts: { confirmYear?: string | null }) {
  const actor = requireRole(ctx.actor, ...REPORT_RELEASE_ROLES);
  assertReportYear(year);
  assertConfirmsYear(year, opts.confirmYear);
  if (!reportYearEnded(year, ctx.today)) throw new DomainError('VALIDATION', `${year}年度尚未结束（今天是${ctx.today}），不能发布该年度报告`);
  return ctx.db.transaction(async (tx) => {
    await lockYear(tx, year);
    const versions = await tx.select().from(annualReportVersions).where(eq(annualReportVersions.year, year)).for('update');
    const v = versions.find((x) => x.state === 'approved');
    if (!v) {
      const open = versions.find((x) => OPEN_VERSION_STATES.includes(x.state as ReportVersionState));
      throw new DomainError('CONFLICT', open
        ? `${year}年度报告第${open.version}版尚未完成审查（${REPORT_VERSION_STATE_LABELS[open.state as ReportVersionState]}）：须经保密审查和审核同意后才能发布（条例第十七条）`
        : `${year}年度报告没有待发布的版本：请先提交发布，经保密审查和审核同意后再发布（条例第十七条）`);
    }
    const current = versions.find((x) => x.state === 'published');
    if (current) await tx.update(annualReportVersions).set({ state: 'superseded', supersededOn: ctx.today }).where(eq(annualReportVersions.id, current.id));
    const by = actor.id > 0 ? actor.id : null;
    const [row] = await tx.update(annualReportVersions).set({ state: 'published', publishedOn: ctx.today, publishedBy: by }).where(eq(annualReportVersions.id, v.id)).returning();
    const values = { year, format: v.format, title: v.title, html: v.html, report: v.report, publishedOn: ctx.today, publishedBy: by, publishedAt: ctx.now };
    await tx.insert(publishedReports).values(values).onConflictDoUpdate({ target: publishedReports.year, set: values });
    await appendAudit(tx, actor, {
      action: current ? 'report.corrected' : 'report.published', targetType: 'annual_report', targetId: year,
      detail: { version: v.version, replaces: current?.version, format: v.format, title: v.title, correctionNote: v.correctionNote ?? undefined },
    }, ctx.ip ?? null, ctx.now);
    return { ...presentVersion(row), url: publicUrl(year) };
  });
}

/** Use case: withdraw the published report of a year with a reason (shown on the portal); its versions stay recorded. */
export async function withdrawAnnualReport(ctx: ServiceContext, year: number, reason: string | null | undefined) {
  const actor = requireRole(ctx.actor, ...REPORT_RELEASE_ROLES);
  assertReportYear(year);
  const why = reason?.trim() ?? '';
  if (!why) throw new DomainError('VALIDATION', '请填写撤回理由（将在门户上公开）', { problems: [{ field: 'reason', message: '理由不能为空' }] });
  if (why.length > 2000) throw new DomainError('VALIDATION', '撤回理由不能超过2000字', { problems: [{ field: 'reason', message: '理由过长' }] });
  return ctx.db.transaction(async (tx) => {
    await lockYear(tx, year);
    const [v] = await tx.select().from(annualReportVersions).where(and(eq(annualReportVersions.year, year), eq(annualReportVersions.state, 'published'))).for('update');
    if (!v) throw new DomainError('CONFLICT', `${year}年度报告当前没有已发布的版本，无需撤回`);
    const [row] = await tx.update(annualReportVersions).set({ state: 'withdrawn', withdrawnOn: ctx.today, withdrawnReason: why }).where(eq(annualReportVersions.id, v.id)).returning();
    await tx.delete(publishedReports).where(eq(publishedReports.year, year));
    await appendAudit(tx, actor, { action: 'report.withdrawn', targetType: 'annual_report', targetId: year, detail: { version: v.version, reason: why } }, ctx.ip ?? null, ctx.now);
    return presentVersion(row);
  });
}

const PUBLIC_STATES: ReportVersionState[] = ['published', 'superseded', 'withdrawn'];

/**
 * The portal's list (public): one entry per year that was ever published, newest first, with its current version
 * (or its withdrawal and reason) and every earlier version with its 更正说明.
 */
export async function listPublishedReports(db: Executor) {
  const rows = await db.select().from(annualReportVersions).where(inArray(annualReportVersions.state, PUBLIC_STATES))
    .orderBy(desc(annualReportVersions.year), desc(annualReportVersions.version));
  const years = [...new Set(rows.map((r) => r.year))];
  return years.map((year) => {
    const mine = rows.filter((r) => r.year === year);
    const latest = mine[0];
    const withdrawn = latest.state === 'withdrawn';
    const firstPublishedOn = mine.reduce<string | null>((m, r) => (r.publishedOn && (!m || r.publishedOn < m) ? r.publishedOn : m), null);
    return {
      year, title: latest.title, format: latest.format, publishedOn: latest.publishedOn,
      url: withdrawn ? null : publicUrl(year),
      state: withdrawn ? 'withdrawn' as const : 'published' as const,
      version: latest.version, correctionNote: latest.correctionNote, firstPublishedOn,
      withdrawnOn: latest.withdrawnOn, withdrawnReason: latest.withdrawnReason,
      versions: mine.map((r) => ({
        version: r.version, state: r.state, publishedOn: r.publishedOn, supersededOn: r.supersededOn, correctionNote: r.correctionNote,
        url: r.state === 'withdrawn' ? null : publicUrl(year, r.version),
      })),
    };
  });
}

/** The published page of a year, or of one of its versions (public). A withdrawn report is NOT_FOUND with `withdrawn` and its reason. */
export async function getPublishedReportHtml(db: Executor, year: number, version?: number): Promise<{ title: string; html: string }> {
  const where = version === undefined
    ? and(eq(annualReportVersions.year, year), inArray(annualReportVersions.state, PUBLIC_STATES))
    : and(eq(annualReportVersions.year, year), eq(annualReportVersions.version, version), inArray(annualReportVersions.state, PUBLIC_STATES));
  const [row] = await db.select().from(annualReportVersions).where(where).orderBy(desc(annualReportVersions.version)).limit(1);
  if (!row) throw new DomainError('NOT_FOUND', version === undefined ? `${year}年度报告尚未发布` : `${year}年度报告没有已发布的第${version}版`);
  if (row.state === 'withdrawn') throw new DomainError('NOT_FOUND', `${year}年度报告已于${row.withdrawnOn}撤回。撤回理由：${row.withdrawnReason}`, { withdrawn: true, withdrawnOn: row.withdrawnOn, reason: row.withdrawnReason });
  return { title: row.title, html: row.html };
}
