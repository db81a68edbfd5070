import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost, type QueryValue } from '../../api/client.js';
import type { AlertsResponse, Department, Paged, RegisterCreated, RequestDetail, RequestFilters, RequestListItem } from '../../api/types.js';
import type { RegisterRequestBody } from '../../../shared/api.js';

export const requestKeys = {
  all: ['requests'] as const,
  list: (f: RequestFilters) => ['requests', 'list', f] as const,
  detail: (id: number) => ['requests', 'detail', id] as const,
};

export function filtersToQuery(f: RequestFilters): Record<string, QueryValue> {
  return {
    state: f.state,
    departmentId: f.departmentId,
    dueWithinDays: f.dueWithinDays,
    overdue: f.overdue ? 'true' : undefined,
    year: f.year,
    applicantType: f.applicantType,
    channel: f.channel,
    q: f.q?.trim() || undefined,
    page: f.page,
    pageSize: f.pageSize,
    sort: f.sort,
  };
}

/** The request list, paginated on the server; the previous page stays visible while the next one loads. */
export function useRequestList(filters: RequestFilters, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: requestKeys.list(filters),
    queryFn: ({ signal }) => apiGet<Paged<RequestListItem>>('/api/requests', filtersToQuery(filters), signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

/** Only the total of a filter (pageSize 1), for dashboard counters. */
export function useRequestCount(filters: RequestFilters, enabled = true) {
  return useQuery({
    queryKey: ['requests', 'count', filters],
    queryFn: async ({ signal }) => (await apiGet<Paged<RequestListItem>>('/api/requests', filtersToQuery({ ...filters, page: 1, pageSize: 1 }), signal)).total,
    enabled,
  });
}

export function useRequestDetail(id: number) {
  return useQuery({
    queryKey: requestKeys.detail(id),
    queryFn: ({ signal }) => apiGet<RequestDetail>(`/api/requests/${id}`, undefined, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Records one lifecycle event; the reply is the updated detail, put straight into the cache. */
export function useRecordEvent(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (event: { type: string; on?: string } & Record<string, unknown>) => apiPost<RequestDetail>(`/api/requests/${id}/events`, event),
    onSuccess: (detail) => {
      qc.setQueryData(requestKeys.detail(id), detail);
      void qc.invalidateQueries({ queryKey: ['requests', 'list'] });
      void qc.invalidateQueries({ queryKey: ['requests', 'count'] });
      void qc.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}

/** Confirms an online request (条例 Art.31(三): the receipt date is the day both sides confirm). */
export function useConfirmRequest(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { receivedOn?: string; evidence?: string }) => apiPost<RequestDetail>(`/api/requests/${id}/confirm`, body),
    onSuccess: (detail) => {
      qc.setQueryData(requestKeys.detail(id), detail);
      void qc.invalidateQueries({ queryKey: ['requests', 'list'] });
      void qc.invalidateQueries({ queryKey: ['requests', 'count'] });
    },
  });
}

export function useRegisterRequest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterRequestBody) => apiPost<RegisterCreated>('/api/requests', body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: requestKeys.all });
    },
  });
}

export function useDepartments() {
  return useQuery({ queryKey: ['departments'], queryFn: () => apiGet<Department[]>('/api/departments'), staleTime: 5 * 60_000 });
}

export function useAlerts(enabled = true) {
  return useQuery({ queryKey: ['alerts'], queryFn: () => apiGet<AlertsResponse>('/api/alerts'), enabled });
}

/** A notice built now from the request's data, unnumbered and not stored (答复书 before approval, 告知书). */
/** An earlier request of the month that may count toward 按件计收 (services/notices feeCountBasis). */
export interface FeeCountRequest { id: number; ref: string; receivedOn: string; applicantName: string }
/** 按件计收: the applicant's earlier requests of the month, matched by ID, and same-name ones to confirm. */
export function useFeeCount(id: number, enabled: boolean) {
  return useQuery({
    queryKey: ['requests', 'fee-count', id],
    queryFn: () => apiGet<{ receivedOn: string | null; hasId: boolean; matched: FeeCountRequest[]; toConfirm: FeeCountRequest[] }>(`/api/requests/${id}/fee-count`),
    enabled,
    retry: false,
    staleTime: 0,
  });
}

export function useNoticePreview(id: number, type: string | null) {
  return useQuery({
    queryKey: ['requests', 'notice-preview', id, type],
    queryFn: () => apiGet<{ html: string }>(`/api/requests/${id}/notices/preview`, { type }),
    enabled: type !== null,
    retry: false,
    staleTime: 0,
  });
}

/** A notice as it was issued (the stored text, never regenerated). */
export function useIssuedNotice(id: number, noticeId: number | null) {
  return useQuery({
    queryKey: ['requests', 'notice', id, noticeId],
    queryFn: () => apiGet<{ html: string; docNumber: string | null; type: string }>(`/api/requests/${id}/notices/${noticeId}`),
    enabled: noticeId !== null,
    retry: false,
  });
}

/** Issues (numbers and stores) a notice that no event produces by itself, e.g. 延迟答复告知书 (Art.35). */
export function useIssueNotice(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (type: string) => apiPost<{ id: number; docNumber: string | null }>(`/api/requests/${id}/notices`, { type }),
    onSuccess: () => qc.invalidateQueries({ queryKey: requestKeys.detail(id) }),
  });
}
