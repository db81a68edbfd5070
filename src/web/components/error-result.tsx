import { Alert, Button } from 'antd';
import { ApiError, errorMessage } from '../api/client.js';

/** A failed load, in Chinese, with a retry button. */
export function ErrorResult({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const status = error instanceof ApiError ? error.status : 0;
  const heading = title ?? (status === 404 ? '没有找到' : status === 403 ? '无权访问' : '加载失败');
  return (
    <Alert
      type={status === 404 ? 'warning' : 'error'}
      showIcon
      title={heading}
      description={errorMessage(error)}
      action={onRetry && status !== 404 && status !== 403 ? <Button size="small" onClick={onRetry}>重试</Button> : undefined}
      style={{ margin: '16px 0' }}
    />
  );
}
