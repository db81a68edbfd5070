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

/** Publishes the report on the portal (条例 Art.49); `force` publishes despite failing checks, after confirmation. */
export function usePublishReport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (p: { year: number; format?: ReportFormat; force?: boolean }) =>
      api<{ year: number; title: string; publishedOn: string; url: string }>(`/api/reports/annual/publish`, { method: 'POST', query: { year: p.year, format: p.format, force: p.force ? 'true' : undefined }, body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['public', 'reports'] }),
  });
}
