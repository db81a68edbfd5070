import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { Alert, Button } from 'antd';
import { CalendarOutlined } from '@ant-design/icons';
import { apiGet } from '../../api/client.js';
import { hasAnyRole, useMe } from '../auth/use-session.js';
import { PAGE_ROLES } from '../auth/access.js';

/** One day presumed by 《全国年节及纪念日放假办法》 for a year without a loaded notice (services/calendar.ts). */
export interface PresumedHoliday { date: string; festival: string; kind: 'statutory' | 'makeup' }

/** GET /api/calendar/status. */
export interface CalendarStatus {
  today: string;
  loadedThrough: number | null;
  warning: { year: number; title: string; message: string } | null;
  presumed: { year: number; law: string; days: PresumedHoliday[] }[];
}

export function useCalendarStatus(enabled = true) {
  return useQuery({ queryKey: ['calendar', 'status'], queryFn: () => apiGet<CalendarStatus>('/api/calendar/status'), enabled, staleTime: 10 * 60_000 });
}

/**
 * 工作台 warning for every staff member (issue 11 item 4): from 1 October, when next year's holiday notice is not
 * loaded, deadlines into that year are 暂定 and expiry events relying on them are refused. Says who loads it and where;
 * the system administrator also gets a button to the calendar page. Renders nothing when nothing is missing.
 */
export function CalendarWarningBanner() {
  const user = useMe().data?.user;
  const status = useCalendarStatus(Boolean(user));
  const w = status.data?.warning;
  if (!w) return null;
  const canLoad = hasAnyRole(user, PAGE_ROLES.calendar);
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={w.title}
      description={w.message}
      action={canLoad ? <Link to="/staff/admin/calendar"><Button size="small" type="primary" icon={<CalendarOutlined />}>前往节假日日历</Button></Link> : undefined}
    />
  );
}
