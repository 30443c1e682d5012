import type { Plan, Shift, ShiftCover, ShiftSource } from '../plan/schema';
import type { HolidayLookup } from '../time/holidays';
import type { Interval } from '../time/intervals';
import { intersectAll, mergeIntervals, overlaps, subtractIntervals } from '../time/intervals';
import type { ZoneClock } from '../time/zone-clock';
import { instantMs, msToInstant } from '../time/zoned';
import { awayIntervals } from './availability';
import { planLocal } from './describe-shift';
import { isShadowShift, onCallShifts, scheduleShadows } from './shadow-shifts';
import { uniqueShiftId } from './shift-ids';
import { TurnsTable, type Turn } from './turns';

/**
 * True for a shift that regeneration keeps exactly as it is: pinned, or made by hand (manual, override).
 * Why: engine swaps and plain generated shifts are recomputed from the rotation and time off; anything a person
 * decided stays, and the rotation is filled around it.
 */
export function isKeptShift(shift: Shift): boolean {
  return shift.pinned || shift.source === 'manual' || shift.source === 'override';
}

/** Why the engine could not find anyone else for a stretch of a shift. */
export type UnresolvedReason = 'time-off' | 'other-layer';

/**
 * A stretch where the scheduled person stays on call although they are away (or on another layer), because
 * nobody else in the layer's order was free then. Analysis reports these; the engine never leaves a gap instead.
 */
export type UnresolvedConflict = {
  layerId: string;
  memberId: string;
  start: string;
  end: string;
  reason: UnresolvedReason;
  message: string;
};

/** The engine's outcome: every shift (kept ones included) and what it could not resolve. */
export type Schedule = { shifts: Shift[]; unresolved: UnresolvedConflict[] };

type Tentative = { memberId: string; payback: boolean; cover?: ShiftCover };
type Piece = Interval & { memberId: string; source: ShiftSource; cover?: ShiftCover };

/** Where regeneration works: shifts that start before `from` or at/after `to` (epoch ms) are kept as they are. */
export type ScheduleWindow = { from?: number; to?: number };

type TurnState = {
  turn: Turn;
  /** Position in its layer's turn list. */
  position: number;
  open: Interval[];
  tentative: Tentative | null;
  placed: Piece[] | null;
};

/** A kept shift's layer, member and [start, end) in epoch ms. */
type KeptSpan = Interval & { layerId: string; memberId: string };

/** Phase 1's outcome: the shifts regeneration keeps as they are, and where it works ([from, to), epoch ms). */
type KeptShifts = { kept: Shift[]; spans: KeptSpan[]; from: number; to: number };

/** Phase 3's queries over the turns being placed: who is away or busy, who covers, which turn pays back. */
type Placer = {
  plan: Plan;
  states: TurnState[][];
  awayDuring: (memberId: string, within: Interval[]) => Interval[];
  blockedDuring: (memberId: string, l: number, within: Interval[], planned?: boolean) => Interval[];
  nextFree: (l: number, st: TurnState, memberId: string, within: Interval[]) => string | null;
  paybackTurn: (l: number, st: TurnState, awayId: string, covererId: string) => TurnState | null;
};

/**
 * Generates the concrete shifts of a plan: the turns of each layer's rotations (see `layerTurns`) over the
 * horizon, with time off honoured by the seed's swap policy and every kept shift (see `isKeptShift`) left as it is,
 * then the shadows of each layer's pairings (see `scheduleShadows`), which never take part in the on-call policy.
 * With a `window`, every shift that starts before `window.from` (or at or after `window.to`) is kept too, and only
 * the turns in between are filled: a change from a date leaves the earlier shifts exactly as they were.
 *
 * Policy, per turn: when the scheduled person is away during any part of the turn they have to work (or already
 * on call on another layer then), the next person in that rotation's order who is free for the whole of it and on
 * no other layer covers it (source `swap`), and the away person takes the coverer's next turn of the same rotation
 * they are free for (source `swap`) — "the two swap back later". When nobody is free for the whole turn, each away
 * stretch is covered by the next person free for that stretch; when nobody is, the scheduled person stays and the
 * stretch is reported in `unresolved`. Kept shifts cut the turns they overlap; the rotation still advances one
 * member per turn, so regenerating after an edit changes as little as possible. Turns are filled in time order
 * (then by layer), so a layer later in the list gives way to the earlier ones. `holidays` gives the shadow
 * learners' public holidays (see `scheduleShadows`); a plan without shadow pairings needs none. `turns`: the
 * caller's turns table (see `TurnsTable`; a fresh one over the clock of `holidays` when none is given): its zone
 * clock converts every local time and names every shift.
 */
