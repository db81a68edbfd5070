/** Notice content (DESIGN.md module 2, issue 5): pure data in, `NoticeContent` out; renderers live in src/render/notices. */
export * from './types.js';
export * from './format.js';
export * from './citations.js';
export * from './remedy.js';
export * from './templates.js';
export * from './reply-content.js';
export * from './build-notice.js';
