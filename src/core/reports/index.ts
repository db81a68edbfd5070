/** The annual report engine (条例 Art.49–50): formats, builder, checks, narrative, aggregation, JSON validation. */
export * from './formats.js';
export * from './cases.js';
export * from './outcome-mapping.js';
export * from './facts.js';
export * from './types.js';
export * from './checks.js';
export * from './annual-report.js';
export * from './narrative.js';
export * from './aggregate.js';
export * from './parse-report.js';
export * from './paths.js';
