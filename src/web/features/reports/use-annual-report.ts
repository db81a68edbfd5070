import { useQuery } from '@tanstack/react-query';
import { apiGet, toQueryString } from '../../api/client.js';
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
