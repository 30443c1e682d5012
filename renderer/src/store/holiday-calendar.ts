import type { HolidayCalendar } from '../../../shared/time/holiday-calendar';
import { localHolidayStore } from './local-holiday-store';

/**
 * A holiday calendar for this window over localStorage, with date-holidays loaded on demand.
 * Why imported here and not at the top: date-holidays is the largest library the renderer uses; the first paint
 * does not need it, so it loads beside the plan (see `loadPlan`) and its chunk stays out of the initial JavaScript.
 */
export async function loadHolidayCalendar(): Promise<HolidayCalendar> {
  const { HolidayCalendar } = await import('../../../shared/time/holiday-calendar');
  // Without localStorage (a test under plain Node) the lists are only kept in memory.
  return new HolidayCalendar(typeof localStorage === 'undefined' ? null : localHolidayStore());
}
