import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App, AppDeps } from '../app.js';
import { PublicRequestBody, PublicRequestCreated } from '../../shared/api.js';
import { submitPublicRequest } from '../../services/requests/create-request.js';
import { getPublicStatus } from '../../services/requests/public-status.js';
import { publicWebsite } from '../../core/publications/public-address.js';
import { getAgency } from '../../services/settings.js';

/** Public endpoints: no login, rate-limited per IP. */
export async function publicRoutes(app: App, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limit = { max: deps.publicRateLimit ?? 60 };

  r.post('/api/public/requests', {
    config: { rateLimit: { ...limit, max: Math.max(1, Math.floor((deps.publicRateLimit ?? 60) / 2)) } },
    schema: { tags: ['公众'], summary: '提交政府信息公开申请（条例第二十九条）', body: PublicRequestBody, response: { 201: PublicRequestCreated } },
  }, async (req, reply) => {
    const created = await submitPublicRequest(req.ctx(), req.body);
    return reply.status(201).send({ trackingCode: created.trackingCode, accessKey: created.accessKey, ref: created.ref, message: '申请已提交。请妥善保存查询码和查询密码，用于查询办理进度和答复结果。' });
  });

  r.get('/api/public/requests/:trackingCode', {
    config: { rateLimit: limit },
    schema: { tags: ['公众'], summary: '查询申请办理进度', params: z.object({ trackingCode: z.string().max(40) }), querystring: z.object({ key: z.string().max(40).default('') }) },
  }, async (req) => getPublicStatus(req.ctx(), req.params.trackingCode, req.query.key));

  r.get('/api/public/guide', { config: { rateLimit: limit }, schema: { tags: ['公众'], summary: '政府信息公开指南（条例第十二条）' } }, async (req) => {
    const agency = await getAgency(req.ctx().db);
    // An address the public cannot reach (e.g. http://localhost:3000) is not printed in the guide (issue 11).
    return { agency: { ...agency, website: publicWebsite(agency.website) ?? '' } };
  });
}
