import { Spin } from 'antd';

/** Full-area spinner while a page or its data loads. */
export function PageLoading({ tip = '正在加载…' }: { tip?: string }) {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', alignItems: 'center', minHeight: 240 }} role="status" aria-live="polite">
      <Spin size="large" description={tip} />
    </div>
  );
}
