/**
 * Text helpers of the public full-text search (条例 Art.23–24: 主动公开 through 政府网站 and 政府信息公开平台, where the
 * public must be able to find what is published). PostgreSQL's `simple` text-search configuration does not segment
 * Chinese, so Gongkai stores jieba-segmented, space-joined text and builds tsquery strings from segmented queries
 * (STACK.md "Search features"). Segmentation itself happens in services (jieba is native); these functions are pure.
 */

/** Words that carry no meaning in a query (dropped from queries only, never from the index). */
export const QUERY_STOP_WORDS: ReadonlySet<string> = new Set([
  '的', '了', '和', '与', '及', '或', '在', '是', '对', '为', '把', '被', '之', '等', '并', '由', '于', '以', '其',
  '关于', '有关', '年', '月', '日', '号', '第', '中', '上', '下', '个', '这', '那', '一个',
]);

const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

/** Whether a segmenter token is worth indexing: it contains a letter or digit (punctuation and spaces are not). */
export function isSearchToken(token: string): boolean {
  return HAS_WORD_CHAR.test(token);
}

/** The `search_text` column value: tokens lower-cased, punctuation dropped, joined with single spaces. */
export function joinIndexTokens(tokens: Iterable<string>): string {
  const out: string[] = [];
  for (const t of tokens) {
    const s = t.trim().toLowerCase();
    if (s && isSearchToken(s)) out.push(s.replace(/\s+/g, ''));
  }
  return out.join(' ');
}

/** One query word: matches the word itself or all of its sub-words (jieba search-mode pieces), e.g. 耕地保护 = 耕地 & 保护. */
export interface QueryTerm {
  word: string;
  parts: string[];
}

/**
 * Query terms from a segmented query: lower-cased, punctuation and stop words dropped (unless nothing else is left),
 * duplicates removed; `subwords(word)` gives the search-mode pieces of a long word (without the word itself).
 */
export function queryTermsFrom(words: readonly string[], subwords: (word: string) => readonly string[] = () => []): QueryTerm[] {
  const clean = words.map((w) => w.trim().toLowerCase()).filter((w) => w && isSearchToken(w));
  const meaningful = clean.filter((w) => !QUERY_STOP_WORDS.has(w));
  const chosen = meaningful.length ? meaningful : clean;
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const w of chosen) {
    if (seen.has(w)) continue;
    seen.add(w);
    const parts = [...new Set(subwords(w).map((p) => p.trim().toLowerCase()).filter((p) => p && p !== w && isSearchToken(p)))];
    terms.push({ word: w, parts });
  }
  return terms;
}

