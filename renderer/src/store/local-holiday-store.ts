import holidaysPackage from 'date-holidays/package.json';
import {
  isStoredHolidayList,
  type HolidayStore,
  type StoredHoliday,
} from '../../../shared/time/holiday-store';

/** Keys carry the date-holidays version: lists from other data are never read. */
const PREFIX = `rotaplan.holidays.${holidaysPackage.version}.`;

/**
 * A holiday store over localStorage (the user-data folder in Electron): the page's `HolidayCalendar` keeps the
 * lists it computes there, so a later start reads them back instead of computing them with date-holidays (see
 * shared/time/holiday-store.ts). A full or refused storage only means they are computed again.
 */
export function localHolidayStore(storage: Storage = localStorage): HolidayStore {
  return {
    read(key) {
      try {
        const text = storage.getItem(PREFIX + key);
        return text === null ? undefined : (JSON.parse(text) as ReturnType<HolidayStore['read']>);
      } catch {
        return undefined;
      }
    },
    write(key, holidays) {
      try {
        storage.setItem(PREFIX + key, JSON.stringify(holidays));
      } catch {
        // Full or refused: computed again next time.
      }
    },
  };
}

/**
 * Every holiday list kept in `storage`, by region-year ("US-CA:2027"); unreadable entries are left out.
 * Why: the analysis worker has no localStorage; it is handed these at start (see `warmAnalysisWorker`).
 */
export function storedHolidayLists(storage: Storage = localStorage): Record<string, StoredHoliday[]> {
  const out: Record<string, StoredHoliday[]> = {};
  try {
    for (let i = 0; i < storage.length; i++) {
      const name = storage.key(i);
      if (!name?.startsWith(PREFIX)) continue;
      const list: unknown = JSON.parse(storage.getItem(name) ?? 'null');
      if (isStoredHolidayList(list)) out[name.slice(PREFIX.length)] = list;
    }
  } catch {
    // Refused storage or a broken entry: the worker computes what it needs.
  }
  return out;
}
