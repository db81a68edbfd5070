import { DomainError } from '../core/errors.js';
import type { Actor, Role } from './context.js';

/** Throws UNAUTHORIZED when nobody is logged in, FORBIDDEN when the actor has none of the roles. */
export function requireRole(actor: Actor | null, ...roles: Role[]): Actor {
  if (!actor) throw new DomainError('UNAUTHORIZED', '请先登录');
  if (!roles.some((r) => actor.roles.includes(r))) {
    throw new DomainError('FORBIDDEN', `当前账号没有执行此操作的权限（需要角色：${roles.join(' / ')}）`);
  }
  return actor;
}

export function hasRole(actor: Actor | null, ...roles: Role[]): boolean {
  return !!actor && roles.some((r) => actor.roles.includes(r));
}

/**
 * Department scoping: a handler who is not also registrar/reviewer/secrecy reviewer sees only the requests assigned
 * to their department (主办 or 协办). Returns the department to scope by, or null for office-wide roles.
 */
export function scopeDepartment(actor: Actor): number | null | 'none' {
  if (hasRole(actor, 'registrar', 'reviewer', 'secrecy_reviewer', 'auditor')) return null;
  if (hasRole(actor, 'handler')) return actor.departmentId ?? 'none';
  return 'none';
}
