import type { HolidayRegion, Member, Plan } from '../plan/schema';
import type { ZoneClock } from './zone-clock';

/** A public holiday on a local date. */
export type Holiday = { date: string; name: string; source: 'region' | 'custom' };

/**
 * Where the functions below get a region's public holidays for a year (one per date, sorted), e.g. a
 * `HolidayCalendar` (holiday-calendar.ts, backed by date-holidays).
 * Why passed in: the lookup is the caller's, with its memory of what it computed, and code that only needs to be
 * handed one (the rotation engine on the renderer's first paint) does not load date-holidays. A lookup the caller
 * keeps may carry its `clock` (a `HolidayCalendar` does): code handed the lookup converts local times with it.
 */
export type HolidayLookup = {
  publicHolidays: (region: HolidayRegion, year: number) => Holiday[];
  readonly clock?: ZoneClock;
};

/** Public holidays of a region between two dates (both inclusive), sorted by date. */
export function holidaysBetween(
  holidays: HolidayLookup,
  region: HolidayRegion,
  from: string,
  to: string,
): Holiday[] {
  const out: Holiday[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const h of holidays.publicHolidays(region, year)) if (h.date >= from && h.date <= to) out.push(h);
  }
  return out;
}

/**
 * The holidays a member has off: their own region's public holidays plus the plan's custom holidays that apply to
 * them ("everyone", or "plan-region" when they live in the plan's region). Dates are the member's local dates.
 */
export function memberHolidays(
  holidays: HolidayLookup,
  plan: Plan,
  member: Member,
  from: string,
  to: string,
): Holiday[] {
  const own = holidaysBetween(holidays, member.holidayRegion, from, to);
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
export function planHolidays(holidays: HolidayLookup, plan: Plan, from: string, to: string): Holiday[] {
  const own = holidaysBetween(holidays, plan.coverage.holidays.planRegion, from, to);
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
export function calendarHolidays(
  holidays: HolidayLookup,
  plan: Plan,
  from: string,
  to: string,
): CalendarHoliday[] {
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
  for (const h of planHolidays(holidays, plan, from, to)) entry(h).planRegion = true;
  for (const member of plan.members) {
    for (const h of memberHolidays(holidays, plan, member, from, to)) entry(h).memberIds.push(member.id);
  }
  return [...byKey.values()].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
}
