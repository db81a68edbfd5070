import { describe, expect, it } from 'vitest';
import { shanghaiToday } from './context.js';

describe('shanghaiToday (UTC+8, no daylight saving)', () => {
  it('turns the date at 16:00 UTC, in either direction of time, across years', () => {
    const cases: [string, string][] = [
      ['2026-11-27T15:59:59.999Z', '2026-11-27'],
      ['2026-11-27T16:00:00.000Z', '2026-11-28'],
      ['2026-11-27T15:00:00.000Z', '2026-11-27'], // back again: the remembered day must not stick
      ['2024-12-31T16:00:00.000Z', '2025-01-01'],
      ['2024-02-28T16:30:00.000Z', '2024-02-29'],
      ['1969-12-31T15:59:59.000Z', '1969-12-31'],
      ['1969-12-31T16:00:00.000Z', '1970-01-01'],
      ['2026-11-28T00:00:00.000Z', '2026-11-28'],
    ];
    for (const [utc, day] of cases) expect(shanghaiToday(new Date(utc)), utc).toBe(day);
  });
});
