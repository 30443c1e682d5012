import Holidays from 'date-holidays';

const engines = new Map<string, Holidays | null>();

/**
 * The date (ISO) of a major holiday in a year, from its rule: a fixed "MM-DD" or any date-holidays rule such as
 * "4th thursday in November"; null when date-holidays cannot read the rule.
 * Why date-holidays and not a hand-written parser: the plan's rules use its grammar, and it knows the calendars.
 */
export function majorHolidayDate(rule: string, year: number): string | null {
  let engine = engines.get(rule);
  if (engine === undefined) {
    const hd = new Holidays();
    engine = hd.setHoliday(rule, { name: rule, type: 'public' }) ? hd : null;
    engines.set(rule, engine);
  }
  if (!engine) return null;
  const found = engine.getHolidays(year);
  return found.length > 0 ? found[0]!.date.slice(0, 10) : null;
}
