import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.js';
import { findSession } from '../../services/users.js';
import { shanghaiToday, type Actor, type Role, type ServiceContext } from '../../services/context.js';
import type { AppDeps } from '../app.js';

export const SESSION_COOKIE = 'gk_session';
export const CSRF_COOKIE = 'gk_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    /** Service context for this request: `today` resolved once here, at the edge. */
    ctx(): ServiceContext;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the session cookie to an actor on every /api request; enforces CSRF (double submit: the `gk_csrf`
 * cookie's value must come back in the x-csrf-token header, and must be the session's token) on state-changing
 * staff requests. Public endpoints (/api/public/*) and login carry no session and are rate-limited instead.
 */
export function registerAuth(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('ctx', function (this: FastifyRequest) {
    const now = deps.clock();
    return { db: deps.db, keys: deps.keys, now, today: deps.today ? deps.today() : shanghaiToday(now), actor: this.actor, ip: this.ip };
  });
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const s = await findSession(deps.db, token, deps.clock());
      if (s) { req.actor = s.actor; req.csrfToken = s.csrfToken; }
    }
    if (SAFE_METHODS.has(req.method) || req.url.startsWith('/api/public/') || req.url.startsWith('/api/auth/login')) return;
    if (req.actor) {
      const header = req.headers[CSRF_HEADER];
      if (header !== req.csrfToken) throw new DomainError('CSRF', '安全校验失败（CSRF）：请刷新页面后重试');
    }
  });
}

/** preHandler: the route needs a logged-in user with one of these roles. */
export function needRole(...roles: Role[]) {
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    if (!req.actor) throw new DomainError('UNAUTHORIZED', '请先登录');
    if (roles.length && !roles.some((r) => req.actor!.roles.includes(r))) throw new DomainError('FORBIDDEN', '当前账号没有访问此功能的权限');
  };
}
