import { availabilityIn } from '../fairness/ledger';
import { FairnessTables } from '../fairness/fairness-tables';
import { createPlanContext, type PlanContext } from '../fairness/plan-context';
import { shiftLoadIn } from '../fairness/shift-load';
import { resolveWindow, type AnalysisWindow } from '../fairness/window';
import type { Layer, Member, Plan, Shift } from '../plan/schema';
import type { RotationSlot } from '../rotation/generate-shifts';
import { majorHolidayDates } from '../rotation/holiday-duty';
import { investorOwners } from '../rotation/investor-staffing';
import { investorWeeks } from '../rotation/investor-weeks';
import { isKeptShift } from '../rotation/schedule-shifts';
import { shadowShiftsOf, withoutShadows } from '../rotation/shadow-shifts';
import { TurnsTable } from '../rotation/turns';
import type { HolidayCalendar } from '../time/holiday-calendar';
import { intersect, overlaps, subtractIntervals, type Interval } from '../time/intervals';
import { ZoneClock } from '../time/zone-clock';
import { addDays, instantMs, isoWeekday, msToInstant } from '../time/zoned';
import { cellPay } from './cell-pay';
import { planLanes, type LaneTurn, type PlanLane, type PlanLanes } from './plan-lanes';
import type {
  RosterAssignment,
  RosterCell,
  RosterClash,
  RosterModel,
  RosterRequest,
  RosterStaff,
  RosterWeekendCell,
} from './roster-model';
import { spanIndex, type SpanIndex } from './span-index';

/** A group of hard rules that the infeasibility explanation may switch off to find the culprit. */
export type RelaxableRule = 'time-off' | 'back-to-back' | 'investor-owner' | 'pinned' | 'max-weekends';

/** Every relaxable group, in the order the explanation tries them. */
export const RELAXABLE_RULES: readonly RelaxableRule[] = [
  'time-off',
  'back-to-back',
  'investor-owner',
  'pinned',
  'max-weekends',
];

/**
 * A wish to be on call or not in a span (ISO instants), optionally on one layer, with the weight paid (in
 * weighted hours) per period when it is not met. Why instants and layers: the plan's own `wishes` (whole dates,
 * any layer) are read into this form, and callers may pass finer ones.
 */
export type PlanWish = {
  memberId: string;
  start: string;
  end: string;
  layerId?: string;
  kind: 'on' | 'off';
  weight: number;
};

/** How the plan becomes a roster model: the window, the soft-rule weights and the rules switched off. */
export type PlanRosterOptions = {
  from?: string;
  to?: string;
  /** Weight of the largest deviation from fair share (weighted hours). Default 1. */
  deviationWeight?: number;
  /** Weight of the spread between the highest and lowest deviation. Default 0.25. */
  spreadWeight?: number;
  /** Cost of giving a major holiday to the person who held it the year before. Default 24. */
  holidayRepeatWeight?: number;
  /** Cost per period and layer whose person differs from the current schedule. Default 0. */
  changeWeight?: number;
  /**
   * Weight of on-call pay (by the plan's pay rules, per unit of its currency) in the objective; 0 or absent, or a
   * plan without pay rules: pay is not considered. A small weight prefers the cheaper of equally fair rosters.
   */
  costWeight?: number;
  /** Replaces the plan's `wishes` when given. */
  wishes?: PlanWish[];
  /** Replaces the plan's `rotation.maxWeekendsPerMember` when given; null: no limit. */
  maxWeekends?: number | null;
  relax?: readonly RelaxableRule[];
  /**
   * The caller's zone, holiday and investor-week tables (and through them its holiday calendar), shared by every
   * ledger and pay report of a run; fresh ones when absent.
   */
  tables?: FairnessTables;
};

/**
 * One decision of the roster: the turn of one lane (a plain layer's period, or one rotation's turn) in one round,
 * the instants it covers, and who holds it now.
 */
export type PlanCell = {
  /** The plan period (round) the turn belongs to. */
  slot: RotationSlot;
  layer: Layer;
  lane: PlanLane;
  turn: LaneTurn;
  /** The turn's bounds (ISO instants): the period for a plain layer, the rotation's handoffs otherwise. */
  start: string;
  end: string;
  /** The parts of the turn's on-call time the optimiser assigns (minus shifts it keeps), epoch ms. */
  pieces: Interval[];
  /** Member who holds most of it in the current schedule, if anyone. */
  currentMemberId: string | null;
  /** The existing shifts that are exactly this cell, all held by `currentMemberId` (empty when none are). */
  currentShifts: Shift[];
  /** Set when a kept shift (pinned, manual, override) is exactly this cell: it stays with its member. */
  fixedMemberId: string | null;
};

/** Why a (member, period, layer) is closed: the rule and a sentence with dates. */
export type BlockReason = { rule: RelaxableRule; detail: string };

