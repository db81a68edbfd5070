import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPatch, apiPost, apiPut } from '../../api/client.js';
import type { AgencyProfile, AuditRow, AuditVerifyResult, CalendarYear, Department, Role, UserRow } from '../../api/types.js';
import type { NoticeChannel, RepeatSupplementPolicy } from '../../../core/deadlines/rules.js';

export function useUsers() {
  return useQuery({ queryKey: ['admin', 'users'], queryFn: () => apiGet<{ items: UserRow[]; roleLabels: Record<Role, string> }>('/api/users') });
}

export interface UserInput { username: string; displayName: string; roles: Role[]; departmentId?: number | null; password?: string }

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UserInput) => apiPost<{ id: number; initialPassword: string | null }>('/api/users', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<UserInput> & { id: number; active?: boolean }) => apiPatch<{ ok: true }>(`/api/users/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

export function useCreateDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; code?: string | null }) => apiPost<Department>('/api/departments', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['departments'] }),
  });
}

export function useUpdateDepartment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; name?: string; code?: string | null; active?: boolean }) => apiPatch<Department>(`/api/departments/${id}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['departments'] }),
  });
}

export function useCalendarYears() {
  return useQuery({ queryKey: ['admin', 'calendar'], queryFn: () => apiGet<CalendarYear[]>('/api/calendar') });
}

export interface CalendarYearInput { year: number; notice: string; title: string; issuedOn: string | null; source: string; holidays: string[]; workdays: string[] }

export function useSaveCalendarYear() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarYearInput) => apiPut<{ ok: true; recomputed: number | unknown }>(`/api/calendar/${body.year}`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['admin', 'calendar'] });
      void qc.invalidateQueries({ queryKey: ['calendar', 'status'] });
      void qc.invalidateQueries({ queryKey: ['requests'] });
    },
  });
}

export function useAgency() {
  return useQuery({ queryKey: ['admin', 'agency'], queryFn: () => apiGet<AgencyProfile>('/api/settings/agency') });
}

export function useSaveAgency() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<AgencyProfile>) => apiPut<AgencyProfile>('/api/settings/agency', body),
    onSuccess: (data) => {
      qc.setQueryData(['admin', 'agency'], data);
      void qc.invalidateQueries({ queryKey: ['public', 'guide'] });
    },
  });
}

/** The office's deadline settings as `GET/PUT /api/settings/deadlines` carry them (services/settings.ts). */
export interface DeadlineSettingsValue {
  pauseDuringFeeNotice: boolean;
  dueSoonWorkingDays: number;
  presumedDeliveryDays: Partial<Record<NoticeChannel, number | null>>;
  repeatSupplement: RepeatSupplementPolicy;
}

export function useDeadlineSettings() {
  return useQuery({ queryKey: ['admin', 'deadlines'], queryFn: () => apiGet<DeadlineSettingsValue>('/api/settings/deadlines') });
}

/** Saves the deadline settings; the server recomputes every open request's deadlines, so request views refresh. */
export function useSaveDeadlineSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<DeadlineSettingsValue>) => apiPut<DeadlineSettingsValue>('/api/settings/deadlines', body),
    onSuccess: (data) => {
      qc.setQueryData(['admin', 'deadlines'], data);
      void qc.invalidateQueries({ queryKey: ['requests'] });
      void qc.invalidateQueries({ queryKey: ['alerts'] });
    },
  });
}

export function useAuditLog(page: number, pageSize: number, filters: { action?: string; targetType?: string; targetId?: string }) {
  return useQuery({
    queryKey: ['admin', 'audit', page, pageSize, filters],
    queryFn: () => apiGet<{ total: number; items: AuditRow[] }>('/api/audit', { page, pageSize, ...filters }),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: () => apiGet<AuditVerifyResult>('/api/audit/verify') });
}
