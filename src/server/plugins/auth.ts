import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors.js';
import { findSession, prepareLogin } from '../../services/users.js';
import { shanghaiToday, type Actor, type Role, type ServiceContext } from '../../services/context.js';
import type { AppDeps } from '../app.js';

export const SESSION_COOKIE = 'gk_session';
export const CSRF_COOKIE = 'gk_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    csrfToken: string | null;
    /** Id (SM3 of the cookie token) of the session in use, or null. */
    sessionId: string | null;
    /** Service context for this request: `today` resolved once here, at the edge. */
    ctx(): ServiceContext;
  }
  interface FastifyInstance {
    /** Every route registered, and whether it checks the caller's role (tests walk it: anonymous → 401). */
    routeTable: { method: string; url: string; needsLogin: boolean }[];
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
  app.decorateRequest('sessionId', null);
  prepareLogin();
  // Role checks (needRole) run in onRequest, right after the session is resolved and before the body is parsed or
  // validated: an anonymous caller gets 401 (and a wrong role 403) on every staff route, never a 400 that reveals
  // what the route expects. Routes declare `preHandler: needRole(…)`; this moves it.
  const routeTable: FastifyInstance['routeTable'] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    const pre = route.preHandler === undefined ? [] : [route.preHandler].flat();
    const checks = pre.filter((h) => ROLE_CHECK in (h as object));
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url, needsLogin: checks.length > 0 });
    if (!checks.length) return;
    route.preHandler = pre.filter((h) => !(ROLE_CHECK in (h as object)));
    route.onRequest = [...(route.onRequest === undefined ? [] : [route.onRequest].flat()), ...checks] as typeof route.onRequest;
  });
  app.decorateRequest('ctx', function (this: FastifyRequest) {
    const now = deps.clock();
    return { db: deps.db, keys: deps.keys, now, today: deps.today ? deps.today() : shanghaiToday(now), actor: this.actor, ip: this.ip };
  });
  // Callback style, not async: most /api requests (the public ones) carry no session cookie and pass without a
  // promise (measured: 3 points of a small public answer's throughput against a bare route, bench/RESULTS.md).
  app.addHook('onRequest', (req, _reply, done) => {
    if (!req.url.startsWith('/api/')) return done();
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return done();
    findSession(deps.db, token, deps.clock(), deps.sessionIdleMinutes).then((s) => {
      if (s) { req.actor = s.actor; req.csrfToken = s.csrfToken; req.sessionId = s.sessionId; }
      done(csrfProblem(req) ?? (s?.mustChangePassword ? passwordChangeProblem(req) : undefined));
    }, done);
  });
}

/** What a user may do before replacing an initial or reset password: who am I, change it, log out, public pages. */
const BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

/**
 * An initial password (given by the security admin, who knows it) or a reset one opens nothing until the user has
 * chosen their own: the web page asks first, and the API refuses too, so the security admin cannot work as another
 * user (三员分立). Undefined when the request may pass.
 */
function passwordChangeProblem(req: FastifyRequest): DomainError | undefined {
  const path = req.url.split('?')[0];
  if (BEFORE_PASSWORD_CHANGE.has(path) || path.startsWith('/api/public/')) return undefined;
  return new DomainError('FORBIDDEN', '请先修改初始密码（或重置后的密码），再使用其他功能');
}

/** Double-submit check for a logged-in user's state-changing request; undefined when it passes or does not apply. */
function csrfProblem(req: FastifyRequest): DomainError | undefined {
  if (!req.actor || SAFE_METHODS.has(req.method) || req.url.startsWith('/api/public/') || req.url.startsWith('/api/auth/login')) return undefined;
  if (req.headers[CSRF_HEADER] !== req.csrfToken) return new DomainError('CSRF', '安全校验失败（CSRF）：请刷新页面后重试');
  return undefined;
}

const ROLE_CHECK = Symbol('needRole');

/**
 * The route needs a logged-in user with one of these roles (none listed: any logged-in user). Declared as the
 * route's preHandler; `registerAuth` runs it in onRequest, before body parsing and validation.
 */
export function needRole(...roles: Role[]) {
  const check = async (req: FastifyRequest, _reply: FastifyReply) => {
    if (!req.actor) throw new DomainError('UNAUTHORIZED', '请先登录');
    if (roles.length && !roles.some((r) => req.actor!.roles.includes(r))) throw new DomainError('FORBIDDEN', '当前账号没有访问此功能的权限');
  };
  return Object.assign(check, { [ROLE_CHECK]: roles });
}

/**
 * Whether cookies set on this request get `Secure`: always when configured, and whenever the request came over
 * HTTPS, directly or through a trusted proxy that says so (`X-Forwarded-Proto`, honoured only from the proxies of
 * GONGKAI_TRUST_PROXY: Fastify's `request.protocol`).
 */
export function cookieSecure(req: FastifyRequest, configured = false): boolean {
  return configured || req.protocol === 'https';
}
