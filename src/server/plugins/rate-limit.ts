import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { DomainError } from '../../core/errors.js';

/** A route's limit: at most `max` requests per client address per window (default one minute). */
export interface RateLimit {
  max: number;
  windowMs?: number;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    rateLimit?: RateLimit;
  }
}

/** More distinct addresses than this in one window share one counter (memory stays bounded under a flood). */
const MAX_KEYS = 100_000;
const OVERFLOW_KEY = '*';

/**
 * Counts requests per key in windows that start at the key's first request (the behaviour of @fastify/rate-limit's
 * local store, which this replaces: its promise-based hook and three response headers per answer cost a small public
 * answer 11 points of its throughput against a bare Fastify route, measured). Expired entries are swept once a window.
 * `hit` answers 0 when the request may pass, else the milliseconds until the key's window ends.
 */
export class WindowCounter {
  private readonly entries = new Map<string, { count: number; resetAt: number }>();
  private nextSweep: number;

  constructor(private readonly max: number, private readonly windowMs: number, private readonly now: () => number = Date.now) {
    this.nextSweep = now() + windowMs;
  }

  hit(key: string): number {
    const t = this.now();
    if (t >= this.nextSweep) this.sweep(t);
    let e = this.entries.get(key);
    if (!e && this.entries.size >= MAX_KEYS) {
      key = OVERFLOW_KEY;
      e = this.entries.get(key);
    }
    if (!e || t >= e.resetAt) {
      e = { count: 0, resetAt: t + this.windowMs };
      this.entries.set(key, e);
    }
    e.count++;
    return e.count > this.max ? e.resetAt - t : 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private sweep(t: number): void {
    for (const [k, e] of this.entries) if (t >= e.resetAt) this.entries.delete(k);
    this.nextSweep = t + this.windowMs;
  }
}

/**
 * Per-route limits (`config: { rateLimit: { max } }`) on public endpoints and login, keyed by the client address
 * (`req.ip`, which honours X-Forwarded-For only from the proxies named in GONGKAI_TRUST_PROXY). A refused request
 * gets 429 with Retry-After and a Chinese message. Counters live in this process: behind a load balancer with N
 * processes a client gets at most N × max. Must be registered before the routes (it reads them as they are added).
 */
export function registerRateLimit(app: FastifyInstance, now: () => number = Date.now): void {
  app.addHook('onRoute', (route) => {
    const limit = route.config?.rateLimit;
    if (!limit) return;
    if (!Number.isInteger(limit.max) || limit.max < 1) throw new Error(`rateLimit.max must be a positive integer on ${route.url}`);
    const counter = new WindowCounter(limit.max, limit.windowMs ?? 60_000, now);
    const hook = (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) => {
      const waitMs = counter.hit(req.ip);
      if (waitMs === 0) return done();
      const seconds = Math.ceil(waitMs / 1000);
      reply.header('retry-after', String(seconds));
      done(new DomainError('RATE_LIMITED', `请求过于频繁，请 ${seconds} 秒后再试`, { retryAfterSeconds: seconds }));
    };
    route.onRequest = route.onRequest ? [...(Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]), hook] : [hook];
  });
}