/**
 * A plan as a roster model, with everything needed to read a solution back into shifts: the window, the periods
 * (days of the model), the lanes (shift types: plain layers and the rotations of layers that have them) and their
 * layers, the members (staff, in plan order), the cells, the shifts left untouched, and why each closed cell is
 * closed.
 */
export type PlanRoster = {
  plan: Plan;
  model: RosterModel;
  window: AnalysisWindow;
  slots: RotationSlot[];
  /** The layer of each shift type (lane). */
  layers: Layer[];
  lanes: PlanLane[];
  members: Member[];
  /** cells[day][shiftType]; null where the lane has no turn or a kept shift covers all of it. */
  cells: (PlanCell | null)[][];
  /** Shifts the optimiser leaves as they are (kept shifts, other layers, parts outside the periods). */
  untouched: Shift[];
  /** The plan's shadow shifts: never modelled (they are no coverage), written back exactly as they were. */
  shadows: Shift[];
  current: RosterAssignment;
  blocked: Map<string, BlockReason>;
  /**
   * lastBefore[staff][shiftType]: the most recent period before the window in which the person held the lane,
   * as a day index (−1 the period right before the window), −Infinity when not within the last few rounds.
   */
  lastBefore: number[][];
  /** The weekends of the window (Saturday's date, and the instants of Saturday + Sunday in it), by model index. */
  weekends: PlanWeekend[];
};

/** One weekend of the window: its Saturday (a local date in the plan's zone) and the part of it inside the window. */
export type PlanWeekend = { saturday: string; start: number; end: number };

/** The plan's wishes (whole local dates, any layer) as the optimiser's wishes over instants. */
export function planWishes(plan: Plan, clock = new ZoneClock()): PlanWish[] {
  const zone = plan.rotation.timeZone;
  return (plan.wishes ?? []).map((w) => ({
    memberId: w.memberId,
    start: clock.startOfLocalDay(w.from, zone),
    end: clock.startOfLocalDay(addDays(w.to, 1), zone),
    kind: w.kind === 'prefer' ? 'on' : 'off',
    weight: w.weight,
  }));
}

/** The weekends (Saturday 00:00 to Monday 00:00 in `zone`) that overlap [startMs, endMs), clipped to it. */
export function weekendsIn(
  from: string,
  to: string,
  zone: string,
  startMs: number,
  endMs: number,
  clock = new ZoneClock(),
): PlanWeekend[] {
  const out: PlanWeekend[] = [];
  // Back to the Saturday on or before `from` (ISO weekday 6), so a window starting on Sunday keeps its weekend.
  let saturday = addDays(from, -((isoWeekday(from) + 1) % 7));
  for (; saturday <= to; saturday = addDays(saturday, 7)) {
    const start = Math.max(startMs, instantMs(clock.startOfLocalDay(saturday, zone)));
    const end = Math.min(endMs, instantMs(clock.startOfLocalDay(addDays(saturday, 2), zone)));
    if (end > start) out.push({ saturday, start, end });
  }
  return out;
}

/** The key of a (staff, day, shift type) cell in `PlanRoster.blocked`. */
export function cellKey(staff: number, day: number, shift: number): string {
  return `${staff}:${day}:${shift}`;
}

function overlapLength(pieces: readonly Interval[], other: Interval): number {
  let total = 0;
  for (const p of pieces) {
    const both = intersect(p, other);
    if (both) total += both.end - both.start;
  }
  return total;
}

const totalLength = (pieces: readonly Interval[]) => pieces.reduce((acc, p) => acc + p.end - p.start, 0);

/** What every phase reads: the window, the lanes, the members and the periods of the window. */
type RosterFrame = {
  plan: Plan;
  options: PlanRosterOptions;
  relax: ReadonlySet<RelaxableRule>;
  window: AnalysisWindow;
  zone: string;
  ctx: PlanContext;
  holidays: HolidayCalendar;
  /** The holiday calendar's zone clock: every local day and time of the model. */
  clock: ZoneClock;
  /** The modelled layers, in plan order. */
  planLayers: Layer[];
  lanes: PlanLane[];
  /** Lane indices of each modelled layer. */
  lanesOfLayer: number[][];
  members: Member[];
  memberIndex: Map<string, number>;
  /** Every period of the rotation, and its instants. */
  all: PlanLanes;
  /** Index in `all` of the window's first period (−1 when the window holds none). */
  firstIndex: number;
  /** The window's periods: the days of the model. */
  slots: RotationSlot[];
  D: number;
  T: number;
  isKept: (s: Shift) => boolean;
  /** The plan's shifts of each modelled layer (by layer index). */
  byLayer: SpanIndex[];
  /** Window periods (day indices) that overlap [start, end). */
  daysOverlapping: (start: number, end: number) => number[];
};

