import type { App, AppDeps } from '../app.js';
import { publicRoutes } from './public.js';
import { authRoutes } from './auth.js';
import { requestRoutes } from './requests.js';
import { adminRoutes } from './admin.js';
import { publicationRoutes } from './publications.js';
import { noticeRoutes } from './notices.js';

export async function registerRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true }));
  await app.register(async (scope) => publicRoutes(scope as App, deps));
  await app.register(async (scope) => authRoutes(scope as App, deps));
  await app.register(async (scope) => requestRoutes(scope as App));
  await app.register(async (scope) => adminRoutes(scope as App));
  await app.register(async (scope) => publicationRoutes(scope as App, deps));
  await app.register(async (scope) => noticeRoutes(scope as App));
  await app.register(async (scope) => (await import('./reports.js')).reportRoutes(scope as App, deps));
  await app.register(async (scope) => (await import('./imports.js')).importRoutes(scope as App));
  await app.register(async (scope) => (await import('./cases.js')).caseRoutes(scope as App));
}
