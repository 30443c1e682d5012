import Holidays from 'date-holidays';
import type { HolidayRegion } from '../plan/schema';
import { isStoredHolidayList, type HolidayStore } from './holiday-store';
import type { Holiday, HolidayLookup } from './holidays';
import { ZoneClock } from './zone-clock';

function regionKey(region: HolidayRegion): string {
  return region.subdivision ? `${region.country}-${region.subdivision}` : region.country;
}

/**
 * The public holidays date-holidays gives, remembered for as long as the caller keeps this object: region-years,
 * the engines of major-holiday rules, and a country's subdivisions. With a `store`, a region-year computed in an
 * earlier session is read back instead of computed, and every list computed here is written to it.
 * Why an object the caller owns: date-holidays takes a while to build a region's rules and a year's dates, and
 * fairness and the calendar ask for the same region-years thousands of times; the app's store, the analysis
 * worker and a CLI command each hold one, so nothing is shared behind their backs and a test starts clean.
 * Importing this module loads date-holidays: code on the renderer's first paint takes a `HolidayLookup` instead.
 * The calendar also carries its owner's `ZoneClock` (`clock`), so the engine, the edits, `FairnessTables` and the
 * plan context it travels through convert local times with a memory that lasts as long as the calendar.
 */
export class HolidayCalendar implements HolidayLookup {
  private readonly lists = new Map<string, Holiday[]>();
  private readonly ruleEngines = new Map<string, Holidays | null>();
  private readonly states = new Map<string, Record<string, string>>();

  /**
   * `store`: where region-years are kept between sessions. `clock`: the zone clock that travels with this
   * calendar (see `ZoneClock`), a fresh one by default.
   */
  constructor(
    private readonly store: HolidayStore | null = null,
    readonly clock: ZoneClock = new ZoneClock(),
  ) {}

  /**
   * Public holidays of one region in one year, from date-holidays (type "public" only, substitute days included,
   * one per date), or from the store when it kept them.
   */
  publicHolidays(region: HolidayRegion, year: number): Holiday[] {
    const key = `${regionKey(region)}:${year}`;
    const hit = this.lists.get(key);
    if (hit) return hit;
    const stored = this.store?.read(key);
    if (isStoredHolidayList(stored)) {
      const list = stored.map((h) => ({ date: h.date, name: h.name, source: 'region' as const }));
      this.lists.set(key, list);
      return list;
    }
    const hd = region.subdivision
      ? new Holidays(region.country, region.subdivision)
      : new Holidays(region.country);
    const list = (hd.getHolidays(year, 'en') || [])
      .filter((h) => h.type === 'public')
      .map((h) => ({ date: h.date.slice(0, 10), name: h.name, source: 'region' as const }));
    const unique = list.filter((h, i) => list.findIndex((o) => o.date === h.date) === i);
    this.lists.set(key, unique);
    this.store?.write(
      key,
      unique.map((h) => ({ date: h.date, name: h.name })),
    );
    return unique;
  }

  /** A country's subdivisions (code → English name); empty when it has none. */
  subdivisions(country: string): Record<string, string> {
    let known = this.states.get(country);
    if (!known) {
      known = new Holidays().getStates(country, 'en') ?? {};
      this.states.set(country, known);
    }
    return known;
  }

  /**
   * The date (YYYY-MM-DD) a date-holidays rule phrase ("4th thursday in November") gives in a year, or null when
   * it gives none or cannot be read. Why the engine is remembered, unreadable rules too: date-holidays logs every
   * rule it cannot parse, and the policy form asks on every keystroke.
   */
  ruleDate(rule: string, year: number): string | null {
    let engine = this.ruleEngines.get(rule);
    if (engine === undefined) {
      const made = new Holidays();
      engine = made.setHoliday(rule, { name: rule, type: 'public' }) ? made : null;
      this.ruleEngines.set(rule, engine);
    }
    return engine?.getHolidays(year)?.[0]?.date.slice(0, 10) ?? null;
  }
}
