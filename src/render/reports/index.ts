/** Renderers of the annual report: pure functions from report data to XLSX / DOCX / HTML / SVG. */
export * from './table-model.js';
export * from './xlsx.js';
export * from './docx.js';
export * from './charts.js';
export * from './html.js';
