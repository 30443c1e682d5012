import Holidays from 'date-holidays';
import type { HolidayRegion, Member, Plan } from '../plan/schema';

/** A public holiday on a local date. */
export type Holiday = { date: string; name: string; source: 'region' | 'custom' };

const cache = new Map<string, Holiday[]>();

function regionKey(region: HolidayRegion): string {
  return region.subdivision ? `${region.country}-${region.subdivision}` : region.country;
}

/**
 * Public holidays of one region in one year, from date-holidays (type "public" only, substitute days included).
 * Why cached: fairness and the calendar ask for the same region-years thousands of times.
 */
export function publicHolidays(region: HolidayRegion, year: number): Holiday[] {
  const key = `${regionKey(region)}:${year}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const hd = region.subdivision
    ? new Holidays(region.country, region.subdivision)
    : new Holidays(region.country);
  const list = (hd.getHolidays(year, 'en') || [])
    .filter((h) => h.type === 'public')
    .map((h) => ({ date: h.date.slice(0, 10), name: h.name, source: 'region' as const }));
  const unique = list.filter((h, i) => list.findIndex((o) => o.date === h.date) === i);
  cache.set(key, unique);
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
  const planRegion = plan.coverage.holidays.planRegion;
  const inPlanRegion =
    member.holidayRegion.country === planRegion.country &&
    (planRegion.subdivision === undefined || member.holidayRegion.subdivision === planRegion.subdivision);
  const custom = plan.coverage.holidays.customHolidays
    .filter((h) => h.date >= from && h.date <= to && (h.appliesTo === 'everyone' || inPlanRegion))
    .filter((h) => !own.some((o) => o.date === h.date))
    .map((h) => ({ date: h.date, name: h.name, source: 'custom' as const }));
  return [...own, ...custom].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