export function scheduleShifts(
  plan: Plan,
  window: ScheduleWindow = {},
  holidays?: HolidayLookup,
  turns: TurnsTable = new TurnsTable(holidays?.clock),
): Schedule {
  const onCall = onCallShifts(plan.shifts);
  const onCallPlan = onCall.length === plan.shifts.length ? plan : { ...plan, shifts: onCall };
  const keptShifts = keepShifts(onCallPlan, window);
  const states = openTurns(onCallPlan, keptShifts, turns);
  const unresolved = placeTurns(makePlacer(onCallPlan, states, keptShifts.spans, turns.clock));
  const shadows = plan.shifts.filter(isShadowShift);
  const generated = collectShifts(onCallPlan, states, keptShifts.kept, shadows, turns.clock);
  const coverage = [...keptShifts.kept, ...generated];
  const { from, to } = keptShifts;
  const isKept = (s: Shift) => isKeptInWindow(s, from, to);
  const shadowed = scheduleShadows(plan, coverage, shadows, { from, to, isKept }, holidays, turns.clock);
  return { shifts: sortShifts(plan, [...coverage, ...shadowed]), unresolved };
}

/** Phase 1: the shifts regeneration keeps (see `isKeptShift`, and every shift outside the window). */
function keepShifts(plan: Plan, window: ScheduleWindow): KeptShifts {
  const from = window.from ?? Number.NEGATIVE_INFINITY;
  const to = window.to ?? Number.POSITIVE_INFINITY;
  const kept = plan.shifts.filter((s) => isKeptInWindow(s, from, to));
  const spans = kept.map((s) => ({
    layerId: s.layerId,
    memberId: s.memberId,
    start: instantMs(s.start),
    end: instantMs(s.end),
  }));
  return { kept, spans, from, to };
}

/** True when regeneration over [from, to) keeps `shift` as it is. */
function isKeptInWindow(shift: Shift, from: number, to: number): boolean {
  if (isKeptShift(shift)) return true;
  const start = instantMs(shift.start);
  return start < from || start >= to;
}

/** Phase 2: what each layer still has to staff in each turn once kept shifts (and the time before `from`) are cut. */
function openTurns(plan: Plan, { spans, from, to }: KeptShifts, table: TurnsTable): TurnState[][] {
  return plan.rotation.layers.map((layer) => {
    const ownKept = spans.filter((x) => x.layerId === layer.id);
    return table.layerTurns(plan.rotation, layer).turns.map((turn, position) => {
      const open =
        turn.start >= to
          ? []
          : turn.allowed.flatMap((a) => {
              const span = { start: Math.max(a.start, from), end: a.end };
              if (span.end <= span.start) return [];
              return subtractIntervals(
                span,
                ownKept.filter((x) => overlaps(x, span)),
              );
            });
      return { turn, position, open, tentative: { memberId: turn.memberId, payback: false }, placed: null };
    });
  });
}

/** The queries phase 3 asks while it places turns (see `Placer`). */
function makePlacer(plan: Plan, states: TurnState[][], keptSpans: KeptSpan[], clock: ZoneClock): Placer {
  const { layers } = plan.rotation;
  const away = awayIntervals(plan, clock);
  const maxLength = states.map((list) => list.reduce((m, s) => Math.max(m, s.turn.end - s.turn.start), 0));
  /** The turns of layer `l` that overlap [lo, hi). */
  const overlapping = (l: number, lo: number, hi: number): TurnState[] => {
    const list = states[l]!;
    let a = 0;
    let b = list.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (list[mid]!.turn.start <= lo - maxLength[l]!) a = mid + 1;
      else b = mid;
    }
    const out: TurnState[] = [];
    for (let i = a; i < list.length && list[i]!.turn.start < hi; i++) {
      if (list[i]!.turn.end > lo) out.push(list[i]!);
    }
    return out;
  };

  /**
   * Where `memberId` is on call on a layer other than `l` during `within`: kept shifts, turns already placed, and —
   * with `planned` — the turns still to place. The scheduled person of a layer ignores the later turns' plans
   * (those layers give way); coverers and pay-backs respect them, so solving one conflict does not make the next.
   */
  const onOtherLayers = (memberId: string, l: number, within: Interval[], planned: boolean) => {
    const spans: Interval[] = keptSpans.filter((x) => x.memberId === memberId && x.layerId !== layers[l]!.id);
    if (within.length > 0) {
      const lo = within[0]!.start;
      const hi = within[within.length - 1]!.end;
      layers.forEach((_, other) => {
        if (other === l) return;
        for (const st of overlapping(other, lo, hi)) {
          if (st.placed) spans.push(...st.placed.filter((p) => p.memberId === memberId));
          else if (planned && st.tentative?.memberId === memberId) spans.push(...st.open);
        }
      });
    }
    return intersectAll(within, spans);
  };
  const awayDuring = (memberId: string, within: Interval[]) => intersectAll(within, away.get(memberId) ?? []);
  const blockedDuring = (memberId: string, l: number, within: Interval[], planned = true) =>
    mergeIntervals([...awayDuring(memberId, within), ...onOtherLayers(memberId, l, within, planned)]);

  /** The next person after `memberId` in the turn's rotation order who is free for all of `within`. */
  const nextFree = (l: number, st: TurnState, memberId: string, within: Interval[]): string | null => {
    const order = st.turn.members;
    const at = order.indexOf(memberId);
    const base = at >= 0 ? at : st.turn.count % order.length;
    for (let step = 1; step < order.length; step++) {
      const candidate = order[(base + step) % order.length]!;
      if (candidate !== memberId && blockedDuring(candidate, l, within).length === 0) return candidate;
    }
    return null;
  };

  /** The coverer's next plain turn of the same rotation after `st` that `awayId` is free to take, or null. */
  const paybackTurn = (l: number, st: TurnState, awayId: string, covererId: string): TurnState | null => {
    const list = states[l]!;
    for (let j = st.position + 1; j < list.length; j++) {
      const other = list[j]!;
      const t = other.tentative;
      if (other.turn.rotationIndex !== st.turn.rotationIndex) continue;
      if (!t || t.payback || t.memberId !== covererId || other.open.length === 0) continue;
      if (blockedDuring(awayId, l, other.open).length === 0) return other;
    }
    return null;
  };

  return { plan, states, awayDuring, blockedDuring, nextFree, paybackTurn };
}

