import type { Plan, Shift, ShiftCover, ShiftSource } from '../plan/schema';
import type { Interval } from '../time/intervals';
import { intersectAll, mergeIntervals, overlaps, subtractIntervals } from '../time/intervals';
import { instantMs, localDateTime, msToInstant } from '../time/zoned';
import { awayIntervals } from './availability';
import { planLocal } from './describe-shift';
import { rotationSlots, slotShiftId } from './generate-shifts';
import { uniqueShiftId } from './shift-ids';

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

/**
 * Generates the concrete shifts of a plan: the rotation of `plan.rotation` over its horizon, with time off
 * honoured by the seed's swap policy and every kept shift (see `isKeptShift`) left as it is.
 *
 * Policy, per layer and period: when the scheduled person is away during any part of the period they have to
 * work (or already on call on another layer then), the next person in that layer's order who is free for the
 * whole of it and on no other layer covers it (source `swap`), and the away person takes the coverer's next
 * period they are free for (source `swap`) — "the two swap back later". When nobody is free for the whole
 * period, each away stretch is covered by the next person free for that stretch; when nobody is, the scheduled
 * person stays and the stretch is reported in `unresolved`. Kept shifts cut the periods they overlap; the
 * rotation still advances one member per period, so regenerating after an edit changes as little as possible.
 */
