import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import { PublicLayout } from './pages/public/public-layout.js';
import { HomePage } from './pages/public/home-page.js';
import { ApplyPage } from './pages/public/apply-page.js';
import { ApplyDonePage } from './pages/public/apply-done-page.js';
import { TrackPage } from './pages/public/track-page.js';
import { GuidePage } from './pages/public/guide-page.js';
import { NotFoundPage } from './pages/not-found-page.js';
import { RequireRole, RequireStaff } from './features/auth/require-staff.js';
import { PAGE_ROLES, type StaffPage } from './features/auth/access.js';
import { PageLoading } from './components/page-loading.js';
import { RouteError } from './components/route-error.js';

/** React.lazy for a named export; the staff and admin pages (and antd's heavier parts, ECharts) load on demand. */
function lazyNamed<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const withSuspense = (node: ReactNode) => <Suspense fallback={<PageLoading />}>{node}</Suspense>;

const PublicationsPage = lazyNamed(() => import('./pages/public/publications-page.js'), 'PublicationsPage');
const PublicationPage = lazyNamed(() => import('./pages/public/publication-page.js'), 'PublicationPage');
const PublicReportsPage = lazyNamed(() => import('./pages/public/reports-page.js'), 'PublicReportsPage');
const LoginPage = lazyNamed(() => import('./pages/staff/login-page.js'), 'LoginPage');
const StaffLayout = lazyNamed(() => import('./pages/staff/staff-layout.js'), 'StaffLayout');
const DashboardPage = lazyNamed(() => import('./pages/staff/dashboard-page.js'), 'DashboardPage');
const RequestListPage = lazyNamed(() => import('./pages/staff/request-list-page.js'), 'RequestListPage');
const RegisterPage = lazyNamed(() => import('./pages/staff/register-page.js'), 'RegisterPage');
const RequestDetailPage = lazyNamed(() => import('./pages/staff/request-detail-page.js'), 'RequestDetailPage');
const InboxPage = lazyNamed(() => import('./pages/staff/inbox-page.js'), 'InboxPage');
const AnnualReportPage = lazyNamed(() => import('./pages/staff/annual-report-page.js'), 'AnnualReportPage');
const CasesPage = lazyNamed(() => import('./pages/staff/cases-page.js'), 'CasesPage');
const ImportPage = lazyNamed(() => import('./pages/staff/import-page.js'), 'ImportPage');
const StaffPublicationsPage = lazyNamed(() => import('./pages/staff/publications-page.js'), 'StaffPublicationsPage');
const PublicationEditPage = lazyNamed(() => import('./pages/staff/publication-edit-page.js'), 'PublicationEditPage');
const PublicationDetailPage = lazyNamed(() => import('./pages/staff/publication-detail-page.js'), 'PublicationDetailPage');
const UsersPage = lazyNamed(() => import('./pages/admin/users-page.js'), 'UsersPage');
const DepartmentsPage = lazyNamed(() => import('./pages/admin/departments-page.js'), 'DepartmentsPage');
const CalendarPage = lazyNamed(() => import('./pages/admin/calendar-page.js'), 'CalendarPage');
const AgencyPage = lazyNamed(() => import('./pages/admin/agency-page.js'), 'AgencyPage');
const DeadlineSettingsPage = lazyNamed(() => import('./pages/admin/deadline-settings-page.js'), 'DeadlineSettingsPage');
const TemplatesPage = lazyNamed(() => import('./pages/admin/templates-page.js'), 'TemplatesPage');
const AuditPage = lazyNamed(() => import('./pages/admin/audit-page.js'), 'AuditPage');

function staff(path: string | undefined, page: StaffPage, Component: ComponentType): RouteObject {
  const element = withSuspense(<RequireRole roles={PAGE_ROLES[page]}><Component /></RequireRole>);
  return path === undefined ? { index: true, element } : { path, element };
}

export const ROUTES: RouteObject[] = [
  {
    path: '/',
    element: <PublicLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'apply', element: <ApplyPage /> },
      { path: 'apply/done', element: <ApplyDonePage /> },
      { path: 'track', element: <TrackPage /> },
      { path: 'guide', element: <GuidePage /> },
      { path: 'publications', element: withSuspense(<PublicationsPage />) },
      { path: 'publications/*', element: withSuspense(<PublicationPage />) },
      { path: 'reports', element: withSuspense(<PublicReportsPage />) },
    ],
  },
  { path: '/login', element: withSuspense(<LoginPage />), errorElement: <RouteError /> },
  {
    path: '/staff',
    element: <RequireStaff />,
    errorElement: <RouteError />,
    children: [
      {
        element: withSuspense(<StaffLayout />),
        children: [
          staff(undefined, 'dashboard', DashboardPage),
          staff('requests', 'requests', RequestListPage),
          staff('requests/new', 'register', RegisterPage),
          staff('requests/:id', 'requests', RequestDetailPage),
          staff('inbox', 'inbox', InboxPage),
          staff('reports/annual', 'annualReport', AnnualReportPage),
          staff('imports', 'imports', ImportPage),
          staff('cases', 'cases', CasesPage),
          staff('publications', 'publications', StaffPublicationsPage),
          staff('publications/new', 'publicationsEdit', PublicationEditPage),
          staff('publications/:id', 'publications', PublicationDetailPage),
          staff('publications/:id/edit', 'publicationsEdit', PublicationEditPage),
          staff('admin/users', 'users', UsersPage),
          staff('admin/departments', 'departments', DepartmentsPage),
          staff('admin/calendar', 'calendar', CalendarPage),
          staff('admin/agency', 'agency', AgencyPage),
          staff('admin/deadlines', 'deadlines', DeadlineSettingsPage),
          staff('admin/templates', 'templates', TemplatesPage),
          staff('audit', 'audit', AuditPage),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
  { path: '*', element: <PublicLayout />, children: [{ path: '*', element: <NotFoundPage /> }] },
];

export const router = createBrowserRouter(ROUTES);
