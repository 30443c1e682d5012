import holidaysPackage from 'date-holidays/package.json';
import { localHolidayStore } from '../../../renderer/src/store/local-holiday-store';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';
import type { StoredHoliday } from '../../../shared/time/holiday-store';

/** Storage with the Web Storage API over a Map: localStorage's boundary, as the renderer sees it. */
class MapStorage implements Storage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('holiday lists kept between sessions', () => {
  it('writes a computed region-year under the date-holidays version, and a later session reads it back', () => {
    const storage = new MapStorage();
    const computed = new HolidayCalendar(localHolidayStore(storage)).publicHolidays({ country: 'NZ' }, 2031);
    const [key] = [...storage.items.keys()];
    expect(key).toMatch(/^rotaplan\.holidays\.\d+\.\d+\.\d+\.NZ:2031$/);
    const stored = JSON.parse(storage.getItem(key!)!) as StoredHoliday[];
    expect(stored).toEqual(computed.map((h) => ({ date: h.date, name: h.name })));
    expect(stored.find((h) => h.date === '2031-02-06')?.name).toBe('Waitangi Day');
    expect(new HolidayCalendar(localHolidayStore(storage)).publicHolidays({ country: 'NZ' }, 2031)).toEqual(
      computed,
    );
  });

  it('takes a stored list instead of computing one, and ignores a stored value that is not a list of holidays', () => {
    const storage = new MapStorage();
    // A later session: a new calendar over the same storage.
    const calendar = new HolidayCalendar(localHolidayStore(storage));
    const prefix = `rotaplan.holidays.${holidaysPackage.version}.`;
    storage.setItem(`${prefix}FJ:2032`, JSON.stringify([{ date: '2032-01-02', name: 'Stored day' }]));
    expect(calendar.publicHolidays({ country: 'FJ' }, 2032)).toEqual([
      { date: '2032-01-02', name: 'Stored day', source: 'region' },
    ]);
    storage.setItem(`${prefix}FJ:2033`, '{"not":"a list"}');
    const computed = calendar.publicHolidays({ country: 'FJ' }, 2033);
    expect(computed.length).toBeGreaterThan(5);
    expect(computed.every((h) => h.date.startsWith('2033-'))).toBe(true);
  });
});
