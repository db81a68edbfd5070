import type { FastifyInstance } from 'fastify';

/**
 * Browser security headers, computed once (@fastify/helmet rebuilt its CSP on every response, which measured as
 * the largest share of a small API response's cost; bench/RESULTS.md).
 * - Documents (the web pages, /api/docs, and any HTML an API route returns: report pages, notice downloads) get
 *   the full set that helmet gave us: its defaults plus our CSP (only our own scripts; inline styles for antd;
 *   data:/blob: images for charts and previews; no plugins).
 * - JSON API responses get the set the OWASP REST Security Cheat Sheet lists for APIs: `Cache-Control: no-store`
 *   (replies carry personal data), `frame-ancestors 'none'` + `X-Frame-Options: DENY`, `nosniff`, HSTS, and
 *   `Cross-Origin-Resource-Policy: same-origin` so other sites cannot pull them in. The other document headers
 *   (COOP, Origin-Agent-Cluster, Referrer-Policy, DNS prefetch, XSS auditor…) have no effect on a JSON response.
 * A route may still set its own value (the published report page allows public caching).
 */
const DOCUMENT_CSP = [
  "default-src 'self'", "base-uri 'self'", "font-src 'self' data:", "form-action 'self'", "frame-ancestors 'self'",
  "img-src 'self' data: blob:", "object-src 'none'", "script-src 'self'", "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'", "connect-src 'self'", "frame-src 'self'",
].join(';');

const HSTS = 'max-age=31536000; includeSubDomains';

export const DOCUMENT_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': DOCUMENT_CSP,
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': HSTS,
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
});

export const API_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'cache-control': 'no-store',
  'content-security-policy': "frame-ancestors 'none'",
  'cross-origin-resource-policy': 'same-origin',
  'strict-transport-security': HSTS,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
});

const isApi = (url: string) => url.startsWith('/api/') && !url.startsWith('/api/docs');

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(isApi(req.url) ? API_HEADERS : DOCUMENT_HEADERS);
    done();
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    // An API route that answers with a page (report preview, notice as HTML) is a document after all.
    if (isApi(req.url) && String(reply.getHeader('content-type') ?? '').startsWith('text/html')) reply.headers(DOCUMENT_HEADERS);
    done(null, payload);
  });
}
