import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../src/server/app.js';
import type { DbHandle } from '../src/db/client.js';
import { hashPassword } from '../src/security/crypto.js';
import { departments, users } from '../src/db/schema/index.js';
import { TEST_KEYS } from './db.js';
import type { Role } from '../src/services/context.js';

export interface TestApp { app: App; setToday(d: string): void; }

/** The app over the worker's test database, with a settable "today" (noon in Asia/Shanghai). */
export async function buildTestApp(handle: DbHandle, today = '2024-09-02'): Promise<TestApp> {
  let current = today;
  const app = await buildApp({ db: handle.db, keys: TEST_KEYS, clock: () => new Date(), today: () => current, publicRateLimit: 1000, webDir: '/nonexistent' });
  await app.ready();
  return { app, setToday: (d) => { current = d; } };
}

export const TEST_PASSWORD = 'Passw0rd-test';

let cachedHash: string | null = null;
/** Creates a user (factory, Outline's buildUser) and returns its id. */
export async function buildUser(handle: DbHandle, o: { username: string; roles: Role[]; departmentId?: number | null; displayName?: string }): Promise<number> {
  cachedHash ??= await hashPassword(TEST_PASSWORD);
  const [u] = await handle.db.insert(users).values({ username: o.username, displayName: o.displayName ?? o.username, roles: o.roles, departmentId: o.departmentId ?? null, passwordHash: cachedHash }).returning({ id: users.id });
  return u.id;
}

export async function buildDepartment(handle: DbHandle, name: string): Promise<number> {
  const [d] = await handle.db.insert(departments).values({ name }).returning({ id: departments.id });
  return d.id;
}

/** A logged-in HTTP client for one user: carries the session cookie and the CSRF header. */
export interface Client {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  /** The session cookie and CSRF header, for requests the helpers above do not cover (raw uploads). */
  headers: Record<string, string>;
}

export async function loginAs(app: App, username: string, password = TEST_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const session = res.cookies.find((c) => c.name === 'gk_session')!.value;
  const csrf = res.json().csrfToken as string;
  const headers = { cookie: `gk_session=${session}; gk_csrf=${csrf}`, 'x-csrf-token': csrf };
  const send = (method: 'GET' | 'POST' | 'PUT' | 'PATCH') => (url: string, body?: unknown) => app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
  return { get: send('GET'), post: send('POST'), put: send('PUT'), patch: send('PATCH'), headers };
}
