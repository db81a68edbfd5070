/**
 * The agency's public web address as the 政府信息公开指南 may print it (条例 Art.12 ¶2: the guide gives the office's
 * "互联网联系方式"). An address the public cannot reach — empty, not http(s), or a loopback/private host such as the
 * `http://localhost:3000` of a development install — is no address: the guide then omits the line rather than print it.
 */
export function publicWebsite(url: string | null | undefined): string | null {
  const v = (url ?? '').trim();
  if (!v) return null;
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `http://${v}`);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (!host.includes('.') && !host.includes(':')) return null; // localhost, intranet short names
  if (/(^|\.)localhost$|\.local$|\.internal$/.test(host)) return null;
  if (/^(127\.|10\.|192\.168\.|169\.254\.|0\.)/.test(host) || /^172\.(1[6-9]|2\d|3[01])\./.test(host)) return null;
  if (host === '::1' || /^f[cd][0-9a-f]{2}:/.test(host) || /^fe80:/.test(host)) return null;
  return v;
}
