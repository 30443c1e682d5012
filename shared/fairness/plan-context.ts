import type { Member, Plan, TimeOff } from '../plan/schema';
import { HolidayCalendar } from '../time/holiday-calendar';
import { memberHolidays } from '../time/holidays';
import { investorWeeks } from '../rotation/investor-weeks';
import {
  dayIndexAt,
  epochDay,
  localDatesToInterval,
  zoneDays,
  zoneDaysForDates,
  type ZoneDays,
} from './zone-days';

/** A half-open interval of instants [start, end) in epoch milliseconds. */
export type Interval = [number, number];

/** What the ledger needs to know about one member, computed once per plan. */
export type MemberContext = {
  member: Member;
  /** Day table of the member's own zone. */
  days: ZoneDays;
  /** Epoch days (the member's local dates) that are public holidays for them, for the years loaded. */
  holidays: Map<number, string>;
  holidayYears: Set<number>;
  /** The instants the day table and holidays are known to cover (a fast path for `coverMember`). */
  coveredFrom: number;
  coveredTo: number;
  /** Time off as instants, sorted; whole local days in the member's zone. */
  timeOff: Interval[];
  /** The same intervals with the time-off entries they come from, in the same order. */
  timeOffItems: { interval: Interval; item: TimeOff }[];
  skills: Set<string>;
};

/**
 * Everything per plan that the ledger, the flags and the simulator look up again and again: member day tables,
 * holidays, time off and investor weeks as instants, and the weight factor of each layer.
 * Why one context: it is built once per plan object (plans are immutable) and shared by every shift.
 */
export type PlanContext = {
  plan: Plan;
  /** Where public holidays come from: the first caller's calendar, for the life of the context. */
  holidays: HolidayCalendar;
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
  /** The instants the plan's day table and investor weeks are known to cover (fast path for `coverPlan`). */
  coveredFrom: number;
  coveredTo: number;
};

function utcYear(ms: number): number {
  return new Date(ms).getUTCFullYear();
}

function memberContext(plan: Plan, member: Member): MemberContext {
  const timeOffItems = member.timeOff
    .map((item) => ({
      interval: localDatesToInterval(
        zoneDaysForDates(member.timeZone, item.start, item.end),
        item.start,
        item.end,
      ),
      item,
    }))
    .sort((a, b) => a.interval[0] - b.interval[0]);
  return {
    member,
    timeOff: timeOffItems.map((t) => t.interval),
    timeOffItems,
    days: zoneDaysForDates(member.timeZone, plan.rotation.startDate, plan.rotation.endDate),
    holidays: new Map(),
    holidayYears: new Set(),
    coveredFrom: Infinity,
    coveredTo: -Infinity,
    skills: new Set(member.skills),
  };
}

// eslint-disable-next-line no-restricted-syntax -- a module-level cache still to be owned by its callers
const contexts = new WeakMap<Plan, PlanContext>();

/**
 * The lookup context of a plan, cached per plan object.
 * Why a WeakMap: edits return new plan objects, so a cached context can never go stale, and it is freed with its
 * plan. `holidays`: the caller's holiday calendar (a fresh one when none is given).
 */
export function planContext(plan: Plan, holidays: HolidayCalendar = new HolidayCalendar()): PlanContext {
  const hit = contexts.get(plan);
  if (hit) return hit;
  const layerFactor = new Map<string, number>();
  const layerIndex = new Map<string, number>();
  plan.rotation.layers.forEach((layer, i) => {
    layerFactor.set(layer.id, i === 0 ? 1 : plan.coverage.weights.secondaryFactor);
    layerIndex.set(layer.id, i);
  });
  const ctx: PlanContext = {
    plan,
    holidays,
    members: new Map(plan.members.map((m) => [m.id, memberContext(plan, m)])),
    layerFactor,
    layerIndex,
    planDays: zoneDaysForDates(plan.rotation.timeZone, plan.rotation.startDate, plan.rotation.endDate),
    investor: [],
    investorYears: new Set(),
    coveredFrom: Infinity,
    coveredTo: -Infinity,
  };
  contexts.set(plan, ctx);
  return ctx;
}

/** The member's context, or an error naming the unknown member id. */
export function memberOf(ctx: PlanContext, memberId: string): MemberContext {
  const mc = ctx.members.get(memberId);
  if (!mc) throw new Error(`no team member has id "${memberId}"`);
  return mc;
}

// eslint-disable-next-line no-restricted-syntax -- a module-level cache still to be owned by its callers
const holidayCache = new Map<string, [number, string][]>();
// eslint-disable-next-line no-restricted-syntax -- a module-level cache still to be owned by its callers
const customKeys = new WeakMap<Plan, string>();

/**
 * A member's holidays in one year as (epoch day, name) pairs.
 * Why cached across plans: they depend only on the member's region, the plan's custom holidays and region, and
 * the year; every edit makes a new plan object, and a 25-person team would otherwise ask date-holidays again.
 */
