import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { RequestFiltersBar } from '../../features/requests/request-filters.js';
import { RequestTable } from '../../features/requests/request-table.js';
import { useRequestList } from '../../features/requests/use-requests.js';
import { filtersToParams, parseFilters } from '../../features/requests/filter-params.js';
import { ErrorResult } from '../../components/error-result.js';
import { hasAnyRole, useMe } from '../../features/auth/use-session.js';
import type { RequestFilters } from '../../api/types.js';

/** 申请管理: every request the user may see, with filters in the URL and server pagination. */
export function RequestListPage() {
  const [params, setParams] = useSearchParams();
  const filters = parseFilters(params);
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 20;
  const sort = filters.sort ?? (filters.overdue || filters.dueWithinDays !== undefined ? 'due' : 'received');
  const list = useRequestList({ ...filters, sort, page, pageSize });
  const user = useMe().data?.user;
  const isHandlerOnly = hasAnyRole(user, ['handler']) && !hasAnyRole(user, ['registrar', 'reviewer', 'secrecy_reviewer', 'auditor']);
  const apply = (f: RequestFilters) => setParams(filtersToParams(f));

  return (
    <>
      <div className="gk-page-title">
        <Typography.Title level={3}>申请管理</Typography.Title>
        {hasAnyRole(user, ['registrar']) && <Link to="/staff/requests/new"><Button type="primary" icon={<PlusOutlined />}>登记申请</Button></Link>}
      </div>
      <Card>
        <RequestFiltersBar value={{ ...filters, sort }} onChange={apply} hideDepartment={isHandlerOnly} />
        {list.isError && <ErrorResult error={list.error} onRetry={() => void list.refetch()} />}
        <RequestTable data={list.data} loading={list.isFetching} page={page} pageSize={pageSize} onPageChange={(p, s) => apply({ ...filters, page: s !== pageSize ? 1 : p, pageSize: s })} />
      </Card>
    </>
  );
}
