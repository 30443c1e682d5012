import type { Plan, Shift } from '../plan/schema';
import { isShadowShift } from '../rotation/shadow-shifts';
import { fairnessMetrics, type FairnessMetrics } from './metrics';
import { planContext, type Interval, type PlanContext } from './plan-context';
import { instantMs } from '../time/zoned';
import { addLoad, shiftLoadIn, zeroLoad, type LoadBreakdown, type ShiftLoad } from './shift-load';
import type { AnalysisWindow } from './window';
import { HOUR_MS } from './zone-days';
import type { HolidayCalendar } from '../time/holiday-calendar';

/** A shift of the plan that touches the window, parsed once: instants, layer index and its load in the window. */
export type ShiftInfo = {
  shift: Shift;
  startMs: number;
  endMs: number;
  /** Index of its layer in plan.rotation.layers (0 primary); −1 for a layer the plan does not declare. */
  layerIndex: number;
  /** The part inside the window. */
  clipStartMs: number;
  clipEndMs: number;
  load: ShiftLoad;
};

/** One member's load on one layer. */
export type LayerLoad = LoadBreakdown & { layerId: string; shiftCount: number; fairShare: number };

/**
 * One member's ledger line. The first ten fields are the `analyze --json` contract (the CLI contract (docs/architecture.md)); the rest
 * explain them: hours shadowing someone on call as a learner (never on call, not in the weighted load),
 * availability (share of the window not on time off), the share of the window on call on any layer and on the
 * primary layer, and the band the best possible split of whole shifts allows.
 */
export type MemberLoad = {
  id: string;
  name: string;
  onCallHours: number;
  weekendHours: number;
  holidayHours: number;
  nightHours: number;
  investorWeekHours: number;
  weightedLoad: number;
  fairShare: number;
  shiftCount: number;
  shadowHours: number;
  availability: number;
  onCallShare: number;
  primaryShare: number;
  fairShareRange: { low: number; high: number };
  layers: LayerLoad[];
};

/**
 * The load ledger of a plan over a window, with the team metrics.
 * `participants` are the members who owe a share (in a layer's member order or holding a shift in the window);
 * `adjustedLoads` are their weighted loads scaled by mean fair share / own fair share, so someone away half the
 * window is compared at double weight: the metrics are computed on these and equal the plain loads when everyone
 * is equally available.
 */
export type Ledger = {
  window: AnalysisWindow;
  context: PlanContext;
  shifts: ShiftInfo[];
  members: MemberLoad[];
  participants: string[];
  adjustedLoads: number[];
  meanFairShare: number;
  fairness: FairnessMetrics;
};

const EPS = 1e-9;

/**
 * Every on-call shift that touches [window.start, window.end), parsed and weighed, in plan order.
 * Shadow shifts are left out: a learner is not on call, so they weigh nothing and no flag reads them.
 */
export function shiftsInWindow(plan: Plan, window: AnalysisWindow): ShiftInfo[] {
  const ctx = planContext(plan);
  const out: ShiftInfo[] = [];
  for (const shift of plan.shifts) {
    if (isShadowShift(shift)) continue;
    const startMs = instantMs(shift.start);
    const endMs = instantMs(shift.end);
    const clipStartMs = Math.max(startMs, window.startMs);
    const clipEndMs = Math.min(endMs, window.endMs);
    if (clipEndMs <= clipStartMs) continue;
    out.push({
      shift,
      startMs,
      endMs,
      layerIndex: ctx.layerIndex.get(shift.layerId) ?? -1,
      clipStartMs,
      clipEndMs,
      load: shiftLoadIn(ctx, shift.layerId, shift.memberId, clipStartMs, clipEndMs),
    });
  }
  return out;
}

/** Per member (by index), the milliseconds of their shadow shifts inside the window, overlaps counted once. */
function shadowTimeIn(plan: Plan, window: AnalysisWindow, memberIndex: Map<string, number>): number[] {
  const spans: Interval[][] = plan.members.map(() => []);
  for (const shift of plan.shifts) {
    if (!isShadowShift(shift)) continue;
    const i = memberIndex.get(shift.memberId);
    if (i === undefined) continue;
    spans[i]!.push([instantMs(shift.start), instantMs(shift.end)]);
  }
  return spans.map((list) => clippedLength(mergeIntervals(list), window.startMs, window.endMs));
}

/** Sorts intervals and merges those that touch, so their lengths can be summed without double counting. */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

function clippedLength(intervals: readonly Interval[], a: number, b: number): number {
  let total = 0;
  for (const [s, e] of intervals) total += Math.max(0, Math.min(b, e) - Math.max(a, s));
  return total;
}

/**
 * The share of [a, b) a member is available (not on time off), 0..1.
 * Why: fair share follows availability — away half the window, owe half (the fairness model (docs/architecture.md)).
 */
export function availabilityIn(ctx: PlanContext, memberId: string, a: number, b: number): number {
  const mc = ctx.members.get(memberId);
  if (!mc || b <= a) return 1;
  return 1 - clippedLength(mergeIntervals(mc.timeOff), a, b) / (b - a);
}

/**
 * Availability-adjusted loads of the participants: load × mean fair share / own fair share (participants with a
 * fair share of 0 are left out). Why: the metrics then judge what each person carries against what they owe.
 */
