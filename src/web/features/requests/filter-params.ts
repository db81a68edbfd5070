import type { RequestFilters } from '../../api/types.js';

const NUM = (v: string | null) => (v !== null && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined);

/** Filters from the URL (`?state=a,b&overdue=true&page=2…`), so lists can be linked and bookmarked. */
export function parseFilters(params: URLSearchParams, defaults: RequestFilters = {}): RequestFilters {
  const f: RequestFilters = { ...defaults };
  const state = params.get('state');
  if (state !== null) f.state = state ? state.split(',').filter(Boolean) : undefined;
  const num = (k: 'departmentId' | 'dueWithinDays' | 'year' | 'page' | 'pageSize') => {
    const v = NUM(params.get(k));
    if (v !== undefined) f[k] = v;
  };
  num('departmentId');
  num('dueWithinDays');
  num('year');
  num('page');
  num('pageSize');
  if (params.get('overdue') === 'true') f.overdue = true;
  for (const k of ['applicantType', 'channel', 'q'] as const) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  const sort = params.get('sort');
  if (sort === 'due' || sort === 'received' || sort === 'created') f.sort = sort;
  return f;
}

export function filtersToParams(f: RequestFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.state?.length) out.state = f.state.join(',');
  for (const k of ['departmentId', 'dueWithinDays', 'year', 'applicantType', 'channel', 'q', 'sort'] as const) {
    const v = f[k];
    if (v !== undefined && v !== null && v !== '') out[k] = String(v);
  }
  if (f.overdue) out.overdue = 'true';
  if (f.page && f.page > 1) out.page = String(f.page);
  if (f.pageSize && f.pageSize !== 20) out.pageSize = String(f.pageSize);
  return out;
}
