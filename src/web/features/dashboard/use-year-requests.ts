import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../api/client.js';
import type { Paged, RequestListItem } from '../../api/types.js';
import { filtersToQuery } from '../requests/use-requests.js';

const PAGE = 200;
const MAX_PAGES = 50;

/**
 * All requests received in `year`, read page by page from the list API (no aggregate endpoint exists yet); capped at
 * 10,000 rows, with `truncated` set when there are more.
 */
export function useYearRequests(year: number, enabled = true) {
  return useQuery({
    queryKey: ['requests', 'year-all', year],
    enabled,
    staleTime: 60_000,
    queryFn: async ({ signal }) => {
      const first = await apiGet<Paged<RequestListItem>>('/api/requests', filtersToQuery({ year, page: 1, pageSize: PAGE, sort: 'received' }), signal);
      const items = [...first.items];
      const pages = Math.min(Math.ceil(first.total / PAGE), MAX_PAGES);
      for (let p = 2; p <= pages; p++) {
        const next = await apiGet<Paged<RequestListItem>>('/api/requests', filtersToQuery({ year, page: p, pageSize: PAGE, sort: 'received' }), signal);
        items.push(...next.items);
      }
      return { items, total: first.total, truncated: first.total > items.length };
    },
  });
}