export function adjustLoads(loads: readonly number[], fair: readonly number[]): number[] {
  const kept = fair.map((f, i) => [f, loads[i]!] as const).filter(([f]) => f > EPS);
  const meanFair = kept.reduce((s, [f]) => s + f, 0) / Math.max(1, kept.length);
  return kept.map(([f, load]) => (load * meanFair) / f);
}

/**
 * Builds the ledger: per member and layer the hours, their kinds and the weighted load; fair shares split each
 * layer's total weighted load among its participants in proportion to availability; the best-split band says how
 * far whole shifts force anyone from the exact share (13 weeks among 4 people: 3 or 4 weeks each, never 3.25).
 * `holidays`: the caller's holiday calendar (see `planContext`).
 */
export function buildLedger(plan: Plan, window: AnalysisWindow, holidays?: HolidayCalendar): Ledger {
  const ctx = planContext(plan, holidays);
  const shifts = shiftsInWindow(plan, window);
  const layers = plan.rotation.layers;
  const memberIndex = new Map(plan.members.map((m, i) => [m.id, i]));
  const perLayer = plan.members.map(() => layers.map(() => ({ load: zeroLoad(), count: 0 })));
  const onCall: Interval[][] = plan.members.map(() => []);
  const stray = plan.members.map(() => ({ load: zeroLoad(), count: 0 }));
  const layerTotal = layers.map(() => ({ load: 0, shifts: 0 }));
  const layerMembers = layers.map((l) => new Set(l.memberOrder));
  for (const s of shifts) {
    const mi = memberIndex.get(s.shift.memberId);
    if (mi === undefined) continue;
    onCall[mi]!.push([s.clipStartMs, s.clipEndMs]);
    if (s.layerIndex < 0) {
      // Shifts on undeclared layers still count as hours on call.
      addLoad(stray[mi]!.load, s.load);
      stray[mi]!.count++;
      continue;
    }
    const cell = perLayer[mi]![s.layerIndex]!;
    addLoad(cell.load, s.load);
    cell.count++;
    layerTotal[s.layerIndex]!.load += s.load.weightedLoad;
    layerTotal[s.layerIndex]!.shifts += (s.clipEndMs - s.clipStartMs) / (s.endMs - s.startMs);
    layerMembers[s.layerIndex]!.add(s.shift.memberId);
  }
  const shadowMs = shadowTimeIn(plan, window, memberIndex);
  const availability = plan.members.map((m) => availabilityIn(ctx, m.id, window.startMs, window.endMs));
  const fairPerLayer = plan.members.map(() => layers.map(() => ({ fair: 0, low: 0, high: 0 })));
  layers.forEach((_, li) => {
    const who = [...layerMembers[li]!].map((id) => memberIndex.get(id)).filter((i) => i !== undefined);
    const totalAvail = who.reduce((s, i) => s + availability[i]!, 0);
    const { load, shifts: count } = layerTotal[li]!;
    const perShift = count > 0 ? load / count : 0;
    for (const i of who) {
      const fair = totalAvail > 0 ? (load * availability[i]!) / totalAvail : load / who.length;
      const entitled = perShift > 0 ? fair / perShift : 0;
      fairPerLayer[i]![li] = {
        fair,
        low: Math.floor(entitled + EPS) * perShift,
        high: Math.ceil(entitled - EPS) * perShift,
      };
    }
  });
  const participants = new Set(layerMembers.flatMap((s) => [...s]));
  const members: MemberLoad[] = plan.members.map((m, i) => {
    const total = zeroLoad();
    let count = 0;
    const layerLoads = layers.map((l, li) => {
      const cell = perLayer[i]![li]!;
      addLoad(total, cell.load);
      count += cell.count;
      return { layerId: l.id, ...cell.load, shiftCount: cell.count, fairShare: fairPerLayer[i]![li]!.fair };
    });
    addLoad(total, stray[i]!.load);
    count += stray[i]!.count;
    const onCallMs = clippedLength(mergeIntervals(onCall[i]!), window.startMs, window.endMs);
    const windowMs = window.endMs - window.startMs;
    return {
      id: m.id,
      name: m.name,
      onCallHours: total.hours,
      weekendHours: total.weekendHours,
      holidayHours: total.holidayHours,
      nightHours: total.nightHours,
      investorWeekHours: total.investorWeekHours,
      weightedLoad: total.weightedLoad,
      fairShare: fairPerLayer[i]!.reduce((s, f) => s + f.fair, 0),
      shiftCount: count,
      shadowHours: shadowMs[i]! / HOUR_MS,
      availability: availability[i]!,
      onCallShare: onCallMs / windowMs,
      primaryShare: (perLayer[i]![0]?.load.hours ?? 0) / (windowMs / HOUR_MS),
      fairShareRange: {
        low: fairPerLayer[i]!.reduce((s, f) => s + f.low, 0),
        high: fairPerLayer[i]!.reduce((s, f) => s + f.high, 0),
      },
      layers: layerLoads,
    };
  });
  const inTeam = members.filter((m) => participants.has(m.id));
  const adjustedLoads = adjustLoads(
    inTeam.map((m) => m.weightedLoad),
    inTeam.map((m) => m.fairShare),
  );
  const fairs = inTeam.map((m) => m.fairShare).filter((f) => f > EPS);
  return {
    window,
    context: ctx,
    shifts,
    members,
    participants: inTeam.map((m) => m.id),
    adjustedLoads,
    meanFairShare: fairs.reduce((s, f) => s + f, 0) / Math.max(1, fairs.length),
    fairness: fairnessMetrics(adjustedLoads),
  };
}