function rosterFrame(plan: Plan, options: PlanRosterOptions, all: PlanLanes): RosterFrame {
  const relax = new Set(options.relax ?? []);
  const window = resolveWindow(plan, { from: options.from, to: options.to });
  const spans = all.spans;
  const firstIndex = spans.findIndex((sp) => sp.start >= window.startMs && sp.start < window.endMs);
  const slots =
    firstIndex < 0 ? [] : all.slots.filter((_, i) => i >= firstIndex && spans[i]!.start < window.endMs);
  const D = slots.length;
  const relaxPinned = relax.has('pinned');
  const daysOverlapping = (start: number, end: number): number[] => {
    // Periods are contiguous and sorted: a binary search finds the first one that ends after `start`.
    let lo = 0;
    let hi = D;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[firstIndex + mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let d = lo; d < D && spans[firstIndex + d]!.start < end; d++) out.push(d);
    return out;
  };
  const tables = options.tables ?? new FairnessTables();
  return {
    plan,
    options,
    relax,
    window,
    zone: plan.rotation.timeZone,
    ctx: createPlanContext(plan, tables),
    holidays: tables.calendar,
    clock: tables.calendar.clock,
    planLayers: all.layers,
    lanes: all.lanes,
    lanesOfLayer: all.layers.map((_, l) =>
      all.lanes.flatMap((lane, t) => (lane.layerIndex === l ? [t] : [])),
    ),
    members: plan.members,
    memberIndex: new Map(plan.members.map((m, i) => [m.id, i])),
    all,
    firstIndex,
    slots,
    D,
    T: all.lanes.length,
    isKept: (s) => isKeptShift(s) && !relaxPinned,
    byLayer: all.layers.map((l) => spanIndex(plan.shifts.filter((s) => s.layerId === l.id))),
    daysOverlapping,
  };
}

/**
 * Cells: each lane's turn in each period of the window, less the shifts the optimiser keeps, with who holds it
 * now. A kept shift that is exactly a cell fixes it to its member.
 */
function buildCells(f: RosterFrame): (PlanCell | null)[][] {
  return f.slots.map((slot, d) =>
    f.lanes.map((lane) => {
      const turn = lane.turns[f.firstIndex + d];
      if (!turn) return null;
      const { allowed } = turn;
      const here = f.byLayer[lane.layerIndex]!.overlapping(turn.start, turn.end).filter(
        (x) => turn.plain || overlapLength(allowed, x) > 0,
      );
      const keptHere = here.filter((x) => f.isKept(x.shift));
      const only = allowed.length === 1 ? allowed[0]! : null;
      const exact = only
        ? (keptHere.find((x) => x.start === only.start && x.end === only.end)?.shift ?? null)
        : null;
      const pieces = exact ? allowed : allowed.flatMap((a) => subtractIntervals(a, keptHere));
      if (pieces.length === 0) return null;
      const byMember = new Map<string, number>();
      let plainShift: Shift | null = null;
      const mine: Shift[] = [];
      let mineMs = 0;
      for (const x of here) {
        if (exact ? x.shift !== exact : f.isKept(x.shift)) continue;
        const ms = overlapLength(pieces, x);
        if (ms <= 0) continue;
        byMember.set(x.shift.memberId, (byMember.get(x.shift.memberId) ?? 0) + ms);
        if (x.start === turn.start && x.end === turn.end) plainShift = x.shift;
        if (ms === x.end - x.start) {
          mine.push(x.shift);
          mineMs += ms;
        }
      }
      let currentMemberId: string | null = null;
      let best = 0;
      for (const [id, ms] of byMember) {
        if (ms > best) [currentMemberId, best] = [id, ms];
      }
      // A plain period keeps its one shift; a rotation's turn keeps its shifts when they are exactly its pieces.
      const currentShifts = turn.plain
        ? plainShift
          ? [plainShift]
          : []
        : mineMs === totalLength(pieces) && mine.every((s) => s.memberId === currentMemberId)
          ? mine
          : [];
      return {
        slot,
        layer: lane.layer,
        lane,
        turn,
        start: msToInstant(turn.start),
        end: msToInstant(turn.end),
        pieces,
        currentMemberId,
        currentShifts,
        fixedMemberId: exact ? exact.memberId : null,
      };
    }),
  );
}

/** A cell's piece in time, for overlap queries. */
type CellPiece = Interval & { day: number; shift: number; cell: PlanCell };

/**
 * Finds the cells whose pieces overlap a span: each (day, shift type, cell) at most once, in day then shift order.
 */
type CellFinder = (start: number, end: number, shifts?: readonly number[]) => [number, number, PlanCell][];

