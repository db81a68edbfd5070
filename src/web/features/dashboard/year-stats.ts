import { OUTCOME_GROUPS, type Outcome } from '../../../core/requests/outcomes.js';
import type { RequestListItem } from '../../api/types.js';

export interface YearStats {
  /** Requests received in each month, index 0 = January. */
  byMonth: number[];
  /** Count per outcome group of the statutory table, plus 办理中 for requests not answered yet. */
  byOutcome: { key: string; label: string; count: number }[];
  total: number;
}

const GROUP_OF = new Map<string, { key: string; label: string }>();
for (const g of OUTCOME_GROUPS) for (const o of g.outcomes) GROUP_OF.set(o as Outcome, { key: g.key, label: g.key === 'legacy' ? '2008年条例答复类型' : g.label });

/** Counts the year's requests by month of receipt and by outcome group (the part 三 rows of the annual report). */
export function computeYearStats(items: readonly Pick<RequestListItem, 'receivedOn' | 'outcome'>[]): YearStats {
  const byMonth = Array.from({ length: 12 }, () => 0);
  const counts = new Map<string, { key: string; label: string; count: number }>();
  for (const g of OUTCOME_GROUPS) counts.set(g.key, { key: g.key, label: g.key === 'legacy' ? '2008年条例答复类型' : g.label, count: 0 });
  const open = { key: 'open', label: '办理中', count: 0 };
  for (const r of items) {
    if (r.receivedOn) {
      const m = Number(r.receivedOn.slice(5, 7));
      if (m >= 1 && m <= 12) byMonth[m - 1] += 1;
    }
    const g = r.outcome ? GROUP_OF.get(r.outcome) : undefined;
    if (g) counts.get(g.key)!.count += 1;
    else open.count += 1;
  }
  const byOutcome = [...counts.values(), open].filter((c) => c.count > 0 || (c.key !== 'legacy' && c.key !== 'open'));
  return { byMonth, byOutcome, total: items.length };
}
