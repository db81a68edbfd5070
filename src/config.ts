import { isIP } from 'node:net';
import { resolve } from 'node:path';

/**
 * The only module that reads process.env (STYLE.md §5). Parsed once; every problem is listed at once.
 *
 * | variable            | meaning                                                             | default  |
 * |---------------------|---------------------------------------------------------------------|----------|
 * | DATABASE_URL        | postgres://… selects PostgreSQL; unset = embedded PGlite            | (PGlite) |
 * | GONGKAI_DATA_DIR    | embedded database directory and key file                            | ./data   |
 * | PORT / HOST         | HTTP listen address                                                 | 3000 / 0.0.0.0 |
 * | GONGKAI_KEY         | 64 hex chars: SM4 key (16 bytes) + HMAC-SM3 key (16 bytes) for personal data; unset = a key file in the data dir | — |
 * | GONGKAI_AUDIT_ANCHOR | append-only file of signed audit/request-event chain heads, kept outside the database | <data dir>/audit-anchor.log |
 * | GONGKAI_COOKIE_SECURE | "1" to mark cookies Secure always (they already are whenever the request came over HTTPS, directly or through a trusted proxy's X-Forwarded-Proto) | 0 |
 * | GONGKAI_SESSION_IDLE_MINUTES | a staff session ends after this many minutes without a request (besides its 12 h end) | 30 |
 * | GONGKAI_SCHEDULER   | "0" disables the in-server daily deadline job                        | 1        |
 * | LOG_LEVEL           | pino level                                                           | info     |
 * | GONGKAI_TRUST_PROXY | proxies whose X-Forwarded-For names the client (rate limits, audit): `none`, a hop count, or addresses/CIDRs/`loopback`, comma-separated | loopback |
 */
export interface Config {
  readonly databaseUrl: string | null;
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  readonly key: string | null;
  /** Outside anchor of the audit chains (signed checkpoints of their heads). */
  readonly auditAnchor: string;
  readonly cookieSecure: boolean;
  readonly sessionIdleMinutes: number;
  readonly scheduler: boolean;
  readonly logLevel: string;
  readonly trustProxy: false | number | string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) problems.push(`PORT 必须是 1–65535 的整数，当前为 "${env.PORT}"`);
  const key = env.GONGKAI_KEY?.trim() || null;
  if (key !== null && !/^[0-9a-fA-F]{64}$/.test(key)) problems.push('GONGKAI_KEY 必须是 64 位十六进制字符（SM4 密钥 + HMAC 密钥）');
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) problems.push(`DATABASE_URL 必须以 postgres:// 开头，当前为 "${databaseUrl}"`);
  const sessionIdleMinutes = Number(env.GONGKAI_SESSION_IDLE_MINUTES ?? 30);
  if (!Number.isInteger(sessionIdleMinutes) || sessionIdleMinutes < 1 || sessionIdleMinutes > 720) problems.push(`GONGKAI_SESSION_IDLE_MINUTES 必须是 1–720 的整数（分钟），当前为 "${env.GONGKAI_SESSION_IDLE_MINUTES}"`);
  const trustProxy = parseTrustProxy(env.GONGKAI_TRUST_PROXY);
  if (trustProxy === null) problems.push(`GONGKAI_TRUST_PROXY 应为 none、跳数（整数）或以逗号分隔的地址/网段（可用 loopback），当前为 "${env.GONGKAI_TRUST_PROXY}"`);
  if (problems.length > 0) throw new Error(`配置错误：\n- ${problems.join('\n- ')}`);
  const dataDir = resolve(env.GONGKAI_DATA_DIR ?? './data');
  return Object.freeze({
    databaseUrl,
    dataDir,
    auditAnchor: resolve(env.GONGKAI_AUDIT_ANCHOR?.trim() || resolve(overrides.dataDir ?? dataDir, 'audit-anchor.log')),
    port,
    host: env.HOST ?? '0.0.0.0',
    key,
    cookieSecure: env.GONGKAI_COOKIE_SECURE === '1',
    sessionIdleMinutes,
    scheduler: env.GONGKAI_SCHEDULER !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: trustProxy ?? false,
    ...overrides,
  });
}

/** `none` → false; `2` → two hops; `loopback, 10.0.0.0/8` → those proxies; unset → loopback; null = not understood. */
function parseTrustProxy(value: string | undefined): false | number | string | null {
  const v = value?.trim() ?? '';
  if (v === '') return 'loopback';
  if (/^(none|false|0)$/i.test(v)) return false;
  if (/^[1-9]\d*$/.test(v)) return Number(v);
  const parts = v.split(',').map((p) => p.trim());
  const ok = parts.every((p) => {
    if (/^(loopback|linklocal|uniquelocal)$/.test(p)) return true;
    const [addr, bits, extra] = p.split('/');
    const family = isIP(addr);
    return family !== 0 && extra === undefined && (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)));
  });
  return ok ? parts.join(',') : null;
}
