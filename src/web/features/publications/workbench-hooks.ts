import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost, apiPut } from '../../api/client.js';
import type { CatalogueNode } from '../../../shared/publications.js';

export interface TimelinessItem {
  id: number; title: string; state: string; stateLabel: string; department: string | null; formedOn: string; publishedOn: string | null;
  dueOn: string; status: 'at_risk' | 'overdue' | 'late'; workingDaysLeft: number | null; workingDaysLate: number | null;
}
export interface TimelinessSummary { pending: number; atRisk: number; overdue: number; onTime: number; late: number }
export interface TimelinessDashboard {
  asOf: string; from: string; to: string; riskWorkingDays: number;
  departments: (TimelinessSummary & { departmentId: number | null; department: string })[];
  totals: TimelinessSummary;
  items: TimelinessItem[];
}

export function useTimeliness(from?: string, to?: string) {
  return useQuery({ queryKey: ['publications', 'timeliness', from, to], queryFn: () => apiGet<TimelinessDashboard>('/api/publications/timeliness', { from, to }) });
}

export interface Suggestion {
  key: string; requestIds: number[]; applicantCount: number; disclosedCount: number; topTerms: string[]; suggestedTitle: string;
  firstReceivedOn: string | null; lastReceivedOn: string | null;
  requests: { id: number; ref: string; description: string; receivedOn: string | null; outcome: string | null; outcomeLabel: string }[];
}

export function useSuggestions(minApplicants: number) {
  return useQuery({ queryKey: ['publications', 'suggestions', minApplicants], queryFn: () => apiGet<{ from: string; to: string; suggestions: Suggestion[] }>('/api/publications/suggestions', { minApplicants }) });
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
    mutationFn: (body: { requestIds: number[]; reason: string }) => apiPost<unknown>('/api/publications/suggestions/dismiss', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['publications', 'suggestions'] }),
  });
}

export function useSaveCategory() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id?: number; code?: string; name?: string; parentId?: number | null; description?: string | null; active?: boolean }) =>
      (id ? apiPatch<CatalogueNode>(`/api/publications/catalogue/${id}`, body) : apiPost<CatalogueNode>('/api/publications/catalogue', body)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['publications', 'catalogue'] }),
  });
}

export interface GuideResponse {
  agency: Record<string, string>;
  isDefault: boolean;
  sections: { title: string; bodyHtml: string; updatedAt: string | null }[];
}

export function useStaffGuide() {
  return useQuery({ queryKey: ['publications', 'guide'], queryFn: () => apiGet<GuideResponse>('/api/publications/guide') });
}

export function useSaveGuide() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (sections: { title: string; body: string }[]) => apiPut<GuideResponse>('/api/publications/guide', { sections }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['publications', 'guide'] });
      void qc.invalidateQueries({ queryKey: ['public', 'publication-guide'] });
    },
  });
}

export function usePublicGuideSections() {
  return useQuery({ queryKey: ['public', 'publication-guide'], queryFn: () => apiGet<GuideResponse>('/api/public/publication-guide'), retry: false, staleTime: 10 * 60_000 });
}

export interface PublicationSettings { agencyCode: string; defaultIssuer: string; riskWorkingDays: number; maxAttachmentMb: number }

/** 主动公开设置 (索引号机关代码 …): publisher and administrator only. */
export function usePublicationSettings(enabled: boolean) {
  return useQuery({ queryKey: ['publications', 'settings'], queryFn: () => apiGet<PublicationSettings>('/api/publications/settings'), enabled });
}

export function useSavePublicationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<PublicationSettings>) => apiPut<PublicationSettings>('/api/publications/settings', body),
    onSuccess: (data) => qc.setQueryData(['publications', 'settings'], data),
  });
}
