import { buildCalendar } from './build-calendar.js';
import { HOLIDAY_NOTICES } from './holiday-notices.js';
import type { Calendar } from './working-days.js';

export * from './working-days.js';
export * from './build-calendar.js';
export * from './holiday-notices.js';
export * from './statutory-holidays.js';
export * from './provisional.js';

/**
 * The calendar shipped with the app: every nationwide holiday notice 2008–2026 (legal-facts §5). Deadlines that run
 * into a later year are provisional until that year's notice is added (DESIGN.md "Calendar").
 */
export const SHIPPED_CALENDAR: Calendar = buildCalendar(HOLIDAY_NOTICES);
