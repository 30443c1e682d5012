import { Temporal } from 'temporal-polyfill';
import type { Plan } from '../../plan/schema';
import type { Ledger, ShiftInfo } from '../ledger';
import { investorWeeks } from '../../rotation/investor-weeks';
import { overlapsAny, type Interval } from '../../time/intervals';
import { coverPlan, type PlanContext } from '../plan-context';
import { shiftLoadIn } from '../shift-load';
import type { AnalysisWindow } from '../window';
import { dateOfEpochDay, dayIndexAt, HOUR_MS, localDatesToInterval } from '../zone-days';

/** An investor-report week: its local dates (plan zone) and its instants clipped to the window. */
export type InvestorWeek = { startDate: string; endDate: string; interval: Interval };

/**
 * What every flag rule reads: the plan, its ledger and indices of the shifts in the window by layer and by member,
 * each sorted by start.
 * Why one context: the rules ask "who is on call at t", "is this person free then" and "what would this swap do to
 * the spread" thousands of times; the indices make each question a binary search.
 */
export type AnalysisContext = {
  plan: Plan;
  ctx: PlanContext;
  ledger: Ledger;
  byLayer: ShiftInfo[][];
  byMember: Map<string, ShiftInfo[]>;
  /** Longest shift per layer, to bound the backward scan of `onCallAt`. */
  longest: number[];
  /** Member id → index in ledger.members. */
  memberIndex: Map<string, number>;
  /** Member id → index in ledger.participants / adjustedLoads, for participants only. */
  participantIndex: Map<string, number>;
  /** Shift → load per member profile (see `profileOf`). */
  loadCache: Map<ShiftInfo, Map<number, number>>;
  /**
   * Member id → index of their (time zone, holiday region) pair. Why: a shift weighs the same for everyone who
   * shares both, so the fix search computes each shift's load once per pair, not once per person.
   */
  profileOf: Map<string, number>;
  shiftById: Map<string, ShiftInfo>;
  /** Per layer: its member order plus everyone holding one of its shifts in the window. */
  layerMembers: string[][];
  /** Longest shift of the window, to bound searches by time in a member's sorted list. */
  longestShift: number;
  names: Map<string, string>;
  /** The investor weeks that touch the window, in time order. */
  investorWeeks: InvestorWeek[];
};

const byStart = (a: ShiftInfo, b: ShiftInfo) => a.startMs - b.startMs || a.endMs - b.endMs;

function profiles(plan: Plan): Map<string, number> {
  const keys = new Map<string, number>();
  return new Map(
    plan.members.map((m) => {
      const key = `${m.timeZone}|${m.holidayRegion.country}|${m.holidayRegion.subdivision ?? ''}`;
      if (!keys.has(key)) keys.set(key, keys.size);
      return [m.id, keys.get(key)!];
    }),
  );
}

/** The investor weeks that touch the analysis window, clipped to it. */
function investorWeeksIn(ctx: PlanContext, window: AnalysisWindow): InvestorWeek[] {
  coverPlan(ctx, window.startMs, window.endMs);
  return investorWeeks(ctx.plan.coverage.investorWeek.rule, window.from, window.to)
    .map((w) => {
      const { start, end } = localDatesToInterval(ctx.planDays, w.start, w.end);
      const interval = { start: Math.max(start, window.startMs), end: Math.min(end, window.endMs) };
      return { startDate: w.start, endDate: w.end, interval };
    })
    .filter((w) => w.interval.end > w.interval.start);
}

/** Indexes a ledger's shifts for the flag rules. */
export function analysisContext(plan: Plan, ledger: Ledger): AnalysisContext {
  const byLayer: ShiftInfo[][] = plan.rotation.layers.map(() => []);
  const byMember = new Map<string, ShiftInfo[]>(plan.members.map((m) => [m.id, []]));
  for (const s of ledger.shifts) {
    if (s.layerIndex >= 0) byLayer[s.layerIndex]!.push(s);
    byMember.get(s.shift.memberId)?.push(s);
  }
  byLayer.forEach((list) => list.sort(byStart));
  byMember.forEach((list) => list.sort(byStart));
  return {
    plan,
    ctx: ledger.context,
    ledger,
    byLayer,
    byMember,
    longest: byLayer.map((list) => list.reduce((m, s) => Math.max(m, s.endMs - s.startMs), 0)),
    memberIndex: new Map(ledger.members.map((m, i) => [m.id, i])),
    participantIndex: new Map(ledger.participants.map((id, i) => [id, i])),
    loadCache: new Map(),
    shiftById: new Map(ledger.shifts.map((s) => [s.shift.id, s])),
    layerMembers: plan.rotation.layers.map((layer, i) => [
      ...new Set([...layer.memberOrder, ...byLayer[i]!.map((s) => s.shift.memberId)]),
    ]),
    longestShift: ledger.shifts.reduce((m, s) => Math.max(m, s.endMs - s.startMs), 0),
    names: new Map(plan.members.map((m) => [m.id, m.name.split(' ')[0] ?? m.id])),
    profileOf: profiles(plan),
    investorWeeks: investorWeeksIn(ledger.context, ledger.window),
  };
}

