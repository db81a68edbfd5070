import type { IsoDate } from '../types.js';
import { DomainError } from '../errors.js';
import { isIsoDate } from '../types.js';
import { addCalendarDays, isWorkingDay, type Calendar } from '../calendar/working-days.js';
import {
  DEADLINE_RULES,
  DEFAULT_DEADLINE_SETTINGS,
  type DeadlineSettings,
  type NoticeChannel,
  type Regime,
} from './rules.js';
import {
  compiledCalendar,
  countWorkingDays,
  crossesUncoveredYear,
  dayIndex,
  isoOf,
  nthWorkingDayAfter,
  type CompiledCalendar,
} from './fast-calendar.js';

/** Why the clock stopped. Fee pauses are honoured only when `settings.pauseDuringFeeNotice` is true. */
export const PAUSE_KINDS = ['third_party', 'other_agency', 'fee', 'other'] as const;
export type PauseKind = (typeof PAUSE_KINDS)[number];

/**
 * A period during which the reply clock does not run (条例 Art.33 ¶2: 征求第三方和其他机关意见所需时间不计算在内;
 * fee notice, see `DeadlineSettings.pauseDuringFeeNotice`). The working days strictly after `from` up to and
 * including `to` are not counted: the day the request for comment / the fee notice goes out still counts, the day
 * the opinion / the payment arrives does not. `to: null` = still open, the clock is stopped.
 */
export interface ClockPause {
  from: IsoDate;
  to: IsoDate | null;
  kind?: PauseKind;
}

export interface ClockInput {
  /**
   * Start of the reply period: the legal receipt date (条例 Art.31), or, after a 补正, the day the supplemented
   * request was received — the full period restarts on it (Art.30 "答复期限自行政机关收到补正的申请之日起计算").
   */
  receivedOn: IsoDate;
  regime: Regime;
  pauses: readonly ClockPause[];
  /** Approved extension in working days (0 when none); Art.33 ≤ 20, 2008 Art.24 ≤ 15 (checked by the lifecycle). */
  extensionDays: number;
}

export interface Deadline {
  /**
   * Last day of the statutory period without the extension (pauses applied): replying on or before it is 按时办结.
   * null while the clock is stopped before reaching it.
   */
  baseDueOn: IsoDate | null;
  /** Last day to reply, extension and pauses applied; null while the clock is stopped (open pause). */
  dueOn: IsoDate | null;
  extensionDays: number;
  /** Working days excluded by closed pauses before the due date (or before the current stop). */
  pausedWorkingDays: number;
  /** True when the count crosses a year with no loaded holiday notice (weekends-only rule, DESIGN.md "Calendar"). */
  provisional: boolean;
  /** Start of the current stop (open pause) when `dueOn` is null, else null. */
  pausedSince: IsoDate | null;
  /** Working days still left on the clock when it stopped (when `dueOn` is null), else null. */
  remainingWorkingDays: number | null;
}

interface MergedPause {
  from: IsoDate;
  /** null = open */
  to: IsoDate | null;
}

/** Pauses that count under `settings`, clipped to after `receivedOn`, sorted and merged (overlaps united). */
function normalisePauses(receivedOn: IsoDate, pauses: readonly ClockPause[], settings: DeadlineSettings): MergedPause[] {
  const kept: MergedPause[] = [];
  for (const p of pauses) {
    if (p.kind === 'fee' && !settings.pauseDuringFeeNotice) continue;
    if (p.to !== null && p.to <= p.from) continue;
    if (p.to !== null && p.to <= receivedOn) continue;
    kept.push({ from: p.from < receivedOn ? receivedOn : p.from, to: p.to });
  }
  kept.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const merged: MergedPause[] = [];
  for (const p of kept) {
    const prev = merged[merged.length - 1];
    if (prev !== undefined && (prev.to === null || p.from <= prev.to)) {
      if (prev.to !== null && (p.to === null || p.to > prev.to)) prev.to = p.to;
      continue;
    }
    merged.push({ from: p.from, to: p.to });
  }
  return merged;
}

interface WalkResult {
  /** Index of the due day, or -1 when the clock is stopped first. */
  due: number;
  paused: number;
  remaining: number;
  pausedAt: number;
}

const NO_WALK: WalkResult = { due: -2, paused: 0, remaining: 0, pausedAt: -1 };

