import { z } from 'zod';
import { DbIdParam } from '../../shared/ids.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App } from '../app.js';
import { CalendarYearBody, DepartmentBody, DepartmentPatchBody, UserBody, UserPatchBody } from '../../shared/api.js';
import { createDepartment, createUser, listDepartments, listUsers, updateDepartment, updateUser } from '../../services/users.js';
import { calendarStatus, listCalendarYears, upsertCalendarYear } from '../../services/calendar.js';
import { recomputeOpenDeadlines } from '../../services/requests/recompute.js';
import { appendAudit, listAudit, verifyAuditChain } from '../../services/audit.js';
import { getAgency, getDeadlineSettings, putSetting, type AgencyProfile } from '../../services/settings.js';
import { saveDeadlineSettings } from '../../services/requests/deadline-settings.js';
import { AgencyProfileBody } from '../../shared/agency.js';
import { runDeadlineAlerts, latestAlerts } from '../../services/alerts.js';
import { needRole } from '../plugins/auth.js';
import { ROLE_LABELS } from '../../services/context.js';

const Id = z.object({ id: DbIdParam });
const DeliveryDays = z.number().int().min(0).max(30).nullable().optional();
/** Shape only; ranges and names are checked with Chinese messages by `saveDeadlineSettings`. */
const DeadlineSettingsBody = z.object({
  pauseDuringFeeNotice: z.boolean().optional(),
  dueSoonWorkingDays: z.number().optional(),
  presumedDeliveryDays: z.object({ post: DeliveryDays, email: DeliveryDays, online: DeliveryDays, in_person: DeliveryDays }).strict().optional(),
  repeatSupplement: z.string().optional(),
}).strict();

export async function adminRoutes(app: App): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/departments', { preHandler: needRole(), schema: { tags: ['管理'], summary: '承办单位列表' } }, async (req) => listDepartments(req.ctx().db));
  r.post('/api/departments', { preHandler: needRole('admin'), schema: { tags: ['管理'], summary: '新增承办单位', body: DepartmentBody } }, async (req, reply) => reply.status(201).send(await createDepartment(req.ctx(), req.body)));
  r.patch('/api/departments/:id', { preHandler: needRole('admin'), schema: { tags: ['管理'], summary: '修改承办单位', params: Id, body: DepartmentPatchBody } }, async (req) => updateDepartment(req.ctx(), req.params.id, req.body));

  r.get('/api/users', { preHandler: needRole('security_admin', 'admin', 'auditor'), schema: { tags: ['管理'], summary: '用户列表' } }, async (req) => ({ items: await listUsers(req.ctx()), roleLabels: ROLE_LABELS }));
  r.post('/api/users', { preHandler: needRole('security_admin'), schema: { tags: ['管理'], summary: '新增用户（安全管理员）', body: UserBody } }, async (req, reply) => reply.status(201).send(await createUser(req.ctx(), req.body)));
  r.patch('/api/users/:id', { preHandler: needRole('security_admin'), schema: { tags: ['管理'], summary: '修改用户、角色、停用', params: Id, body: UserPatchBody } }, async (req) => { await updateUser(req.ctx(), req.params.id, req.body); return { ok: true }; });

  r.get('/api/calendar', { preHandler: needRole(), schema: { tags: ['管理'], summary: '节假日与调休日历（按年）' } }, async (req) => listCalendarYears(req.ctx().db));
  r.get('/api/calendar/status', { preHandler: needRole(), schema: { tags: ['管理'], summary: '节假日安排载入情况：缺少下一年度时的工作台提醒、按放假办法推定的暂定节假日' } }, async (req) => calendarStatus(req.ctx().db, req.ctx().today));
  r.put('/api/calendar/:year', { preHandler: needRole('admin'), schema: { tags: ['管理'], summary: '新增或更正某年节假日安排；所有未结申请的期限随之重算', params: z.object({ year: z.coerce.number().int() }), body: CalendarYearBody } }, async (req) => {
    const ctx = req.ctx();
    await ctx.db.transaction(async (tx) => {
      await upsertCalendarYear(tx, { ...req.body, year: req.params.year }, ctx.actor!.id);
      await appendAudit(tx, ctx.actor, { action: 'calendar.year_saved', targetType: 'calendar', targetId: req.params.year, detail: { notice: req.body.notice, holidays: req.body.holidays.length, workdays: req.body.workdays.length } }, ctx.ip ?? null, ctx.now);
    });
    const recomputed = await recomputeOpenDeadlines(ctx);
    return { ok: true, recomputed };
  });

  r.get('/api/settings/agency', { preHandler: needRole(), schema: { tags: ['管理'], summary: '机关信息' } }, async (req) => getAgency(req.ctx().db));
  r.put('/api/settings/agency', { preHandler: needRole('admin'), schema: { tags: ['管理'], summary: '修改机关信息（公开指南、文书落款）', body: AgencyProfileBody } }, async (req) => {
    const ctx = req.ctx();
    const merged: AgencyProfile = { ...(await getAgency(ctx.db)), ...req.body };
    await ctx.db.transaction(async (tx) => { await putSetting(tx, 'agency', merged); await appendAudit(tx, ctx.actor, { action: 'settings.agency_saved', targetType: 'settings', targetId: 'agency', detail: req.body }, ctx.ip ?? null, ctx.now); });
    return merged;
  });

  r.get('/api/settings/deadlines', { preHandler: needRole(), schema: { tags: ['管理'], summary: '期限设置（缴费暂停、推定送达、再次补正）' } }, async (req) => getDeadlineSettings(req.ctx().db));
  r.put('/api/settings/deadlines', { preHandler: needRole('admin'), schema: { tags: ['管理'], summary: '修改期限设置；所有未结申请的期限随之重算', body: DeadlineSettingsBody } }, async (req) => saveDeadlineSettings(req.ctx(), req.body));

  r.get('/api/audit', { preHandler: needRole('auditor'), schema: { tags: ['审计'], summary: '审计日志', querystring: z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(200).default(50), action: z.string().optional(), targetType: z.string().optional(), targetId: z.string().optional() }) } }, async (req) => listAudit(req.ctx().db, req.query));
  r.get('/api/audit/verify', { preHandler: needRole('auditor'), schema: { tags: ['审计'], summary: '校验审计日志 SM3 链' } }, async (req) => verifyAuditChain(req.ctx().db));

  r.get('/api/alerts', { preHandler: needRole('registrar', 'handler', 'reviewer'), schema: { tags: ['依申请公开'], summary: '期限提醒：3个工作日内到期与已超期（按承办单位）' } }, async (req) => latestAlerts(req.ctx()));
  r.post('/api/alerts/run', { preHandler: needRole('registrar', 'admin'), schema: { tags: ['依申请公开'], summary: '立即运行期限提醒' } }, async (req) => runDeadlineAlerts(req.ctx()));
}