/**
 * The shifts of a list sorted by start that may touch [a, b): a binary search skips everything that starts more
 * than the longest shift before `a`. Why: a member holds hundreds of shifts over two years, a check needs a few.
 */
export function near(ac: AnalysisContext, list: readonly ShiftInfo[], a: number, b: number): ShiftInfo[] {
  const from = a - ac.longestShift;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.startMs < from) lo = mid + 1;
    else hi = mid;
  }
  const out: ShiftInfo[] = [];
  for (let i = lo; i < list.length && list[i]!.startMs <= b; i++) out.push(list[i]!);
  return out;
}

/** The shifts of a layer that cover instant `ms`. */
export function onCallAt(ac: AnalysisContext, layerIndex: number, ms: number): ShiftInfo[] {
  const list = ac.byLayer[layerIndex] ?? [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.startMs <= ms) lo = mid + 1;
    else hi = mid;
  }
  const out: ShiftInfo[] = [];
  const reach = ms - (ac.longest[layerIndex] ?? 0);
  for (let i = lo - 1; i >= 0 && list[i]!.startMs >= reach; i--) {
    if (list[i]!.endMs > ms) out.push(list[i]!);
  }
  return out;
}

/** The shifts of a sorted list that overlap [a, b). */
export function overlapping(list: readonly ShiftInfo[], a: number, b: number): ShiftInfo[] {
  return list.filter((s) => s.startMs < b && s.endMs > a);
}

/** The member's name for messages (the id when unknown). */
export function nameOf(ac: AnalysisContext, memberId: string): string {
  return ac.names.get(memberId) ?? memberId;
}

/** A layer's display name ("Primary"). */
export function layerName(ac: AnalysisContext, layerIndex: number): string {
  return ac.plan.rotation.layers[layerIndex]?.name ?? `layer ${layerIndex + 1}`;
}

/** The local date (plan zone) of an instant. */
export function planDate(ac: AnalysisContext, ms: number): string {
  const days = ac.ctx.planDays;
  return dateOfEpochDay(days.firstDay + dayIndexAt(days, ms));
}

/** An instant as an ISO string without milliseconds (`2027-01-04T17:00:00Z`), the form shifts use. */
export function iso(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

/** "the Primary week of 2027-12-20" (or "day"/"shift" for other lengths). */
export function describeShift(ac: AnalysisContext, s: ShiftInfo): string {
  const hours = (s.endMs - s.startMs) / HOUR_MS;
  const unit = Math.abs(hours - 168) <= 1 ? 'week' : Math.abs(hours - 24) <= 1 ? 'day' : 'shift';
  return `the ${layerName(ac, s.layerIndex)} ${unit} of ${planDate(ac, s.startMs)}`;
}

/** A number of hours, rounded for a sentence ("38 h"). */
export function hoursText(hours: number): string {
  return `${Math.round(hours)} h`;
}

/** The weighted load `memberId` would carry for the in-window part of shift `s` (memoised). */
export function loadFor(ac: AnalysisContext, s: ShiftInfo, memberId: string): number {
  if (memberId === s.shift.memberId) return s.load.weightedLoad;
  let perMember = ac.loadCache.get(s);
  if (!perMember) {
    perMember = new Map();
    ac.loadCache.set(s, perMember);
  }
  const profile = ac.profileOf.get(memberId) ?? -1;
  const hit = perMember.get(profile);
  if (hit !== undefined) return hit;
  const load = shiftLoadIn(ac.ctx, s.shift.layerId, memberId, s.clipStartMs, s.clipEndMs).weightedLoad;
  perMember.set(profile, load);
  return load;
}

/** True when the member has time off touching [a, b). */
export function onTimeOff(ac: AnalysisContext, memberId: string, a: number, b: number): boolean {
  const mc = ac.ctx.members.get(memberId);
  return mc ? overlapsAny(mc.timeOff, a, b) : false;
}

/**
 * True when the member could take [a, b) on `layerIndex`: no time off then, no other shift then (any layer, the
 * shifts in `ignore` excepted) and, when the plan forbids back-to-back shifts, none of theirs on that layer ending
 * at `a` or starting at `b`.
 */
export function isFree(
  ac: AnalysisContext,
  memberId: string,
  a: number,
  b: number,
  layerIndex: number,
  ignore: readonly ShiftInfo[] = [],
): boolean {
  if (onTimeOff(ac, memberId, a, b)) return false;
  const strict = !ac.plan.coverage.limits.allowBackToBack;
  for (const s of near(ac, ac.byMember.get(memberId) ?? [], a, b)) {
    if (ignore.includes(s)) continue;
    if (s.startMs < b && s.endMs > a) return false;
    if (strict && s.layerIndex === layerIndex && (s.endMs === a || s.startMs === b)) return false;
  }
  return true;
}

/** An instant as local date and time in the plan's zone ("2027-03-01 09:00"), for messages. */
export function planDateTime(ac: AnalysisContext, ms: number): string {
  return Temporal.Instant.fromEpochMilliseconds(ms)
    .toZonedDateTimeISO(ac.plan.rotation.timeZone)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' })
    .replace('T', ' ');
}
