import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost } from '../../api/client.js';
import type { CaseBody } from '../../../shared/reports.js';

export interface CaseRow {
  id: number; ref: string; kind: string; kindLabel: string; route: string | null; routeLabel: string | null;
  requestId: number | null; requestRef: string | null; receivedOn: string; closedOn: string | null;
  result: string | null; resultLabel: string | null; reportCell: string; reportCellLabel: string; note: string | null;
}

export function useCases(f: { year?: number; kind?: string; status?: string; page: number; pageSize: number }) {
  return useQuery({ queryKey: ['cases', f], queryFn: () => apiGet<{ total: number; page: number; pageSize: number; items: CaseRow[] }>('/api/cases', f), placeholderData: keepPreviousData });
}

export function useSaveCase(id: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CaseBody) => (id ? apiPatch<CaseRow>(`/api/cases/${id}`, body) : apiPost<CaseRow>('/api/cases', body)),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['cases'] });
      void qc.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}