/** Index walk over merged pauses (a, b]; returns NO_WALK when something leaves the compiled range. */
function walk(c: CompiledCalendar, r: number, n: number, pauses: readonly { a: number; b: number }[]): WalkResult {
  let cursor = r;
  let need = n;
  let paused = 0;
  for (const p of pauses) {
    if (p.b !== -1 && p.b <= cursor) continue;
    const a = p.a < cursor ? cursor : p.a;
    const w = c.cum[a] - c.cum[cursor];
    if (w >= need) break;
    need -= w;
    if (p.b === -1) return { due: -1, paused, remaining: need, pausedAt: a };
    paused += c.cum[p.b] - c.cum[a];
    cursor = p.b;
  }
  const k = c.cum[cursor] + need - 1;
  if (k >= c.work.length) return NO_WALK;
  return { due: c.work[k], paused, remaining: 0, pausedAt: -1 };
}

function assertClockInput(input: ClockInput): void {
  if (!isIsoDate(input.receivedOn)) {
    throw new DomainError('VALIDATION', `收到申请日期“${String(input.receivedOn)}”不是有效日期，请按 YYYY-MM-DD 填写`, { field: 'receivedOn' });
  }
  if (!Number.isInteger(input.extensionDays) || input.extensionDays < 0) {
    throw new DomainError('VALIDATION', '延期天数须为不小于0的整数（工作日）', { field: 'extensionDays' });
  }
}

/**
 * The reply deadline of a request (条例 Art.33: 20 working days, + ≤20 once extended; 2008 条例 Art.24: 15 + ≤15).
 *
 * Semantics: the due date is the Nth working day strictly after `receivedOn` (the day of receipt is not counted,
 * 民法典 Art.201 / 民事诉讼法 Art.85, legal-facts §6), where N = baseDays + extensionDays, and the working days inside
 * each pause (after its `from`, up to and including its `to`) are skipped without counting (Art.33 ¶2). A due date
 * is by construction a working day, so "末日顺延" needs no extra step. 调休 weekend days count as working days.
 * While a pause is open the clock is stopped: `dueOn` is null and `remainingWorkingDays` tells how many were left.
 *
 * Runs in constant time for requests without pauses within 1990–2100 (no loop, one result object).
 */
export function computeDeadline(input: ClockInput, cal: Calendar, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): Deadline {
  const base = DEADLINE_RULES[input.regime].baseDays;
  const ext = input.extensionDays;
  const c = compiledCalendar(cal);
  const r = dayIndex(input.receivedOn);
  if (r >= 0 && ext >= 0 && input.pauses.length === 0) {
    const k0 = c.cum[r] - 1;
    const kt = k0 + base + ext;
    if (kt < c.work.length && Number.isInteger(ext)) {
      const jt = c.work[kt];
      return {
        baseDueOn: isoOf(c, c.work[k0 + base]),
        dueOn: isoOf(c, jt),
        extensionDays: ext,
        pausedWorkingDays: 0,
        provisional: crossesUncoveredYear(c, r, jt),
        pausedSince: null,
        remainingWorkingDays: null,
      };
    }
  }
  assertClockInput(input);
  const merged = normalisePauses(input.receivedOn, input.pauses, settings);
  if (r >= 0) {
    const idx: { a: number; b: number }[] = [];
    let inRange = true;
    for (const p of merged) {
      const a = dayIndex(p.from);
      const b = p.to === null ? -1 : dayIndex(p.to);
      if (a < 0 || (p.to !== null && b < 0)) {
        inRange = false;
        break;
      }
      idx.push({ a, b });
    }
    if (inRange) {
      const wb = walk(c, r, base, idx);
      const wt = walk(c, r, base + ext, idx);
      if (wb.due !== -2 && wt.due !== -2) {
        const endIdx = wt.due >= 0 ? wt.due : wt.pausedAt;
        return {
          baseDueOn: wb.due >= 0 ? isoOf(c, wb.due) : null,
          dueOn: wt.due >= 0 ? isoOf(c, wt.due) : null,
          extensionDays: ext,
          pausedWorkingDays: wt.paused,
          provisional: crossesUncoveredYear(c, r, endIdx),
          pausedSince: wt.due >= 0 ? null : isoOf(c, wt.pausedAt),
          remainingWorkingDays: wt.due >= 0 ? null : wt.remaining,
        };
      }
    }
  }
  return computeDeadlineByDays(input, cal, settings);
}

function crossesUncoveredYearSlow(cal: Calendar, from: IsoDate, to: IsoDate): boolean {
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) if (!cal.coveredYears.has(y)) return true;
  return false;
}

/**
 * Reference implementation of `computeDeadline` walking one calendar day at a time with `isWorkingDay` of
 * calendar/working-days.ts. Used outside 1990–2100 and by the tests to check the fast path. Same legal basis.
 */