/** Who a piece stands in for: `memberId`, scheduled for the piece itself. */
function coverOf(
  kind: ShiftCover['kind'],
  memberId: string,
  span: Interval,
  extra: Partial<ShiftCover> = {},
): ShiftCover {
  return {
    kind,
    originalMemberId: memberId,
    originalStart: msToInstant(span.start),
    originalEnd: msToInstant(span.end),
    ...extra,
  };
}

/** Phase 3: every turn placed in time order (then by layer); returns the stretches nobody else could take. */
function placeTurns(placer: Placer): UnresolvedConflict[] {
  const unresolved: UnresolvedConflict[] = [];
  const order = placer.states
    .flatMap((list, l) => list.map((st) => ({ st, l })))
    .sort((a, b) => a.st.turn.start - b.st.turn.start || a.l - b.l);
  for (const { st, l } of order) {
    const t = st.tentative;
    const within = st.open;
    if (!t || within.length === 0) {
      st.placed = [];
      continue;
    }
    const blocked = placer.blockedDuring(t.memberId, l, within, false);
    if (blocked.length === 0) st.placed = placeAsScheduled(t, within);
    else st.placed = placeWithCover(placer, l, st, t, blocked, unresolved);
  }
  return unresolved;
}

/** The turn held by its tentative person, as scheduled (a pay-back keeps its `swap` source and cover). */
function placeAsScheduled(t: Tentative, within: Interval[]): Piece[] {
  return within.map((w) => ({
    ...w,
    memberId: t.memberId,
    source: t.payback ? 'swap' : 'generated',
    ...(t.cover
      ? { cover: { ...t.cover, originalStart: msToInstant(w.start), originalEnd: msToInstant(w.end) } }
      : {}),
  }));
}

/**
 * A turn whose person is blocked for `blocked`: one coverer for all of it (who is paid back later), or else a
 * coverer per blocked stretch; a stretch nobody can take stays with the person and goes to `unresolved`.
 */
