import { dayjs } from '../locale.js';

/** `2024-03-05` → `2024年3月5日`; null/empty → null. */
export function formatDate(d: string | null | undefined): string | null {
  if (!d) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : d;
}

/** A timestamp in local time, `2024-03-05 14:03`. */
export function formatDateTime(ts: string | null | undefined): string {
  if (!ts) return '';
  const t = dayjs(ts);
  return t.isValid() ? t.format('YYYY-MM-DD HH:mm') : ts;
}

/** Today as YYYY-MM-DD in the browser's local time (legal dates are chosen by staff, the server checks them). */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}
