import { coverMember, coverPlan, type MemberContext, type PlanContext } from '../fairness/plan-context';
import { overlapsAny } from '../time/intervals';
import { dateOfEpochDay, dayIndexAt, DAY_MS, weekdayOfEpochDay, type ZoneDays } from '../fairness/zone-days';
import type { PayCondition } from '../plan/schema';
import type { ZoneClock } from '../time/zone-clock';
import { instantMs } from '../time/zoned';
import type { Tariff } from './tariff';

/** Name of the bucket for minutes no rule matches (priced at 0). */
export const UNPRICED = 'unpriced';

/** Priced time of one span: per rule name and local month (YYYY-MM), milliseconds and amount before rounding. */
export type PricedPart = { rule: string; month: string; ms: number; amount: number };

/** True when the local day `i` of the table lasts exactly 24 hours and holds no zone transition. */
function isPlainDay(days: ZoneDays, i: number): boolean {
  const s = days.start[i]!;
  const e = days.start[i + 1]!;
  return e - s === DAY_MS && !days.transitions.some((t) => t > s && t < e);
}

/**
 * The instant of a local time on local day `i` of a zone's day table. On a plain day it is the day's start plus
 * the wall-clock minutes; on a DST day the caller's zone clock resolves it ('compatible', as the rotation does).
 */
function localTimeMs(clock: ZoneClock, days: ZoneDays, i: number, time: string): number {
  if (isPlainDay(days, i)) {
    const [h, m] = time.split(':').map(Number) as [number, number];
    return days.start[i]! + (h * 60 + m) * 60_000;
  }
  return instantMs(clock.zonedToInstant(dateOfEpochDay(days.firstDay + i), time, days.zone));
}

type DayFacts = { i: number; weekday: number; holiday: boolean; layerId: string };

function matches(ctx: PlanContext, days: ZoneDays, day: DayFacts, when: PayCondition, at: number): boolean {
  if (when.weekdays && !when.weekdays.includes(day.weekday)) return false;
  if (when.holiday !== undefined && when.holiday !== day.holiday) return false;
  if (when.layers && !when.layers.includes(day.layerId)) return false;
  if (when.investorWeek !== undefined && when.investorWeek !== overlapsAny(ctx.investor, at, at + 1))
    return false;
  if (when.from !== undefined && when.to !== undefined) {
    const from = localTimeMs(ctx.tables.calendar.clock, days, day.i, when.from);
    const to = localTimeMs(ctx.tables.calendar.clock, days, day.i, when.to);
    const inside = when.from < when.to ? at >= from && at < to : at >= from || at < to;
    if (!inside) return false;
  }
  return true;
}

/**
 * Prices [startMs, endMs) on call for one member on one layer: each local day (member's zone) inside a one-off
 * period is priced by that period; otherwise the day is cut at every rule's local time boundaries and at the
 * investor-week edges, and the first matching rule prices each piece (a piece's minutes all share one answer).
 * `factor` multiplies the amounts (the secondary-layer factor). Amounts are not rounded here.
 * Why pieces, not a loop over minutes: the same answer per minute, with a few cuts a day instead of 1,440 checks.
 */
export function priceSpan(
  ctx: PlanContext,
  mc: MemberContext,
  tariff: Tariff,
  layerId: string,
  factor: number,
  startMs: number,
  endMs: number,
): PricedPart[] {
  if (!(endMs > startMs)) return [];
  coverMember(ctx, mc, startMs, endMs);
  coverPlan(ctx, startMs, endMs);
  const days = mc.days;
  const out: PricedPart[] = [];
  const add = (rule: string, month: string, ms: number, hourly: number) => {
    if (ms > 0) out.push({ rule, month, ms, amount: (ms / 3_600_000) * hourly * factor });
  };
  for (let i = dayIndexAt(days, startMs); i < days.length && days.start[i]! < endMs; i++) {
    const a = Math.max(startMs, days.start[i]!);
    const b = Math.min(endMs, days.start[i + 1]!);
    if (b <= a) continue;
    const epoch = days.firstDay + i;
    const date = dateOfEpochDay(epoch);
    const month = date.slice(0, 7);
    const oneOff = tariff.oneOff.find((o) => o.from <= date && date <= o.to);
    if (oneOff) {
      add(oneOff.name, month, b - a, oneOff.hourly);
      continue;
    }
    const cuts = new Set<number>([a, b]);
    for (const rule of tariff.rules) {
      if (rule.when.from === undefined || rule.when.to === undefined) continue;
      for (const t of [
        localTimeMs(ctx.tables.calendar.clock, days, i, rule.when.from),
        localTimeMs(ctx.tables.calendar.clock, days, i, rule.when.to),
      ]) {
        if (t > a && t < b) cuts.add(t);
      }
    }
    for (const { start: s, end: e } of ctx.investor) {
      if (s > a && s < b) cuts.add(s);
      if (e > a && e < b) cuts.add(e);
    }
    const points = [...cuts].sort((x, y) => x - y);
    const facts: DayFacts = {
      i,
      weekday: weekdayOfEpochDay(epoch),
      holiday: mc.holidays.has(epoch),
      layerId,
    };
    for (let k = 0; k + 1 < points.length; k++) {
      const p = points[k]!;
      const rule = tariff.rules.find((r) => matches(ctx, days, facts, r.when, p));
      add(rule?.name ?? UNPRICED, month, points[k + 1]! - p, rule?.hourly ?? 0);
    }
  }
  return out;
}
