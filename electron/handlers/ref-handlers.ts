import { listHolidayRegions } from '../../shared/time/holiday-regions';
import { zoneOffsetTable } from '../../shared/time/zone-offsets';
import type { HandlerGroup } from './dispatch';
import { tzDataVersions } from './tz-versions';

const DAY_MS = 86_400_000;

/** `ref:*`: reference data the renderer picks from or checks itself against (this process's libraries and data). */
export function refHandlers(): HandlerGroup {
  let regions: ReturnType<typeof listHolidayRegions> | null = null;
  return {
    'ref:holidayRegions': async () => (regions ??= listHolidayRegions()),
    // [from 00:00 UTC, the day after `to` 00:00 UTC): whole UTC days, as the window asks for them.
    'ref:zoneOffsets': async ({ zones, from, to }) => {
      const fromMs = Date.parse(`${from}T00:00:00Z`);
      const toMs = Date.parse(`${to}T00:00:00Z`) + DAY_MS;
      return { ...tzDataVersions(), tables: zones.map((zone) => zoneOffsetTable(zone, fromMs, toMs)) };
    },
  };
}
