import { useEffect, useRef, useState } from 'react';

/**
 * Shows a server-rendered notice (答复书, 告知书) in a sandboxed frame: its 公文 stylesheet stays inside, and no
 * script in it can run. The frame grows to the document's height.
 */
export function NoticeFrame({ html, title }: { html: string; title: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(560);
  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const onLoad = () => {
      const doc = frame.contentDocument;
      if (doc?.documentElement) setHeight(Math.max(320, doc.documentElement.scrollHeight + 16));
    };
    frame.addEventListener('load', onLoad);
    return () => frame.removeEventListener('load', onLoad);
  }, [html]);
  return <iframe ref={ref} title={title} className="gk-notice-frame" sandbox="allow-same-origin" srcDoc={html} style={{ height }} />;
}
