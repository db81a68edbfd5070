import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestDb } from '../../../test/db.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { API_HEADERS, DOCUMENT_HEADERS } from './security-headers.js';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => { t = await buildTestApp(await getTestDb(), '2026-11-27'); });
  afterAll(async () => { await t.app.close(); });

  const headersOf = async (url: string) => (await t.app.inject({ method: 'GET', url })).headers;

  it('JSON API answers carry the OWASP API set: no-store, no framing, nosniff, HSTS, same-origin resources', async () => {
    for (const url of ['/api/public/guide', '/api/no-such-route', '/api/auth/me']) {
      const h = await headersOf(url);
      for (const [name, value] of Object.entries(API_HEADERS)) expect(h[name], `${url} ${name}`).toBe(value);
      expect(h['content-type']).toContain('application/json');
    }
  });

  it('pages (the portal, the API docs) carry the full document set with our CSP', async () => {
    for (const url of ['/', '/api/docs']) {
      const h = await headersOf(url);
      for (const [name, value] of Object.entries(DOCUMENT_HEADERS)) expect(h[name], `${url} ${name}`).toBe(value);
      expect(h['content-security-policy']).toContain("object-src 'none'");
    }
  });
});
