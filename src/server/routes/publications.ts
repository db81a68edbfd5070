import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { DbIdParam } from '../../shared/ids.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { App, AppDeps } from '../app.js';
import { cleanFileName } from '../../core/validators/text.js';
import { DomainError } from '../../core/errors.js';
import {
  CategoryBody, CategoryPatchBody, GuideBody, ListPublicationsQuery, PublicationBody, PublicationEventBody, PublicationPatchBody, PublicationSettingsBody,
  PublicPublication, PublicSearchQuery, PublicSearchResponse, SuggestionDismissBody, SuggestionDraftBody, SuggestionsQuery, TimelinessQuery,
} from '../../shared/publications.js';
import { createPublication, updatePublication } from '../../services/publications/create-publication.js';
import { recordPublicationEvent } from '../../services/publications/record-publication-event.js';
import { getPublicationDetail, listPublications } from '../../services/publications/queries.js';
import { addAttachment, getAttachmentForStaff, getPublicAttachment, removeAttachment, type AttachmentFile } from '../../services/publications/attachments.js';
import { getPublicFilters, getPublicPublication, searchPublications } from '../../services/publications/search.js';
import { createCategory, getCatalogue, getPublicCatalogue, updateCategory } from '../../services/publications/catalogue.js';
import { getGuide, saveGuide } from '../../services/publications/guide.js';
import { getPublicationSettings, updatePublicationSettings } from '../../services/publications/settings.js';
import { getTimelinessDashboard } from '../../services/publications/timeliness.js';
import { dismissSuggestion, draftFromSuggestion, listSuggestions } from '../../services/publications/suggestions.js';
import { createImportJob, getImportJob, importPublications } from '../../services/publications/import-publications.js';
import { tableFormatOf } from '../../services/publications/read-table.js';
import { needRole } from '../plugins/auth.js';

const Id = z.object({ id: DbIdParam });
const TAG = '主动公开';
const PUBLIC_TAG = '公众';

function sendFile(reply: FastifyReply, f: AttachmentFile) {
  const inline = f.contentType === 'application/pdf' || f.contentType.startsWith('image/');
  return reply
    .header('content-type', f.contentType)
    .header('content-length', String(f.size))
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${encodeURIComponent(f.filename)}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, max-age=300')
    .send(f.data);
}

