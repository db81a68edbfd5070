import { useEffect, useRef, useState } from 'react';

/**
 * Shows a server-rendered notice (答复书, 告知书) in a sandboxed frame: its 公文 stylesheet stays inside, and no
 * script in it can run. The frame grows to the document's height.
 */
export function NoticeFrame({ html, title, minHeight = 320, bordered = true }: { html: string; title: string; minHeight?: number; bordered?: boolean }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(Math.max(minHeight, 560));
  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const onLoad = () => {
      const doc = frame.contentDocument;
      if (doc?.documentElement) setHeight(Math.max(minHeight, doc.documentElement.scrollHeight + 16));
    };
    frame.addEventListener('load', onLoad);
    return () => frame.removeEventListener('load', onLoad);
  }, [html, minHeight]);
  return <iframe ref={ref} title={title} className="gk-notice-frame" sandbox="allow-same-origin allow-popups" srcDoc={html} style={{ height, minHeight, border: bordered ? undefined : 0 }} />;
}
