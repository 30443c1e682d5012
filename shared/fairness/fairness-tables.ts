import type { Member, Plan } from '../plan/schema';
import { investorWeeks } from '../rotation/investor-weeks';
import type { Interval } from '../time/intervals';
import { HolidayCalendar } from '../time/holiday-calendar';
import { memberHolidays } from '../time/holidays';
import {
  buildZoneDays,
  DAY_MS,
  epochDay,
  localDatesToInterval,
  yearsCovering,
  type ZoneDays,
} from './zone-days';

/** A public holiday as the ledger reads it: the epoch day (local date) and its name. */
export type HolidayDay = { day: number; name: string };

/**
 * What analyses of one plan after another share: each zone's day table, each holiday region's holidays per year
 * and the investor weeks per rule, zone and year. None of it depends on a plan object, and all of it is costly to
 * build (Temporal for DST days and transitions, date-holidays per region), while a plan context built from warm
 * tables is cheap.
 * Why a class the caller holds: the state lives exactly as long as its owner keeps it (the analysis worker, a CLI
 * run, a test), not in a module every caller shares without knowing. A caller that passes none gets fresh tables
 * and the same answers, only slower. Public holidays come from the `calendar` it is given.
 */
export class FairnessTables {
  /**
   * Where public holidays come from: the caller's holiday calendar (the app's store hands in its own, kept across
   * sessions), or a fresh one.
   */
  constructor(readonly calendar: HolidayCalendar = new HolidayCalendar()) {}

  private readonly zones = new Map<string, ZoneDays>();
  private readonly holidays = new Map<string, readonly HolidayDay[]>();
  private readonly investor = new Map<string, readonly Interval[]>();

  /**
   * The day table of a zone covering the instants [fromMs, toMs] (whole calendar years, one year of margin).
   * Why grown on demand: every plan, shift and simulation run in a zone shares one table.
   */
  zoneDays(zone: string, fromMs: number, toMs: number): ZoneDays {
    const { fromYear, toYear } = yearsCovering(fromMs, toMs);
    const hit = this.zones.get(zone);
    if (hit && hit.fromYear <= fromYear && hit.toYear >= toYear) return hit;
    const built = buildZoneDays(
      zone,
      Math.min(fromYear, hit?.fromYear ?? fromYear),
      Math.max(toYear, hit?.toYear ?? toYear),
    );
    this.zones.set(zone, built);
    return built;
  }

  /** The day table of a zone covering the local dates [from, to] (ISO dates). */
  zoneDaysForDates(zone: string, from: string, to: string): ZoneDays {
    return this.zoneDays(zone, epochDay(from) * DAY_MS, (epochDay(to) + 1) * DAY_MS);
  }

  /**
   * A member's holidays in one year. `customKey` names the plan's custom holidays and plan region (see
   * `holidayKeyOf`): with the member's region and the year they decide the answer, so it is shared across plans.
   */
  holidayYear(plan: Plan, customKey: string, member: Member, year: number): readonly HolidayDay[] {
    const key = `${JSON.stringify(member.holidayRegion)}|${customKey}|${year}`;
    const hit = this.holidays.get(key);
    if (hit) return hit;
    const list = memberHolidays(this.calendar, plan, member, `${year}-01-01`, `${year}-12-31`).map((h) => ({
      day: epochDay(h.date),
      name: h.name,
    }));
    this.holidays.set(key, list);
    return list;
  }

  /** The investor weeks starting in one year as instants (plan zone); the rule, the zone and the year decide them. */
  investorYear(plan: Plan, year: number): readonly Interval[] {
    const rule = plan.coverage.investorWeek.rule;
    const zone = plan.rotation.timeZone;
    const key = `${zone}|${JSON.stringify(rule)}|${year}`;
    const hit = this.investor.get(key);
    if (hit) return hit;
    const out: Interval[] = [];
    for (const week of investorWeeks(rule, `${year}-01-01`, `${year}-12-31`)) {
      // A week that straddles a year end is listed by both years; keep it once.
      if (week.start < `${year}-01-01`) continue;
      out.push(localDatesToInterval(this.zoneDaysForDates(zone, week.start, week.end), week.start, week.end));
    }
    this.investor.set(key, out);
    return out;
  }
}

/** What of a plan, besides a member's region, decides the member's holidays: its custom holidays and region. */
export function holidayKeyOf(plan: Plan): string {
  const h = plan.coverage.holidays;
  return JSON.stringify([h.customHolidays, h.planRegion]);
}
