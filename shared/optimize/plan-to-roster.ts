import { availabilityIn } from '../fairness/ledger';
import { planContext } from '../fairness/plan-context';
import { shiftLoadIn } from '../fairness/shift-load';
import { resolveWindow, type AnalysisWindow } from '../fairness/window';
import type { Layer, Member, Plan, Shift } from '../plan/schema';
import { rotationSlots, type RotationSlot } from '../rotation/generate-shifts';
import { majorHolidayDates } from '../rotation/holiday-duty';
import { investorOwners } from '../rotation/investor-staffing';
import { investorWeeks } from '../rotation/investor-weeks';
import { isKeptShift } from '../rotation/schedule-shifts';
import { shadowShiftsOf, withoutShadows } from '../rotation/shadow-shifts';
import { intersect, overlaps, subtractIntervals, type Interval } from '../time/intervals';
import { spanIndex } from './span-index';
import { addDays, instantMs, isoWeekday, msToInstant, startOfLocalDay } from '../time/zoned';
import type {
  RosterAssignment,
  RosterCell,
  RosterModel,
  RosterRequest,
  RosterStaff,
  RosterWeekendCell,
} from './roster-model';

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
  /** Replaces the plan's `wishes` when given. */
  wishes?: PlanWish[];
  /** Replaces the plan's `rotation.maxWeekendsPerMember` when given; null: no limit. */
  maxWeekends?: number | null;
  relax?: readonly RelaxableRule[];
};

/** One decision of the roster: a rotation period of one layer, the instants it covers, and who holds it now. */
export type PlanCell = {
  slot: RotationSlot;
  layer: Layer;
  /** The parts of the period the optimiser assigns (the period minus shifts it keeps), epoch ms. */
  pieces: Interval[];
  /** Member who holds most of it in the current schedule, if anyone. */
  currentMemberId: string | null;
  /** The existing shift that is exactly this cell (same layer, start and end), when there is one. */
  currentShift: Shift | null;
  /** Set when a kept shift (pinned, manual, override) is exactly this cell: it stays with its member. */
  fixedMemberId: string | null;
};

/** Why a (member, period, layer) is closed: the rule and a sentence with dates. */
export type BlockReason = { rule: RelaxableRule; detail: string };

/**
 * A plan as a roster model, with everything needed to read a solution back into shifts: the window, the periods
 * (days of the model), the layers (shift types), the members (staff, in plan order), the cells, the shifts left
 * untouched, and why each closed cell is closed.
 */
export type PlanRoster = {
  plan: Plan;
  model: RosterModel;
  window: AnalysisWindow;
  slots: RotationSlot[];
  layers: Layer[];
  members: Member[];
  /** cells[day][shiftType]; null where a kept shift covers the whole period. */
  cells: (PlanCell | null)[][];
  /** Shifts the optimiser leaves as they are (kept shifts, other layers, parts outside the periods). */
  untouched: Shift[];
  /** The plan's shadow shifts: never modelled (they are no coverage), written back exactly as they were. */
  shadows: Shift[];
  current: RosterAssignment;
  blocked: Map<string, BlockReason>;
  /**
   * lastBefore[staff][shiftType]: the most recent period before the window in which the person held the layer,
   * as a day index (−1 the period right before the window), −Infinity when not within the last few rounds.
   */
  lastBefore: number[][];
  /** The weekends of the window (Saturday's date, and the instants of Saturday + Sunday in it), by model index. */
  weekends: PlanWeekend[];
};

/** One weekend of the window: its Saturday (a local date in the plan's zone) and the part of it inside the window. */
export type PlanWeekend = { saturday: string; start: number; end: number };

