/** Deadline engine of 依申请公开 (条例 Arts.30–34; 国办函〔2020〕109号). See rules.ts and compute-deadline.ts. */
export * from './rules.js';
export * from './compute-deadline.js';
export { nthWorkingDayAfter, countWorkingDays, isWorkingDayFast } from './fast-calendar.js';
