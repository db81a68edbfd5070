import { describe, expect, it } from 'vitest';
import { addCalendarDays, isWorkingDay, workingDaysBetween } from '../calendar/working-days.js';
import { computeDeadline, computeDeadlineByDays, type ClockPause } from './compute-deadline.js';
import { DEADLINE_RULES, regimeFor } from './rules.js';
import { TEST_CALENDAR as cal } from './testing-calendar.js';
import { seededRandom } from '../random.js';


interface Case {
  receivedOn: string;
  extensionDays: number;
  pauses: ClockPause[];
}

function generate(n: number, seed: number): Case[] {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const cases: Case[] = [];
  for (let i = 0; i < n; i++) {
    // 2018-01-01 … 2026-12-31: both regimes, covered and uncovered years, every holiday block.
    const receivedOn = addCalendarDays('2018-01-01', int(0, 3286));
    const max = DEADLINE_RULES[regimeFor(receivedOn)].maxExtensionDays;
    const extensionDays = rnd() < 0.4 ? int(1, max) : 0;
    const pauses: ClockPause[] = [];
    const count = rnd() < 0.5 ? 0 : int(1, 3);
    for (let k = 0; k < count; k++) {
      const from = addCalendarDays(receivedOn, int(-5, 45));
      const open = rnd() < 0.15;
      pauses.push({ from, to: open ? null : addCalendarDays(from, int(0, 30)), kind: rnd() < 0.5 ? 'third_party' : 'fee' });
    }
    cases.push({ receivedOn, extensionDays, pauses });
  }
  return cases;
}

describe('computeDeadline invariants over 2,000 generated cases (seed 20190515)', () => {
  const cases = generate(2000, 20190515);

  it('generates a varied sample', () => {
    expect(cases.filter((c) => c.pauses.length > 0).length).toBeGreaterThan(700);
    expect(cases.filter((c) => c.extensionDays > 0).length).toBeGreaterThan(600);
    expect(cases.filter((c) => regimeFor(c.receivedOn) === '2008').length).toBeGreaterThan(100);
  });

  it('holds every invariant', () => {
    let checked = 0;
    for (const c of cases) {
      const regime = regimeFor(c.receivedOn);
      const rule = DEADLINE_RULES[regime];
      const input = { receivedOn: c.receivedOn, regime, pauses: c.pauses, extensionDays: c.extensionDays };
      const d = computeDeadline(input, cal);
      const ctx = JSON.stringify(input);

      // Fast path = day-by-day reference.
      expect(d, ctx).toEqual(computeDeadlineByDays(input, cal));

      const plain = computeDeadline({ ...input, pauses: [] }, cal);
      const noExt = computeDeadline({ ...input, extensionDays: 0 }, cal);
      const bare = computeDeadline({ ...input, pauses: [], extensionDays: 0 }, cal);

      // Without pauses the due date always exists, is a working day, after receipt, exactly N working days on.
      expect(bare.dueOn, ctx).not.toBeNull();
      const bareDue = bare.dueOn as string;
      expect(isWorkingDay(bareDue, cal), ctx).toBe(true);
      expect(bareDue > c.receivedOn, ctx).toBe(true);
      expect(workingDaysBetween(c.receivedOn, bareDue, cal), ctx).toBe(rule.baseDays);

      // Extension never shortens; pauses never shorten.
      expect((plain.dueOn as string) >= bareDue, ctx).toBe(true);
      expect(plain.baseDueOn, ctx).toBe(bareDue);

      if (d.dueOn !== null) {
        expect(isWorkingDay(d.dueOn, cal), ctx).toBe(true);
        expect(d.dueOn > c.receivedOn, ctx).toBe(true);
        expect(d.dueOn >= (plain.dueOn as string), ctx).toBe(true);
        if (noExt.dueOn !== null) expect(d.dueOn >= noExt.dueOn, ctx).toBe(true);
        expect(d.baseDueOn !== null && d.baseDueOn <= d.dueOn, ctx).toBe(true);
        // Counted days = working days to the due date minus the paused ones.
        expect(workingDaysBetween(c.receivedOn, d.dueOn, cal) - d.pausedWorkingDays, ctx).toBe(rule.baseDays + c.extensionDays);
        expect(d.remainingWorkingDays, ctx).toBeNull();
      } else {
        // Stopped clock: something is left to count, and an open pause exists.
        expect(c.pauses.some((p) => p.to === null), ctx).toBe(true);
        expect(d.remainingWorkingDays as number, ctx).toBeGreaterThan(0);
        expect(d.remainingWorkingDays as number, ctx).toBeLessThanOrEqual(rule.baseDays + c.extensionDays);
        expect(d.pausedSince, ctx).not.toBeNull();
      }
      checked++;
    }
    expect(checked).toBe(2000);
  });
});