function cellFinder(cells: (PlanCell | null)[][]): CellFinder {
  const all: CellPiece[] = [];
  cells.forEach((row, day) =>
    row.forEach((cell, shift) => cell?.pieces.forEach((p) => all.push({ ...p, day, shift, cell }))),
  );
  all.sort((a, b) => a.start - b.start);
  const longest = all.reduce((m, p) => Math.max(m, p.end - p.start), 0);
  return (start, end, shifts) => {
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid]!.start <= start - longest) lo = mid + 1;
      else hi = mid;
    }
    const seen = new Set<number>();
    const out: [number, number, PlanCell][] = [];
    for (let i = lo; i < all.length && all[i]!.start < end; i++) {
      const p = all[i]!;
      const key = p.day * cells[0]!.length + p.shift;
      if (p.end <= start || seen.has(key) || (shifts && !shifts.includes(p.shift))) continue;
      seen.add(key);
      out.push([p.day, p.shift, p.cell]);
    }
    return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  };
}

/**
 * What stays as it is: kept shifts, shifts of layers the model leaves out, and the parts of other shifts that
 * lie outside every modelled cell (cut into pieces with ids `<id>-2`, … after the first).
 */
function untouchedShifts(f: RosterFrame, cells: (PlanCell | null)[][], find: CellFinder): Shift[] {
  const layerIndex = new Map(f.planLayers.map((l, i) => [l.id, i]));
  const fixedShifts = new Set(
    cells.flatMap((row) => row.flatMap((c) => (c?.fixedMemberId ? c.currentShifts : []))),
  );
  const untouched: Shift[] = [];
  for (const shift of f.plan.shifts) {
    const l = layerIndex.get(shift.layerId);
    if (fixedShifts.has(shift)) continue;
    if (l === undefined || f.isKept(shift)) {
      untouched.push(shift);
      continue;
    }
    const span = { start: instantMs(shift.start), end: instantMs(shift.end) };
    const covered = find(span.start, span.end, f.lanesOfLayer[l]).flatMap(([, , cell]) => cell.pieces);
    const rest = subtractIntervals(span, covered);
    if (rest.length === 1 && rest[0]!.start === span.start && rest[0]!.end === span.end)
      untouched.push(shift);
    else {
      rest.forEach((r, k) =>
        untouched.push({
          ...shift,
          id: k === 0 ? shift.id : `${shift.id}-${k + 1}`,
          start: msToInstant(r.start),
          end: msToInstant(r.end),
        }),
      );
    }
  }
  return untouched;
}

/** The hard rules on cells: who may hold each lane, the cells fixed by kept shifts, and the closed cells. */
type HardRules = {
  eligible: Set<string>[];
  /** True when the member may hold lane t (in its rotation, or fixed to it by a kept shift). */
  mayHold: (t: number, memberId: string) => boolean;
  fixed: RosterCell[];
  unavailable: RosterCell[];
  blocked: Map<string, BlockReason>;
};

function hardRules(f: RosterFrame, cells: (PlanCell | null)[][], find: CellFinder): HardRules {
  const { members, memberIndex, lanes, plan } = f;
  const blocked = new Map<string, BlockReason>();
  const unavailable: RosterCell[] = [];
  const block = (s: number, d: number, t: number, reason: BlockReason) => {
    const key = cellKey(s, d, t);
    if (blocked.has(key)) return;
    blocked.set(key, reason);
    unavailable.push({ staff: s, day: d, shift: t });
  };

  const fixed: RosterCell[] = [];
  const eligible = lanes.map((lane) => new Set(lane.members));
  cells.forEach((row, d) =>
    row.forEach((cell, t) => {
      if (!cell?.fixedMemberId) return;
      const s = memberIndex.get(cell.fixedMemberId);
      if (s === undefined) return;
      fixed.push({ staff: s, day: d, shift: t });
      eligible[t]!.add(cell.fixedMemberId);
    }),
  );

  // A person on a kept shift is busy on that layer then: keep them off the other layers' plain periods that
  // overlap it, and off the other layers' rotation turns whose on-call time overlaps it.
  const layerIndex = new Map(f.planLayers.map((l, i) => [l.id, i]));
  for (const shift of plan.shifts) {
    const s = memberIndex.get(shift.memberId);
    const l = layerIndex.get(shift.layerId);
    if (s === undefined || !f.isKept(shift) || l === undefined) continue;
    const start = instantMs(shift.start);
    const end = instantMs(shift.end);
    const busy = (d: number, t: number) =>
      block(s, d, t, {
        rule: 'pinned',
        detail: `${shift.memberId} keeps ${shift.id} (${shift.layerId}) in that period`,
      });
    const others = lanes.flatMap((lane, t) => (lane.layerIndex === l ? [] : [t]));
    const plainOthers = others.filter((t) => !lanes[t]!.rotation);
    for (const d of f.daysOverlapping(start, end)) for (const t of plainOthers) busy(d, t);
    for (const [d, t] of find(start, end, others)) if (lanes[t]!.rotation) busy(d, t);
  }

  if (!f.relax.has('time-off')) {
    members.forEach((m, s) => {
      for (const off of m.timeOff) {
        const away = {
          start: instantMs(f.clock.startOfLocalDay(off.start, m.timeZone)),
          end: instantMs(f.clock.startOfLocalDay(addDays(off.end, 1), m.timeZone)),
        };
        for (const [d, t] of find(away.start, away.end)) {
          block(s, d, t, {
            rule: 'time-off',
            detail: `${m.id} is away ${off.start} – ${off.end} (${off.kind})`,
          });
        }
      }
    });
  }

  const rules = plan.coverage.investorWeek;
  const first = f.planLayers[0];
  if (
    rules.requireInvestorOwnerAsPrimary &&
    !f.relax.has('investor-owner') &&
    first &&
    first === plan.rotation.layers[0]
  ) {
    const owners = investorOwners(plan);
    for (const week of investorWeeks(rules.rule, addDays(f.window.from, -7), addDays(f.window.to, 7))) {
      const start = instantMs(f.clock.startOfLocalDay(week.start, f.zone));
      const end = instantMs(f.clock.startOfLocalDay(addDays(week.end, 1), f.zone));
      for (const [d, t] of find(start, end, f.lanesOfLayer[0])) {
        members.forEach((m, s) => {
          if (owners.has(m.id)) return;
          block(s, d, t, {
            rule: 'investor-owner',
            detail: `the investor week ${week.start} – ${week.end} needs an owner of an investor pipeline as ${first.name}; ${m.id} owns none`,
          });
        });
      }
    }
  }
  const mayHold = (t: number, memberId: string) => eligible[t]?.has(memberId) ?? false;
  return { eligible, mayHold, fixed, unavailable, blocked };
}

