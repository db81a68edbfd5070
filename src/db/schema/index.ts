export * from './core.js';
export * from './requests.js';
export * from './publications.js';
export * from './reports.js';
