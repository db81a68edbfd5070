import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { App, AppDeps } from '../app.js';
import { ChangePasswordBody, LoginBody } from '../../shared/api.js';
import { changeOwnPassword, login, logout, SESSION_HOURS } from '../../services/users.js';
import { CSRF_COOKIE, SESSION_COOKIE, cookieSecure, needRole } from '../plugins/auth.js';
import { ROLE_LABELS } from '../../services/context.js';

export async function authRoutes(app: App, deps: AppDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cookieOpts = (req: FastifyRequest) => ({ path: '/', sameSite: 'lax' as const, secure: cookieSecure(req, deps.cookieSecure), maxAge: SESSION_HOURS * 3600 });

  r.post('/api/auth/login', { config: { rateLimit: { max: 20 } }, schema: { tags: ['登录'], summary: '登录', body: LoginBody } }, async (req, reply) => {
    const s = await login(req.ctx(), req.body.username, req.body.password);
    reply.setCookie(SESSION_COOKIE, s.token, { ...cookieOpts(req), httpOnly: true });
    reply.setCookie(CSRF_COOKIE, s.csrfToken, { ...cookieOpts(req), httpOnly: false });
    return { user: s.user, csrfToken: s.csrfToken };
  });

  r.post('/api/auth/logout', { schema: { tags: ['登录'], summary: '退出登录' } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(deps.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/', secure: cookieSecure(req, deps.cookieSecure) });
    reply.clearCookie(CSRF_COOKIE, { path: '/', secure: cookieSecure(req, deps.cookieSecure) });
    return { ok: true };
  });

  r.get('/api/auth/me', { schema: { tags: ['登录'], summary: '当前用户' } }, async (req) => {
    if (!req.actor) return { user: null, csrfToken: null, roleLabels: ROLE_LABELS };
    return { user: req.actor, csrfToken: req.csrfToken, roleLabels: ROLE_LABELS };
  });

  r.post('/api/auth/password', { preHandler: needRole(), schema: { tags: ['登录'], summary: '修改本人密码', body: ChangePasswordBody } }, async (req) => {
    await changeOwnPassword(req.ctx(), req.body.oldPassword, req.body.newPassword, req.sessionId);
    return { ok: true };
  });
}
