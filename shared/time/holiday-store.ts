/** One region-year's public holidays as kept between sessions: local dates and names. */
export type StoredHoliday = { date: string; name: string };

/**
 * Where computed holiday lists can be kept between sessions (the renderer's localStorage), keyed by region and
 * year ("US-CA:2027"); a `HolidayCalendar` made with one reads it before computing and writes to it after. The
 * store owns versioning: a list must come from the same date-holidays data.
 * Why: date-holidays takes a while to build a region's rules and a year's dates; a 25-person team spans several
 * regions, and the calendar asked for all of them before it could paint a month. Lists do not change for one
 * version of the data, so a second start reads them back.
 */
export type HolidayStore = {
  read: (key: string) => StoredHoliday[] | undefined;
  write: (key: string, holidays: StoredHoliday[]) => void;
};

/** True when a value read back from a store is a list of `{ date: 'YYYY-MM-DD', name }` (anything else is ignored). */
export function isStoredHolidayList(value: unknown): value is StoredHoliday[] {
  return (
    Array.isArray(value) &&
    value.every(
      (h: unknown) =>
        typeof h === 'object' &&
        h !== null &&
        typeof (h as StoredHoliday).date === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test((h as StoredHoliday).date) &&
        typeof (h as StoredHoliday).name === 'string',
    )
  );
}
