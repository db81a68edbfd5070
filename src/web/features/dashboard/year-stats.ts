import { useQuery } from '@tanstack/react-query';
import { OUTCOME_GROUPS, type Outcome } from '../../../core/requests/outcomes.js';
import { apiGet } from '../../api/client.js';

/** GET /api/stats/dashboard (services/requests/stats.ts): counters and this year's figures in one call. */
export interface DashboardStats {
  today: string;
  year: number;
  open: number;
  overdue: number;
  dueSoon: number;
  awaitingConfirmation: number;
  receivedThisYear: number;
  states: { state: string; label: string; color: string; count: number; overdue: number; dueSoon: number }[];
  outcomes: { outcome: string; label: string; count: number }[];
  receivedByMonth: number[];
}

export function useDashboardStats(year: number, enabled = true) {
  return useQuery({ queryKey: ['requests', 'stats', year], queryFn: () => apiGet<DashboardStats>('/api/stats/dashboard', { year }), enabled });
}

export interface OutcomeGroupCount {
  key: string;
  label: string;
  count: number;
}

const GROUP_OF = new Map<string, string>();
for (const g of OUTCOME_GROUPS) for (const o of g.outcomes) GROUP_OF.set(o as Outcome, g.key);

/**
 * Outcome counts summed into the groups of the statutory table (予以公开 … 其他处理, plus the 2008 types when any),
 * in table order; groups without any request are kept (as 0) except the 2008 one.
 */
export function groupOutcomeCounts(outcomes: readonly { outcome: string; count: number }[]): OutcomeGroupCount[] {
  const totals = new Map<string, number>(OUTCOME_GROUPS.map((g) => [g.key, 0]));
  for (const o of outcomes) {
    const key = GROUP_OF.get(o.outcome) ?? 'other';
    totals.set(key, (totals.get(key) ?? 0) + o.count);
  }
  return OUTCOME_GROUPS
    .map((g) => ({ key: g.key, label: g.key === 'legacy' ? '2008年条例答复类型' : g.label, count: totals.get(g.key) ?? 0 }))
    .filter((g) => g.key !== 'legacy' || g.count > 0);
}