export function computeDeadlineByDays(input: ClockInput, cal: Calendar, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): Deadline {
  assertClockInput(input);
  const base = DEADLINE_RULES[input.regime].baseDays;
  const merged = normalisePauses(input.receivedOn, input.pauses, settings);
  const run = (n: number): { due: IsoDate | null; paused: number; remaining: number; pausedSince: IsoDate | null } => {
    let d = input.receivedOn;
    let need = n;
    let paused = 0;
    let pi = 0;
    // A request cannot run longer than a few years; the bound only protects against a runaway loop.
    for (let guard = 0; guard < 40_000; guard++) {
      // Entering an open pause stops the clock (the stop starts the day after its `from`).
      while (pi < merged.length && merged[pi].to !== null && (merged[pi].to as IsoDate) <= d) pi++;
      const p = merged[pi];
      if (p !== undefined && p.to === null && p.from <= d) return { due: null, paused, remaining: need, pausedSince: p.from };
      d = addCalendarDays(d, 1);
      if (!isWorkingDay(d, cal)) continue;
      const inPause = p !== undefined && p.from < d && (p.to === null || d <= p.to);
      if (inPause) {
        paused++;
        continue;
      }
      need--;
      if (need === 0) return { due: d, paused, remaining: 0, pausedSince: null };
    }
    throw new Error(`deadline walk did not end for ${input.receivedOn}`);
  };
  const b = run(base);
  const t = run(base + input.extensionDays);
  const end = t.due ?? (t.pausedSince as IsoDate);
  return {
    baseDueOn: b.due,
    dueOn: t.due,
    extensionDays: input.extensionDays,
    pausedWorkingDays: t.paused,
    provisional: crossesUncoveredYearSlow(cal, input.receivedOn, end),
    pausedSince: t.pausedSince,
    remainingWorkingDays: t.due === null ? t.remaining : null,
  };
}

export const DEADLINE_STATES = ['on_time', 'due_soon', 'overdue'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];

export const DEADLINE_STATE_LABELS: Record<DeadlineState, string> = {
  on_time: '正常',
  due_soon: '即将到期',
  overdue: '已逾期',
};

export interface DeadlineStatus {
  /**
   * Working days from `today` (exclusive) to the due date (inclusive): 0 on the due day itself. Negative when
   * overdue: minus the working days past the due date, at least −1 (a weekend right after the due day is −1).
   * While the clock is stopped: the working days that were left when it stopped.
   */
  workingDaysLeft: number;
  state: DeadlineState;
  /** True while the clock is stopped (consultation / fee notice pending). */
  paused: boolean;
  dueOn: IsoDate | null;
}

/**
 * Where a deadline stands on `today` (DESIGN.md: "overdue" is derived at read time, never stored). `overdue` when
 * today is after the due date (the due day is still on time, 民法典 Art.203: the period ends at 24:00); `due_soon`
 * when `workingDaysLeft ≤ settings.dueSoonWorkingDays`; otherwise `on_time`. A stopped clock is never overdue.
 */
export function deadlineStatus(deadline: Deadline, today: IsoDate, cal: Calendar, settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS): DeadlineStatus {
  if (deadline.dueOn === null) {
    const left = deadline.remainingWorkingDays ?? 0;
    return { workingDaysLeft: left, state: left <= settings.dueSoonWorkingDays ? 'due_soon' : 'on_time', paused: true, dueOn: null };
  }
  if (today > deadline.dueOn) {
    const past = countWorkingDays(deadline.dueOn, today, cal);
    return { workingDaysLeft: -Math.max(1, past), state: 'overdue', paused: false, dueOn: deadline.dueOn };
  }
  const left = countWorkingDays(today, deadline.dueOn, cal);
  return { workingDaysLeft: left, state: left <= settings.dueSoonWorkingDays ? 'due_soon' : 'on_time', paused: false, dueOn: deadline.dueOn };
}

/**
 * Last day on which a 补正 notice may be issued: the 7th working day after receipt (条例 Art.30
 * "自收到申请之日起7个工作日内一次性告知"). `receivedOn` is the current receipt date (Art.31).
 */
export function supplementDeadline(receivedOn: IsoDate, cal: Calendar): IsoDate {
  return nthWorkingDayAfter(receivedOn, DEADLINE_RULES['2019'].supplementNoticeDays as number, cal).date;
}

/**
 * Last day to pay a 信息处理费: the 20th working day counted from the day after the applicant received the fee
 * notice (国办函〔2020〕109号 "申请人应当在收到收费通知次日起20个工作日内缴纳费用").
 */
export function feePaymentDeadline(noticeReceivedOn: IsoDate, cal: Calendar): IsoDate {
  return nthWorkingDayAfter(noticeReceivedOn, DEADLINE_RULES['2019'].feePaymentDays, cal).date;
}

