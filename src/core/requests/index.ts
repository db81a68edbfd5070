/** The 依申请公开 request lifecycle as data (条例 Arts.29–45). */
export * from './outcomes.js';
export * from './states.js';
export * from './events.js';
export * from './transitions.js';
export * from './request-view.js';
export * from './apply-event.js';
export * from './duplicates.js';
// The deadline pieces the request services use next to the lifecycle (the full engine is core/deadlines).
export {
  computeDeadline, deadlineStatus, DEADLINE_STATE_LABELS, type ClockInput, type ClockPause, type Deadline,
  type DeadlineState, type DeadlineStatus,
} from '../deadlines/compute-deadline.js';
export { DEFAULT_DEADLINE_SETTINGS, regimeFor, type DeadlineSettings, type Regime } from '../deadlines/rules.js';
export * from './default-legal-basis.js';
