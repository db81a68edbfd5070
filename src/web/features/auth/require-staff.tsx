import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Button, Result } from 'antd';
import { PageLoading } from '../../components/page-loading.js';
import { ErrorResult } from '../../components/error-result.js';
import type { Role } from '../../api/types.js';
import { hasAnyRole, useMe } from './use-session.js';

/** Route guard: staff pages need a session; otherwise go to the login page and come back afterwards. */
export function RequireStaff() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoading />;
  if (me.isError) return <ErrorResult error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data.user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

/** Shows its children only to users with one of `roles` (null = any staff user). */
export function RequireRole({ roles, children }: { roles: readonly Role[] | null; children: ReactNode }) {
  const me = useMe();
  if (!hasAnyRole(me.data?.user, roles)) {
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle="当前账号没有访问此页面的权限。如需开通，请联系安全管理员。"
        extra={<Button type="primary" href="/staff">返回工作台</Button>}
      />
    );
  }
  return <>{children}</>;
}
