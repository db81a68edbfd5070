import { useEffect, useRef, useState } from 'react';

/**
 * Shows a server-rendered document (答复书, 告知书, a publication's text) in a sandboxed frame: its stylesheet stays
 * inside, and no script in it can run. The frame grows to the document's height, and an A4-wide 公文 page is scaled
 * down to fit a phone screen instead of being cut off.
 */
export function NoticeFrame({ html, title, minHeight = 320, bordered = true }: { html: string; title: string; minHeight?: number; bordered?: boolean }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(Math.max(minHeight, 560));
  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const fit = () => {
      const doc = frame.contentDocument;
      if (!doc?.documentElement) return;
      const root = doc.documentElement;
      root.style.zoom = '';
      const available = frame.clientWidth;
      const needed = root.scrollWidth;
      const scale = needed > available + 2 ? available / needed : 1;
      if (scale < 1) root.style.zoom = String(scale);
      // The body's box (after the zoom), not the root's scrollHeight, which is never less than the frame itself.
      setHeight(Math.max(minHeight, Math.ceil(doc.body?.getBoundingClientRect().bottom ?? root.scrollHeight) + 24));
    };
    frame.addEventListener('load', fit);
    return () => frame.removeEventListener('load', fit);
  }, [html, minHeight]);
  return <iframe ref={ref} title={title} className="gk-notice-frame" sandbox="allow-same-origin allow-popups" srcDoc={html} style={{ height, minHeight, border: bordered ? undefined : 0 }} />;
}

/** Opens a document in its own tab (to read or print it full size on a phone); the HTML never runs in this page. */
export function OpenInNewWindow({ html, label = '在新窗口中打开（可打印）' }: { html: string; label?: string }) {
  return (
    <div style={{ textAlign: 'right', marginBottom: 8 }} className="gk-no-print">
      <a
        href="#"
        onClick={(e) => {
          e.preventDefault();
          const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
          window.open(url, '_blank', 'noopener');
          setTimeout(() => URL.revokeObjectURL(url), 60_000);
        }}
      >
        {label}
      </a>
    </div>
  );
}
