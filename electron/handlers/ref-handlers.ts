import { listHolidayRegions } from '../../shared/time/holiday-regions';
import type { HandlerGroup } from './dispatch';

/** `ref:*`: reference data the renderer picks from (computed once, it never changes while running). */
export function refHandlers(): HandlerGroup {
  let regions: ReturnType<typeof listHolidayRegions> | null = null;
  return {
    'ref:holidayRegions': async () => (regions ??= listHolidayRegions()),
  };
}