/** 主动公开: staff workbench (publisher, secrecy reviewer, reviewer) and the public portal's read-only endpoints. */
export async function publicationRoutes(app: App, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = needRole('publisher', 'secrecy_reviewer', 'reviewer', 'auditor');
  const publisher = needRole('publisher');
  const limit = { max: deps.publicRateLimit ?? 60 };

  // ---- public portal (no login, rate-limited) ----
  r.get('/api/public/publications', {
    config: { rateLimit: limit },
    schema: { tags: [PUBLIC_TAG], summary: '主动公开信息检索（中文分词全文检索；无关键词时按发布日期倒序）', querystring: PublicSearchQuery, response: { 200: PublicSearchResponse } },
  }, async (req) => searchPublications(req.ctx().db, req.query));

  r.get('/api/public/publications/*', {
    config: { rateLimit: limit },
    schema: { tags: [PUBLIC_TAG], summary: '主动公开信息详情（按索引号）', params: z.object({ '*': z.string().min(1).max(200) }), response: { 200: PublicPublication } },
  }, async (req) => {
    const raw = req.params['*'];
    let indexNo = raw;
    try { indexNo = decodeURIComponent(raw); } catch { /* already decoded, or a stray % */ }
    return getPublicPublication(req.ctx().db, indexNo);
  });

  r.get('/api/public/attachments/:id', {
    config: { rateLimit: limit },
    schema: { tags: [PUBLIC_TAG], summary: '下载已公开信息的附件', params: Id },
  }, async (req, reply) => sendFile(reply, await getPublicAttachment(req.ctx().db, req.params.id)));

  r.get('/api/public/catalogue', { config: { rateLimit: limit }, schema: { tags: [PUBLIC_TAG], summary: '政府信息公开目录（条例第十二条）' } }, async (req) => ({ categories: await getPublicCatalogue(req.ctx().db) }));
  r.get('/api/public/publication-guide', { config: { rateLimit: limit }, schema: { tags: [PUBLIC_TAG], summary: '政府信息公开指南（条例第十二条）' } }, async (req) => getGuide(req.ctx().db));
  r.get('/api/public/publication-filters', { config: { rateLimit: limit }, schema: { tags: [PUBLIC_TAG], summary: '检索筛选项：年份、发布机构、主题分类' } }, async (req) => getPublicFilters(req.ctx().db));

  // ---- workbench ----
  r.get('/api/publications', { preHandler: staff, schema: { tags: [TAG], summary: '主动公开信息列表（全部状态）', querystring: ListPublicationsQuery } }, async (req) => {
    const q = req.query;
    return listPublications(req.ctx(), { ...q, state: q.state ? q.state.split(',').filter(Boolean) : undefined });
  });

  r.post('/api/publications', { preHandler: publisher, schema: { tags: [TAG], summary: '起草主动公开信息', body: PublicationBody } }, async (req, reply) => {
    const created = await createPublication(req.ctx(), req.body);
    return reply.status(201).send(await getPublicationDetail(req.ctx(), created.id));
  });

  r.get('/api/publications/timeliness', { preHandler: staff, schema: { tags: [TAG], summary: '公开时效（条例第二十六条：20个工作日内公开）：按单位统计即将超期、已超期、超期发布', querystring: TimelinessQuery } }, async (req) => getTimelinessDashboard(req.ctx(), req.query));

  r.get('/api/publications/suggestions', { preHandler: needRole('publisher', 'reviewer', 'secrecy_reviewer', 'registrar', 'auditor'), schema: { tags: [TAG], summary: '依申请公开转主动公开建议（条例第四十四条）', querystring: SuggestionsQuery } }, async (req) => listSuggestions(req.ctx(), req.query));
  r.post('/api/publications/suggestions/draft', { preHandler: publisher, schema: { tags: [TAG], summary: '按建议一键生成主动公开草稿', body: SuggestionDraftBody } }, async (req, reply) => {
    const created = await draftFromSuggestion(req.ctx(), req.body);
    return reply.status(201).send(await getPublicationDetail(req.ctx(), created.id));
  });
  r.post('/api/publications/suggestions/dismiss', { preHandler: publisher, schema: { tags: [TAG], summary: '不予采纳建议（须说明理由）', body: SuggestionDismissBody } }, async (req) => {
    await dismissSuggestion(req.ctx(), req.body);
    return { ok: true };
  });

  r.get('/api/publications/catalogue', { preHandler: needRole('publisher', 'secrecy_reviewer', 'reviewer', 'auditor', 'admin'), schema: { tags: [TAG], summary: '公开目录（维护）' } }, async (req) => ({ categories: await getCatalogue(req.ctx()) }));
  r.post('/api/publications/catalogue', { preHandler: publisher, schema: { tags: [TAG], summary: '新增公开目录', body: CategoryBody } }, async (req, reply) => reply.status(201).send(await createCategory(req.ctx(), req.body)));
  r.patch('/api/publications/catalogue/:id', { preHandler: publisher, schema: { tags: [TAG], summary: '修改公开目录', params: Id, body: CategoryPatchBody } }, async (req) => updateCategory(req.ctx(), req.params.id, req.body));

  r.get('/api/publications/guide', { preHandler: staff, schema: { tags: [TAG], summary: '公开指南（维护）' } }, async (req) => getGuide(req.ctx().db));
  r.put('/api/publications/guide', { preHandler: publisher, schema: { tags: [TAG], summary: '保存公开指南', body: GuideBody } }, async (req) => saveGuide(req.ctx(), req.body.sections));

  r.get('/api/publications/settings', { preHandler: needRole('publisher', 'admin'), schema: { tags: [TAG], summary: '主动公开设置（索引号机关代码等）' } }, async (req) => getPublicationSettings(req.ctx().db));
  r.put('/api/publications/settings', { preHandler: needRole('publisher', 'admin'), schema: { tags: [TAG], summary: '修改主动公开设置', body: PublicationSettingsBody } }, async (req) => updatePublicationSettings(req.ctx(), req.body));

  r.post('/api/publications/import', { preHandler: publisher, schema: { tags: [TAG], summary: '导入主动公开信息（.csv/.xlsx/.json，multipart 上传，后台导入，返回任务编号）', consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const ctx = req.ctx();
    const file = await req.file().catch(() => undefined);
    if (!file) throw new DomainError('VALIDATION', '请以 multipart/form-data 上传导入文件（字段名 file）');
    const filename = cleanFileName(file.filename, 'upload.csv');
    const format = tableFormatOf(filename);
    const dir = await mkdtemp(join(tmpdir(), 'gongkai-import-'));
    const path = join(dir, `upload.${format}`);
    try {
      await pipeline(file.file, createWriteStream(path));
      if (file.file.truncated) throw new DomainError('VALIDATION', '上传的文件过大（上限 200 MB），请拆分后导入');
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    const jobId = await createImportJob(ctx.db, filename, ctx.actor!.id);
    void importPublications(ctx, path, { jobId, filename, format })
      .catch((e) => req.log.warn({ err: e, jobId }, 'publication import failed'))
      .finally(() => rm(dir, { recursive: true, force: true }));
    return reply.status(202).send({ jobId, message: '文件已上传，正在后台校验和导入；可查询任务进度。' });
  });
  r.get('/api/publications/import/:id', { preHandler: publisher, schema: { tags: [TAG], summary: '导入任务进度与错误清单', params: Id } }, async (req) => getImportJob(req.ctx(), req.params.id));

  r.get('/api/publications/attachments/:id', { preHandler: staff, schema: { tags: [TAG], summary: '下载附件（审查用）', params: Id } }, async (req, reply) => sendFile(reply, await getAttachmentForStaff(req.ctx(), req.params.id)));

  r.get('/api/publications/:id', { preHandler: staff, schema: { tags: [TAG], summary: '主动公开信息详情、流程记录与可办理操作', params: Id } }, async (req) => getPublicationDetail(req.ctx(), req.params.id));
  r.patch('/api/publications/:id', { preHandler: publisher, schema: { tags: [TAG], summary: '修改草稿', params: Id, body: PublicationPatchBody } }, async (req) => {
    await updatePublication(req.ctx(), req.params.id, req.body);
    return getPublicationDetail(req.ctx(), req.params.id);
  });
  r.post('/api/publications/:id/events', { preHandler: needRole('publisher', 'secrecy_reviewer', 'reviewer'), schema: { tags: [TAG], summary: '流程操作：提交保密审查、审查通过/退回、审核同意/退回、发布、撤回、重新编辑、变更效力', params: Id, body: PublicationEventBody } }, async (req) => {
    await recordPublicationEvent(req.ctx(), req.params.id, req.body);
    return getPublicationDetail(req.ctx(), req.params.id);
  });
  r.post('/api/publications/:id/attachments', { preHandler: publisher, schema: { tags: [TAG], summary: '上传附件（按文件内容识别类型：PDF/OFD/Word/Excel/图片）', params: Id, consumes: ['multipart/form-data'] } }, async (req, reply) => {
    const file = await req.file().catch(() => undefined);
    if (!file) throw new DomainError('VALIDATION', '请以 multipart/form-data 上传附件（字段名 file）');
    const data = await file.toBuffer().catch(() => { throw new DomainError('VALIDATION', '附件过大（上限 200 MB）'); });
    const meta = await addAttachment(req.ctx(), req.params.id, { filename: file.filename, data });
    return reply.status(201).send(meta);
  });
  r.delete('/api/publications/:id/attachments/:attachmentId', { preHandler: publisher, schema: { tags: [TAG], summary: '删除草稿的附件', params: z.object({ id: DbIdParam, attachmentId: DbIdParam }) } }, async (req) => {
    await removeAttachment(req.ctx(), req.params.id, req.params.attachmentId);
    return { ok: true };
  });
}
