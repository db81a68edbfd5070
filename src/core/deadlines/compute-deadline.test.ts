import { describe, expect, it } from 'vitest';
import cd from 'chinese-days';
import { addWorkingDays, isWorkingDay, workingDaysBetween, type Calendar } from '../calendar/working-days.js';
import { DomainError } from '../errors.js';
import {
  computeDeadline,
  computeDeadlineByDays,
  consultationPauseLimit,
  consultationResponseDeadline,
  deadlineStatus,
  noticePeriodEnd,
  withDelayedReply,
  feePaymentDeadline,
  supplementDeadline,
  type ClockPause,
  type Deadline,
} from './compute-deadline.js';
import { countWorkingDays, isWorkingDayFast, nthWorkingDayAfter } from './fast-calendar.js';
import { DEADLINE_RULES, DEFAULT_DEADLINE_SETTINGS, regimeFor, type Regime } from './rules.js';
import { TEST_CALENDAR as cal } from './testing-calendar.js';

const due = (receivedOn: string, regime: Regime = regimeFor(receivedOn), pauses: ClockPause[] = [], extensionDays = 0) =>
  computeDeadline({ receivedOn, regime, pauses, extensionDays }, cal);

describe('test calendar fixture', () => {
  // The hand-built fixture (legal-facts §5) must agree with an independent source on every day of its years.
  it.each([2019, 2024, 2025, 2026])('agrees with chinese-days on every day of %i', (year) => {
    const disagreements: string[] = [];
    for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d.setUTCDate(d.getUTCDate() + 1)) {
      const s = d.toISOString().slice(0, 10);
      if (isWorkingDay(s, cal) !== cd.isWorkday(s)) disagreements.push(s);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('regimeFor (条例 2008 Art.24 vs 2019 Art.33, switch on 2019-05-15)', () => {
  it.each([
    ['2008-05-01', '2008'],
    ['2019-05-14', '2008'],
    ['2019-05-15', '2019'],
    ['2024-10-08', '2019'],
  ] as const)('%s → %s', (date, regime) => {
    expect(regimeFor(date)).toBe(regime);
  });

  it('has the statutory periods per regime', () => {
    expect(DEADLINE_RULES['2008']).toMatchObject({ baseDays: 15, maxExtensionDays: 15, supplementNoticeDays: null });
    expect(DEADLINE_RULES['2019']).toMatchObject({ baseDays: 20, maxExtensionDays: 20, supplementNoticeDays: 7, thirdPartyDays: 15, coAgencyDays: 15, feePaymentDays: 20 });
  });
});

describe('computeDeadline without pauses (Nth working day strictly after receipt)', () => {
  it.each([
    // receivedOn, expected due, why
    ['2019-05-14', '2019-06-04', '2008 regime: 15 working days'],
    ['2019-05-15', '2019-06-13', '2019 regime: 20 working days, 端午 2019-06-07 skipped'],
    ['2024-09-27', '2024-10-30', '国庆 2024: 09-29 and 10-12 调休 count, 10-01..07 skipped'],
    ['2024-10-03', '2024-11-01', 'received during a holiday: counting starts on the next working day'],
    ['2024-09-09', '2024-10-12', 'due on a 调休 Saturday (2024-10-12)'],
    ['2024-10-05', '2024-11-01', 'received on a Saturday inside the holiday'],
    ['2025-01-20', '2025-02-21', '春节 2025: 01-26 调休 counts, 01-28..02-04 skipped, 02-08 调休 counts'],
    ['2025-12-31', '2026-01-29', '元旦 2026: 01-01..03 skipped, 01-04 (Sunday) 调休 counts'],
    ['2026-01-02', '2026-01-29', 'received on a holiday Friday'],
    ['2026-02-13', '2026-03-19', '春节 2026: 02-14 and 02-28 调休 count, 02-15..23 skipped'],
    ['2024-12-30', '2025-01-27', 'across the year end: 元旦 2025 skipped, 2025-01-26 调休 Sunday counts'],
  ])('%s → %s (%s)', (receivedOn, expected) => {
    const d = due(receivedOn);
    expect(d.dueOn).toBe(expected);
    expect(d.baseDueOn).toBe(expected);
    expect(d.provisional).toBe(false);
    expect(d.pausedWorkingDays).toBe(0);
    expect(d.pausedSince).toBeNull();
  });

  it.each([
    ['2024-09-27', '2019', 20, '2024-10-30', '2024-11-27'],
    ['2025-01-20', '2019', 20, '2025-02-21', '2025-03-21'],
    ['2019-05-14', '2008', 15, '2019-06-04', '2019-06-26'],
  ] as const)('extension: %s (%s) +%i → base %s, due %s', (receivedOn, regime, ext, base, extended) => {
    const d = due(receivedOn, regime, [], ext);
    expect(d.baseDueOn).toBe(base);
    expect(d.dueOn).toBe(extended);
    expect(d.extensionDays).toBe(ext);
  });

  it('flags a deadline that runs into a year without a loaded notice as provisional (weekends only)', () => {
    // 2027 is not loaded: 2027-01-01 counts as an ordinary Friday.
    expect(due('2026-12-15')).toMatchObject({ dueOn: '2027-01-12', provisional: true });
    // 2023 is not loaded in the fixture at all.
    expect(due('2023-03-01')).toMatchObject({ dueOn: '2023-03-29', provisional: true });
  });

  it('refuses an invalid receipt date with a Chinese message', () => {
    expect(() => due('2024-02-30')).toThrow(DomainError);
    expect(() => due('2024-02-30')).toThrow('不是有效日期');
    expect(() => computeDeadline({ receivedOn: '2024-10-08', regime: '2019', pauses: [], extensionDays: -1 }, cal)).toThrow('延期天数');
  });
});

describe('computeDeadline with pauses (条例 Art.33 ¶2 consultation; fee notice)', () => {
  it('third-party consultation 2024-11-11 → 11-22 excludes 9 working days', () => {
    // Counted: 11-04..08 (5), 11-11 (6); 11-12..22 paused; 11-25..29 (11), 12-02..06 (16), 12-09..12 (20).
    const d = due('2024-11-01', '2019', [{ from: '2024-11-11', to: '2024-11-22', kind: 'third_party' }]);
    expect(d).toMatchObject({ baseDueOn: '2024-12-12', dueOn: '2024-12-12', pausedWorkingDays: 9, pausedSince: null });
    expect(due('2024-11-01').dueOn).toBe('2024-11-29');
  });

  it('an open consultation stops the clock: dueOn null, 14 working days left', () => {
    const d = due('2024-11-01', '2019', [{ from: '2024-11-11', to: null, kind: 'third_party' }]);
    expect(d).toMatchObject({ baseDueOn: null, dueOn: null, pausedSince: '2024-11-11', remainingWorkingDays: 14, pausedWorkingDays: 0 });
  });

  it('fee notice 2025-03-20, paid 2025-04-10: resumes the next day (清明 2025-04-04 inside the pause)', () => {
    const pauses: ClockPause[] = [{ from: '2025-03-20', to: '2025-04-10', kind: 'fee' }];
    expect(due('2025-03-03').dueOn).toBe('2025-03-31');
    expect(due('2025-03-03', '2019', pauses)).toMatchObject({ dueOn: '2025-04-21', pausedWorkingDays: 14 });
    expect(due('2025-03-03', '2019', [{ from: '2025-03-20', to: null, kind: 'fee' }])).toMatchObject({ dueOn: null, remainingWorkingDays: 7 });
  });

  it('fee pauses are ignored when the deployment turns pauseDuringFeeNotice off', () => {
    const settings = { ...DEFAULT_DEADLINE_SETTINGS, pauseDuringFeeNotice: false };
    const input = { receivedOn: '2025-03-03', regime: '2019' as const, pauses: [{ from: '2025-03-20', to: '2025-04-10', kind: 'fee' as const }], extensionDays: 0 };
    expect(computeDeadline(input, cal, settings).dueOn).toBe('2025-03-31');
    // …but consultations still stop the clock.
    expect(computeDeadline({ ...input, pauses: [{ from: '2025-03-20', to: '2025-04-10', kind: 'other_agency' }] }, cal, settings).dueOn).toBe('2025-04-21');
  });

  it.each([
    ['pause starting on the due day does not move it (its from-day counts)', [{ from: '2024-10-30', to: '2024-11-05' }], '2024-10-30', 0],
    ['pause after the due date does not move it', [{ from: '2024-11-04', to: '2024-11-08' }], '2024-10-30', 0],
    ['pause over 10-30, 10-31 moves the due date to 11-01', [{ from: '2024-10-29', to: '2024-10-31' }], '2024-11-01', 2],
    ['pause before receipt is ignored', [{ from: '2024-09-01', to: '2024-09-20' }], '2024-10-30', 0],
    ['pause over the holiday only excludes working days (09-29, 09-30, 10-08)', [{ from: '2024-09-28', to: '2024-10-08' }], '2024-11-04', 3],
    ['overlapping pauses count each working day once', [{ from: '2024-10-14', to: '2024-10-18' }, { from: '2024-10-16', to: '2024-10-22' }], '2024-11-07', 6],
    ['pause ending before it starts is ignored', [{ from: '2024-10-14', to: '2024-10-10' }], '2024-10-30', 0],
  ] as const)('%s', (_why, pauses, expected, paused) => {
    const d = due('2024-09-27', '2019', pauses.map((p) => ({ ...p })));
    expect(d.dueOn).toBe(expected);
    expect(d.pausedWorkingDays).toBe(paused);
  });

  it('extension and pause combine: +20 after a 9-day consultation', () => {
    const d = due('2024-11-01', '2019', [{ from: '2024-11-11', to: '2024-11-22' }], 20);
    // 2024-12-12 + 20 working days: 12-13 … 2025-01-10 (2025-01-01 元旦 skipped).
    expect(d).toMatchObject({ baseDueOn: '2024-12-12', dueOn: '2025-01-10' });
  });

  it('matches the day-by-day reference implementation on the cases above', () => {
    const cases: [string, ClockPause[], number][] = [
      ['2024-11-01', [{ from: '2024-11-11', to: '2024-11-22' }], 20],
      ['2024-11-01', [{ from: '2024-11-11', to: null }], 0],
      ['2025-03-03', [{ from: '2025-03-20', to: '2025-04-10', kind: 'fee' }], 0],
      ['2024-09-27', [{ from: '2024-10-14', to: '2024-10-18' }, { from: '2024-10-16', to: null }], 5],
    ];
    for (const [receivedOn, pauses, ext] of cases) {
      const input = { receivedOn, regime: '2019' as const, pauses, extensionDays: ext };
      expect(computeDeadline(input, cal)).toEqual(computeDeadlineByDays(input, cal));
    }
  });
});

describe('deadlineStatus (overdue derived at read time)', () => {
  const d = due('2024-10-03'); // due 2024-11-01 (Friday)
  it.each([
    ['2024-10-25', 5, 'on_time'],
    ['2024-10-28', 4, 'on_time'],
    ['2024-10-29', 3, 'due_soon'],
    ['2024-11-01', 0, 'due_soon'],
    ['2024-11-02', -1, 'overdue'], // Saturday after the due day: 0 working days past, still overdue
    ['2024-11-04', -1, 'overdue'],
    ['2024-11-05', -2, 'overdue'],
  ] as const)('on %s: %i working days left, %s', (today, left, state) => {
    expect(deadlineStatus(d, today, cal)).toEqual({ workingDaysLeft: left, state, paused: false, dueOn: '2024-11-01' });
  });

  it('a stopped clock is never overdue and reports the days left when it stopped', () => {
    const paused: Deadline = due('2024-11-01', '2019', [{ from: '2024-11-11', to: null }]);
    expect(deadlineStatus(paused, '2025-06-01', cal)).toEqual({ workingDaysLeft: 14, state: 'on_time', paused: true, dueOn: null });
    const almost = due('2024-11-01', '2019', [{ from: '2024-11-27', to: null }]);
    expect(deadlineStatus(almost, '2024-12-20', cal)).toMatchObject({ workingDaysLeft: 2, state: 'due_soon', paused: true });
  });

  it('respects dueSoonWorkingDays', () => {
    expect(deadlineStatus(d, '2024-10-25', cal, { ...DEFAULT_DEADLINE_SETTINGS, dueSoonWorkingDays: 5 }).state).toBe('due_soon');
  });
});

describe('supplementDeadline (Art.30: 7 working days), feePaymentDeadline (国办函〔2020〕109号: 20), consultation (Arts.32/34: 15)', () => {
  it.each([
    ['2024-10-08', '2024-10-16'], // 10-12 调休 Saturday counts
    ['2024-09-27', '2024-10-12'], // 09-29 (Sun 调休) 1, 09-30 2, 10-08 … 10-11 3–6, 10-12 (Sat 调休) 7
    ['2025-01-20', '2025-02-05'], // 01-26 调休 counts, 春节 01-28..02-04 skipped
    ['2025-12-31', '2026-01-12'], // 元旦 2026 skipped, 01-04 调休 counts
  ])('supplement notice for a request received %s: last day %s', (receivedOn, expected) => {
    expect(supplementDeadline(receivedOn, cal)).toBe(expected);
  });

  it.each([
    ['2024-09-30', '2024-11-01'],
    ['2025-03-21', '2025-04-21'],
    ['2026-01-30', '2026-03-05'], // 春节 2026 inside: 02-14 and 02-28 调休 count
  ])('fee notice received %s: pay by %s', (receivedOn, expected) => {
    expect(feePaymentDeadline(receivedOn, cal)).toBe(expected);
  });

  it('consultation response: 15 working days under 2019 rules, none under 2008', () => {
    expect(consultationResponseDeadline('2024-10-21', 'third_party', '2019', cal)).toBe('2024-11-11');
    expect(consultationResponseDeadline('2024-10-21', 'other_agency', '2019', cal)).toBe('2024-11-11');
    expect(consultationResponseDeadline('2019-05-06', 'third_party', '2008', cal)).toBeNull();
  });
});

describe('fast calendar equals calendar/working-days.ts', () => {
  it.each([
    ['2024-09-27', 1], ['2024-09-27', 7], ['2024-09-30', 20], ['2025-01-24', 40], ['2026-12-28', 5],
    ['1985-06-03', 20], ['2101-01-05', 3], ['2024-10-05', 0],
  ] as const)('nthWorkingDayAfter(%s, %i)', (start, n) => {
    expect(nthWorkingDayAfter(start, n, cal)).toEqual(addWorkingDays(start, n, cal));
  });

  it.each([
    ['2024-09-27', '2024-10-30'], ['2024-10-30', '2024-09-27'], ['2025-01-01', '2025-12-31'], ['1989-12-01', '1990-02-01'],
  ] as const)('countWorkingDays(%s, %s)', (from, to) => {
    expect(countWorkingDays(from, to, cal)).toBe(workingDaysBetween(from, to, cal));
  });

  it('isWorkingDayFast agrees on a whole year', () => {
    for (let d = new Date(Date.UTC(2024, 0, 1)); d.getUTCFullYear() === 2024; d.setUTCDate(d.getUTCDate() + 1)) {
      const s = d.toISOString().slice(0, 10);
      expect(isWorkingDayFast(s, cal)).toBe(isWorkingDay(s, cal));
    }
  });

  it('rebuilds when a calendar object changes size, and keeps separate calendars apart', () => {
    const holidays = new Set<string>();
    const c: Calendar = { holidays, workdays: new Set(), coveredYears: new Set([2024]) };
    expect(nthWorkingDayAfter('2024-09-30', 1, c).date).toBe('2024-10-01');
    holidays.add('2024-10-01');
    expect(nthWorkingDayAfter('2024-09-30', 1, c).date).toBe('2024-10-02');
    expect(nthWorkingDayAfter('2024-09-30', 1, cal).date).toBe('2024-10-08');
  });
});

describe('periods counted from the receipt of a notice (国办函〔2020〕109号; 条例 Arts.30, 32, 34, 35)', () => {
  it.each([
    // [sentOn, receivedOn, channel, presumed post days, days, expected end, basis]
    ['2025-03-20', '2025-03-24', 'post', null, 20, '2025-04-22', 'received'],
    ['2025-03-20', null, 'post', null, 20, null, 'unknown'],
    ['2025-03-20', null, null, 5, 20, null, 'unknown'],
    ['2025-03-20', null, 'post', 5, 20, '2025-04-25', 'presumed'],
    ['2025-03-20', null, 'post', 0, 20, '2025-04-18', 'presumed'],
    // Received on the Friday before 清明 2025 (04-04 holiday): 20 working days from 04-07.
    ['2025-03-31', '2025-04-03', 'email', null, 20, '2025-05-06', 'received'],
  ] as const)('sent %s, received %s by %s (post presumed %s) + %i → %s', (sentOn, receivedOn, channel, post, days, endsOn, basis) => {
    const settings = { ...DEFAULT_DEADLINE_SETTINGS, presumedDeliveryDays: { post } };
    expect(noticePeriodEnd({ sentOn, receivedOn, channel, days }, cal, settings)).toMatchObject({ endsOn, basis });
  });

  it('a consultation stops the clock at most to 15 working days from the letter\'s receipt (or sending), unless prolonged', () => {
    const c = { startedOn: '2024-10-09', letterReceivedOn: null, prolongedUntil: null, party: 'third_party' as const };
    expect(consultationPauseLimit(c, '2019', cal)).toBe('2024-10-29');
    expect(consultationPauseLimit({ ...c, letterReceivedOn: '2024-10-14' }, '2019', cal)).toBe('2024-11-04');
    expect(consultationPauseLimit({ ...c, prolongedUntil: '2024-11-15' }, '2019', cal)).toBe('2024-11-15');
    expect(consultationPauseLimit(c, '2008', cal)).toBeNull();
  });

  it('an Art.35 延迟答复 date only ever moves the due date later, never the 按时 date', () => {
    const d = due('2024-09-27');
    expect(withDelayedReply(d, '2024-12-20')).toMatchObject({ baseDueOn: '2024-10-30', dueOn: '2024-12-20' });
    expect(withDelayedReply(d, '2024-10-15')).toBe(d);
    expect(withDelayedReply(d, null)).toBe(d);
  });
});
