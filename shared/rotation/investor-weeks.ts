import { Temporal } from 'temporal-polyfill';
import type { Plan } from '../plan/schema';

/** A run of local dates (both inclusive) in the plan's time zone. */
export type DateRange = { start: string; end: string };

type Rule = Plan['coverage']['investorWeek']['rule'];

function investorWeekOfMonth(rule: Rule, year: number, month: number): DateRange {
  const last = Temporal.PlainDate.from({ year, month, day: 1 }).add({ months: 1 }).subtract({ days: 1 });
  switch (rule.kind) {
    case 'last-days-of-month':
      return { start: last.subtract({ days: rule.days - 1 }).toString(), end: last.toString() };
    case 'last-full-week': {
      // The last 7-day week that starts on `weekStartsOn` and ends inside the month.
      const endWeekday = ((rule.weekStartsOn + 5) % 7) + 1;
      const end = last.subtract({ days: (last.dayOfWeek - endWeekday + 7) % 7 });
      return { start: end.subtract({ days: 6 }).toString(), end: end.toString() };
    }
  }
}

/**
 * The investor-report weeks that touch [from, to] (local dates, inclusive), one per month.
 * Why a rule and not a list: the plan keeps "last 7 days of each month" true for any horizon.
 */
export function investorWeeks(rule: Rule, from: string, to: string): DateRange[] {
  const out: DateRange[] = [];
  let cursor = Temporal.PlainDate.from(from).with({ day: 1 });
  const stop = Temporal.PlainDate.from(to);
  while (Temporal.PlainDate.compare(cursor, stop) <= 0) {
    const week = investorWeekOfMonth(rule, cursor.year, cursor.month);
    if (week.end >= from && week.start <= to) out.push(week);
    cursor = cursor.add({ months: 1 });
  }
  return out;
}
