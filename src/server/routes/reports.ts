import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App, AppDeps } from '../app.js';
import { cleanFileName } from '../../core/validators/text.js';
import { DomainError } from '../../core/errors.js';
import {
  AnnualFactsBody, AnnualReportDownloadQuery, AnnualReportQuery, FactsQuery, PublishReportBody, PublishReportQuery, ReportStepBody,
  ReportStepParams, SubmitReportBody, WithdrawReportBody, YearParams,
} from '../../shared/reports.js';
import {
  aggregateUploadedReports, computeAnnualReport, downloadAnnualReport, renderReportPage, type UploadedReport,
} from '../../services/reports/annual-report.js';
import {
  getPublishedReportHtml, getReportPublishing, listPublishedReports, publishAnnualReport, recordReportStep, submitAnnualReport,
  withdrawAnnualReport,
} from '../../services/reports/publishing.js';
import { REPORT_RELEASE_ROLES, REPORT_STEPS, REPORT_SUBMIT_ROLES } from '../../core/reports/publishing.js';
import { escapeHtml } from '../../render/reports/html.js';
import { getAnnualFactsForm, putAnnualFacts, REPORT_READ_ROLES } from '../../services/reports/facts.js';
import { needRole } from '../plugins/auth.js';

/** Content-Disposition for a Chinese file name (RFC 6266/5987) with an ASCII fallback. */
export function contentDisposition(filename: string, fallback: string): string {
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const MAX_AGGREGATE_FILES = 200;
/** A report this system exports is tens of kilobytes (JSON) or a few hundred (XLSX). */
const MAX_REPORT_FILE = 5 * 1024 * 1024;
/** All files of one request together: what is held in memory at once stays bounded. */
const MAX_AGGREGATE_BYTES = 50 * 1024 * 1024;

/** Reads every uploaded file of a multipart request into memory (reports are small), plus the text fields. */
async function readUploads(req: FastifyRequest): Promise<{ files: UploadedReport[]; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new DomainError('VALIDATION', '请以 multipart/form-data 方式上传年度报告文件（JSON 或 XLSX）');
  const files: UploadedReport[] = [];
  const fields: Record<string, string> = {};
  let total = 0;
  for await (const part of req.parts({ limits: { fileSize: MAX_REPORT_FILE, files: MAX_AGGREGATE_FILES } })) {
    if (part.type === 'file') {
      const tooLarge = () => new DomainError('PAYLOAD_TOO_LARGE', `文件“${cleanFileName(part.filename, '')}”超过 5MB，不是本系统导出的年度报告`);
      const data = await part.toBuffer().catch((e: { code?: string }) => { throw e.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : e; });
      if (part.file.truncated) throw tooLarge();
      total += data.length;
      if (total > MAX_AGGREGATE_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `上传的文件合计超过 50MB：请分批汇总（已读到第 ${files.length + 1} 个文件）`);
      files.push({ filename: cleanFileName(part.filename, `文件${files.length + 1}`), data });
    } else fields[part.fieldname] = String(part.value ?? '');
  }
  return { files, fields };
}

/** Annual report (条例 Art.49–50): staff API, publishing, public pages. */
export async function reportRoutes(app: App, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = needRole(...REPORT_READ_ROLES);
  const tags = ['年度报告'];

  r.get('/api/reports/annual', { preHandler: staff, schema: { tags, summary: '年度报告（JSON，DESIGN.md 约定的稳定键名）', querystring: AnnualReportQuery } }, async (req) => {
    const { report } = await computeAnnualReport(req.ctx(), req.query.year, req.query.format);
    return report;
  });

  r.get('/api/reports/annual/preview', { preHandler: staff, schema: { tags, summary: '年度报告预览页（HTML，含图表和校验结果）', querystring: AnnualReportQuery } }, async (req, reply) => {
    const ctx = req.ctx();
    const built = await computeAnnualReport(ctx, req.query.year, req.query.format);
    return reply.type('text/html; charset=utf-8').send(await renderReportPage(ctx.db, built, { showChecks: true }));
  });

  r.get('/api/reports/annual/download', { preHandler: staff, schema: { tags, summary: '下载年度报告：json / xlsx（官方表格）/ docx（全文）/ html（公开页面）', querystring: AnnualReportDownloadQuery } }, async (req, reply) => {
    const q = req.query;
    const file = await downloadAnnualReport(req.ctx(), q.year, q.type, q.format);
    return reply.type(file.contentType).header('content-disposition', contentDisposition(file.filename, `annual-report-${q.year}.${q.type}`)).send(file.body);
  });

  r.get('/api/reports/annual/publishing', { preHandler: staff, schema: { tags, summary: '年度报告发布情况：能否提交发布（原因）、各版本及审查状态', querystring: AnnualReportQuery } }, async (req) => getReportPublishing(req.ctx(), req.query.year, req.query.format));

  r.post('/api/reports/annual/submit', { preHandler: needRole(...REPORT_SUBMIT_ROLES), schema: { tags, summary: '提交年度报告发布（或更正版本），送保密审查（条例第十七条）', querystring: AnnualReportQuery, body: SubmitReportBody } }, async (req, reply) => {
    const v = await submitAnnualReport(req.ctx(), req.query.year, { format: req.query.format, explanations: req.body.explanations, correctionNote: req.body.correctionNote });
    return reply.status(201).send(v);
  });

  const stepRoles = [...new Set(Object.values(REPORT_STEPS).flatMap((s) => s.roles))];
  r.post('/api/reports/annual/:year/versions/:version/steps', { preHandler: needRole(...stepRoles), schema: { tags, summary: '年度报告保密审查、审核（通过或退回）', params: ReportStepParams, body: ReportStepBody } }, async (req) =>
    recordReportStep(req.ctx(), req.params.year, req.params.version, req.body.step, req.body.reason));

  r.post('/api/reports/annual/publish', { preHandler: needRole(...REPORT_RELEASE_ROLES), schema: { tags, summary: '发布已审核同意的年度报告到门户（条例第四十九条；须输入年度确认）', querystring: PublishReportQuery, body: PublishReportBody } }, async (req) =>
    publishAnnualReport(req.ctx(), req.query.year, { confirmYear: req.body.confirmYear }));

  r.post('/api/reports/annual/withdraw', { preHandler: needRole(...REPORT_RELEASE_ROLES), schema: { tags, summary: '撤回已发布的年度报告（理由在门户公开）', querystring: PublishReportQuery, body: WithdrawReportBody } }, async (req) =>
    withdrawAnnualReport(req.ctx(), req.query.year, req.body.reason));

  r.get('/api/reports/facts/:year', { preHandler: staff, schema: { tags, summary: '年度填报数据表单（无法从记录统计的数据）', params: YearParams, querystring: FactsQuery } }, async (req) => getAnnualFactsForm(req.ctx(), req.params.year, req.query.format));

  r.put('/api/reports/facts/:year', { preHandler: needRole('registrar', 'reviewer', 'admin'), schema: { tags, summary: '保存年度填报数据', params: YearParams, body: AnnualFactsBody } }, async (req) => {
    const ctx = req.ctx();
    await putAnnualFacts(ctx, req.params.year, req.body.facts);
    return getAnnualFactsForm(ctx, req.params.year);
  });

  r.post('/api/reports/aggregate', { preHandler: staff, schema: { tags, summary: '汇总下级单位年度报告（上传多个本系统导出的 JSON/XLSX；可附字段 agency 作为汇总单位名称）' } }, async (req: FastifyRequest, _reply: FastifyReply) => {
    const { files, fields } = await readUploads(req);
    return aggregateUploadedReports(req.ctx(), files, { agency: fields.agency?.trim() || undefined });
  });

  // Public portal: the published reports.
  const limit = { max: deps.publicRateLimit ?? 60 };
  r.get('/api/public/reports', { config: { rateLimit: limit }, schema: { tags: ['公众'], summary: '已发布的政府信息公开工作年度报告' } }, async (req) => listPublishedReports(req.ctx().db));
  const servePage = async (reply: FastifyReply, db: Parameters<typeof getPublishedReportHtml>[0], year: number, version?: number) => {
    try {
      const page = await getPublishedReportHtml(db, year, version);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').send(page.html);
    } catch (e) {
      // A withdrawn report: 410 with a page saying when and why (the reason is public).
      if (e instanceof DomainError && (e.details as { withdrawn?: boolean } | null)?.withdrawn) {
        return reply.status(410).type('text/html; charset=utf-8').send(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${year}年度报告已撤回</title></head><body><h1>${year}年度政府信息公开工作年度报告已撤回</h1><p>${escapeHtml(e.message)}</p></body></html>`);
      }
      throw e;
    }
  };
  r.get('/api/public/reports/:year', { config: { rateLimit: limit }, schema: { tags: ['公众'], summary: '年度报告页面（HTML，当前版本）', params: YearParams } }, async (req, reply) => servePage(reply, req.ctx().db, req.params.year));
  r.get('/api/public/reports/:year/v/:version', { config: { rateLimit: limit }, schema: { tags: ['公众'], summary: '年度报告某一版本（更正前的版本保留可查）', params: ReportStepParams } }, async (req, reply) => servePage(reply, req.ctx().db, req.params.year, req.params.version));
}
