import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestDb } from '../../../test/db.js';
import { TEST_KEYS } from '../../../test/db.js';
import { buildApp, type App } from '../app.js';
import { WindowCounter } from './rate-limit.js';

describe('WindowCounter', () => {
  it('lets max requests through per key and window, then answers the wait until the key’s window ends', () => {
    let now = 1_000_000;
    const c = new WindowCounter(3, 60_000, () => now);
    expect([c.hit('a'), c.hit('a'), c.hit('a')]).toEqual([0, 0, 0]);
    now += 15_000;
    expect(c.hit('a')).toBe(45_000);
    expect(c.hit('b')).toBe(0); // another address has its own count
    now += 45_000; // a's window (started at its first request) is over
    expect(c.hit('a')).toBe(0);
    expect(c.hit('b')).toBe(0);
  });

  it('forgets expired addresses once a window, so memory follows the addresses of the last minute', () => {
    let now = 0;
    const c = new WindowCounter(1, 1000, () => now);
    for (let i = 0; i < 500; i++) c.hit(`10.0.${i >> 8}.${i & 255}`);
    expect(c.size).toBe(500);
    now = 1500;
    c.hit('10.9.9.9');
    expect(c.size).toBe(1);
  });
});

describe('rate limits on public endpoints', () => {
  let app: App;
  const code = '/api/public/requests/NOSUCHCODE?key=X';
  beforeAll(async () => {
    app = await buildApp({ db: (await getTestDb()).db, keys: TEST_KEYS, clock: () => new Date(), today: () => '2026-11-27', publicRateLimit: 3, webDir: '/nonexistent' });
    await app.ready();
  });
  afterAll(async () => { await app.close(); });

  it('answers 429 with Retry-After and a Chinese message after the limit, per client address', async () => {
    const from = (remoteAddress: string) => app.inject({ method: 'GET', url: code, remoteAddress });
    const first = await Promise.all([1, 2, 3].map(() => from('203.0.113.7')));
    expect(first.map((r) => r.statusCode)).toEqual([404, 404, 404]);
    const refused = await from('203.0.113.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(refused.json().error.message).toMatch(/^请求过于频繁，请 \d+ 秒后再试$/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await from('203.0.113.8')).statusCode).toBe(404); // another address is not affected
  });

  it('ignores X-Forwarded-For from a client that is not a trusted proxy (it cannot pick a fresh address)', async () => {
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => app.inject({ method: 'GET', url: code, remoteAddress: '198.51.100.9', headers: { 'x-forwarded-for': `192.0.2.${i}` } })));
    expect(results.map((r) => r.statusCode)).toEqual([404, 404, 404, 429, 429]);
  });

  it('believes X-Forwarded-For from a reverse proxy on the same machine (default GONGKAI_TRUST_PROXY=loopback)', async () => {
    const viaProxy = (client: string) => app.inject({ method: 'GET', url: code, remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client } });
    for (let i = 0; i < 3; i++) expect((await viaProxy('192.0.2.50')).statusCode).toBe(404);
    expect((await viaProxy('192.0.2.50')).statusCode).toBe(429);
    expect((await viaProxy('192.0.2.51')).statusCode).toBe(404);
  });

  it('limits each route on its own and leaves staff routes alone', async () => {
    for (let i = 0; i < 3; i++) expect((await app.inject({ method: 'GET', url: '/api/public/guide', remoteAddress: '203.0.113.7' })).statusCode).toBe(200);
    for (let i = 0; i < 5; i++) expect((await app.inject({ method: 'GET', url: '/api/auth/me', remoteAddress: '203.0.113.7' })).statusCode).not.toBe(429);
  });
});