/** The plan's wishes (whole local dates, any layer) as the optimiser's wishes over instants. */
export function planWishes(plan: Plan): PlanWish[] {
  const zone = plan.rotation.timeZone;
  return (plan.wishes ?? []).map((w) => ({
    memberId: w.memberId,
    start: startOfLocalDay(w.from, zone),
    end: startOfLocalDay(addDays(w.to, 1), zone),
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
): PlanWeekend[] {
  const out: PlanWeekend[] = [];
  // Back to the Saturday on or before `from` (ISO weekday 6), so a window starting on Sunday keeps its weekend.
  let saturday = addDays(from, -((isoWeekday(from) + 1) % 7));
  for (; saturday <= to; saturday = addDays(saturday, 7)) {
    const start = Math.max(startMs, instantMs(startOfLocalDay(saturday, zone)));
    const end = Math.min(endMs, instantMs(startOfLocalDay(addDays(saturday, 2), zone)));
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

/**
 * Turns a plan into a roster model over a window (default: the rotation's horizon).
 * Days are the rotation periods that start in the window, shift types the layers that have a member order.
 * Hard rules: every period of every layer has exactly one person; nobody holds a period that overlaps their time
 * off; one layer per person per period (primary ≠ secondary); no more consecutive periods on a layer than the plan
 * allows (1 without back-to-back, else `maxConsecutiveShifts`), counting the periods right outside the window;
 * in a period touching an investor-report week the first layer goes to an owner of an investor pipeline (when
 * the plan asks for it); kept shifts (pinned, manual, override) stay. Soft rules: weighted-load fairness against
 * availability-adjusted fair share (the analysis ledger's own numbers), major holidays not held by the same
 * person two years in a row, wishes, and optionally few changes from the current schedule. Shadow shifts stay out
 * of the model (`plan` is the plan without them) and come back unchanged in `shadows`.
 */
export function planToRoster(input: Plan, options: PlanRosterOptions = {}): PlanRoster {
  const plan = withoutShadows(input);
  const shadows = shadowShiftsOf(input.shifts);
  const relax = new Set(options.relax ?? []);
  const window = resolveWindow(plan, { from: options.from, to: options.to });
  const zone = plan.rotation.timeZone;
  const ctx = planContext(plan);
  const layers = plan.rotation.layers.filter((l) => l.memberOrder.length > 0);
  const layerIndex = new Map(layers.map((l, t) => [l.id, t]));
  const members = plan.members;
  const memberIndex = new Map(members.map((m, i) => [m.id, i]));
  const allSlots = rotationSlots(plan.rotation);
  const allSpans: Interval[] = allSlots.map((s) => ({ start: instantMs(s.start), end: instantMs(s.end) }));
  const firstIndex = allSpans.findIndex((sp) => sp.start >= window.startMs && sp.start < window.endMs);
  const slots =
    firstIndex < 0 ? [] : allSlots.filter((_, i) => i >= firstIndex && allSpans[i]!.start < window.endMs);
  const spans = slots.map((_, d) => allSpans[firstIndex + d]!);
  const D = slots.length;
  const T = layers.length;
  const relaxPinned = relax.has('pinned');
  const isKept = (s: Shift) => isKeptShift(s) && !relaxPinned;
  const byLayer = layers.map((l) => spanIndex(plan.shifts.filter((s) => s.layerId === l.id)));

  /** Window periods (day indices) that overlap [start, end): periods are contiguous and sorted. */
  const daysOverlapping = (start: number, end: number): number[] => {
    let lo = 0;
    let hi = D;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]!.end <= start) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let d = lo; d < D && spans[d]!.start < end; d++) out.push(d);
    return out;
  };

  const cells: (PlanCell | null)[][] = slots.map((slot, d) =>
    layers.map((layer, t) => {
      const span = spans[d]!;
      const here = byLayer[t]!.overlapping(span.start, span.end);
      const keptHere = here.filter((x) => isKept(x.shift));
      const exact = keptHere.find((x) => x.start === span.start && x.end === span.end)?.shift ?? null;
      const pieces = exact ? [span] : subtractIntervals(span, keptHere);
      if (pieces.length === 0) return null;
      const byMember = new Map<string, number>();
      let currentShift: Shift | null = null;
      for (const x of here) {
        if (exact ? x.shift !== exact : isKept(x.shift)) continue;
        const ms = overlapLength(pieces, x);
        if (ms <= 0) continue;
        byMember.set(x.shift.memberId, (byMember.get(x.shift.memberId) ?? 0) + ms);
        if (x.start === span.start && x.end === span.end) currentShift = x.shift;
      }
      let currentMemberId: string | null = null;
      let best = 0;
      for (const [id, ms] of byMember) {
        if (ms > best) [currentMemberId, best] = [id, ms];
      }
      return {
        slot,
        layer,
        pieces,
        currentMemberId,
        currentShift,
        fixedMemberId: exact ? exact.memberId : null,
      };
    }),
  );

  // What stays as it is: kept shifts, shifts of layers without a member order, and the parts of other shifts that
  // lie outside every modelled cell.
  const fixedShifts = new Set(
    cells.flatMap((row) => row.map((c) => (c?.fixedMemberId ? c.currentShift : null))),
  );
  const untouched: Shift[] = [];
  for (const shift of plan.shifts) {
    const t = layerIndex.get(shift.layerId);
    if (fixedShifts.has(shift)) continue;
    if (t === undefined || isKept(shift)) {
      untouched.push(shift);
      continue;
    }
    const span = { start: instantMs(shift.start), end: instantMs(shift.end) };
    const covered = daysOverlapping(span.start, span.end).flatMap((d) => cells[d]![t]?.pieces ?? []);
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

  const blocked = new Map<string, BlockReason>();
  const unavailable: RosterCell[] = [];
  const block = (s: number, d: number, t: number, reason: BlockReason) => {
    const key = cellKey(s, d, t);
    if (blocked.has(key)) return;
    blocked.set(key, reason);
    unavailable.push({ staff: s, day: d, shift: t });
  };

  const fixed: RosterCell[] = [];
  const eligible = layers.map((l) => new Set(l.memberOrder));
  cells.forEach((row, d) =>
    row.forEach((cell, t) => {
      if (cell?.fixedMemberId) {
        const s = memberIndex.get(cell.fixedMemberId);
        if (s !== undefined) {
          fixed.push({ staff: s, day: d, shift: t });
          eligible[t]!.add(cell.fixedMemberId);
        }
      }
    }),
  );

  // A person on a kept shift is busy on that layer then: keep them off the other layers in those periods.
  for (const shift of plan.shifts) {
    const s = memberIndex.get(shift.memberId);
    if (s === undefined || !isKept(shift) || !layerIndex.has(shift.layerId)) continue;
    for (const d of daysOverlapping(instantMs(shift.start), instantMs(shift.end))) {
      layers.forEach((layer, t) => {
        if (layer.id === shift.layerId) return;
        block(s, d, t, {
          rule: 'pinned',
          detail: `${shift.memberId} keeps ${shift.id} (${shift.layerId}) in that period`,
        });
      });
    }
  }

  if (!relax.has('time-off')) {
    members.forEach((m, s) => {
      for (const off of m.timeOff) {
        const away = {
          start: instantMs(startOfLocalDay(off.start, m.timeZone)),
          end: instantMs(startOfLocalDay(addDays(off.end, 1), m.timeZone)),
        };
        for (const d of daysOverlapping(away.start, away.end)) {
          cells[d]!.forEach((cell, t) => {
            if (!cell || !cell.pieces.some((p) => overlaps(p, away))) return;
            block(s, d, t, {
              rule: 'time-off',
              detail: `${m.id} is away ${off.start} – ${off.end} (${off.kind})`,
            });
          });
        }
      }
    });
  }

  const rules = plan.coverage.investorWeek;
  if (
    rules.requireInvestorOwnerAsPrimary &&
    !relax.has('investor-owner') &&
    T > 0 &&
    layers[0] === plan.rotation.layers[0]
  ) {
    const owners = investorOwners(plan);
    for (const week of investorWeeks(rules.rule, addDays(window.from, -7), addDays(window.to, 7))) {
      const span = {
        start: instantMs(startOfLocalDay(week.start, zone)),
        end: instantMs(startOfLocalDay(addDays(week.end, 1), zone)),
      };
      for (const d of daysOverlapping(span.start, span.end)) {
        const cell = cells[d]![0];
        if (!cell || !cell.pieces.some((p) => overlaps(p, span))) continue;
        members.forEach((m, s) => {
          if (owners.has(m.id)) return;
          block(s, d, 0, {
            rule: 'investor-owner',
            detail: `the investor week ${week.start} – ${week.end} needs an owner of an investor pipeline as ${layers[0]!.name}; ${m.id} owns none`,
          });
        });
      }
    }
  }

  /** Who holds most of period i (of the whole rotation) on layer t, if anyone holds more than half of it. */
  const holders = new Map<number, string | null>();
  const holderOfSlot = (i: number, t: number): string | null => {
    const key = i * T + t;
    if (holders.has(key)) return holders.get(key)!;
    const span = allSpans[i]!;
    const byMember = new Map<string, number>();
    for (const x of byLayer[t]!.overlapping(span.start, span.end)) {
      byMember.set(x.shift.memberId, (byMember.get(x.shift.memberId) ?? 0) + overlapLength([span], x));
    }
    let holder: string | null = null;
    for (const [id, ms] of byMember) if (ms * 2 > span.end - span.start) holder = id;
    holders.set(key, holder);
    return holder;
  };

  const limits = plan.coverage.limits;
  const maxRun = limits.allowBackToBack ? limits.maxConsecutiveShifts : 1;
  const runOutside = (memberId: string, t: number, direction: -1 | 1): number => {
    // Consecutive periods right before (−1) or after (+1) the window that this member holds on this layer.
    if (D === 0) return 0;
    let count = 0;
    for (
      let i = direction < 0 ? firstIndex - 1 : firstIndex + D;
      i >= 0 && i < allSlots.length;
      i += direction
    ) {
      if (holderOfSlot(i, t) !== memberId || count >= maxRun) break;
      count++;
    }
    return count;
  };

  const lookBack = Math.max(1, ...layers.map((l) => l.memberOrder.length)) * 2;
  const lastBefore = members.map((m) =>
    layers.map((_, t) => {
      for (let i = firstIndex - 1; D > 0 && i >= Math.max(0, firstIndex - lookBack); i--) {
        if (holderOfSlot(i, t) === m.id) return i - firstIndex;
      }
      return -Infinity;
    }),
  );

  // Max weekends: which weekends each cell touches (its pieces inside the window), and which each member already
  // holds through shifts the optimiser keeps; both only when a limit is set, so plans without one cost nothing.
  const maxWeekends =
    options.maxWeekends !== undefined ? options.maxWeekends : (plan.rotation.maxWeekendsPerMember ?? null);
  const weekends =
    maxWeekends === null ? [] : weekendsIn(window.from, window.to, zone, window.startMs, window.endMs);
  const weekendCells: RosterWeekendCell[] = [];
  const weekendsHeld = members.map(() => new Set<number>());
  weekends.forEach((wk, k) => {
    for (const d of daysOverlapping(wk.start, wk.end)) {
      cells[d]!.forEach((cell, t) => {
        if (cell && cell.pieces.some((p) => overlaps(p, wk)))
          weekendCells.push({ day: d, shift: t, weekend: k });
      });
    }
  });
  if (weekends.length > 0) {
    for (const shift of untouched) {
      const s = memberIndex.get(shift.memberId);
      if (s === undefined) continue;
      const span = { start: instantMs(shift.start), end: instantMs(shift.end) };
      weekends.forEach((wk, k) => {
        if (overlaps(span, wk)) weekendsHeld[s]!.add(k);
      });
    }
  }

  const staff: RosterStaff[] = members.map((m, s) => ({
    id: m.id,
    maxShifts: layers.map((_, t) => (eligible[t]!.has(m.id) ? null : 0)),
    maxMinutes: null,
    minMinutes: null,
    maxConsecutive: null,
    minConsecutive: null,
    minConsecutiveOff: null,
    maxWeekends,
    ...(maxWeekends !== null && { weekendsHeld: [...weekendsHeld[s]!] }),
    ...(maxWeekends !== null && relax.has('max-weekends') && { weekendPenalty: 1 }),
    // Relaxed, the limit stays as a cost, so the explanation only breaks it where it must.
    runLimits: layers.map((_, t) => ({
      shiftTypes: [t],
      max: maxRun,
      before: runOutside(m.id, t, -1),
      after: runOutside(m.id, t, 1),
      ...(relax.has('back-to-back') && { penalty: 1 }),
    })),
  }));

  const cover = cells.flatMap((row, d) =>
    row.flatMap((cell, t) =>
      cell ? [{ day: d, shift: t, requirement: 1, underWeight: null, overWeight: null }] : [],
    ),
  );

  // Loads: what each cell weighs for each member, clipped to the window like the ledger clips shifts.
  const clip = (p: Interval) => intersect(p, { start: window.startMs, end: window.endMs });
  const load = members.map((m) => {
    const a = new Float64Array(D * T);
    cells.forEach((row, d) =>
      row.forEach((cell, t) => {
        if (!cell || !eligible[t]!.has(m.id)) return;
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
  const baseLoad = members.map(() => 0);
  const baseTotal = layers.map(() => 0);
  for (const s of untouched) {
    const t = layerIndex.get(s.layerId);
    const i = memberIndex.get(s.memberId);
    const c = clip({ start: instantMs(s.start), end: instantMs(s.end) });
    if (t === undefined || i === undefined || !c) continue;
    const w = shiftLoadIn(ctx, s.layerId, s.memberId, c.start, c.end).weightedLoad;
    baseLoad[i]! += w;
    baseTotal[t]! += w;
  }
  const availability = members.map((m) => availabilityIn(ctx, m.id, window.startMs, window.endMs));
  const share = members.map((m, i) =>
    layers.map((_, t) => {
      const who = members.map((o, j) => (eligible[t]!.has(o.id) ? availability[j]! : 0));
      const sum = who.reduce((acc, v) => acc + v, 0);
      if (!eligible[t]!.has(m.id)) return 0;
      return sum > 0 ? availability[i]! / sum : 1 / eligible[t]!.size;
    }),
  );

  const requests: RosterRequest[] = [];
  const holidayWeight = options.holidayRepeatWeight ?? 24;
  if (holidayWeight > 0 && T > 0 && layers[0] === plan.rotation.layers[0]) {
    const history = plan.coverage.holidays.history;
    for (const h of majorHolidayDates(plan, window.from, window.to)) {
      const day = {
        start: instantMs(startOfLocalDay(h.date, zone)),
        end: instantMs(startOfLocalDay(addDays(h.date, 1), zone)),
      };
      const d = cells.findIndex(
        (row) => row[0] && overlapLength(row[0].pieces, day) * 2 >= day.end - day.start,
      );
      if (d < 0) continue;
      const last = history
        .filter((r) => r.holidayId === h.holidayId && r.year < h.year)
        .sort((a, b) => b.year - a.year)[0];
      const s = last ? memberIndex.get(last.memberId) : undefined;
      if (s !== undefined) requests.push({ staff: s, day: d, shift: 0, kind: 'off', weight: holidayWeight });
    }
  }
  for (const wish of options.wishes ?? planWishes(plan)) {
    const s = memberIndex.get(wish.memberId);
    if (s === undefined) continue;
    const span = { start: instantMs(wish.start), end: instantMs(wish.end) };
    for (const d of daysOverlapping(span.start, span.end)) {
      const touched = cells[d]!.flatMap((cell, t) =>
        cell &&
        (wish.layerId === undefined || wish.layerId === cell.layer.id) &&
        cell.pieces.some((p) => overlaps(p, span))
          ? [t]
          : [],
      );
      // Without a layer the wish is about being on call at all: one request on any shift (−1), so a wish to be on
      // call is granted by either layer instead of always paying for the layer the person cannot hold as well.
      if (wish.layerId === undefined && touched.length > 0)
        requests.push({ staff: s, day: d, shift: -1, kind: wish.kind, weight: wish.weight });
      else
        for (const t of touched)
          requests.push({ staff: s, day: d, shift: t, kind: wish.kind, weight: wish.weight });
    }
  }

  const current: RosterAssignment = members.map(() => new Int32Array(D).fill(-1));
  cells.forEach((row, d) =>
    row.forEach((cell, t) => {
      const s = cell?.currentMemberId ? memberIndex.get(cell.currentMemberId) : undefined;
      if (s !== undefined && current[s]![d] === -1) current[s]![d] = t;
    }),
  );

  const weekendOf = new Int32Array(D).fill(-1);
  const model: RosterModel = {
    name: plan.meta.name,
    days: D,
    weekendOf,
    ...(maxWeekends !== null && { weekendCells }),
    shiftTypes: layers.map((l) => ({ id: l.id, minutes: 0, forbiddenNext: [] })),
    staff,
    cover,
    unavailable,
    fixed,
    requests,
    waiveMinRunsAtEdges: false,
    fairness: {
      load,
      share,
      baseLoad,
      baseTotal,
      meanWeight: 1,
      deviationWeight: options.deviationWeight ?? 1,
      spreadWeight: options.spreadWeight ?? 0.25,
    },
    current: options.changeWeight ? { assignment: current, changeWeight: options.changeWeight } : undefined,
  };
  return {
    plan,
    model,
    window,
    slots,
    layers,
    members,
    cells,
    untouched,
    shadows,
    current,
    blocked,
    lastBefore,
    weekends,
  };
}