function holidayYear(ctx: PlanContext, member: Member, year: number): [number, string][] {
  let custom = customKeys.get(ctx.plan);
  if (custom === undefined) {
    const h = ctx.plan.coverage.holidays;
    custom = JSON.stringify([h.customHolidays, h.planRegion]);
    customKeys.set(ctx.plan, custom);
  }
  const key = `${JSON.stringify(member.holidayRegion)}|${custom}|${year}`;
  const hit = holidayCache.get(key);
  if (hit) return hit;
  const list = memberHolidays(ctx.holidays, ctx.plan, member, `${year}-01-01`, `${year}-12-31`).map(
    (h) => [epochDay(h.date), h.name] as [number, string],
  );
  holidayCache.set(key, list);
  return list;
}

/**
 * Makes sure the member's day table and holidays cover the instants [fromMs, toMs].
 * Why lazy: holidays come from date-holidays per region and year; only the years a shift touches are loaded.
 */
export function coverMember(ctx: PlanContext, mc: MemberContext, fromMs: number, toMs: number): void {
  if (fromMs >= mc.coveredFrom && toMs <= mc.coveredTo) return;
  const first = mc.days.start[0]!;
  const last = mc.days.start[mc.days.length]!;
  if (fromMs < first || toMs > last) mc.days = zoneDays(mc.member.timeZone, fromMs, toMs);
  const y0 = utcYear(fromMs) - 1;
  const y1 = utcYear(toMs) + 1;
  for (let y = y0; y <= y1; y++) {
    if (mc.holidayYears.has(y)) continue;
    mc.holidayYears.add(y);
    for (const [day, name] of holidayYear(ctx, mc.member, y)) mc.holidays.set(day, name);
  }
  // Whole UTC years y0+1 … y1−1 are now certainly covered in any zone (offsets stay within a day).
  [mc.coveredFrom, mc.coveredTo] = widen(mc.coveredFrom, mc.coveredTo, y0, y1);
}

/** The covered span after loading years y0 … y1: joined with the old one when they touch, else the new one. */
function widen(from: number, to: number, y0: number, y1: number): [number, number] {
  const a = Date.UTC(y0 + 1, 0, 1);
  const b = Date.UTC(y1, 0, 1);
  return b >= from && a <= to ? [Math.min(from, a), Math.max(to, b)] : [a, b];
}

// eslint-disable-next-line no-restricted-syntax -- a module-level cache still to be owned by its callers
const investorCache = new Map<string, Interval[]>();

/**
 * The investor weeks starting in one year as instants (plan zone).
 * Why cached across plans: the rule, the zone and the year decide them, and every edit makes a new plan object.
 */
function investorIntervals(plan: Plan, year: number): Interval[] {
  const rule = plan.coverage.investorWeek.rule;
  const zone = plan.rotation.timeZone;
  const key = `${zone}|${JSON.stringify(rule)}|${year}`;
  const hit = investorCache.get(key);
  if (hit) return hit;
  const out: Interval[] = [];
  for (const week of investorWeeks(rule, `${year}-01-01`, `${year}-12-31`)) {
    // A week that straddles a year end is listed by both years; keep it once.
    if (week.start < `${year}-01-01`) continue;
    out.push(localDatesToInterval(zoneDaysForDates(zone, week.start, week.end), week.start, week.end));
  }
  investorCache.set(key, out);
  return out;
}

/** Makes sure the plan's day table and investor weeks cover the instants [fromMs, toMs]. */
export function coverPlan(ctx: PlanContext, fromMs: number, toMs: number): void {
  if (fromMs >= ctx.coveredFrom && toMs <= ctx.coveredTo) return;
  const days = ctx.planDays;
  if (fromMs < days.start[0]! || toMs > days.start[days.length]!) {
    ctx.planDays = zoneDays(ctx.plan.rotation.timeZone, fromMs, toMs);
  }
  const y0 = utcYear(fromMs) - 1;
  const y1 = utcYear(toMs) + 1;
  let added = false;
  for (let y = y0; y <= y1; y++) {
    if (ctx.investorYears.has(y)) continue;
    ctx.investorYears.add(y);
    added = true;
    ctx.investor.push(...investorIntervals(ctx.plan, y));
  }
  if (added) ctx.investor.sort((a, b) => a[0] - b[0]);
  [ctx.coveredFrom, ctx.coveredTo] = widen(ctx.coveredFrom, ctx.coveredTo, y0, y1);
}

/** Milliseconds of [a, b) that fall inside the sorted, disjoint intervals. */
export function overlapMs(intervals: readonly Interval[], a: number, b: number): number {
  let lo = 0;
  let hi = intervals.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[mid]![1] <= a) lo = mid + 1;
    else hi = mid;
  }
  let total = 0;
  for (let i = lo; i < intervals.length && intervals[i]![0] < b; i++) {
    const [s, e] = intervals[i]!;
    total += Math.min(b, e) - Math.max(a, s);
  }
  return Math.max(0, total);
}

/** True when [a, b) touches any of the intervals (sorted by start; they may overlap each other). */
export function intersects(intervals: readonly Interval[], a: number, b: number): boolean {
  for (const [s, e] of intervals) {
    if (s >= b) return false;
    if (e > a) return true;
  }
  return false;
}

/** The holiday name of a member on the local day holding `ms`, or undefined. */
export function holidayAt(ctx: PlanContext, mc: MemberContext, ms: number): string | undefined {
  coverMember(ctx, mc, ms, ms);
  return mc.holidays.get(mc.days.firstDay + dayIndexAt(mc.days, ms));
}
