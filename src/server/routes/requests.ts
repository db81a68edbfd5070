import { z } from 'zod';
import { DbIdParam } from '../../shared/ids.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from '../app.js';
import { ListRequestsQuery, RegisterRequestBody, RequestEventBody, IsoDateSchema } from '../../shared/api.js';
import { confirmOnlineRequest, registerRequest } from '../../services/requests/create-request.js';
import { getRequestDetail, listRequests } from '../../services/requests/queries.js';
import { dashboardStats } from '../../services/requests/stats.js';
import { recordRequestEvent } from '../../services/requests/record-request-event.js';
import { DomainError } from '../../core/errors.js';
import { findLongText } from '../../core/validators/text.js';
import { EVENT_LABELS, type RequestEvent } from '../../core/requests/index.js';
import { needRole } from '../plugins/auth.js';

const Id = z.object({ id: DbIdParam });
const MAX_EVENT_TEXT = 5000;

export async function requestRoutes(app: App): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const staff = needRole('registrar', 'handler', 'reviewer', 'secrecy_reviewer', 'auditor');

  r.get('/api/requests', { preHandler: staff, schema: { tags: ['依申请公开'], summary: '申请列表（筛选、分页）', querystring: ListRequestsQuery } }, async (req) => {
    const q = req.query;
    return listRequests(req.ctx(), { ...q, state: q.state ? q.state.split(',').filter(Boolean) : undefined, overdue: q.overdue === 'true' });
  });

  r.get('/api/stats/dashboard', { preHandler: staff, schema: { tags: ['依申请公开'], summary: '工作台统计：待办、即将到期、超期、本年办理结果与各月收件', querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) } }, async (req) => {
    const ctx = req.ctx();
    return dashboardStats(ctx, req.query.year ?? Number(ctx.today.slice(0, 4)));
  });

  r.post('/api/requests', { preHandler: needRole('registrar'), schema: { tags: ['依申请公开'], summary: '登记当面/信函/传真/电子邮件等申请', body: RegisterRequestBody } }, async (req, reply) => {
    const created = await registerRequest(req.ctx(), req.body);
    return reply.status(201).send({ id: created.id, ref: created.ref, trackingCode: created.trackingCode, accessKey: created.accessKey, duplicateOfId: created.duplicateOfId, receiptHtml: created.receiptHtml });
  });

  r.get('/api/requests/:id', { preHandler: staff, schema: { tags: ['依申请公开'], summary: '申请详情与办理记录', params: Id } }, async (req) => getRequestDetail(req.ctx(), req.params.id));

  r.post('/api/requests/:id/confirm', { preHandler: needRole('registrar'), schema: { tags: ['依申请公开'], summary: '确认网上申请（条例第三十一条第三项：双方确认之日为收到申请之日）', params: Id, body: z.object({ receivedOn: IsoDateSchema.optional(), evidence: z.string().max(500).optional() }) } }, async (req) => {
    await confirmOnlineRequest(req.ctx(), req.params.id, req.body);
    return getRequestDetail(req.ctx(), req.params.id);
  });

  r.post('/api/requests/:id/events', { preHandler: staff, schema: { tags: ['依申请公开'], summary: '办理操作（补正、分派、征求意见、延期、收费、答复、审核、保密审查、送达…）', params: Id, body: RequestEventBody } }, async (req) => {
    const ctx = req.ctx();
    if (!Object.hasOwn(EVENT_LABELS, req.body.type)) throw new DomainError('VALIDATION', `未知的办理操作 "${req.body.type}"`);
    // Every text of an event (reasons, items, comments, names…) goes into notices and the timeline: 5,000 characters
    // is far beyond any real one, and keeps a pasted document out of the event log.
    const long = findLongText(req.body, MAX_EVENT_TEXT);
    if (long) throw new DomainError('VALIDATION', `“${long.path}”过长（${long.length} 字），每项内容不超过 ${MAX_EVENT_TEXT} 字`, { problems: [{ field: long.path, message: `不超过 ${MAX_EVENT_TEXT} 字` }] });
    const event = { ...req.body, on: req.body.on ?? ctx.today } as unknown as RequestEvent;
    if (event.on > ctx.today) throw new DomainError('VALIDATION', `办理日期 ${event.on} 晚于今天，请核对`);
    await recordRequestEvent(ctx, req.params.id, event);
    return getRequestDetail(ctx, req.params.id);
  });
}
