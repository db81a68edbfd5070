/**
 * Use cases of the statutory annual report (条例 Art.49–50): compute it for a year from the records (set-based SQL →
 * core `buildAnnualReport`), render it (JSON / XLSX / DOCX / HTML with charts), publish the HTML on the portal, and
 * aggregate several agencies' reports for an upper-level office (Art.49 ¶2). Publishing (review, versions,
 * corrections, withdrawal) is in publishing.ts.
 */
import { eq } from 'drizzle-orm';
import { publishedReports } from '../../db/schema/index.js';
import type { Executor } from '../../db/client.js';
import { DomainError, isDomainError } from '../../core/errors.js';
import {
  aggregateReports, buildAnnualReport, buildNarrative, defaultFormatForYear, parseReportJson,
  type AggregateResult, type AnnualFacts, type AnnualReport, type ComputedProactive, type ReportFormat,
} from '../../core/reports/index.js';
import { readReportXlsx, renderReportCharts, renderReportDocx, renderReportHtml, renderReportXlsx } from '../../render/reports/index.js';
import type { RenderHtmlOptions } from '../../render/reports/html.js';
import { proactiveFigures } from '../publications/report-feed.js';
import { requireRole } from '../authorize.js';
import type { ServiceContext } from '../context.js';
import { getAgency } from '../settings.js';
import { assertReportYear, loadAnnualFacts, REPORT_READ_ROLES } from './facts.js';
import { fetchMonthlyCounts, fetchReportInputs } from './report-rows.js';

export const REPORT_FILE_TYPES = ['json', 'xlsx', 'docx', 'html'] as const;
export type ReportFileType = (typeof REPORT_FILE_TYPES)[number];

