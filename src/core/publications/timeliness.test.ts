import { describe, expect, it } from 'vitest';
import { SHIPPED_CALENDAR as cal } from '../calendar/index.js';
import { assessTimeliness, summarizeTimeliness, type TimelinessStatus } from './timeliness.js';

describe('assessTimeliness (条例 Art.26: 20 working days from formation or change)', () => {
  // Due dates counted by hand on the 2024/2025 notices (国办发明电〔2023〕7号, 〔2024〕12号).
  const dueCases: [string, string, string][] = [
    ['2024-03-01', '2024-03-29', 'Fri → four plain weeks'],
    ['2024-09-02', '2024-09-30', 'Mon; 9/14 (Sat) 调休上班 counts, 9/16–17 中秋 do not'],
    ['2024-09-20', '2024-10-23', 'National Day 10/1–10/7 skipped, 9/29 and 10/12 (调休) count'],
    ['2024-12-31', '2025-02-05', 'year crossing: 元旦 1/1 and 春节 1/28–2/4 skipped, 1/26 (Sun) counts'],
    ['2024-02-01', '2024-03-05', '春节 2/10–2/17 skipped, 2/4 and 2/18 (Sun) 调休 count'],
  ];
  for (const [formedOn, dueOn, why] of dueCases) {
    it(`formed ${formedOn} → due ${dueOn} (${why})`, () => {
      const t = assessTimeliness({ formedOn, publishedOn: null }, formedOn, cal);
      expect(t.dueOn).toBe(dueOn);
      expect(t.provisional).toBe(false);
    });
  }

  const statusCases: [string, string | null, string, TimelinessStatus, number | null, number | null][] = [
    // formedOn, publishedOn, today, status, workingDaysLeft, workingDaysLate
    ['2024-03-01', '2024-03-29', '2024-04-10', 'on_time', null, null],
    ['2024-03-01', '2024-04-01', '2024-04-10', 'late', null, 1],
    ['2024-03-01', '2024-03-05', '2024-03-05', 'on_time', null, null],
    ['2024-03-01', null, '2024-03-04', 'pending', 19, null],
    ['2024-03-01', null, '2024-03-22', 'at_risk', 5, null],
    ['2024-03-01', null, '2024-03-29', 'at_risk', 0, null],
    ['2024-03-01', null, '2024-03-30', 'overdue', 0, 0],
    ['2024-03-01', null, '2024-04-03', 'overdue', 0, 3], // 4/1, 4/2, 4/3
  ];
  for (const [formedOn, publishedOn, today, status, left, late] of statusCases) {
    it(`formed ${formedOn}, published ${publishedOn ?? '—'}, on ${today}: ${status}`, () => {
      const t = assessTimeliness({ formedOn, publishedOn }, today, cal);
      expect(t.status).toBe(status);
      expect(t.workingDaysLeft).toBe(left);
      expect(t.workingDaysLate).toBe(late);
    });
  }

  it('respects a custom warning window', () => {
    expect(assessTimeliness({ formedOn: '2024-03-01', publishedOn: null }, '2024-03-15', cal, 10).status).toBe('at_risk');
    expect(assessTimeliness({ formedOn: '2024-03-01', publishedOn: null }, '2024-03-15', cal, 5).status).toBe('pending');
  });

  it('flags a period that runs into a year without a notice as provisional', () => {
    expect(assessTimeliness({ formedOn: '2026-12-20', publishedOn: null }, '2026-12-20', cal).provisional).toBe(true);
  });

  it('summarizes statuses', () => {
    expect(summarizeTimeliness(['pending', 'at_risk', 'at_risk', 'overdue', 'on_time', 'late', 'on_time'])).toEqual({ pending: 1, atRisk: 2, overdue: 1, onTime: 2, late: 1 });
  });
});
