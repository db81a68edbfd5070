import { SHIPPED_CALENDAR } from '../src/core/calendar/index.js';
import { addCalendarDays, isWorkingDay } from '../src/core/calendar/working-days.js';
import { computeDeadline } from '../src/core/deadlines/compute-deadline.js';
import { regimeFor } from '../src/core/deadlines/rules.js';

/** Naive baseline: walk day by day with string dates, as a first implementation would. */
function naiveDue(start: string, n: number): string {
  let d = start;
  let left = n;
  while (left > 0) { d = addCalendarDays(d, 1); if (isWorkingDay(d, SHIPPED_CALENDAR)) left--; }
  return d;
}

export async function runDeadlineBench({ iterations }: { iterations: number }): Promise<string> {
  const starts: string[] = [];
  for (let i = 0; i < 4096; i++) starts.push(addCalendarDays('2010-01-01', (i * 2654435761) % 6000));
  const inputs = starts.map((s) => ({ receivedOn: s, regime: regimeFor(s), pauses: [], extensionDays: 0 }));
  const withPause = starts.map((s) => ({ receivedOn: s, regime: regimeFor(s), pauses: [{ from: addCalendarDays(s, 3), to: addCalendarDays(s, 20), kind: 'third_party' as const }], extensionDays: 20 }));
  // warm-up
  for (let i = 0; i < 20_000; i++) computeDeadline(inputs[i & 4095] as never, SHIPPED_CALENDAR);
  let sink = 0;
  let t0 = performance.now();
  for (let i = 0; i < iterations; i++) sink += computeDeadline(inputs[i & 4095] as never, SHIPPED_CALENDAR).dueOn ? 1 : 0;
  const plain = iterations / ((performance.now() - t0) / 1000);
  const n2 = Math.floor(iterations / 4);
  t0 = performance.now();
  for (let i = 0; i < n2; i++) sink += computeDeadline(withPause[i & 4095] as never, SHIPPED_CALENDAR).dueOn ? 1 : 0;
  const paused = n2 / ((performance.now() - t0) / 1000);
  const n3 = Math.floor(iterations / 10);
  t0 = performance.now();
  for (let i = 0; i < n3; i++) sink += naiveDue(starts[i & 4095], 20).length;
  const naive = n3 / ((performance.now() - t0) / 1000);
  // Correctness guard: the fast path agrees with the naive walk on every sample start.
  let disagreements = 0;
  for (const s of starts) if (computeDeadline({ receivedOn: s, regime: '2019', pauses: [], extensionDays: 0 } as never, SHIPPED_CALENDAR).dueOn !== naiveDue(s, 20)) disagreements++;
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
  return [
    '### Deadline computations (core, one thread)',
    '',
    '| measure | per second | vs goal |',
    '|---|---|---|',
    `| computeDeadline, no pauses (${fmt(iterations)} calls) | **${fmt(plain)}** | goal ≥ 1,000,000/s: ${plain >= 1e6 ? 'met' : 'NOT met'} |`,
    `| computeDeadline, one consultation pause + 20-day extension | ${fmt(paused)} | |`,
    `| baseline: naive day-by-day walk (20 working days) | ${fmt(naive)} | fast path is ${(plain / naive).toFixed(1)}× the baseline |`,
    '',
    `Fast path vs naive walk on ${starts.length} start dates 2010–2026: ${disagreements} disagreements. (sink ${sink % 10})`,
    '',
  ].join('\n');
}
