import Holidays from 'date-holidays';

const cache = new Map<string, string | null>();

/**
 * The local date (YYYY-MM-DD) a holiday rule falls on in a year, or null when date-holidays cannot read the rule.
 * Rules are date-holidays rules: a fixed `MM-DD` ("12-25") or a phrase such as "4th thursday in November".
 * Why ask date-holidays: it already parses every rule its country data uses, so the plan can name major holidays
 * the same way without a second parser.
 */
export function resolveHolidayRule(rule: string, year: number): string | null {
  const key = `${rule}\u0000${year}`;
  if (cache.has(key)) return cache.get(key)!;
  const hd = new Holidays();
  const date = hd.setHoliday(rule, { name: rule, type: 'public' })
    ? ((hd.getHolidays(year, 'en') || [])[0]?.date.slice(0, 10) ?? null)
    : null;
  cache.set(key, date);
  return date;
}

/**
 * Why a major-holiday rule cannot be used, or null when date-holidays reads it (checked on a sample year).
 * Why: the holiday policy form tells the user at once that "4th thurs in Nov" means nothing to the engine.
 */
export function holidayRuleProblem(rule: string): string | null {
  return resolveHolidayRule(rule, 2030) === null
    ? `date-holidays cannot read the rule "${rule}"; use MM-DD (12-25) or a phrase such as "4th thursday in November"`
    : null;
}
