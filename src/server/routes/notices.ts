import { z } from 'zod';
import { DbIdParam } from '../../shared/ids.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from '../app.js';
import { getNotice, issueNotice, listNotices, listTemplates, previewNotice, saveTemplate } from '../../services/notices/notices.js';
import { renderNoticeDocx } from '../../render/notices/index.js';
import { DEFAULT_TEMPLATES, NOTICE_TYPE_LABELS, NOTICE_TYPES, isNoticeType, TEMPLATE_PLACEHOLDERS } from '../../core/notices/index.js';
import { DomainError } from '../../core/errors.js';
import { appendAudit } from '../../services/audit.js';
import { getRequestDetail } from '../../services/requests/queries.js';
import { feeCountBasis } from '../../services/notices/notice-input.js';
import { needRole } from '../plugins/auth.js';

const Id = z.object({ id: DbIdParam });
const staff = needRole('registrar', 'handler', 'reviewer', 'secrecy_reviewer', 'auditor');

/** RFC 5987 attachment header with a Chinese file name. */
export function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function noticeRoutes(app: App): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/requests/:id/notices', { preHandler: staff, schema: { tags: ['文书'], summary: '申请的文书列表', params: Id } }, async (req) => {
    await getRequestDetail(req.ctx(), req.params.id); // scoping check
    return listNotices(req.ctx().db, req.params.id);
  });

  r.get('/api/requests/:id/notices/preview', { preHandler: staff, schema: { tags: ['文书'], summary: '按当前办理情况预览文书（未编号、未保存）', params: Id, querystring: z.object({ type: z.string() }) } }, async (req) => {
    await getRequestDetail(req.ctx(), req.params.id);
    return previewNotice(req.ctx(), req.params.id, req.query.type);
  });

  r.get('/api/requests/:id/fee-count', { preHandler: staff, schema: { tags: ['文书'], summary: '按件计收：本月此前收到的同一申请人申请（按身份证件号码匹配；同名无证件号的须承办人确认）', params: Id } }, async (req) => {
    await getRequestDetail(req.ctx(), req.params.id); // scoping check
    return feeCountBasis(req.ctx().db, req.params.id);
  });

  r.post('/api/requests/:id/notices', { preHandler: needRole('registrar', 'reviewer'), schema: { tags: ['文书'], summary: '出具文书（编号并保存，如说明理由/延迟答复告知书、决定公开告知书）', params: Id, body: z.object({ type: z.string() }) } }, async (req, reply) => {
    const ctx = req.ctx();
    if (!isNoticeType(req.body.type)) throw new DomainError('VALIDATION', `文书类型“${req.body.type}”无效`);
    const type = req.body.type;
    await getRequestDetail(ctx, req.params.id);
    const n = await ctx.db.transaction((tx) => issueNotice(tx, req.params.id, type, ctx.today, ctx.actor, ctx.now));
    return reply.status(201).send(n);
  });

  r.get('/api/requests/:id/notices/:noticeId', { preHandler: staff, schema: { tags: ['文书'], summary: '文书内容（已发出的原文）', params: Id.extend({ noticeId: DbIdParam }), querystring: z.object({ format: z.enum(['json', 'html', 'docx']).default('json') }) } }, async (req, reply) => {
    const ctx = req.ctx();
    await getRequestDetail(ctx, req.params.id);
    const n = await getNotice(ctx.db, req.params.id, req.params.noticeId);
    const base = `${NOTICE_TYPE_LABELS[n.type as keyof typeof NOTICE_TYPE_LABELS] ?? '文书'}${n.docNumber ? `-${n.docNumber}` : ''}`;
    if (req.query.format === 'html') return reply.type('text/html; charset=utf-8').header('content-disposition', attachment(`${base}.html`)).send(n.html);
    if (req.query.format === 'docx') {
      const buf = await renderNoticeDocx(n.content);
      await ctx.db.transaction((tx) => appendAudit(tx, ctx.actor, { action: 'notice.downloaded', targetType: 'request', targetId: req.params.id, detail: { noticeId: n.id } }, ctx.ip ?? null, ctx.now));
      return reply.type('application/vnd.openxmlformats-officedocument.wordprocessingml.document').header('content-disposition', attachment(`${base}.docx`)).send(buf);
    }
    return n;
  });

  r.get('/api/notice-templates', { preHandler: needRole('admin', 'registrar', 'reviewer'), schema: { tags: ['文书'], summary: '文书模板（各类型的现行版本与历史版本）' } }, async (req) => ({
    types: NOTICE_TYPES.map((t) => ({ type: t, label: NOTICE_TYPE_LABELS[t], defaults: DEFAULT_TEMPLATES[t] })),
    placeholders: TEMPLATE_PLACEHOLDERS,
    versions: await listTemplates(req.ctx()),
  }));
  r.put('/api/notice-templates/:type', { preHandler: needRole('admin'), schema: { tags: ['文书'], summary: '修改文书开头/结尾措辞（法律依据、理由、救济途径由系统生成，不可修改）', params: z.object({ type: z.string() }), body: z.object({ opening: z.string().max(2000).optional(), closing: z.string().max(500).optional() }) } }, async (req) => saveTemplate(req.ctx(), req.params.type, req.body));
}