/**
 * Last day for a consulted party to answer: 15 working days from the day it RECEIVED the request for comment
 * (third party 条例 Art.32 "自收到征求意见书之日起15个工作日内"; co-producing agency Art.34, 逾期视为同意).
 * `letterReceivedOn` is that receipt date. null under the 2008 条例, which set no period.
 */
export function consultationResponseDeadline(letterReceivedOn: IsoDate, party: 'third_party' | 'other_agency', regime: Regime, cal: Calendar): IsoDate | null {
  const rule = DEADLINE_RULES[regime];
  const days = party === 'third_party' ? rule.thirdPartyDays : rule.coAgencyDays;
  return days === null ? null : nthWorkingDayAfter(letterReceivedOn, days, cal).date;
}

/**
 * Last day of the time a consultation may keep the reply clock stopped (条例 Art.33 ¶2 excludes only the time the
 * consultation NEEDS): the earlier of the opinion and the end of the consulted party's 15 working days (Arts.32,
 * 34), unless the office recorded a reason to keep it open longer (`prolongedUntil`). While the letter's receipt is
 * not recorded the 15 days are counted from the day it was sent — the presumption that favours the applicant;
 * recording the receipt moves the limit to its true date. null = no limit (2008 条例, which set no period).
 */
export function consultationPauseLimit(
  c: { startedOn: IsoDate; letterReceivedOn: IsoDate | null; prolongedUntil: IsoDate | null; party: 'third_party' | 'other_agency' },
  regime: Regime,
  cal: Calendar,
): IsoDate | null {
  if (c.prolongedUntil !== null) return c.prolongedUntil;
  return consultationResponseDeadline(c.letterReceivedOn ?? c.startedOn, c.party, regime, cal);
}

/** When a period that runs from the applicant's receipt of a notice ends, and on what that end rests. */
export interface NoticePeriodEnd {
  /** Last day of the period; null while the receipt is unknown and not presumed (the period cannot expire yet). */
  endsOn: IsoDate | null;
  /** 'received' = from the recorded receipt; 'presumed' = from the settings' delivery allowance; 'unknown'. */
  basis: 'received' | 'presumed' | 'unknown';
  /** The receipt date the end is counted from (recorded or presumed), else null. */
  fromOn: IsoDate | null;
}

/**
 * End of a period the applicant has from RECEIVING a notice: the fee window (国办函〔2020〕109号: "收到收费通知次日起
 * 20个工作日内") and the 补正期限 (条例 Art.30, "合理的补正期限" — counted from receipt so that post never eats the
 * applicant's time). `days` working days from the day after the receipt (`nthWorkingDayAfter`). Without a recorded
 * receipt the end is presumed only when `settings.presumedDeliveryDays[channel]` is a number (receipt presumed that
 * many working days after `sentOn`); otherwise it is unknown and nothing may expire.
 */
export function noticePeriodEnd(
  p: { sentOn: IsoDate; receivedOn: IsoDate | null; channel: NoticeChannel | null; days: number },
  cal: Calendar,
  settings: DeadlineSettings = DEFAULT_DEADLINE_SETTINGS,
): NoticePeriodEnd {
  if (p.receivedOn !== null) return { endsOn: nthWorkingDayAfter(p.receivedOn, p.days, cal).date, basis: 'received', fromOn: p.receivedOn };
  const allowance = p.channel === null ? null : (settings.presumedDeliveryDays?.[p.channel] ?? null);
  if (allowance === null) return { endsOn: null, basis: 'unknown', fromOn: null };
  const fromOn = allowance === 0 ? p.sentOn : nthWorkingDayAfter(p.sentOn, allowance, cal).date;
  return { endsOn: nthWorkingDayAfter(fromOn, p.days, cal).date, basis: 'presumed', fromOn };
}

/**
 * The deadline after an Art.35 延迟答复: 申请理由合理，但是无法在本条例第三十三条规定的期限内答复的，可以确定延迟答复
 * 的合理期限并告知申请人. The reply is due on the later of the statutory due date and `delayedDueOn`; `baseDueOn`
 * (按时) is unchanged, so a reply after it but by the delayed date counts as 延期办结, not 逾期. A stopped clock stays
 * stopped.
 */
export function withDelayedReply(deadline: Deadline, delayedDueOn: IsoDate | null): Deadline {
  if (delayedDueOn === null || deadline.dueOn === null || delayedDueOn <= deadline.dueOn) return deadline;
  return { ...deadline, dueOn: delayedDueOn };
}
