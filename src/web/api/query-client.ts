import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './client.js';

export const ME_KEY = ['auth', 'me'] as const;

/**
 * One query cache for the app. A 401 on any staff call means the session ended: the `me` query is refreshed so the
 * route guard sends the user to the login page. Client errors (4xx) are not retried.
 */
export function createQueryClient(): QueryClient {
  const onAuthError = (err: unknown) => {
    if (err instanceof ApiError && err.status === 401) void client.invalidateQueries({ queryKey: ME_KEY });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: onAuthError }),
    mutationCache: new MutationCache({ onError: onAuthError }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 2,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