/**
 * Turns across different periods whose on-call times overlap and that one person could both hold: holding both
 * would put them on two layers (or two rotations) at once. Turns of one period need no entry, since a person holds
 * at most one shift type per period.
 */
function crossPeriodClashes(
  f: RosterFrame,
  cells: (PlanCell | null)[][],
  find: CellFinder,
  rules: HardRules,
): RosterClash[] {
  const out: RosterClash[] = [];
  cells.forEach((row, d) =>
    row.forEach((cell, t) => {
      if (!cell || cell.turn.plain) return;
      const seen = new Set<string>();
      for (const p of cell.pieces) {
        for (const [d2, t2] of find(p.start, p.end)) {
          if (d2 <= d || seen.has(`${d2}:${t2}`)) continue;
          seen.add(`${d2}:${t2}`);
          f.members.forEach((m, s) => {
            if (!rules.mayHold(t, m.id) || !rules.mayHold(t2, m.id)) return;
            if (rules.blocked.has(cellKey(s, d, t)) || rules.blocked.has(cellKey(s, d2, t2))) return;
            out.push({ staff: s, first: { day: d, shift: t }, second: { day: d2, shift: t2 } });
          });
        }
      }
    }),
  );
  return out;
}

/** Who held each lane around the window: the runs that continue across its edges and the last turn before it. */
type RunHistory = {
  maxRun: number;
  /** Consecutive periods right before (−1) or after (+1) the window that a member holds on a layer. */
  runOutside: (memberId: string, layer: number, direction: -1 | 1) => number;
  lastBefore: number[][];
};

function runHistory(f: RosterFrame): RunHistory {
  const { lanes, D, T, firstIndex } = f;
  const periods = f.all.slots.length;
  /** Who holds more than half of lane t's turn in period i (of the whole rotation), if anyone. */
  const holders = new Map<number, string | null>();
  const holderOf = (i: number, t: number): string | null => {
    const key = i * T + t;
    if (holders.has(key)) return holders.get(key)!;
    const turn = lanes[t]!.turns[i];
    let holder: string | null = null;
    if (turn) {
      const byMember = new Map<string, number>();
      for (const x of f.byLayer[lanes[t]!.layerIndex]!.overlapping(turn.start, turn.end)) {
        const ms = overlapLength(turn.allowed, x);
        if (ms > 0) byMember.set(x.shift.memberId, (byMember.get(x.shift.memberId) ?? 0) + ms);
      }
      const length = totalLength(turn.allowed);
      for (const [id, ms] of byMember) if (ms * 2 > length) holder = id;
    }
    holders.set(key, holder);
    return holder;
  };
  const limits = f.plan.coverage.limits;
  const maxRun = limits.allowBackToBack ? limits.maxConsecutiveShifts : 1;
  const runOutside = (memberId: string, layer: number, direction: -1 | 1): number => {
    if (D === 0) return 0;
    let count = 0;
    for (let i = direction < 0 ? firstIndex - 1 : firstIndex + D; i >= 0 && i < periods; i += direction) {
      if (!f.lanesOfLayer[layer]!.some((t) => holderOf(i, t) === memberId) || count >= maxRun) break;
      count++;
    }
    return count;
  };
  const lookBack = Math.max(1, ...lanes.map((l) => l.members.length)) * 2;
  const lastBefore = f.members.map((m) =>
    lanes.map((_, t) => {
      for (let i = firstIndex - 1; D > 0 && i >= Math.max(0, firstIndex - lookBack); i--) {
        if (holderOf(i, t) === m.id) return i - firstIndex;
      }
      return -Infinity;
    }),
  );
  return { maxRun, runOutside, lastBefore };
}

