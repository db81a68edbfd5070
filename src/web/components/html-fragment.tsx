import { NoticeFrame } from './notice-frame.js';

const STYLE = `body{margin:0;padding:4px 2px;font:16px/1.9 -apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC',sans-serif;color:#1f2937;word-break:break-word}
p{margin:0 0 .8em;text-indent:2em}h1,h2,h3,h4{line-height:1.4}table{border-collapse:collapse;max-width:100%}td,th{border:1px solid #cbd5e1;padding:4px 8px}img{max-width:100%;height:auto}a{color:#1d4f91}`;

/**
 * Server-sanitized HTML (a publication's text) shown in a sandboxed frame: scripts cannot run and its markup cannot
 * restyle the page.
 */
export function HtmlFragment({ html, title }: { html: string; title: string }) {
  const doc = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><base target="_blank"><style>${STYLE}</style></head><body>${html}</body></html>`;
  return <NoticeFrame html={doc} title={title} minHeight={120} bordered={false} />;
}
