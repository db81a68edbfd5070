import type { IsoDate } from '../types.js';
import { addWorkingDays, workingDaysBetween, type Calendar } from '../calendar/working-days.js';

/** 条例 Art.26: "自该政府信息形成或者变更之日起20个工作日内及时公开" (2008 条例 Art.18: same 20 working days). */
export const PROACTIVE_DISCLOSURE_WORKING_DAYS = 20;

/** Default warning window: an unpublished item is "at risk" when this many working days or fewer are left. */
export const DEFAULT_RISK_WORKING_DAYS = 5;

export type TimelinessStatus = 'pending' | 'at_risk' | 'overdue' | 'on_time' | 'late';

export const TIMELINESS_LABELS: Record<TimelinessStatus, string> = {
  pending: '期限内待发布',
  at_risk: '即将超期',
  overdue: '已超期未发布',
  on_time: '按时发布',
  late: '超期发布',
};

export interface TimelinessInput {
  /** Date the information was formed (成文) or last changed (变更) — the start of the Art.26 period. */
  formedOn: IsoDate;
  /** Date it was published; null while not yet published. */
  publishedOn: IsoDate | null;
}

export interface Timeliness {
  /** Last day to publish: the 20th working day after `formedOn` (the start day is not counted). */
  dueOn: IsoDate;
  /** True when the count ran into a year without a published holiday notice (weekends only). */
  provisional: boolean;
  status: TimelinessStatus;
  /** Unpublished items: working days left after today, up to and including dueOn (0 on the due day or after). */
  workingDaysLeft: number | null;
  /** Late or overdue items: working days past the due date (to publication, or to today). */
  workingDaysLate: number | null;
}

/**
 * Art.26 timeliness of one item on `today`. Day zero semantics as in addWorkingDays (民法典 第二百零一条: the day the
 * information is formed is not counted); publishing on the due day is on time. Unpublished: `overdue` after dueOn,
 * `at_risk` when at most `riskWorkingDays` working days remain (the due day itself included), else `pending`.
 * Published: `on_time` when publishedOn ≤ dueOn, else `late`. Items published before they were formed
 * (data errors of imports) count as on time.
 */
export function assessTimeliness(input: TimelinessInput, today: IsoDate, cal: Calendar, riskWorkingDays = DEFAULT_RISK_WORKING_DAYS): Timeliness {
  const due = addWorkingDays(input.formedOn, PROACTIVE_DISCLOSURE_WORKING_DAYS, cal);
  const base = { dueOn: due.date, provisional: due.provisional };
  if (input.publishedOn) {
    const late = input.publishedOn > due.date;
    return { ...base, status: late ? 'late' : 'on_time', workingDaysLeft: null, workingDaysLate: late ? workingDaysBetween(due.date, input.publishedOn, cal) : null };
  }
  if (today > due.date) {
    return { ...base, status: 'overdue', workingDaysLeft: 0, workingDaysLate: workingDaysBetween(due.date, today, cal) };
  }
  const left = workingDaysBetween(today, due.date, cal);
  return { ...base, status: left <= riskWorkingDays ? 'at_risk' : 'pending', workingDaysLeft: left, workingDaysLate: null };
}

export interface TimelinessSummary { pending: number; atRisk: number; overdue: number; onTime: number; late: number }

/** Counts statuses (for the per-department dashboard, Art.26). */
export function summarizeTimeliness(statuses: Iterable<TimelinessStatus>): TimelinessSummary {
  const s: TimelinessSummary = { pending: 0, atRisk: 0, overdue: 0, onTime: 0, late: 0 };
  for (const st of statuses) {
    if (st === 'pending') s.pending++;
    else if (st === 'at_risk') s.atRisk++;
    else if (st === 'overdue') s.overdue++;
    else if (st === 'on_time') s.onTime++;
    else s.late++;
  }
  return s;
}