/**
 * The weekend limit: which weekends each cell touches (its pieces inside the window), and which each member
 * already holds through shifts the optimiser keeps; both only when a limit is set, so plans without one cost
 * nothing.
 */
type WeekendRules = {
  maxWeekends: number | null;
  weekends: PlanWeekend[];
  weekendCells: RosterWeekendCell[];
  weekendsHeld: Set<number>[];
};

function weekendRules(f: RosterFrame, find: CellFinder, untouched: readonly Shift[]): WeekendRules {
  const { options, plan, window } = f;
  const maxWeekends =
    options.maxWeekends !== undefined ? options.maxWeekends : (plan.rotation.maxWeekendsPerMember ?? null);
  const weekends =
    maxWeekends === null
      ? []
      : weekendsIn(window.from, window.to, f.zone, window.startMs, window.endMs, f.clock);
  const weekendCells: RosterWeekendCell[] = [];
  const weekendsHeld = f.members.map(() => new Set<number>());
  weekends.forEach((wk, k) => {
    for (const [d, t] of find(wk.start, wk.end)) weekendCells.push({ day: d, shift: t, weekend: k });
  });
  if (weekends.length > 0) {
    for (const shift of untouched) {
      const s = f.memberIndex.get(shift.memberId);
      if (s === undefined) continue;
      const span = { start: instantMs(shift.start), end: instantMs(shift.end) };
      weekends.forEach((wk, k) => {
        if (overlaps(span, wk)) weekendsHeld[s]!.add(k);
      });
    }
  }
  return { maxWeekends, weekends, weekendCells, weekendsHeld };
}

/** Each member's limits: the lanes they may hold, the weekend limit and the run limit on each layer. */
function staffRules(f: RosterFrame, rules: HardRules, runs: RunHistory, wk: WeekendRules): RosterStaff[] {
  const { maxWeekends } = wk;
  return f.members.map((m, s) => ({
    id: m.id,
    maxShifts: f.lanes.map((_, t) => (rules.mayHold(t, m.id) ? null : 0)),
    maxMinutes: null,
    minMinutes: null,
    maxConsecutive: null,
    minConsecutive: null,
    minConsecutiveOff: null,
    maxWeekends,
    ...(maxWeekends !== null && { weekendsHeld: [...wk.weekendsHeld[s]!] }),
    ...(maxWeekends !== null && f.relax.has('max-weekends') && { weekendPenalty: 1 }),
    // Relaxed, the limit stays as a cost, so the explanation only breaks it where it must.
    runLimits: f.planLayers.map((_, l) => ({
      shiftTypes: f.lanesOfLayer[l]!,
      max: runs.maxRun,
      before: runs.runOutside(m.id, l, -1),
      after: runs.runOutside(m.id, l, 1),
      ...(f.relax.has('back-to-back') && { penalty: 1 }),
    })),
  }));
}

/**
 * The fairness terms: what each cell weighs for each member (clipped to the window like the ledger clips
 * shifts), what kept shifts already weigh, and fair shares. A layer's total is split among everyone who may hold
 * any of its lanes in proportion to availability, as the analysis ledger splits it, so every lane of a layer
 * carries the layer's shares.
 */
