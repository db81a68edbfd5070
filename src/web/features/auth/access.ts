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
  imports: ['registrar', 'admin'],
  cases: ['registrar', 'handler', 'reviewer', 'secrecy_reviewer', 'admin', 'auditor'],
  publications: ['publisher', 'secrecy_reviewer', 'reviewer', 'auditor'],
  publicationsEdit: ['publisher'],
  users: ['security_admin'],
  departments: ['admin'],
  calendar: ['admin'],
  agency: ['admin'],
  templates: ['admin'],
  audit: ['auditor', 'security_admin'],
} as const satisfies Record<string, readonly Role[] | null>;

export type StaffPage = keyof typeof PAGE_ROLES;

export const ROLE_LABELS: Record<Role, string> = {
  registrar: '登记员',
  handler: '承办人',
  reviewer: '审核人',
  secrecy_reviewer: '保密审查员',
  publisher: '发布员',
  admin: '系统管理员',
  security_admin: '安全管理员',
  auditor: '审计员',
};

export const ROLES = Object.keys(ROLE_LABELS) as Role[];
