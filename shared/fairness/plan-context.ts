import type { Member, Plan, TimeOff } from '../plan/schema';
import type { Interval } from '../time/intervals';
import { holidayKeyOf, type FairnessTables } from './fairness-tables';
import { dayIndexAt, localDatesToInterval, utcYear, type ZoneDays } from './zone-days';

/** What the ledger needs to know about one member, computed once per plan. */
export type MemberContext = {
  member: Member;
  /** Day table of the member's own zone. */
  days: ZoneDays;
  /** Epoch days (the member's local dates) that are public holidays for them, for the years loaded. */
  holidays: Map<number, string>;
  holidayYears: Set<number>;
  /** The instants the day table and holidays are known to cover, ends included (a fast path for `coverMember`). */
  covered: Interval;
  /** Time off as instants, sorted; whole local days in the member's zone. */
  timeOff: Interval[];
  /** The same intervals with the time-off entries they come from, in the same order. */
  timeOffItems: { interval: Interval; item: TimeOff }[];
  skills: Set<string>;
};

/**
 * Everything per plan that the ledger, the flags and the simulator look up again and again: member day tables,
 * holidays, time off and investor weeks as instants, and the weight factor of each layer.
 * Why one context: it is built once per analysis (or pay report, simulation, roster) and shared by every shift;
 * what outlives the plan object (zone tables, holidays, investor weeks) comes from the caller's `tables`.
 */
export type PlanContext = {
  plan: Plan;
  /** The caller's tables the day tables, holidays and investor weeks are read from. */
  tables: FairnessTables;
  /** Names the plan's custom holidays and plan region for `tables.holidayYear`. */
  holidayKey: string;
  members: Map<string, MemberContext>;
  /** Layer id → weight factor: 1 for the first (primary) layer, `secondaryFactor` for every later layer. */
  layerFactor: Map<string, number>;
  /** Layer id → its index in `plan.rotation.layers` (0 is the primary layer). */
  layerIndex: Map<string, number>;
  /** Day table of the plan's zone. */
  planDays: ZoneDays;
  /** Investor-report weeks as instants (plan zone), sorted, for the years loaded. */
  investor: Interval[];
  investorYears: Set<number>;
  /** The instants the plan's day table and investor weeks are known to cover, ends included (for `coverPlan`). */
  covered: Interval;
};

function memberContext(plan: Plan, tables: FairnessTables, member: Member): MemberContext {
  const timeOffItems = member.timeOff
    .map((item) => ({
      interval: localDatesToInterval(
        tables.zoneDaysForDates(member.timeZone, item.start, item.end),
        item.start,
        item.end,
      ),
      item,
    }))
    .sort((a, b) => a.interval.start - b.interval.start);
  return {
    member,
    timeOff: timeOffItems.map((t) => t.interval),
    timeOffItems,
    days: tables.zoneDaysForDates(member.timeZone, plan.rotation.startDate, plan.rotation.endDate),
    holidays: new Map(),
    holidayYears: new Set(),
    covered: nothingCovered(),
    skills: new Set(member.skills),
  };
}

/**
 * The lookup context of a plan, reading zone tables, holidays and investor weeks from `tables`.
 * Why the caller builds and passes it: one analysis, pay report or roster builds it once and hands it to every
 * step, and the tables it fills are the caller's to keep for the next plan (or to drop).
 */
export function createPlanContext(plan: Plan, tables: FairnessTables): PlanContext {
  const layerFactor = new Map<string, number>();
  const layerIndex = new Map<string, number>();
  plan.rotation.layers.forEach((layer, i) => {
    layerFactor.set(layer.id, i === 0 ? 1 : plan.coverage.weights.secondaryFactor);
    layerIndex.set(layer.id, i);
  });
  return {
    plan,
    tables,
    holidayKey: holidayKeyOf(plan),
    members: new Map(plan.members.map((m) => [m.id, memberContext(plan, tables, m)])),
    layerFactor,
    layerIndex,
    planDays: tables.zoneDaysForDates(plan.rotation.timeZone, plan.rotation.startDate, plan.rotation.endDate),
    investor: [],
    investorYears: new Set(),
    covered: nothingCovered(),
  };
}

/** The covered span before anything is loaded: no instant is inside it. */
function nothingCovered(): Interval {
  return { start: Infinity, end: -Infinity };
}

/** The member's context, or an error naming the unknown member id. */
export function memberOf(ctx: PlanContext, memberId: string): MemberContext {
  const mc = ctx.members.get(memberId);
  if (!mc) throw new Error(`no team member has id "${memberId}"`);
  return mc;
}

/**
 * Makes sure the member's day table and holidays cover the instants [fromMs, toMs].
 * Why lazy: holidays come from date-holidays per region and year; only the years a shift touches are loaded.
 */
export function coverMember(ctx: PlanContext, mc: MemberContext, fromMs: number, toMs: number): void {
  if (fromMs >= mc.covered.start && toMs <= mc.covered.end) return;
  const first = mc.days.start[0]!;
  const last = mc.days.start[mc.days.length]!;
  if (fromMs < first || toMs > last) mc.days = ctx.tables.zoneDays(mc.member.timeZone, fromMs, toMs);
  const y0 = utcYear(fromMs) - 1;
  const y1 = utcYear(toMs) + 1;
  for (let y = y0; y <= y1; y++) {
    if (mc.holidayYears.has(y)) continue;
    mc.holidayYears.add(y);
    for (const { day, name } of ctx.tables.holidayYear(ctx.plan, ctx.holidayKey, mc.member, y)) {
      mc.holidays.set(day, name);
    }
  }
  // Whole UTC years y0+1 … y1−1 are now certainly covered in any zone (offsets stay within a day).
  mc.covered = widen(mc.covered, y0, y1);
}

/** The covered span after loading years y0 … y1: joined with the old one when they touch, else the new one. */
function widen(covered: Interval, y0: number, y1: number): Interval {
  const start = Date.UTC(y0 + 1, 0, 1);
  const end = Date.UTC(y1, 0, 1);
  return end >= covered.start && start <= covered.end
    ? { start: Math.min(covered.start, start), end: Math.max(covered.end, end) }
    : { start, end };
}

/** Makes sure the plan's day table and investor weeks cover the instants [fromMs, toMs]. */
export function coverPlan(ctx: PlanContext, fromMs: number, toMs: number): void {
  if (fromMs >= ctx.covered.start && toMs <= ctx.covered.end) return;
  const days = ctx.planDays;
  if (fromMs < days.start[0]! || toMs > days.start[days.length]!) {
    ctx.planDays = ctx.tables.zoneDays(ctx.plan.rotation.timeZone, fromMs, toMs);
  }
  const y0 = utcYear(fromMs) - 1;
  const y1 = utcYear(toMs) + 1;
  let added = false;
  for (let y = y0; y <= y1; y++) {
    if (ctx.investorYears.has(y)) continue;
    ctx.investorYears.add(y);
    added = true;
    ctx.investor.push(...ctx.tables.investorYear(ctx.plan, y));
  }
  if (added) ctx.investor.sort((a, b) => a.start - b.start);
  ctx.covered = widen(ctx.covered, y0, y1);
}

/** The holiday name of a member on the local day holding `ms`, or undefined. */
export function holidayAt(ctx: PlanContext, mc: MemberContext, ms: number): string | undefined {
  coverMember(ctx, mc, ms, ms);
  return mc.holidays.get(mc.days.firstDay + dayIndexAt(mc.days, ms));
}
