import { useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useGuide } from '../../features/public/use-public.js';
import { useLogin, useMe } from '../../features/auth/use-session.js';
import { applyServerErrors } from '../../components/form-errors.js';
import { errorMessage } from '../../api/client.js';

/** Only same-site paths under /staff are followed after login (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/staff') && !next.startsWith('//') ? next : '/staff';
}

export function LoginPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const agency = useGuide().data?.agency;
  const [form] = Form.useForm<{ username: string; password: string }>();
  const [error, setError] = useState<string | null>(null);

  if (me.data?.user) return <Navigate to={next} replace />;

  const onFinish = async (v: { username: string; password: string }) => {
    setError(null);
    try {
      await login.mutateAsync({ username: v.username.trim(), password: v.password });
      navigate(next, { replace: true });
    } catch (err) {
      applyServerErrors(form, err);
      setError(errorMessage(err));
    }
  };

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: 'linear-gradient(160deg,#9c1d22 0%,#b8252a 35%,#f3f4f6 35%)', padding: 16 }}>
      <Card style={{ width: 400, maxWidth: '100%', boxShadow: '0 8px 30px rgba(0,0,0,.12)' }}>
        <div style={{ textAlign: 'center', marginBottom: 20 }}>
          <Typography.Title level={4} style={{ marginBottom: 4 }}>{agency?.name ?? '政府信息公开'}</Typography.Title>
          <Typography.Text type="secondary">政府信息公开工作平台 · 工作人员登录</Typography.Text>
        </div>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} aria-label="登录">
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>登录</Button>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to="/">返回公众首页</Link>
        </div>
      </Card>
    </div>
  );
}