/** A lexeme quoted for to_tsquery: inside single quotes, with quotes doubled and backslashes escaped. */
export function quoteLexeme(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The text for `to_tsquery('simple', $1)`: each term is `'word'` or `('word' | ('part1' & 'part2'))`, joined by `&`
 * (all terms) or `|` (any term). Returns null when there are no terms. Lexemes are quoted, so user input can never
 * inject tsquery operators.
 */
export function buildTsQuery(terms: readonly QueryTerm[], mode: 'and' | 'or'): string | null {
  if (!terms.length) return null;
  const expr = terms.map((t) => (t.parts.length > 1 ? `(${quoteLexeme(t.word)} | (${t.parts.map(quoteLexeme).join(' & ')}))` : quoteLexeme(t.word)));
  return expr.join(mode === 'and' ? ' & ' : ' | ');
}

/** All strings worth highlighting for these terms, longest first. */
export function highlightNeedles(terms: readonly QueryTerm[]): string[] {
  const set = new Set<string>();
  for (const t of terms) {
    set.add(t.word);
    for (const p of t.parts) set.add(p);
  }
  return [...set].filter(Boolean).sort((a, b) => b.length - a.length);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** HTML-escapes text for safe insertion into markup. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function markRange(text: string, lower: string, needles: readonly string[]): string {
  let out = '';
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const hit = needles.find((n) => lower.startsWith(n, i));
    if (hit) {
      out += escapeHtml(plain) + `<em>${escapeHtml(text.slice(i, i + hit.length))}</em>`;
      plain = '';
      i += hit.length;
    } else {
      plain += text[i];
      i++;
    }
  }
  return out + escapeHtml(plain);
}

/** The whole `text`, HTML-escaped, with every occurrence of the needles wrapped in `<em>…</em>`. */
export function highlightText(text: string, needles: readonly string[]): string {
  const ns = [...new Set(needles.map((n) => n.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  return markRange(text, text.toLowerCase(), ns);
}

/**
 * A search-result snippet of at most `maxLength` characters of `text` (plus ellipses), starting a little before
 * the first occurrence of any needle, HTML-escaped, with the occurrences wrapped in `<em>…</em>`. Without any
 * occurrence it is the beginning of the text.
 */
export function highlightSnippet(text: string, needles: readonly string[], maxLength = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const ns = [...new Set(needles.map((n) => n.toLowerCase()).filter(Boolean))].sort((a, b) => b.length - a.length);
  let first = -1;
  for (const n of ns) {
    const at = lower.indexOf(n);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  let start = first < 0 ? 0 : Math.max(0, first - Math.floor(maxLength / 4));
  const end = Math.min(flat.length, start + maxLength);
  start = Math.max(0, Math.min(start, end - maxLength));
  const body = markRange(flat.slice(start, end), lower.slice(start, end), ns);
  return `${start > 0 ? '…' : ''}${body}${end < flat.length ? '…' : ''}`;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', mdash: '—', hellip: '…', middot: '·' };

/** Decodes the HTML entities that occur in rich-text bodies (named ones above, decimal and hex). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Plain text of a rich-text body: scripts/styles removed, block ends as line breaks, tags stripped, entities decoded. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|iframe|object|noscript)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|tr|h[1-6]|table|blockquote|section|article)\s*>/gi, '\n')
      .replace(/<[^>]*>/g, ''),
  )
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'blockquote', 'a', 'span', 'div', 'img', 'hr', 'pre', 'code']);
const DROP_WITH_CONTENT = /<(script|style|iframe|object|embed|noscript|template|svg|math|form|textarea|select)\b[\s\S]*?<\/\1\s*>/gi;
const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

/**
 * The rich-text body as it may be shown on the portal: only an allow-list of formatting tags survives, with only
 * `href` (http/https/mailto/site-relative), `src` (http/https/site-relative), `alt`, `title`, `colspan`, `rowspan`
 * attributes; scripts, event handlers, styles and `javascript:` URLs are removed. (A published page is served to
 * the public by the agency, Art.23; it must not carry active content.)
 */
export function sanitizeBodyHtml(html: string): string {
  return html
    .replace(DROP_WITH_CONTENT, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/?([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>/g, (tag: string, rawName: string, rawAttrs: string) => {
      const name = rawName.toLowerCase();
      if (!ALLOWED_TAGS.has(name)) return '';
      if (tag.startsWith('</')) return `</${name}>`;
      const attrs: string[] = [];
      const re = /([a-zA-Z:-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(rawAttrs))) {
        const key = m[1].toLowerCase();
        const value = decodeEntities(m[3] ?? m[4] ?? m[5] ?? '').trim();
        const ok = (key === 'href' && name === 'a' && SAFE_URL.test(value))
          || (key === 'src' && name === 'img' && /^(https?:\/\/|\/(?!\/))/i.test(value))
          || ((key === 'alt' || key === 'title') && value.length < 500)
          || ((key === 'colspan' || key === 'rowspan') && /^\d{1,3}$/.test(value));
        if (ok) attrs.push(`${key}="${escapeHtml(value)}"`);
      }
      if (name === 'a' && attrs.some((a) => a.startsWith('href="http'))) attrs.push('rel="noopener noreferrer"', 'target="_blank"');
      const selfClosing = name === 'br' || name === 'hr' || name === 'img';
      return `<${name}${attrs.length ? ` ${attrs.join(' ')}` : ''}${selfClosing ? ' /' : ''}>`;
    });
}

/** Plain text turned into paragraphs (for bodies imported or typed as plain text). */
export function textToHtml(text: string): string {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => `<p>${escapeHtml(l)}</p>`).join('');
}

/** Whether a body looks like HTML (has a tag) rather than plain text. */
export function looksLikeHtml(s: string): boolean {
  return /<\/?[a-zA-Z][a-zA-Z0-9]*\b[^>]*>/.test(s);
}
