import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiGet } from '../../api/client.js';
import type { ImportJob } from '../../../shared/reports.js';

export type ImportKind = 'requests' | 'cases';

const DONE = new Set(['succeeded']);
const FAILED = new Set(['failed']);

export function isFinished(job: ImportJob | undefined): boolean {
  return !!job && (DONE.has(job.status) || FAILED.has(job.status));
}
export function isFailed(job: ImportJob | undefined): boolean {
  return !!job && FAILED.has(job.status);
}

/** Uploads a ledger file (CSV/XLSX/JSON) as multipart; the server answers with a job to follow. */
export function useStartImport(kind: ImportKind) {
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api<{ jobId: string }>(`/api/imports/${kind}`, { method: 'POST', body });
    },
  });
}

/** Polls the import job every second until it is finished. */
export function useImportJob(jobId: string | null) {
  return useQuery({
    queryKey: ['imports', jobId],
    queryFn: () => apiGet<ImportJob>(`/api/imports/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (q) => (isFinished(q.state.data) ? false : 1000),
    retry: false,
    staleTime: 0,
  });
}
