import { Temporal } from 'temporal-polyfill';
import type { HolidayRegion, Plan } from '../plan/schema';
import type { HolidayCalendar } from './holiday-calendar';

/** One entry of the plan's holiday policy (coverage.holidays.majorHolidays): id, name and its date rule. */
export type MajorHoliday = Plan['coverage']['holidays']['majorHolidays'][number];

/** A major holiday's date in one year and where it came from: a fixed MM-DD, a date-holidays rule, or its name. */
export type ResolvedMajorHoliday = { date: string; via: 'fixed' | 'rule' | 'name' };

const FIXED = /^(\d{2})-(\d{2})$/;

/**
 * The rule's date in a year and whether it was a fixed date or a date-holidays rule; null when neither works.
 * Not remembered: a fixed date is one Temporal call, and the calendar keeps each phrase's engine.
 */
function resolveRule(
  calendar: HolidayCalendar,
  rule: string,
  year: number,
): { date: string; via: 'fixed' | 'rule' } | null {
  const trimmed = rule.trim();
  const fixed = FIXED.exec(trimmed);
  if (!fixed) {
    const date = calendar.ruleDate(trimmed, year);
    return date === null ? null : { date, via: 'rule' };
  }
  // Temporal refuses 02-29 in a common year; date-holidays would roll it over to 03-01.
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

/**
 * The local date (YYYY-MM-DD) a holiday rule falls on in a year, or null when it has none that year or the rule
 * cannot be read. Rules are a fixed `MM-DD` ("12-25"; "02-29" only in leap years) or a date-holidays phrase such
 * as "4th thursday in November".
 * Why one resolver: fairness flags, the holiday duty rotation, the optimiser and the plan document must agree on
 * which day a major holiday is; date-holidays already parses every rule its country data uses.
 */
export function resolveHolidayRule(calendar: HolidayCalendar, rule: string, year: number): string | null {
  return resolveRule(calendar, rule, year)?.date ?? null;
}

/**
 * Why a major-holiday rule cannot be used, or null when it can (checked on a leap year and a common year, so
 * "02-29" passes). Why: the holiday policy form tells the user at once that "4th thurs in Nov" means nothing.
 */
export function holidayRuleProblem(calendar: HolidayCalendar, rule: string): string | null {
  return resolveHolidayRule(calendar, rule, 2028) === null &&
    resolveHolidayRule(calendar, rule, 2030) === null
    ? `date-holidays cannot read the rule "${rule}"; use MM-DD (12-25) or a phrase such as "4th thursday in November"`
    : null;
}

const normalise = (name: string) =>
  name
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[’']/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();

/**
 * A major holiday's date in a year for the plan document: its rule as `resolveHolidayRule` reads it, and when the
 * rule cannot be read, a match by name among the plan region's public holidays ("Thanksgiving (US)" finds
 * "Thanksgiving Day"). Null when neither works.
 * Why the name fallback here: the document should still show a holiday whose rule is mistyped (the policy form
 * names the problem); the analysis only counts holidays whose rule reads.
 */
export function majorHolidayDate(
  calendar: HolidayCalendar,
  holiday: MajorHoliday,
  year: number,
  region: HolidayRegion,
): ResolvedMajorHoliday | null {
  const byRule = resolveRule(calendar, holiday.rule, year);
  if (byRule) return byRule;
  // A fixed date that does not exist this year (02-29) is not a name to look up.
  if (FIXED.test(holiday.rule.trim())) return null;
  const wanted = normalise(holiday.name);
  if (wanted === '') return null;
  const match = calendar.publicHolidays(region, year).find((h) => {
    const name = normalise(h.name);
    return name.includes(wanted) || wanted.includes(name);
  });
  return match ? { date: match.date, via: 'name' } : null;
}
