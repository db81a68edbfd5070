import { useReducer, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router-dom';
import { App, Avatar, Button, Dropdown, Layout, Menu, Space, Typography } from 'antd';
import { GlobalOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { menuFor, selectedMenuPath } from '../../features/auth/staff-menu.js';
import { mustChangePassword, useLogout, useMe } from '../../features/auth/use-session.js';
import { ChangePasswordModal } from '../../features/auth/change-password-modal.js';
import { ROLE_LABELS } from '../../features/auth/access.js';
import { useGuide } from '../../features/public/use-public.js';
import { errorMessage } from '../../api/client.js';

/** The workbench frame: side menu by role, header with the user, 修改密码 and 退出登录. */
export function StaffLayout() {
  const me = useMe();
  const user = me.data?.user;
  const agency = useGuide().data?.agency;
  const location = useLocation();
  const navigate = useNavigate();
  const logout = useLogout();
  const { message } = App.useApp();
  const [collapsed, setCollapsed] = useState(false);
  const [pwOpen, setPwOpen] = useState(false);
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  if (!user) return null; // logging out: the route guard takes over
  const forced = mustChangePassword(user);
  const entries = menuFor(user);
  const selected = selectedMenuPath(location.pathname, entries);
  const openGroup = entries.find((e) => 'children' in e && e.children.some((c) => c.path === selected));

  const items = entries.map((e) =>
    'children' in e
      ? { key: e.key, label: e.label, icon: e.icon, children: e.children.map((c) => ({ key: c.path, icon: c.icon, label: <Link to={c.path}>{c.label}</Link> })) }
      : { key: e.path, icon: e.icon, label: <Link to={e.path}>{e.label}</Link> },
  );

  const onLogout = async () => {
    try {
      await logout.mutateAsync();
      navigate('/login', { replace: true });
    } catch (err) {
      message.error(errorMessage(err));
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={208} breakpoint="lg" collapsible collapsed={collapsed} onCollapse={setCollapsed} theme="dark">
        <Link to="/staff" className="gk-staff-logo" title={agency?.name}>
          <span className="gk-portal-emblem" aria-hidden>公</span>
          {!collapsed && <span>信息公开工作平台</span>}
        </Link>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          defaultOpenKeys={openGroup && 'key' in openGroup ? [openGroup.key] : []}
          items={items}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="gk-staff-header">
          <Typography.Text strong ellipsis style={{ fontSize: 16, minWidth: 0 }}>{agency?.name ?? '政府信息公开工作平台'}</Typography.Text>
          <Space size="middle">
            <Link to="/" target="_blank"><Button type="text" icon={<GlobalOutlined />}>公众门户</Button></Link>
            <Dropdown
              menu={{
                items: [
                  { key: 'roles', disabled: true, label: user.roles.map((r) => ROLE_LABELS[r] ?? r).join('、') },
                  { type: 'divider' },
                  { key: 'pw', icon: <KeyOutlined />, label: '修改密码', onClick: () => setPwOpen(true) },
                  { key: 'out', icon: <LogoutOutlined />, label: '退出登录', onClick: () => void onLogout() },
                ],
              }}
            >
              <Button type="text" aria-label="当前用户菜单">
                <Space>
                  <Avatar size="small" icon={<UserOutlined />} style={{ background: '#b8252a' }} />
                  <span data-testid="current-user">{user.displayName}</span>
                </Space>
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content className="gk-staff-content">
          {/* Until an initial or reset password is replaced, the server answers nothing else (plugins/auth.ts). */}
          {forced ? null : <Outlet />}
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={pwOpen || forced} forced={forced && !pwOpen} onClose={() => { setPwOpen(false); rerender(); }} />
    </Layout>
  );
}
