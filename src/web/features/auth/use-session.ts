import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiPost } from '../../api/client.js';
import { ME_KEY } from '../../api/query-client.js';
import type { MeResponse, Role, SessionUser } from '../../api/types.js';

/** The logged-in staff user (null when logged out) and the role labels. */
export function useMe() {
  return useQuery({ queryKey: ME_KEY, queryFn: () => apiGet<MeResponse>('/api/auth/me'), staleTime: 5 * 60_000 });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { username: string; password: string }) => apiPost<{ user: SessionUser; csrfToken: string }>('/api/auth/login', body),
    onSuccess: async (data) => {
      if (data.user.mustChangePassword) markMustChangePassword();
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      await qc.invalidateQueries({ queryKey: ME_KEY });
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<{ ok: true }>('/api/auth/logout'),
    onSettled: () => {
      clearMustChangePassword();
      // Logged out first (the route guard then leaves the workbench), then forget everything else fetched as this user.
      qc.setQueryData<MeResponse>(ME_KEY, (old) => (old ? { ...old, user: null, csrfToken: null } : old));
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
    },
  });
}

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { oldPassword: string; newPassword: string }) => apiPost<{ ok: true }>('/api/auth/password', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ME_KEY }),
  });
}

export function hasAnyRole(user: Pick<SessionUser, 'roles'> | null | undefined, roles: readonly Role[] | null): boolean {
  if (!user) return false;
  if (roles === null) return true;
  return roles.some((r) => user.roles.includes(r));
}

const MUST_CHANGE_KEY = 'gk.mustChangePassword';

/** The login reply says the password is an initial one: the workbench asks for a new one before anything else. */
function markMustChangePassword(): void {
  try { sessionStorage.setItem(MUST_CHANGE_KEY, '1'); } catch { /* ignore */ }
}

export function clearMustChangePassword(): void {
  try { sessionStorage.removeItem(MUST_CHANGE_KEY); } catch { /* ignore */ }
}

export function mustChangePassword(user: SessionUser | null | undefined): boolean {
  if (user?.mustChangePassword) return true;
  try { return sessionStorage.getItem(MUST_CHANGE_KEY) === '1'; } catch { return false; }
}
