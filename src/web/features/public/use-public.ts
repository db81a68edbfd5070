import { useMutation, useQuery } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../api/client.js';
import type { GuideResponse, Paged, PublicCreated, PublicStatus, PublicationHit, PublishedReport } from '../../api/types.js';
import type { PublicRequestBody } from '../../../shared/api.js';

/** Agency profile and guide (公开指南, 条例 Art.12); cached for the whole visit. */
export function useGuide() {
  return useQuery({ queryKey: ['public', 'guide'], queryFn: () => apiGet<GuideResponse>('/api/public/guide'), staleTime: 10 * 60_000 });
}

export function useSubmitPublicRequest() {
  return useMutation({ mutationFn: (body: PublicRequestBody) => apiPost<PublicCreated>('/api/public/requests', body) });
}

/** Progress query by tracking code + access key; runs only when both are set. */
export function usePublicStatus(code: string, key: string) {
  return useQuery({
    queryKey: ['public', 'status', code, key],
    queryFn: () => apiGet<PublicStatus>(`/api/public/requests/${encodeURIComponent(code)}`, { key }),
    enabled: Boolean(code && key),
    retry: false,
    staleTime: 0,
  });
}

export function usePublications(q: string, page: number, filters: Record<string, string | number | undefined> = {}) {
  return useQuery({
    queryKey: ['public', 'publications', q, page, filters],
    queryFn: () => apiGet<Paged<PublicationHit> | { total: number; items: PublicationHit[] }>('/api/public/publications', { q, page, ...filters }),
    placeholderData: (prev) => prev,
    retry: false,
  });
}

export function usePublishedReports() {
  return useQuery({
    queryKey: ['public', 'reports'],
    queryFn: async () => {
      const data = await apiGet<PublishedReport[] | { items: PublishedReport[] }>('/api/public/reports');
      return Array.isArray(data) ? data : data.items ?? [];
    },
    retry: false,
  });
}
