import Holidays from 'date-holidays';
import { Temporal } from 'temporal-polyfill';
import type { HolidayRegion, Plan } from '../plan/schema';
import { publicHolidays } from '../time/holidays';

type MajorHoliday = Plan['coverage']['holidays']['majorHolidays'][number];

/** Where a major holiday's date came from: a fixed MM-DD, a date-holidays rule, or a name match in the region. */
export type MajorHolidayDate = { date: string; via: 'fixed' | 'rule' | 'name' };

const FIXED = /^(\d{2})-(\d{2})$/;
const ruleEngines = new Map<string, Holidays | null>();

function ruleEngine(rule: string): Holidays | null {
  if (ruleEngines.has(rule)) return ruleEngines.get(rule)!;
  // An empty engine with one custom holiday: date-holidays resolves its own rule grammar
  // ("4th thursday in November", "easter 1", "monday before 05-25", …). A rule it cannot parse is remembered as
  // null so the library's console message appears once per rule, not once per year.
  const engine = new Holidays();
  const ok = engine.setHoliday(rule, { name: rule, type: 'public' });
  ruleEngines.set(rule, ok ? engine : null);
  return ok ? engine : null;
}

const normalise = (name: string) =>
  name
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[’']/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();

/**
 * The date of a major holiday in a year: "MM-DD" is a fixed date; anything else is handed to date-holidays as a
 * rule; when date-holidays cannot read the rule, the holiday is matched by name among the plan region's public
 * holidays ("Thanksgiving (US)" finds "Thanksgiving Day"). Null when none of the three works.
 * Why date-holidays and not hand-written rules: its grammar already covers nth weekdays, Easter offsets and
 * substitutes, and it is the engine the rest of the app uses for holidays.
 */
export function majorHolidayDate(
  holiday: MajorHoliday,
  year: number,
  region: HolidayRegion,
): MajorHolidayDate | null {
  const fixed = FIXED.exec(holiday.rule.trim());
  if (fixed) {
    try {
      const date = Temporal.PlainDate.from(
        { year, month: Number(fixed[1]), day: Number(fixed[2]) },
        { overflow: 'reject' },
      );
      return { date: date.toString(), via: 'fixed' };
    } catch {
      return null;
    }
  }
  const engine = ruleEngine(holiday.rule.trim());
  const found = engine?.getHolidays(year)?.[0];
  if (found) return { date: found.date.slice(0, 10), via: 'rule' };
  const wanted = normalise(holiday.name);
  if (wanted === '') return null;
  const match = publicHolidays(region, year).find((h) => {
    const name = normalise(h.name);
    return name.includes(wanted) || wanted.includes(name);
  });
  return match ? { date: match.date, via: 'name' } : null;
}