function placeWithCover(
  placer: Placer,
  l: number,
  st: TurnState,
  t: Tentative,
  blocked: Interval[],
  unresolved: UnresolvedConflict[],
): Piece[] {
  const { plan, awayDuring, nextFree, paybackTurn } = placer;
  const within = st.open;
  const reasonOf = (memberId: string, span: Interval[]): NonNullable<ShiftCover['reason']> =>
    awayDuring(memberId, span).length > 0 ? 'time-off' : 'other-layer';
  const coverer = nextFree(l, st, t.memberId, within);
  if (coverer) {
    const back = paybackTurn(l, st, t.memberId, coverer);
    if (back !== null) {
      back.tentative = {
        memberId: t.memberId,
        payback: true,
        cover: coverOf('swap', coverer, back.turn, { pairedStart: msToInstant(st.turn.start) }),
      };
    }
    const reason = reasonOf(t.memberId, within);
    const paired = back === null ? {} : { pairedStart: msToInstant(back.turn.start) };
    return within.map((w) => ({
      ...w,
      memberId: coverer,
      source: 'swap',
      cover: coverOf('cover', t.memberId, w, { reason, ...paired }),
    }));
  }
  // Nobody is free for the whole turn: cover each blocked stretch on its own.
  const plainSource: ShiftSource = t.payback ? 'swap' : 'generated';
  const layer = plan.rotation.layers[l]!;
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  const pieces: Piece[] = [];
  for (const w of within) {
    for (const free of subtractIntervals(w, blocked)) {
      pieces.push({ ...free, memberId: t.memberId, source: plainSource, cover: t.cover });
    }
    for (const stretch of intersectAll([w], blocked)) {
      const reason = reasonOf(t.memberId, [stretch]);
      const partial = nextFree(l, st, t.memberId, [stretch]);
      if (partial) {
        const cover = coverOf('cover', t.memberId, stretch, { reason, partial: true });
        pieces.push({ ...stretch, memberId: partial, source: 'swap', cover });
        continue;
      }
      pieces.push({ ...stretch, memberId: t.memberId, source: plainSource, cover: t.cover });
      const start = msToInstant(stretch.start);
      const end = msToInstant(stretch.end);
      const why = reason === 'time-off' ? 'time off' : 'already on call in another layer';
      unresolved.push({
        layerId: layer.id,
        memberId: t.memberId,
        start,
        end,
        reason,
        message: `${layer.name}: nobody else in the order is free ${planLocal(plan, start)} – ${planLocal(plan, end)}, so ${name(t.memberId)} stays on call (${why})`,
      });
    }
  }
  return joinPieces(pieces);
}

/** Phase 4: the placed pieces as shifts, named by their layer and start; ids never collide with `kept` or `others`. */
function collectShifts(
  plan: Plan,
  states: TurnState[][],
  kept: Shift[],
  others: Shift[],
  clock: ZoneClock,
): Shift[] {
  const zone = plan.rotation.timeZone;
  const taken = new Set([...kept, ...others].map((s) => s.id));
  const generated: Shift[] = [];
  plan.rotation.layers.forEach((layer, l) => {
    for (const st of states[l]!) {
      for (const piece of st.placed ?? []) {
        const start = msToInstant(piece.start);
        const base =
          st.turn.plain && piece.start === st.turn.start
            ? `${layer.id}-${st.turn.startDate}`
            : `${layer.id}-${clock.localDateTime(start, zone)}`;
        generated.push({
          id: uniqueShiftId(base, taken),
          layerId: layer.id,
          memberId: piece.memberId,
          start,
          end: msToInstant(piece.end),
          source: piece.source,
          pinned: false,
          ...(piece.cover
            ? { cover: { ...piece.cover, originalStart: start, originalEnd: msToInstant(piece.end) } }
            : {}),
        });
      }
    }
  });
  return generated;
}

/** Joins neighbouring pieces with the same person, source and cover; pieces sorted by time. */
function joinPieces(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const p of [...pieces].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (
      last &&
      last.end === p.start &&
      last.memberId === p.memberId &&
      last.source === p.source &&
      sameCover(last.cover, p.cover)
    ) {
      last.end = p.end;
    } else out.push({ ...p });
  }
  return out;
}

const sameCover = (a: ShiftCover | undefined, b: ShiftCover | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.kind === b.kind &&
    a.originalMemberId === b.originalMemberId &&
    a.reason === b.reason &&
    a.pairedStart === b.pairedStart);

/**
 * Shifts in the plan's order: by layer (as the rotation lists them), then by start, then by id.
 * Why one order: the file, the CSV and diffs stay stable and readable.
 */
export function sortShifts(plan: Plan, shifts: Shift[]): Shift[] {
  const layerIndex = new Map(plan.rotation.layers.map((l, i) => [l.id, i]));
  // Keys computed once per shift, not per comparison: an edit re-sorts 36,000 shifts, nearly all already in order.
  const keyed = shifts.map((shift) => ({
    shift,
    rank: layerIndex.get(shift.layerId) ?? Number.MAX_SAFE_INTEGER,
    start: instantMs(shift.start),
  }));
  keyed.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.start - b.start ||
      (a.shift.id < b.shift.id ? -1 : a.shift.id > b.shift.id ? 1 : 0),
  );
  return keyed.map((k) => k.shift);
}

/**
 * The plan's shifts as the engine generates them (see `scheduleShifts`), kept shifts included.
 * Why a plain list too: callers that only need shifts (the sample plan, exports) need not know about conflicts.
 */
export function generateShifts(plan: Plan, holidays?: HolidayLookup): Shift[] {
  return scheduleShifts(plan, {}, holidays).shifts;
}
