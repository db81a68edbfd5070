import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../api/client.js';

/** Art.26 dashboard (GET /api/publications/timeliness). */
export interface TimelinessCounts { pending: number; atRisk: number; overdue: number; onTime: number; late: number }
export interface TimelinessItem {
  id: number; title: string; state: string; stateLabel: string; department: string | null;
  formedOn: string; publishedOn: string | null; dueOn: string; status: 'at_risk' | 'overdue' | 'late';
  workingDaysLeft: number | null; workingDaysLate: number | null;
}
export interface TimelinessDashboard {
  asOf: string; from: string; to: string; riskWorkingDays: number;
  departments: (TimelinessCounts & { departmentId: number | null; department: string })[];
  totals: TimelinessCounts;
  items: TimelinessItem[];
}

export function useTimelinessDashboard(period: { from?: string; to?: string }) {
  return useQuery({
    queryKey: ['publications', 'timeliness', period],
    queryFn: () => apiGet<TimelinessDashboard>('/api/publications/timeliness', period),
    retry: false,
  });
}

/** Art.44 suggestions (GET /api/publications/suggestions). */
export interface Suggestion {
  key: string;
  requestIds: number[];
  applicantCount: number;
  disclosedCount: number;
  topTerms: string[];
  suggestedTitle: string;
  firstReceivedOn: string | null;
  lastReceivedOn: string | null;
  requests: { id: number; ref: string; description: string; receivedOn: string | null; outcome: string | null; outcomeLabel: string }[];
}

export function useSuggestions() {
  return useQuery({
    queryKey: ['publications', 'suggestions'],
    queryFn: () => apiGet<{ from: string; to: string; suggestions: Suggestion[] }>('/api/publications/suggestions'),
    retry: false,
  });
}

export function useDraftFromSuggestion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { requestIds: number[]; title?: string }) => apiPost<{ id: number }>('/api/publications/suggestions/draft', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['publications'] }),
  });
}

export function useDismissSuggestion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { requestIds: number[]; reason: string }) => apiPost<{ ok: true }>('/api/publications/suggestions/dismiss', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['publications', 'suggestions'] }),
  });
}