const CONTENT_TYPES: Record<ReportFileType, string> = {
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

/**
 * Figures of the proactive-disclosure module for a year, keyed like the annual facts (they take precedence over
 * entered facts). Empty when no publication was ever published (the report then uses the entered facts).
 */
export async function computedProactive(db: Executor, year: number): Promise<ComputedProactive> {
  const f = await proactiveFigures(db, year);
  if (!f.present) return {};
  const { regulations: r21, normativeDocuments: n21 } = f.gov2021;
  const { regulations: r19, normativeDocuments: n19 } = f.gov2019;
  return {
    regulationsIssued: r21.issued, regulationsRepealed: r21.repealed, regulationsInForce: r21.inForce,
    normativeDocsIssued: n21.issued, normativeDocsRepealed: n21.repealed, normativeDocsInForce: n21.inForce,
    regulationsMade: r19.made, regulationsPublished: r19.published, regulationsPublicTotal: r19.totalPublic,
    normativeDocsMade: n19.made, normativeDocsPublished: n19.published, normativeDocsPublicTotal: n19.totalPublic,
    proactiveTotal: f.gov2014.published, proactiveNormativeDocs: f.gov2014.publishedNormative, normativeDocsIssuedTotal: f.gov2014.normativeIssued,
    proactiveGazette: f.gov2014.byChannel.gazette, proactiveWebsite: f.gov2014.byChannel.website, proactiveWeibo: f.gov2014.byChannel.weibo,
    proactiveWechat: f.gov2014.byChannel.wechat, proactiveOther: f.gov2014.byChannel.other,
  };
}

export interface YearReport {
  report: AnnualReport;
  facts: AnnualFacts;
  /** Distinct request rows the SQL returned (benchmarks). */
  fetchedRows: number;
}

/**
 * The report of `year` in `format` (default: the year's format, DESIGN.md "Command line") computed from the
 * records, the entered facts, the proactive-disclosure figures and, for the cross-year check, last year's published
 * report. No authorization (callers check it): used by the API, the CLI and benchmarks.
 */
export async function buildYearReport(db: Executor, year: number, format: ReportFormat = defaultFormatForYear(year)): Promise<YearReport> {
  assertReportYear(year);
  const [inputs, { facts }, agency, proactive, previous] = await Promise.all([
    fetchReportInputs(db, year), loadAnnualFacts(db, year), getAgency(db), computedProactive(db, year), loadPublishedReport(db, year - 1),
  ]);
  const report = buildAnnualReport({
    format, year, agency: agency.name, requests: inputs.requests, supplements: inputs.supplements, cases: inputs.cases,
    facts, proactive, previous,
  });
  // The rows carry no department (report-rows.ts): the per-department figures were counted in SQL.
  report.byDepartment = inputs.byDepartment;
  return { report, facts, fetchedRows: inputs.fetchedRows };
}

/** Use case: the report of a year as JSON (staff). */
export async function computeAnnualReport(ctx: ServiceContext, year: number, format?: ReportFormat): Promise<YearReport> {
  requireRole(ctx.actor, ...REPORT_READ_ROLES);
  return buildYearReport(ctx.db, year, format);
}

export function reportTitle(report: AnnualReport): string {
  return `${report.agency}${report.year}年政府信息公开工作年度报告`;
}

export interface RenderedReport {
  body: Buffer;
  contentType: string;
  /** Chinese file name, e.g. 示范市自然资源和规划局2024年政府信息公开工作年度报告.xlsx */
  filename: string;
}

/** The report page (HTML) with its charts: requests by month over three years, outcomes, channels. */
export async function renderReportPage(db: Executor, built: YearReport, options: RenderHtmlOptions = {}): Promise<string> {
  const { report } = built;
  const series = await fetchMonthlyCounts(db, [report.year - 2, report.year - 1]);
  const charts = renderReportCharts(report, series);
  return renderReportHtml(report, buildNarrative(report, built.facts), charts, options);
}

/** Renders a computed report as a file of the given type. */
export async function renderReportFile(db: Executor, built: YearReport, type: ReportFileType): Promise<RenderedReport> {
  const { report } = built;
  let body: Buffer;
  if (type === 'json') body = Buffer.from(`${JSON.stringify(report, null, 2)}\n`, 'utf8');
  else if (type === 'xlsx') body = await renderReportXlsx(report);
  else if (type === 'docx') body = await renderReportDocx(report, buildNarrative(report, built.facts));
  else body = Buffer.from(await renderReportPage(db, built), 'utf8');
  return { body, contentType: CONTENT_TYPES[type], filename: `${reportTitle(report)}.${type}` };
}

/** Use case: download the report of a year as JSON, XLSX, DOCX or HTML (staff). */
export async function downloadAnnualReport(ctx: ServiceContext, year: number, type: ReportFileType, format?: ReportFormat): Promise<RenderedReport> {
  const built = await computeAnnualReport(ctx, year, format);
  return renderReportFile(ctx.db, built, type);
}

async function loadPublishedReport(db: Executor, year: number): Promise<AnnualReport | null> {
  const [row] = await db.select({ report: publishedReports.report }).from(publishedReports).where(eq(publishedReports.year, year));
  return row ? (row.report as AnnualReport) : null;
}

export interface UploadedReport {
  filename: string;
  data: Buffer;
}

/**
 * Use case: an upper-level office uploads its agencies' reports (JSON or XLSX written by this system) and gets the
 * summed report with the per-agency breakdown and checks (core `aggregateReports`). Every file is read before
 * anything is summed; problems are listed per file.
 */
export async function aggregateUploadedReports(ctx: ServiceContext, files: readonly UploadedReport[], opts: { agency?: string } = {}): Promise<AggregateResult> {
  requireRole(ctx.actor, ...REPORT_READ_ROLES);
  if (files.length < 1) throw new DomainError('VALIDATION', '请上传至少一份年度报告（本系统导出的 JSON 或 XLSX 文件）');
  const reports: AnnualReport[] = [];
  const problems: { file: string; message: string }[] = [];
  for (const f of files) {
    try {
      const isZip = f.data.length > 3 && f.data[0] === 0x50 && f.data[1] === 0x4b;
      if (isZip || /\.xlsx$/i.test(f.filename)) reports.push(await readReportXlsx(f.data));
      else reports.push(parseReportJson(f.data.toString('utf8')));
    } catch (e) {
      if (!isDomainError(e)) throw e;
      problems.push({ file: f.filename, message: e.message });
    }
  }
  if (problems.length > 0) {
    throw new DomainError('VALIDATION', problems.map((p) => `文件“${p.file}”：${p.message}`).join('\n'), { problems });
  }
  return aggregateReports(reports, { agency: opts.agency });
}
