import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { Button, Result } from 'antd';

/** Shown when a page throws while rendering, or when a lazy chunk cannot be loaded (e.g. after an upgrade). */
export function RouteError() {
  const error = useRouteError();
  const chunk = error instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
  const subTitle = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : chunk
      ? '页面文件加载失败，系统可能刚刚升级。请刷新页面。'
      : '页面出现错误，请刷新后重试；如持续出现请联系管理员。';
  return (
    <Result
      status="error"
      title="页面无法显示"
      subTitle={subTitle}
      extra={<Button type="primary" onClick={() => window.location.reload()}>刷新页面</Button>}
    />
  );
}
