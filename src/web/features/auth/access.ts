import type { Role } from '../../api/types.js';

/**
 * Who may open which staff page (mirrors the server's role checks; the server still decides). 三员分立: the
 * administrator, the security administrator and the auditor have separate pages and no request handling.
 */
export const REQUEST_ROLES: readonly Role[] = ['registrar', 'handler', 'reviewer', 'secrecy_reviewer', 'auditor'];

export const PAGE_ROLES = {
  dashboard: null,
  requests: REQUEST_ROLES,
  register: ['registrar'],
  inbox: ['registrar', 'handler', 'reviewer', 'secrecy_reviewer'],
  annualReport: ['registrar', 'handler', 'reviewer', 'secrecy_reviewer', 'publisher', 'admin', 'auditor'],
  imports: ['registrar'],
  cases: ['registrar', 'handler', 'reviewer', 'secrecy_reviewer', 'admin', 'auditor'],
  publications: ['publisher', 'secrecy_reviewer', 'reviewer', 'auditor'],
  publicationsEdit: ['publisher'],
  users: ['security_admin'],
  departments: ['admin'],
  calendar: ['admin'],
  agency: ['admin'],
  deadlines: ['admin'],
  templates: ['admin'],
  audit: ['auditor'], // 三员分立: only the 审计员 reads the log of what the other two administrators did
} as const satisfies Record<string, readonly Role[] | null>;

export type StaffPage = keyof typeof PAGE_ROLES;

export { ROLES, ROLE_LABELS } from '../../../shared/roles.js';
