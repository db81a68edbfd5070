import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiGet, apiPatch, apiPost } from '../../api/client.js';
import type { CatalogueNode, PublicationBody, PublicationEventBody, PublicPublication, PublicSearchResponse } from '../../../shared/publications.js';

export interface PublicationListItem {
  id: number;
  indexNo: string | null;
  title: string;
  docNumber: string | null;
  state: string;
  stateLabel: string;
  issuer: string | null;
  formedOn: string | null;
  publishedOn: string | null;
  normativeKind: string | null;
  normativeKindLabel: string | null;
  validity: string;
  validityLabel: string;
  category: string | null;
  updatedAt: string;
  timeliness: { dueOn: string | null; status: string; workingDaysLeft: number | null } | null;
}

export interface PublicationDetail {
  id: number;
  indexNo: string | null;
  title: string;
  docNumber: string | null;
  issuer: string | null;
  writtenOn: string | null;
  formedOn: string | null;
  publishedOn: string | null;
  categoryId: number | null;
  topic: string | null;
  summary: string | null;
  bodyHtml: string | null;
  normativeKind: string | null;
  normativeKindLabel: string | null;
  channels: string[] | null;
  interpretsId: number | null;
  departmentId: number | null;
  disclosureMode: string | null;
  state: string;
  stateLabel: string;
  validity: string;
  validityLabel: string;
  validityChangedOn: string | null;
  category: { id: number; code: string; name: string } | null;
  department: { id: number; name: string } | null;
  attachments: { id: number; filename: string; contentType: string; kind: string; size: number }[];
  interpretations: { id: number; title: string; state: string; stateLabel: string; indexNo: string | null }[];
  interprets: { id: number; title: string; state: string; stateLabel: string; indexNo: string | null } | null;
  sync: { ok: boolean; waived: boolean; message: string | null };
  timeliness: { dueOn: string | null; status: string; workingDaysLeft: number | null } | null;
  isAuthor: boolean;
  actions: { type: string; label: string }[];
  events: { seq: number; type: string; label: string; on: string; payload: Record<string, unknown> | null; actorName: string | null; at: string }[];
}

const KEY = ['publications'] as const;

export function usePublicationList(f: { state?: string[]; q?: string; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...KEY, 'list', f],
    queryFn: () => apiGet<{ total: number; page: number; pageSize: number; items: PublicationListItem[] }>('/api/publications', { state: f.state, q: f.q, page: f.page, pageSize: f.pageSize }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function usePublication(id: number | null) {
  return useQuery({ queryKey: [...KEY, 'detail', id], queryFn: () => apiGet<PublicationDetail>(`/api/publications/${id}`), enabled: id !== null && id > 0 });
}

export function useCatalogue(enabled = true) {
  return useQuery({ queryKey: [...KEY, 'catalogue'], queryFn: () => apiGet<{ categories: CatalogueNode[] }>('/api/publications/catalogue'), staleTime: 5 * 60_000, enabled });
}

export function useSavePublication(id: number | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PublicationBody) => (id ? apiPatch<PublicationDetail>(`/api/publications/${id}`, body) : apiPost<{ id: number }>('/api/publications', body)),
    onSuccess: () => qc.invalidateQueries({ queryKey: KEY }),
  });
}

export function usePublicationEvent(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PublicationEventBody) => apiPost<PublicationDetail>(`/api/publications/${id}/events`, body),
    onSuccess: (detail) => {
      qc.setQueryData([...KEY, 'detail', id], detail);
      void qc.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

export function useUploadAttachment(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api<{ id: number }>(`/api/publications/${id}/attachments`, { method: 'POST', body });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'detail', id] }),
  });
}

export function useRemoveAttachment(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (attachmentId: number) => api<{ ok: true }>(`/api/publications/${id}/attachments/${attachmentId}`, { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'detail', id] }),
  });
}

/** Public portal: search, one document, filters. */
export function usePublicSearch(params: { q?: string; page: number; year?: number; category?: string; issuer?: string }) {
  return useQuery({
    queryKey: ['public', 'publications', params],
    queryFn: () => apiGet<PublicSearchResponse>('/api/public/publications', { ...params, pageSize: 10 }),
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function usePublicPublication(indexNo: string) {
  return useQuery({
    queryKey: ['public', 'publication', indexNo],
    queryFn: () => apiGet<PublicPublication>(`/api/public/publications/${encodeURIComponent(indexNo)}`),
    enabled: indexNo !== '',
    retry: false,
  });
}

export function usePublicFilters() {
  return useQuery({
    queryKey: ['public', 'publication-filters'],
    queryFn: () => apiGet<{ years: number[]; issuers: { name: string; count: number }[]; topics: { name: string; count: number }[] }>('/api/public/publication-filters'),
    staleTime: 10 * 60_000,
    retry: false,
  });
}

export function usePublicCatalogue() {
  return useQuery({ queryKey: ['public', 'catalogue'], queryFn: () => apiGet<{ categories: CatalogueNode[] }>('/api/public/catalogue'), staleTime: 10 * 60_000, retry: false });
}
