/** Notice renderers (issue 5): `NoticeContent` → DOCX (GB/T 9704-2012 公文), printable HTML, plain text. */
export * from './layout.js';
export * from './render-notice-docx.js';
export * from './render-notice-html.js';
export * from './render-notice-text.js';
export * from './render-notice-pdf.js';
