import type { Plan } from '../plan/schema';
import type { HolidayCalendar } from './holiday-calendar';
import { holidaysBetween } from './holidays';

/** A public holiday that some of a country's subdivisions keep and the country as a whole does not. */
export type RegionalHoliday = {
  date: string;
  name: string;
  /** The subdivision named in messages (the first by name of those that keep the day). */
  subdivision: string;
  subdivisionName: string;
  /** How many of the country's subdivisions keep the day. */
  keptBy: number;
};

/** A member whose holiday region names a country with subdivisions but no subdivision, and what that misses. */
export type MissingRegionNotice = {
  memberId: string;
  country: string;
  example: RegionalHoliday;
  message: string;
};

/**
 * The most widely kept regional holiday of a country between two dates (both inclusive): a public holiday of at
 * least one subdivision that the country-wide list lacks, kept by the most subdivisions, the earliest among equals.
 * Null when the country has no subdivisions or they add nothing in those dates.
 * Why the most widely kept: it is the day a member without a region is most likely to lose (GB: the late summer
 * bank holiday of England, Wales and Northern Ireland rather than Northern Ireland's St Patrick's Day). Not
 * remembered: the calendar keeps every subdivision's lists, and what is left is a pass over them.
 */
export function regionalHolidayExample(
  calendar: HolidayCalendar,
  country: string,
  from: string,
  to: string,
): RegionalHoliday | null {
  const states = calendar.subdivisions(country);
  const nationwide = new Set(holidaysBetween(calendar, { country }, from, to).map((h) => h.date));
  const byDate = new Map<string, { name: string; subdivisions: [string, string][] }>();
  for (const [code, name] of Object.entries(states)) {
    for (const h of holidaysBetween(calendar, { country, subdivision: code }, from, to)) {
      if (nationwide.has(h.date)) continue;
      const entry = byDate.get(h.date) ?? { name: h.name, subdivisions: [] };
      entry.subdivisions.push([code, name]);
      byDate.set(h.date, entry);
    }
  }
  let best: RegionalHoliday | null = null;
  for (const [date, entry] of byDate) {
    const keptBy = entry.subdivisions.length;
    if (best && (keptBy < best.keptBy || (keptBy === best.keptBy && date >= best.date))) continue;
    const [subdivision, subdivisionName] = entry.subdivisions.sort((a, b) => a[1].localeCompare(b[1]))[0]!;
    best = { date, name: entry.name, subdivision, subdivisionName, keptBy };
  }
  return best;
}

/**
 * The members whose regional holidays are not counted between two dates: a country with subdivisions, no
 * subdivision, and at least one regional holiday in those dates. Each notice names the member, the country and
 * one holiday they lose, e.g. "Alex (GB) has no region: regional holidays such as England's 2027-08-30 Summer bank
 * holiday are not counted".
 * Why: a member without a region is counted as working on those days, so their holiday load and the holiday-gap
 * flags are silently wrong.
 */
export function missingRegionNotices(
  calendar: HolidayCalendar,
  plan: Plan,
  from: string,
  to: string,
): MissingRegionNotice[] {
  const out: MissingRegionNotice[] = [];
  for (const member of plan.members) {
    const { country, subdivision } = member.holidayRegion;
    if (subdivision) continue;
    const example = regionalHolidayExample(calendar, country, from, to);
    if (!example) continue;
    out.push({
      memberId: member.id,
      country,
      example,
      message:
        `${member.name} (${country}) has no region: regional holidays such as ${example.subdivisionName}'s ` +
        `${example.date} ${example.name} are not counted`,
    });
  }
  return out;
}
