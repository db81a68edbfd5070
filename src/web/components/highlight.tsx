import type { ReactNode } from 'react';

/**
 * Renders a search snippet safely: `<mark>`, `<em>` and `<b>` (what search engines use for hits) become highlighted
 * text, every other tag is dropped, the five HTML escapes are decoded and everything is shown as plain text (never
 * as HTML).
 */
export function HighlightedText({ text }: { text: string | null | undefined }): ReactNode {
  if (!text) return null;
  const parts: ReactNode[] = [];
  const re = /<(mark|em|b)>(.*?)<\/\1>/gis;
  let last = 0;
  let m: RegExpExecArray | null;
  let i = 0;
  const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
  const strip = (s: string) => s.replace(/<[^>]*>/g, '').replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m]);
  while ((m = re.exec(text)) !== null) {
    if (m.index > last) parts.push(strip(text.slice(last, m.index)));
    parts.push(<mark key={i++} style={{ background: '#ffe58f', padding: 0 }}>{strip(m[2])}</mark>);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(strip(text.slice(last)));
  return <>{parts}</>;
}
