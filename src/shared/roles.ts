/**
 * Roles (DESIGN.md "Who uses it"), shared by the server's checks and the web menus. 三员分立: admin, security_admin and
 * auditor are separate duties.
 */
export const ROLES = ['registrar', 'handler', 'reviewer', 'secrecy_reviewer', 'publisher', 'admin', 'security_admin', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
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