export function scheduleShifts(plan: Plan): Schedule {
  const { layers } = plan.rotation;
  const zone = plan.rotation.timeZone;
  const slots = rotationSlots(plan.rotation);
  const slotSpans = slots.map((s) => ({ start: instantMs(s.start), end: instantMs(s.end) }));
  const kept = plan.shifts.filter(isKeptShift);
  const keptSpans = kept.map((s) => ({
    layerId: s.layerId,
    memberId: s.memberId,
    start: instantMs(s.start),
    end: instantMs(s.end),
  }));
  const away = awayIntervals(plan);
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  const layerName = (l: number) => layers[l]!.name;

  // What each layer still has to staff in each period once kept shifts are cut out.
  const open = layers.map((layer) =>
    slotSpans.map((span) =>
      subtractIntervals(
        span,
        keptSpans.filter((x) => x.layerId === layer.id && overlaps(x, span)),
      ),
    ),
  );
  const tentative: (Tentative | null)[][] = layers.map((layer) =>
    slots.map((slot) =>
      layer.memberOrder.length === 0
        ? null
        : { memberId: layer.memberOrder[slot.index % layer.memberOrder.length]!, payback: false },
    ),
  );
  const placed: (Piece[] | null)[][] = layers.map(() => slots.map(() => null));
  const unresolved: UnresolvedConflict[] = [];

  /**
   * Where `memberId` is on call on a layer other than `l` during `within` (period `k`): kept shifts, layers
   * already placed in this period, and — with `planned` — the layers still to place. The scheduled person of a
   * layer ignores the later layers' plans (those layers give way); coverers and pay-backs respect them, so
   * solving one conflict does not make the next.
   */
  const onOtherLayers = (memberId: string, l: number, k: number, within: Interval[], planned: boolean) => {
    const spans: Interval[] = keptSpans.filter((x) => x.memberId === memberId && x.layerId !== layers[l]!.id);
    layers.forEach((_, other) => {
      if (other === l) return;
      const done = placed[other]![k];
      if (done) spans.push(...done.filter((p) => p.memberId === memberId));
      else if (planned && tentative[other]![k]?.memberId === memberId) spans.push(...open[other]![k]!);
    });
    return intersectAll(within, spans);
  };
  const awayDuring = (memberId: string, within: Interval[]) => intersectAll(within, away.get(memberId) ?? []);
  const blockedDuring = (memberId: string, l: number, k: number, within: Interval[], planned = true) =>
    mergeIntervals([...awayDuring(memberId, within), ...onOtherLayers(memberId, l, k, within, planned)]);

  /** The next person after `memberId` in layer `l`'s order who is free for all of `within`. */
  const nextFree = (l: number, k: number, memberId: string, within: Interval[]): string | null => {
    const order = layers[l]!.memberOrder;
    const from = order.indexOf(memberId);
    const base = from >= 0 ? from : k % order.length;
    for (let step = 1; step < order.length; step++) {
      const candidate = order[(base + step) % order.length]!;
      if (candidate !== memberId && blockedDuring(candidate, l, k, within).length === 0) return candidate;
    }
    return null;
  };

  /** The coverer's next plain period in layer `l` after `k` that `awayId` is free to take, or null. */
  const paybackPeriod = (l: number, k: number, awayId: string, covererId: string): number | null => {
    for (let j = k + 1; j < slots.length; j++) {
      const t = tentative[l]![j];
      if (!t || t.payback || t.memberId !== covererId || open[l]![j]!.length === 0) continue;
      if (blockedDuring(awayId, l, j, open[l]![j]!).length === 0) return j;
    }
    return null;
  };

  const why = (memberId: string, within: Interval[]) =>
    awayDuring(memberId, within).length > 0 ? 'time off' : 'already on call in another layer';
  const reasonOf = (memberId: string, within: Interval[]): NonNullable<ShiftCover['reason']> =>
    awayDuring(memberId, within).length > 0 ? 'time-off' : 'other-layer';
  /** Who a piece stands in for: `memberId`, scheduled for the piece itself. */
  const coverOf = (
    kind: ShiftCover['kind'],
    memberId: string,
    span: Interval,
    extra: Partial<ShiftCover> = {},
  ): ShiftCover => ({
    kind,
    originalMemberId: memberId,
    originalStart: msToInstant(span.start),
    originalEnd: msToInstant(span.end),
    ...extra,
  });

  slots.forEach((slot, k) => {
    layers.forEach((_, l) => {
      const t = tentative[l]![k];
      const within = open[l]![k]!;
      if (!t || within.length === 0) {
        placed[l]![k] = [];
        return;
      }
      const plainSource: ShiftSource = t.payback ? 'swap' : 'generated';
      const blocked = blockedDuring(t.memberId, l, k, within, false);
      if (blocked.length === 0) {
        placed[l]![k] = within.map((w) => ({
          ...w,
          memberId: t.memberId,
          source: plainSource,
          ...(t.cover
            ? { cover: { ...t.cover, originalStart: msToInstant(w.start), originalEnd: msToInstant(w.end) } }
            : {}),
        }));
        return;
      }
      const coverer = nextFree(l, k, t.memberId, within);
      if (coverer) {
        const j = paybackPeriod(l, k, t.memberId, coverer);
        if (j !== null) {
          tentative[l]![j] = {
            memberId: t.memberId,
            payback: true,
            cover: coverOf('swap', coverer, slotSpans[j]!, { pairedStart: slot.start }),
          };
        }
        const reason = reasonOf(t.memberId, within);
        const paired = j === null ? {} : { pairedStart: slots[j]!.start };
        placed[l]![k] = within.map((w) => ({
          ...w,
          memberId: coverer,
          source: 'swap',
          cover: coverOf('cover', t.memberId, w, { reason, ...paired }),
        }));
        return;
      }
      // Nobody is free for the whole period: cover each blocked stretch on its own.
      const pieces: Piece[] = [];
      for (const w of within) {
        for (const free of subtractIntervals(w, blocked)) {
          pieces.push({ ...free, memberId: t.memberId, source: plainSource, cover: t.cover });
        }
        for (const stretch of intersectAll([w], blocked)) {
          const stretchReason = why(t.memberId, [stretch]);
          const partial = nextFree(l, k, t.memberId, [stretch]);
          if (partial) {
            const cover = coverOf('cover', t.memberId, stretch, {
              reason: reasonOf(t.memberId, [stretch]),
              partial: true,
            });
            pieces.push({ ...stretch, memberId: partial, source: 'swap', cover });
            continue;
          }
          pieces.push({ ...stretch, memberId: t.memberId, source: plainSource, cover: t.cover });
          const start = msToInstant(stretch.start);
          const end = msToInstant(stretch.end);
          unresolved.push({
            layerId: layers[l]!.id,
            memberId: t.memberId,
            start,
            end,
            reason: awayDuring(t.memberId, [stretch]).length > 0 ? 'time-off' : 'other-layer',
            message: `${layerName(l)}: nobody else in the order is free ${planLocal(plan, start)} – ${planLocal(plan, end)}, so ${name(t.memberId)} stays on call (${stretchReason})`,
          });
        }
      }
      placed[l]![k] = joinPieces(pieces);
    });
  });

  const taken = new Set(kept.map((s) => s.id));
  const generated: Shift[] = [];
  layers.forEach((layer, l) => {
    slots.forEach((slot, k) => {
      for (const piece of placed[l]![k] ?? []) {
        const start = msToInstant(piece.start);
        const base =
          piece.start === slotSpans[k]!.start
            ? slotShiftId(layer.id, slot)
            : `${layer.id}-${localDateTime(start, zone)}`;
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
    });
  });
  return { shifts: sortShifts(plan, [...kept, ...generated]), unresolved };
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
export function generateShifts(plan: Plan): Shift[] {
  return scheduleShifts(plan).shifts;
}
