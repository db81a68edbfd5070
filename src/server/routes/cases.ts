import { z } from 'zod';
import { DbIdParam } from '../../shared/ids.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from '../app.js';
import { CaseBody, CasePatchBody, ListCasesQuery } from '../../shared/reports.js';
import { CASE_READ_ROLES, CASE_WRITE_ROLES, createCase, getCase, listCases, updateCase } from '../../services/cases/cases.js';
import { needRole } from '../plugins/auth.js';

const Id = z.object({ id: DbIdParam });

/** 行政复议 / 行政诉讼 cases (DESIGN.md "Cases ledger"): staff. */
export async function caseRoutes(app: App): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['复议诉讼'];
  r.get('/api/cases', { preHandler: needRole(...CASE_READ_ROLES), schema: { tags, summary: '行政复议、行政诉讼案件列表（按收到年度、类型、是否审结）', querystring: ListCasesQuery } }, async (req) => listCases(req.ctx(), req.query));
  r.get('/api/cases/:id', { preHandler: needRole(...CASE_READ_ROLES), schema: { tags, summary: '案件详情', params: Id } }, async (req) => getCase(req.ctx(), req.params.id));
  r.post('/api/cases', { preHandler: needRole(...CASE_WRITE_ROLES), schema: { tags, summary: '登记案件（可按受理编号关联申请）', body: CaseBody } }, async (req, reply) => reply.status(201).send(await createCase(req.ctx(), req.body)));
  r.patch('/api/cases/:id', { preHandler: needRole(...CASE_WRITE_ROLES), schema: { tags, summary: '修改案件、登记结案', params: Id, body: CasePatchBody } }, async (req) => updateCase(req.ctx(), req.params.id, req.body));
}