function fairnessTerms(
  f: RosterFrame,
  cells: (PlanCell | null)[][],
  untouched: readonly Shift[],
  rules: HardRules,
): Pick<NonNullable<RosterModel['fairness']>, 'load' | 'share' | 'baseLoad' | 'baseTotal'> {
  const { members, lanes, D, T, window, ctx } = f;
  const { eligible } = rules;
  const clip = (p: Interval) => intersect(p, { start: window.startMs, end: window.endMs });
  const load = members.map((m) => {
    const a = new Float64Array(D * T);
    cells.forEach((row, d) =>
      row.forEach((cell, t) => {
        if (!cell || !rules.mayHold(t, m.id)) return;
        let sum = 0;
        for (const p of cell.pieces) {
          const c = clip(p);
          if (c) sum += shiftLoadIn(ctx, cell.layer.id, m.id, c.start, c.end).weightedLoad;
        }
        a[d * T + t] = sum;
      }),
    );
    return a;
  });
  const layerIndex = new Map(f.planLayers.map((l, i) => [l.id, i]));
  const baseLoad = members.map(() => 0);
  const baseTotal = lanes.map(() => 0);
  for (const s of untouched) {
    const l = layerIndex.get(s.layerId);
    const i = f.memberIndex.get(s.memberId);
    const c = clip({ start: instantMs(s.start), end: instantMs(s.end) });
    if (l === undefined || i === undefined || !c) continue;
    const w = shiftLoadIn(ctx, s.layerId, s.memberId, c.start, c.end).weightedLoad;
    baseLoad[i]! += w;
    // Shares are the same on every lane of a layer, so the layer's first lane may carry its kept load.
    baseTotal[f.lanesOfLayer[l]![0]!]! += w;
  }
  const layerEligible = f.lanesOfLayer.map((ts) => new Set(ts.flatMap((t) => [...eligible[t]!])));
  const availability = members.map((m) => availabilityIn(ctx, m.id, window.startMs, window.endMs));
  const share = members.map((m, i) =>
    lanes.map((lane) => {
      const who = layerEligible[lane.layerIndex]!;
      if (!who.has(m.id)) return 0;
      const sum = members.reduce((acc, o, j) => acc + (who.has(o.id) ? availability[j]! : 0), 0);
      return sum > 0 ? availability[i]! / sum : 1 / who.size;
    }),
  );
  return { load, share, baseLoad, baseTotal };
}

/**
 * The soft wishes: major holidays not held by the same person two years in a row (on the first layer), and the
 * plan's (or the caller's) wishes to be on call or not.
 */
function softRequests(f: RosterFrame, cells: (PlanCell | null)[][], find: CellFinder): RosterRequest[] {
  const { plan, options, zone, window, memberIndex } = f;
  const requests: RosterRequest[] = [];
  const holidayWeight = options.holidayRepeatWeight ?? 24;
  const first = f.planLayers[0];
  if (holidayWeight > 0 && first && first === plan.rotation.layers[0]) {
    const history = plan.coverage.holidays.history;
    for (const h of majorHolidayDates(f.holidays, plan, window.from, window.to)) {
      const last = history
        .filter((r) => r.holidayId === h.holidayId && r.year < h.year)
        .sort((a, b) => b.year - a.year)[0]?.memberId;
      const s = last === undefined ? undefined : memberIndex.get(last);
      if (last === undefined || s === undefined) continue;
      const day = {
        start: instantMs(f.clock.startOfLocalDay(h.date, zone)),
        end: instantMs(f.clock.startOfLocalDay(addDays(h.date, 1), zone)),
      };
      // A plain layer's period holding most of the day; or each rotation turn of the holiday that this person
      // could hold (a regional turn covers a few hours of it).
      for (const t of f.lanesOfLayer[0]!) {
        const lane = f.lanes[t]!;
        if (lane.rotation && !lane.members.includes(last)) continue;
        const d = cells.findIndex((row) => {
          const cell = row[t];
          if (!cell) return false;
          const ms = overlapLength(cell.pieces, day);
          return lane.rotation ? ms > 0 : ms * 2 >= day.end - day.start;
        });
        if (d >= 0) requests.push({ staff: s, day: d, shift: t, kind: 'off', weight: holidayWeight });
      }
    }
  }
  for (const wish of options.wishes ?? planWishes(plan, f.clock)) {
    const s = memberIndex.get(wish.memberId);
    if (s === undefined) continue;
    const touched = find(instantMs(wish.start), instantMs(wish.end)).filter(
      ([, , cell]) => wish.layerId === undefined || wish.layerId === cell.layer.id,
    );
    // Without a layer the wish is about being on call at all: one request per period on any shift (−1), so a wish
    // to be on call is granted by either layer instead of always paying for the layer the person cannot hold too.
    if (wish.layerId === undefined) {
      for (const d of new Set(touched.map(([d]) => d)))
        requests.push({ staff: s, day: d, shift: -1, kind: wish.kind, weight: wish.weight });
    } else
      for (const [d, t] of touched)
        requests.push({ staff: s, day: d, shift: t, kind: wish.kind, weight: wish.weight });
  }
  return requests;
}

/**
 * The cost term: for every cell and every member who may hold it, an "off" request weighing `costWeight` × what
 * the member would be paid for it (see `cellPay`), so the objective adds the weighted pay of the roster.
 */
function costRequests(f: RosterFrame, cells: (PlanCell | null)[][], rules: HardRules): RosterRequest[] {
  const weight = f.options.costWeight ?? 0;
  const pay = f.plan.pay;
  if (!(weight > 0) || !pay) return [];
  const out: RosterRequest[] = [];
  cells.forEach((row, d) =>
    row.forEach((cell, t) => {
      if (!cell) return;
      f.members.forEach((m, s) => {
        if (!rules.mayHold(t, m.id)) return;
        const amount = cellPay(f.ctx, pay, f.window, m, { layerId: cell.layer.id, pieces: cell.pieces });
        if (amount > 0) out.push({ staff: s, day: d, shift: t, kind: 'off', weight: weight * amount });
      });
    }),
  );
  return out;
}

