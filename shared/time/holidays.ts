import Holidays from 'date-holidays';
import type { HolidayRegion, Member, Plan } from '../plan/schema';
import { holidayStore, isStoredHolidayList } from './holiday-store';

/** A public holiday on a local date. */
export type Holiday = { date: string; name: string; source: 'region' | 'custom' };

// eslint-disable-next-line no-restricted-syntax -- a module-level cache still to be owned by its callers
const cache = new Map<string, Holiday[]>();

function regionKey(region: HolidayRegion): string {
  return region.subdivision ? `${region.country}-${region.subdivision}` : region.country;
}

/**
 * Public holidays of one region in one year, from date-holidays (type "public" only, substitute days included).
 * Why cached: fairness and the calendar ask for the same region-years thousands of times; with a holiday store
 * installed (see holiday-store.ts) a list computed in an earlier session is read back instead of computed again.
 */
export function publicHolidays(region: HolidayRegion, year: number): Holiday[] {
  const key = `${regionKey(region)}:${year}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const stored = holidayStore()?.read(key);
  if (isStoredHolidayList(stored)) {
    const list = stored.map((h) => ({ date: h.date, name: h.name, source: 'region' as const }));
    cache.set(key, list);
    return list;
  }
  const hd = region.subdivision
    ? new Holidays(region.country, region.subdivision)
    : new Holidays(region.country);
  const list = (hd.getHolidays(year, 'en') || [])
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name, source: 'region' as const }));
  const unique = list.filter((h, i) => list.findIndex((o) => o.date === h.date) === i);
  cache.set(key, unique);
  holidayStore()?.write(
    key,
    unique.map((h) => ({ date: h.date, name: h.name })),
  );
  return unique;
}

/** Public holidays of a region between two dates (both inclusive), sorted by date. */
export function holidaysBetween(region: HolidayRegion, from: string, to: string): Holiday[] {
  const out: Holiday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const h of publicHolidays(region, year)) if (h.date >= from && h.date <= to) out.push(h);
  }
  return out;
}

/**
 * The holidays a member has off: their own region's public holidays plus the plan's custom holidays that apply to
 * them ("everyone", or "plan-region" when they live in the plan's region). Dates are the member's local dates.
 */
export function memberHolidays(plan: Plan, member: Member, from: string, to: string): Holiday[] {
  const own = holidaysBetween(member.holidayRegion, from, to);
  const local = inPlanRegion(plan, member);
  const custom = plan.coverage.holidays.customHolidays
    .filter((h) => h.date >= from && h.date <= to && (h.appliesTo === 'everyone' || local))
    .filter((h) => !own.some((o) => o.date === h.date))
    .map((h) => ({ date: h.date, name: h.name, source: 'custom' as const }));
  return [...own, ...custom].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** True when a member lives in the plan's holiday region (same country; same subdivision when the plan names one). */
export function inPlanRegion(plan: Plan, member: Member): boolean {
  const planRegion = plan.coverage.holidays.planRegion;
  return (
    member.holidayRegion.country === planRegion.country &&
    (planRegion.subdivision === undefined || member.holidayRegion.subdivision === planRegion.subdivision)
  );
}

/**
 * The plan region's public holidays plus every custom holiday, between two dates (inclusive), sorted by date.
 * Why: the calendar and the investor-week view show the company's own days off, whoever is on call.
 */
export function planHolidays(plan: Plan, from: string, to: string): Holiday[] {
  const own = holidaysBetween(plan.coverage.holidays.planRegion, from, to);
  const custom = plan.coverage.holidays.customHolidays
    .filter((h) => h.date >= from && h.date <= to && !own.some((o) => o.date === h.date))
    .map((h) => ({ date: h.date, name: h.name, source: 'custom' as const }));
  return [...own, ...custom].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A holiday on the calendar: its date and name, and which members have the day off. */
export type CalendarHoliday = Holiday & { memberIds: string[]; planRegion: boolean };

/**
 * Every holiday that matters to the team between two dates (inclusive): the plan region's, each member's own
 * region's, and the custom ones, one entry per date and name, with the members who have it off.
 * Why one list: the calendar draws holidays as background events and says whose day off each one is.
 */
export function calendarHolidays(plan: Plan, from: string, to: string): CalendarHoliday[] {
  const byKey = new Map<string, CalendarHoliday>();
  const entry = (h: Holiday) => {
    const key = `${h.date}\u0000${h.name}`;
    let found = byKey.get(key);
    if (!found) {
      found = { ...h, memberIds: [], planRegion: false };
      byKey.set(key, found);
    }
    return found;
  };
  for (const h of planHolidays(plan, from, to)) entry(h).planRegion = true;
  for (const member of plan.members) {
    for (const h of memberHolidays(plan, member, from, to)) entry(h).memberIds.push(member.id);
  }
  return [...byKey.values()].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
}
