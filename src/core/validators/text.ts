/**
 * Characters no stored text may contain. Everything staff and applicants type ends up in PostgreSQL (whose text type
 * cannot hold NUL) and in 公文 DOCX/HTML (XML 1.0 §2.2 `Char`: only TAB, LF and CR below U+0020, no U+FFFE/U+FFFF,
 * no unpaired surrogates). Such a character is always a copy-paste or encoding accident, never content, so input
 * carrying one is refused with a message instead of failing later in the database or in Word.
 */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first forbidden character of `s` as U+XXXX, or null when `s` is clean. */
export function forbiddenCharacter(s: string): string | null {
  const m = FORBIDDEN.exec(s);
  return m ? `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}

/**
 * Walks a parsed JSON value and returns the path ("applicant.name", "items.2.title") and code point of the first
 * string (or key) holding a forbidden character, or null.
 */
export function findForbiddenText(value: unknown, path = ''): { path: string; char: string } | null {
  if (typeof value === 'string') {
    const char = forbiddenCharacter(value);
    return char ? { path, char } : null;
  }
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const at = path ? `${path}.${k}` : k;
    const inKey = forbiddenCharacter(k);
    if (inKey) return { path: at, char: inKey };
    const found = findForbiddenText(v, at);
    if (found) return found;
  }
  return null;
}

/** The first text in a JSON value longer than `max` characters, with its field path; null when none is. */
export function findLongText(value: unknown, max: number, path = ''): { path: string; length: number } | null {
  if (typeof value === 'string') return value.length > max ? { path, length: value.length } : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    const found = findLongText(v, max, path ? `${path}.${k}` : k);
    if (found) return found;
  }
  return null;
}

/**
 * A file name as uploaded, safe to store and to send back in a Content-Disposition header: path separators and
 * control characters (see above) become `_`; an empty name becomes `fallback`.
 */
export function cleanFileName(name: string | null | undefined, fallback: string): string {
  return (name ?? '').replace(/[\\/\u0000-\u001f\u007f]/g, '_').trim() || fallback;
}
