import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/client.js';
import type { Keys } from '../security/crypto.js';
import { registerErrorHandler } from './plugins/error-handler.js';
import { registerAuth } from './plugins/auth.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerInputGuard } from './plugins/input-guard.js';
import { registerRateLimit } from './plugins/rate-limit.js';
import { registerRoutes } from './routes/index.js';

export interface AppDeps {
  db: Db;
  keys: Keys;
  /** The wall clock (sessions, audit timestamps). */
  clock: () => Date;
  /** The legal date, normally today in Asia/Shanghai from `clock`; tests fix it. */
  today?: () => string;
  /** Mark cookies Secure even on plain HTTP requests (they are Secure whenever the request came over HTTPS). */
  cookieSecure?: boolean;
  /** A session ends after this many minutes without a request (default 30). */
  sessionIdleMinutes?: number;
  /** Public endpoint rate limit per IP per minute. */
  publicRateLimit?: number;
  /**
   * Which proxies may tell the client's address in X-Forwarded-For (Fastify `trustProxy`: false, a hop count, or
   * addresses/CIDRs/`loopback`). Default `loopback`: a reverse proxy on the same machine. Trusting every sender
   * would let any client pick its own address and walk past the per-address rate limits.
   */
  trustProxy?: false | number | string;
  logger?: boolean | object;
  /** Directory of the built web pages (vite build); served when present. */
  webDir?: string;
}

export type App = FastifyInstance;

export const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** A hop count becomes the function Fastify expects (its types do not list numbers). */
const trustProxyOption = (t: false | number | string) => (typeof t === 'number' ? (_addr: string, hop: number) => hop < t : t);

/** Builds the Fastify app: third-party plugins, then ours, then routes (fastify/demo order). */
export async function buildApp(deps: AppDeps): Promise<App> {
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: 2 * 1024 * 1024, trustProxy: trustProxyOption(deps.trustProxy ?? 'loopback') }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 200 * 1024 * 1024, files: 10 } });
  registerRateLimit(app);
  await app.register(swagger, {
    openapi: { info: { title: 'Gongkai 公开 — 政府信息公开工作平台 API', version: '0.1.0' }, components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gk_session' } } } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  const webDir = deps.webDir ?? DEFAULT_WEB_DIR;
  const hasWeb = existsSync(webDir);
  registerErrorHandler(app, hasWeb);
  registerAuth(app, deps);
  registerInputGuard(app);
  await registerRoutes(app, deps);

  if (hasWeb) {
    // Built pages; client-side routes fall back to index.html in the not-found handler (plugins/error-handler.ts).
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) => reply.type('text/html').send('<!doctype html><meta charset="utf-8"><title>Gongkai 公开</title><p>前端页面尚未构建：请运行 <code>npm run build</code>（<code>npm start</code> 会自动构建）。API 文档见 <a href="/api/docs">/api/docs</a>。</p>'));
  }
  return app;
}
