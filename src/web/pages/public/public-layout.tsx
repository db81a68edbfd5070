import { useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { Button, Drawer, Grid, Layout, Menu, Typography } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { useGuide } from '../../features/public/use-public.js';

const NAV = [
  { key: '/apply', label: '申请公开' },
  { key: '/track', label: '进度查询' },
  { key: '/guide', label: '公开指南' },
  { key: '/publications', label: '主动公开' },
  { key: '/reports', label: '年度报告' },
];

function activeKey(pathname: string): string {
  return NAV.find((n) => pathname === n.key || pathname.startsWith(`${n.key}/`))?.key ?? '';
}

/** The public portal frame: agency name, navigation (a drawer on phones), contact footer. */
export function PublicLayout() {
  const guide = useGuide();
  const agency = guide.data?.agency;
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const isWide = screens.md ?? true;
  const [open, setOpen] = useState(false);
  const items = NAV.map((n) => ({ key: n.key, label: <Link to={n.key} onClick={() => setOpen(false)}>{n.label}</Link> }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <header className="gk-portal-header">
        <div className="gk-portal-header-inner">
          <Link to="/" className="gk-portal-brand" aria-label="返回首页">
            <span className="gk-portal-emblem" aria-hidden>公</span>
            <span>
              <span className="gk-portal-agency">{agency?.name ?? '政府信息公开'}</span>
              <span className="gk-portal-sub">政府信息公开</span>
            </span>
          </Link>
          {!isWide && <Button type="text" icon={<MenuOutlined />} aria-label="打开导航" onClick={() => setOpen(true)} className="gk-portal-burger" />}
        </div>
        {isWide && (
          <nav className="gk-portal-nav">
            <Menu mode="horizontal" theme="dark" selectedKeys={[activeKey(location.pathname)]} items={[{ key: '/', label: <Link to="/">首页</Link> }, ...items]} style={{ background: 'transparent', borderBottom: 0, maxWidth: 1120, margin: '0 auto' }} />
          </nav>
        )}
      </header>
      <Drawer title="导航" placement="right" open={open} onClose={() => setOpen(false)} size={260}>
        <Menu mode="inline" selectedKeys={[activeKey(location.pathname)]} items={[{ key: '/', label: <Link to="/" onClick={() => setOpen(false)}>首页</Link> }, ...items]} style={{ borderInlineEnd: 0 }} />
      </Drawer>
      <Layout.Content className="gk-portal-content">
        <Outlet />
      </Layout.Content>
      <Layout.Footer className="gk-portal-footer">
        <Typography.Text type="secondary">
          {agency ? (
            <>
              {agency.officeName}｜地址：{agency.address}（邮编 {agency.postcode}）｜电话：{agency.phone}｜{agency.officeHours}
            </>
          ) : (
            '政府信息公开'
          )}
        </Typography.Text>
        <div style={{ marginTop: 4 }}>
          <Link to="/login" style={{ color: 'inherit', fontSize: 12 }}>工作人员登录</Link>
        </div>
      </Layout.Footer>
    </Layout>
  );
}