/** The current schedule as an assignment: each cell to the member who holds most of it now. */
function currentAssignment(f: RosterFrame, cells: (PlanCell | null)[][]): RosterAssignment {
  const current: RosterAssignment = f.members.map(() => new Int32Array(f.D).fill(-1));
  cells.forEach((row, d) =>
    row.forEach((cell, t) => {
      const s = cell?.currentMemberId ? f.memberIndex.get(cell.currentMemberId) : undefined;
      if (s !== undefined && current[s]![d] === -1) current[s]![d] = t;
    }),
  );
  return current;
}

/**
 * Turns a plan into a roster model over a window (default: the rotation's horizon), or a sentence when the plan's
 * rotations do not fit the model (see `planLanes`).
 * Days are the rotation periods that start in the window; shift types are lanes: each plain layer, and each
 * rotation of a layer that has rotations (regions, restriction windows), whose turns only its members hold and
 * whose load is counted over its on-call time only. Hard rules: every turn of every lane has exactly one person;
 * nobody holds a turn that overlaps their time off; one lane per person per period (primary ≠ secondary), and no
 * two turns at once across periods; no more consecutive periods on a layer than the plan allows (1 without
 * back-to-back, else `maxConsecutiveShifts`), counting the periods right outside the window; in a period touching
 * an investor-report week the first layer goes to an owner of an investor pipeline (when the plan asks for it);
 * kept shifts (pinned, manual, override) stay. Soft rules: weighted-load fairness against availability-adjusted
 * fair share (the analysis ledger's own numbers), major holidays not held by the same person two years in a row,
 * wishes, optionally few changes from the current schedule, and optionally low on-call pay (`costWeight`).
 * Shadow shifts stay out of the model (`plan` is the plan without them) and come back unchanged in `shadows`.
 */
export function planToRosterOrReason(input: Plan, options: PlanRosterOptions = {}): PlanRoster | string {
  const plan = withoutShadows(input);
  const shadows = shadowShiftsOf(input.shifts);
  // One set of tables for the lanes and the model: the turns are converted by the calendar's zone clock.
  const tables = options.tables ?? new FairnessTables();
  const lanes = planLanes(plan, new TurnsTable(tables.calendar.clock));
  if (typeof lanes === 'string') return lanes;
  const f = rosterFrame(plan, { ...options, tables }, lanes);
  const cells = buildCells(f);
  const find = cellFinder(cells);
  const untouched = untouchedShifts(f, cells, find);
  const rules = hardRules(f, cells, find);
  const clashes = crossPeriodClashes(f, cells, find, rules);
  const runs = runHistory(f);
  const wk = weekendRules(f, find, untouched);
  const staff = staffRules(f, rules, runs, wk);
  const cover = cells.flatMap((row, d) =>
    row.flatMap((cell, t) =>
      cell ? [{ day: d, shift: t, requirement: 1, underWeight: null, overWeight: null }] : [],
    ),
  );
  const current = currentAssignment(f, cells);
  const model: RosterModel = {
    name: plan.meta.name,
    days: f.D,
    weekendOf: new Int32Array(f.D).fill(-1),
    ...(wk.maxWeekends !== null && { weekendCells: wk.weekendCells }),
    shiftTypes: f.lanes.map((lane) => ({
      id: lane.rotation ? `${lane.layer.id}/${lane.rotation.id}` : lane.layer.id,
      minutes: 0,
      forbiddenNext: [],
    })),
    staff,
    cover,
    unavailable: rules.unavailable,
    fixed: rules.fixed,
    requests: [...softRequests(f, cells, find), ...costRequests(f, cells, rules)],
    ...(clashes.length > 0 && { clashes }),
    waiveMinRunsAtEdges: false,
    fairness: {
      ...fairnessTerms(f, cells, untouched, rules),
      meanWeight: 1,
      deviationWeight: options.deviationWeight ?? 1,
      spreadWeight: options.spreadWeight ?? 0.25,
    },
    current: options.changeWeight ? { assignment: current, changeWeight: options.changeWeight } : undefined,
  };
  return {
    plan,
    model,
    window: f.window,
    slots: f.slots,
    layers: f.lanes.map((l) => l.layer),
    lanes: f.lanes,
    members: f.members,
    cells,
    untouched,
    shadows,
    current,
    blocked: rules.blocked,
    lastBefore: runs.lastBefore,
    weekends: wk.weekends,
  };
}

/** `planToRosterOrReason` for callers that have checked the plan fits (see `planLanes`); throws otherwise. */
export function planToRoster(plan: Plan, options: PlanRosterOptions = {}): PlanRoster {
  const roster = planToRosterOrReason(plan, options);
  if (typeof roster === 'string') throw new Error(roster);
  return roster;
}
