import type { Plan, Shift } from '../plan/schema';
import { intersect } from '../time/intervals';
import type { HolidayCalendar } from '../time/holiday-calendar';
import { resolveHolidayRule } from '../time/major-holidays';
import { addDays, instantMs, localDate, msToInstant, startOfLocalDay } from '../time/zoned';
import { timeOffConflicts } from './availability';
import { rotationHorizon } from './generate-shifts';
import { isShadowShift } from './shadow-shifts';

/** One major holiday of the plan's policy on its date in one year. */
export type MajorHolidayDate = { holidayId: string; name: string; year: number; date: string };

/**
 * The plan's major holidays (coverage.holidays.majorHolidays) on their dates between two local dates
 * (inclusive), sorted by date. Rules date-holidays cannot read are left out (see `holidayRuleProblem`).
 */
export function majorHolidayDates(
  calendar: HolidayCalendar,
  plan: Plan,
  from: string,
  to: string,
): MajorHolidayDate[] {
  const out: MajorHolidayDate[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    for (const h of plan.coverage.holidays.majorHolidays) {
      const date = resolveHolidayRule(calendar, h.rule, year);
      if (date !== null && date >= from && date <= to)
        out.push({ holidayId: h.id, name: h.name, year, date });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** A history entry: who covered a major holiday in a year. */
export type HolidayDutyRecord = { holidayId: string; year: number; memberId: string };

/**
 * Who has one major holiday and who should. `coveredBy` is the member on call for most of the day (plan-local)
 * in the first layer; `lastCovered` the latest earlier year in the history; `repeat` is true when the same person
 * would hold it twice in a row. `proposedMemberId` follows the rotation across years: whoever covered this holiday
 * longest ago (never counts as longest), then whoever got fewer of the holidays proposed in this pass, then the
 * layer's order, skipping people with time off that day; the current person is kept when tied for best.
 * `swap` names two shifts to trade (shift:swap) to get there, when a fitting one exists.
 */
export type HolidayDuty = MajorHolidayDate & {
  layerId: string;
  coveredBy: string | null;
  recorded: string | null;
  lastCovered: { year: number; memberId: string } | null;
  repeat: boolean;
  proposedMemberId: string | null;
  swap: { shiftId: string; withShiftId: string } | null;
};

function dayInterval(date: string, zone: string) {
  return {
    start: instantMs(startOfLocalDay(date, zone)),
    end: instantMs(startOfLocalDay(addDays(date, 1), zone)),
  };
}

function mostOfDay(shifts: Shift[], day: { start: number; end: number }): Shift | null {
  let best: Shift | null = null;
  let bestMs = 0;
  for (const s of shifts) {
    const both = intersect(day, { start: instantMs(s.start), end: instantMs(s.end) });
    const ms = both ? both.end - both.start : 0;
    if (ms > bestMs) {
      best = s;
      bestMs = ms;
    }
  }
  return best;
}

/**
 * The major-holiday duty of the plan over a window of local dates (default: the rotation's horizon), with a
 * proposal that rotates each holiday across years using `coverage.holidays.history`.
 * Why: the holiday policy says nobody holds the same major holiday twice in a row; the plan remembers who
 * covered each, and proposals made earlier in the same pass count as history for later years.
 */
export function holidayDuties(
  calendar: HolidayCalendar,
  plan: Plan,
  window?: { from: string; to: string },
): HolidayDuty[] {
  const zone = plan.rotation.timeZone;
  const horizon = rotationHorizon(plan.rotation);
  const from = window?.from ?? localDate(horizon.start, zone);
  const to = window?.to ?? localDate(horizon.end, zone);
  const layer = plan.rotation.layers[0]!;
  const layerShifts = plan.shifts.filter((s) => s.layerId === layer.id && !isShadowShift(s));
  const order = [...new Set(layer.memberOrder)];
  const history: HolidayDutyRecord[] = [...plan.coverage.holidays.history];
  const proposedCount = new Map<string, number>();

  return majorHolidayDates(calendar, plan, from, to).map((occurrence) => {
    const day = dayInterval(occurrence.date, zone);
    const holidayShift = mostOfDay(layerShifts, day);
    const coveredBy = holidayShift?.memberId ?? null;
    const recorded =
      plan.coverage.holidays.history.find(
        (h) => h.holidayId === occurrence.holidayId && h.year === occurrence.year,
      )?.memberId ?? null;
    const earlier = history
      .filter((h) => h.holidayId === occurrence.holidayId && h.year < occurrence.year)
      .sort((a, b) => b.year - a.year);
    const lastCovered = earlier[0] ? { year: earlier[0].year, memberId: earlier[0].memberId } : null;
    const lastYearOf = (memberId: string) =>
      earlier.find((h) => h.memberId === memberId)?.year ?? Number.NEGATIVE_INFINITY;
    const dayStart = msToInstant(day.start);
    const dayEnd = msToInstant(day.end);
    const free = order.filter((m) => timeOffConflicts(plan, m, dayStart, dayEnd).length === 0);
    const rank = (m: string) => [lastYearOf(m), proposedCount.get(m) ?? 0] as const;
    const better = (a: string, b: string) => {
      const [ya, ca] = rank(a);
      const [yb, cb] = rank(b);
      return ya !== yb ? ya < yb : ca < cb;
    };
    let proposed: string | null = recorded;
    if (proposed === null && free.length > 0) {
      proposed = free.reduce((best, m) => (better(m, best) ? m : best));
      if (coveredBy !== null && free.includes(coveredBy) && !better(proposed, coveredBy))
        proposed = coveredBy;
    }
    if (proposed !== null) {
      proposedCount.set(proposed, (proposedCount.get(proposed) ?? 0) + 1);
      if (recorded === null)
        history.push({ holidayId: occurrence.holidayId, year: occurrence.year, memberId: proposed });
    }
    return {
      ...occurrence,
      layerId: layer.id,
      coveredBy,
      recorded,
      lastCovered,
      repeat: coveredBy !== null && lastCovered?.memberId === coveredBy,
      proposedMemberId: proposed,
      swap:
        holidayShift && proposed && proposed !== coveredBy
          ? swapFor(plan, layerShifts, holidayShift, proposed)
          : null,
    };
  });
}

/** The proposed member's nearest unpinned shift in the layer that both people are free to trade, if any. */
function swapFor(plan: Plan, layerShifts: Shift[], holidayShift: Shift, proposed: string) {
  if (holidayShift.pinned) return null;
  const at = instantMs(holidayShift.start);
  const partner = layerShifts
    .filter((s) => s.memberId === proposed && !s.pinned)
    .filter(
      (s) =>
        timeOffConflicts(plan, proposed, holidayShift.start, holidayShift.end).length === 0 &&
        timeOffConflicts(plan, holidayShift.memberId, s.start, s.end).length === 0,
    )
    .sort((a, b) => Math.abs(instantMs(a.start) - at) - Math.abs(instantMs(b.start) - at))[0];
  return partner ? { shiftId: holidayShift.id, withShiftId: partner.id } : null;
}
