import { describe, expect, it } from 'vitest';
import { daysFromCivil, daysInMonth, isoFromDayNumber, weekdayOfDayNumber } from './day-number.js';

describe('day numbers', () => {
  it('agree with Date for every day 1900–2100, both ways, with the weekday', () => {
    for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      const day = t / 86_400_000;
      expect(daysFromCivil(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(day);
      if (isoFromDayNumber(day) !== d.toISOString().slice(0, 10)) expect(isoFromDayNumber(day)).toBe(d.toISOString().slice(0, 10));
      if (weekdayOfDayNumber(day) !== d.getUTCDay()) expect(weekdayOfDayNumber(day)).toBe(d.getUTCDay());
    }
  });
  it('knows month lengths, leap years included (2000 yes, 1900 and 2100 no)', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2023, 2), daysInMonth(2000, 2), daysInMonth(1900, 2), daysInMonth(2100, 2)]).toEqual([29, 28, 29, 28, 28]);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });
});
