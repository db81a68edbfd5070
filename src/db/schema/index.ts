export * from './core.js';
export * from './requests.js';
