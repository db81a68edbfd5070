import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiGet, apiPut, toQueryString } from '../../api/client.js';
import type { AnnualReport } from '../../../core/reports/types.js';
import type { ReportFormat } from '../../../core/reports/formats.js';

export type DownloadType = 'xlsx' | 'docx' | 'html' | 'json';

/** The annual report of `year` computed by the server (JSON of DESIGN.md "Report JSON", with its checks). */
export function useAnnualReport(year: number, format: ReportFormat | undefined) {
  return useQuery({
    queryKey: ['reports', 'annual', year, format ?? 'default'],
    queryFn: ({ signal }) => apiGet<AnnualReport>('/api/reports/annual', { year, format }, signal),
    retry: false,
    staleTime: 60_000,
  });
}

export function downloadUrl(year: number, format: ReportFormat | undefined, type: DownloadType): string {
  return `/api/reports/annual/download${toQueryString({ year, format, type })}`;
}

/** Value at a dotted path of the report JSON (`requests.received`, `proactive.regulations.issued`). */
export function valueAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const k of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[k];
  }
  return cur;
}

export interface FactsForm {
  year: number;
  format: ReportFormat;
  formatLabel: string;
  fields: { key: string; label: string; unit: string | null; kind: 'count' | 'amount' | 'change' | 'text'; section: string; path: string | null }[];
  facts: Record<string, number | string>;
  updatedAt: string | null;
}

/** The annual-facts form of a year (rows no record can produce; marked 填报 in the report). */
export function useAnnualFacts(year: number, format: ReportFormat | undefined) {
  return useQuery({
    queryKey: ['reports', 'facts', year, format ?? 'default'],
    queryFn: () => apiGet<FactsForm>(`/api/reports/facts/${year}`, { format }),
    retry: false,
  });
}

export function useSaveAnnualFacts(year: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (facts: Record<string, number | string | null>) => apiPut<FactsForm>(`/api/reports/facts/${year}`, { facts }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['reports'] }),
  });
}

export interface ReportVersionView {
  year: number; version: number; state: string; stateLabel: string; format: string; formatLabel: string; title: string;
  explanations: Record<string, string>; correctionNote: string | null; returnedReason: string | null; submittedAt: string;
  publishedOn: string | null; supersededOn: string | null; withdrawnOn: string | null; withdrawnReason: string | null; url: string | null;
}
export interface ReportPublishing {
  year: number; today: string; yearEnded: boolean;
  problems: { kind: 'year_open' | 'placeholder' | 'empty_cell' | 'check'; message: string; rule?: string }[];
  failingChecks: { rule: string; detail: string }[];
  versions: ReportVersionView[]; published: boolean; open: ReportVersionView | null;
}

/** Where the report of a year stands: what stops it from being submitted, and its versions (条例 Art.17, 49). */
export function useReportPublishing(year: number, format: ReportFormat | undefined) {
  return useQuery({
    queryKey: ['reports', 'publishing', year, format ?? 'default'],
    queryFn: ({ signal }) => apiGet<ReportPublishing>('/api/reports/annual/publishing', { year, format }, signal),
    retry: false,
  });
}

export type ReportAction =
  | { kind: 'submit'; explanations: Record<string, string>; correctionNote?: string }
  | { kind: 'step'; version: number; step: 'review_passed' | 'review_rejected' | 'approved' | 'approval_returned'; reason?: string }
  | { kind: 'publish'; confirmYear: string }
  | { kind: 'withdraw'; reason: string };

/** Submit, review, approve, publish (with the year confirmed) or withdraw the report of a year. */
export function useReportAction(year: number, format: ReportFormat | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: ReportAction) => {
      if (a.kind === 'submit') return api<ReportVersionView>('/api/reports/annual/submit', { method: 'POST', query: { year, format }, body: { explanations: a.explanations, correctionNote: a.correctionNote } });
      if (a.kind === 'step') return api<ReportVersionView>(`/api/reports/annual/${year}/versions/${a.version}/steps`, { method: 'POST', body: { step: a.step, reason: a.reason } });
      if (a.kind === 'publish') return api<ReportVersionView>('/api/reports/annual/publish', { method: 'POST', query: { year }, body: { confirmYear: a.confirmYear } });
      return api<ReportVersionView>('/api/reports/annual/withdraw', { method: 'POST', query: { year }, body: { reason: a.reason } });
    },
    onSettled: () => Promise.all([qc.invalidateQueries({ queryKey: ['reports', 'publishing'] }), qc.invalidateQueries({ queryKey: ['public', 'reports'] })]),
  });
}
