export * from './result.js';
export * from './resident-id.js';
export * from './credit-code.js';
export * from './contact.js';
export * from './identity.js';
export * from './mask.js';
export * from './text.js';
