import type { Plan } from '../plan/schema';
import { FairnessTables } from './fairness-tables';
import { coverMember, coverPlan, createPlanContext, memberOf, type PlanContext } from './plan-context';
import { lengthWithin } from '../time/intervals';
import { instantMs } from '../time/zoned';
import { dayIndexAt, HOUR_MS, weekdayOfEpochDay } from './zone-days';

/**
 * Hours of on-call time and what kind they are, with the weighted load they add up to.
 * `weekendHours` and `holidayHours` may overlap (a holiday on a Saturday counts in both); the weighting does not
 * double count: a holiday hour is paid at the holiday rate instead of the weekend or weekday rate.
 */
export type LoadBreakdown = {
  hours: number;
  /** Saturday and Sunday in the member's zone. */
  weekendHours: number;
  /** Public holidays of the member's own region (and the plan's custom holidays that apply to them). */
  holidayHours: number;
  /** 22:00-07:00 in the member's zone. */
  nightHours: number;
  /** Inside an investor-report week (local dates in the plan's zone). */
  investorWeekHours: number;
  weightedLoad: number;
};

/** The load of one shift: its breakdown and the layer factor its weighted load was multiplied by. */
export type ShiftLoad = LoadBreakdown & { layerFactor: number };

/** What `shiftLoad` needs of a shift: a layer, a member and [start, end) as ISO instants. */
export type ShiftLike = { layerId: string; memberId: string; start: string; end: string };

/** An empty breakdown, the identity for `addLoad`. */
export function zeroLoad(): LoadBreakdown {
  return { hours: 0, weekendHours: 0, holidayHours: 0, nightHours: 0, investorWeekHours: 0, weightedLoad: 0 };
}

/** Adds `b` into `a` (mutating `a`, which the caller owns) and returns it. */
export function addLoad(a: LoadBreakdown, b: LoadBreakdown): LoadBreakdown {
  a.hours += b.hours;
  a.weekendHours += b.weekendHours;
  a.holidayHours += b.holidayHours;
  a.nightHours += b.nightHours;
  a.investorWeekHours += b.investorWeekHours;
  a.weightedLoad += b.weightedLoad;
  return a;
}

/**
 * The load of [startMs, endMs) for one member on one layer, from a plan context.
 * Why exact interval splitting: the span is cut at the member's local midnights and at 22:00/07:00 (from the
 * zone's day table, DST days resolved by Temporal), so a 167-hour DST week counts 167 hours, not 168.
 */
export function shiftLoadIn(
  ctx: PlanContext,
  layerId: string,
  memberId: string,
  startMs: number,
  endMs: number,
): ShiftLoad {
  const factor = ctx.layerFactor.get(layerId) ?? 1;
  if (!(endMs > startMs)) return { ...zeroLoad(), layerFactor: factor };
  const mc = memberOf(ctx, memberId);
  coverMember(ctx, mc, startMs, endMs);
  coverPlan(ctx, startMs, endMs);
  const days = mc.days;
  let weekdayMs = 0;
  let weekendMs = 0;
  let holidayMs = 0;
  let holidayWeekendMs = 0;
  let nightMs = 0;
  for (let i = dayIndexAt(days, startMs); i < days.length && days.start[i]! < endMs; i++) {
    const dayStart = days.start[i]!;
    const dayEnd = days.start[i + 1]!;
    const a = Math.max(startMs, dayStart);
    const b = Math.min(endMs, dayEnd);
    if (b <= a) continue;
    const span = b - a;
    const morning = days.morning[i]!;
    const evening = days.evening[i]!;
    nightMs += Math.max(0, Math.min(b, morning) - a) + Math.max(0, b - Math.max(a, evening));
    const day = days.firstDay + i;
    const weekend = weekdayOfEpochDay(day) >= 6;
    if (mc.holidays.has(day)) {
      holidayMs += span;
      if (weekend) holidayWeekendMs += span;
    } else if (weekend) weekendMs += span;
    else weekdayMs += span;
  }
  const investorMs = lengthWithin(ctx.investor, startMs, endMs);
  const w = ctx.plan.coverage.weights;
  const weighted =
    w.weekday * weekdayMs +
    w.weekend * weekendMs +
    w.holiday * holidayMs +
    w.nightBonus * nightMs +
    w.investorWeekBonus * investorMs;
  return {
    hours: (endMs - startMs) / HOUR_MS,
    weekendHours: (weekendMs + holidayWeekendMs) / HOUR_MS,
    holidayHours: holidayMs / HOUR_MS,
    nightHours: nightMs / HOUR_MS,
    investorWeekHours: investorMs / HOUR_MS,
    weightedLoad: (factor * weighted) / HOUR_MS,
    layerFactor: factor,
  };
}

/**
 * The load of one shift for its member: hours, weekend, holiday, night and investor-week hours and the weighted
 * load (plan.coverage.weights; a holiday hour is paid at the holiday rate instead of the weekday/weekend rate,
 * night and investor-week hours add their bonus, later layers are multiplied by `secondaryFactor`).
 * Why a function of its own: the ledger sums it per member, and the optimiser weighs each (member, period) with it
 * by passing the member it considers. `clip` limits the shift to a window ([start, end) ISO instants).
 */
export function shiftLoad(
  plan: Plan,
  shift: ShiftLike,
  clip?: { start: string; end: string },
  tables: FairnessTables = new FairnessTables(),
): ShiftLoad {
  const ctx = createPlanContext(plan, tables);
  let startMs = instantMs(shift.start);
  let endMs = instantMs(shift.end);
  if (clip) {
    startMs = Math.max(startMs, instantMs(clip.start));
    endMs = Math.min(endMs, instantMs(clip.end));
  }
  return shiftLoadIn(ctx, shift.layerId, shift.memberId, startMs, endMs);
}
