import type { ReactNode } from 'react';
import {
  AuditOutlined, BankOutlined, CalendarOutlined, CloudUploadOutlined, DashboardOutlined, FieldTimeOutlined, FileAddOutlined,
  FileSearchOutlined, FileTextOutlined, InboxOutlined, NotificationOutlined, SettingOutlined, SolutionOutlined, TeamOutlined, UnorderedListOutlined,
} from '@ant-design/icons';
import type { Role, SessionUser } from '../../api/types.js';
import { PAGE_ROLES, type StaffPage } from './access.js';
import { hasAnyRole } from './use-session.js';

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  page: StaffPage;
}

export interface MenuGroup {
  key: string;
  label: string;
  icon: ReactNode;
  children: MenuEntry[];
}

/** The staff navigation; every page a user may open is reachable from here, and only those. */
export const STAFF_MENU: (MenuEntry | MenuGroup)[] = [
  { path: '/staff', label: '工作台', icon: <DashboardOutlined />, page: 'dashboard' },
  { path: '/staff/inbox', label: '我的待办', icon: <InboxOutlined />, page: 'inbox' },
  { path: '/staff/requests', label: '申请管理', icon: <UnorderedListOutlined />, page: 'requests' },
  { path: '/staff/requests/new', label: '登记申请', icon: <FileAddOutlined />, page: 'register' },
  { path: '/staff/publications', label: '主动公开', icon: <NotificationOutlined />, page: 'publications' },
  { path: '/staff/reports/annual', label: '年度报告', icon: <FileTextOutlined />, page: 'annualReport' },
  { path: '/staff/cases', label: '复议诉讼', icon: <SolutionOutlined />, page: 'cases' },
  { path: '/staff/imports', label: '台账导入', icon: <CloudUploadOutlined />, page: 'imports' },
  {
    key: 'admin',
    label: '系统管理',
    icon: <SettingOutlined />,
    children: [
      { path: '/staff/admin/users', label: '用户与角色', icon: <TeamOutlined />, page: 'users' },
      { path: '/staff/admin/departments', label: '承办单位', icon: <BankOutlined />, page: 'departments' },
      { path: '/staff/admin/calendar', label: '节假日日历', icon: <CalendarOutlined />, page: 'calendar' },
      { path: '/staff/admin/agency', label: '机关信息', icon: <FileSearchOutlined />, page: 'agency' },
      { path: '/staff/admin/deadlines', label: '期限设置', icon: <FieldTimeOutlined />, page: 'deadlines' },
      { path: '/staff/admin/templates', label: '文书模板', icon: <FileTextOutlined />, page: 'templates' },
    ],
  },
  { path: '/staff/audit', label: '审计日志', icon: <AuditOutlined />, page: 'audit' },
];

const allowed = (user: SessionUser, page: StaffPage) => hasAnyRole(user, PAGE_ROLES[page] as readonly Role[] | null);

/** The menu entries this user may open (groups without any allowed child disappear). */
export function menuFor(user: SessionUser): (MenuEntry | MenuGroup)[] {
  const out: (MenuEntry | MenuGroup)[] = [];
  for (const e of STAFF_MENU) {
    if ('children' in e) {
      const children = e.children.filter((c) => allowed(user, c.page));
      if (children.length) out.push({ ...e, children });
    } else if (allowed(user, e.page)) out.push(e);
  }
  return out;
}

/** The menu key to highlight for a path: the longest entry path that prefixes it. */
export function selectedMenuPath(pathname: string, entries: (MenuEntry | MenuGroup)[]): string | undefined {
  const flat = entries.flatMap((e) => ('children' in e ? e.children : [e]));
  let best: string | undefined;
  for (const e of flat) {
    const match = pathname === e.path || (e.path !== '/staff' && pathname.startsWith(`${e.path}/`));
    if (match && (!best || e.path.length > best.length)) best = e.path;
  }
  if (!best && pathname.startsWith('/staff/requests/')) best = '/staff/requests';
  if (!best && pathname.startsWith('/staff/publications/')) best = '/staff/publications';
  return best ?? (pathname === '/staff' ? '/staff' : undefined);
}
