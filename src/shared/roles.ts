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

/**
 * 三员分立 (GB/T 22239-2019 第三级, 安全管理中心: 系统管理员、安全管理员、审计管理员): the three administrator roles. Each is held alone: never two of them on one account, never together with a business role.
 */
export const ADMIN_ROLES = ['admin', 'security_admin', 'auditor'] as const satisfies readonly Role[];
export type AdminRole = (typeof ADMIN_ROLES)[number];
export const isAdminRole = (r: string): r is AdminRole => (ADMIN_ROLES as readonly string[]).includes(r);

/** Administrator roles the security administrator may not grant (a puppet 系统管理员 or 审计员 would defeat the split). */
export const COMMAND_LINE_ONLY_ROLES: readonly AdminRole[] = ['admin', 'auditor'];

/**
 * Why this set of roles cannot be held by one account (Chinese, for the form and the API), or null when it can.
 * Empty sets are allowed here (an account may be left without roles); the form asks for at least one.
 */
export function roleCombinationProblem(roles: readonly string[]): string | null {
  const admins = roles.filter(isAdminRole);
  if (admins.length > 1) return `三员分立：${admins.map((r) => ROLE_LABELS[r]).join('、')}不能由同一账号兼任`;
  if (admins.length === 1 && roles.length > 1) return `三员分立：${ROLE_LABELS[admins[0]]}不能兼任业务角色（${roles.filter((r) => !isAdminRole(r)).map((r) => ROLE_LABELS[r as Role] ?? r).join('、')}）`;
  return null;
}
