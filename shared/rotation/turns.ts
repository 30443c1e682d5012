import type { Layer, LayerRotation, Rotation } from '../plan/schema';
import type { Interval } from '../time/intervals';
import { ZoneClock } from '../time/zone-clock';
import { addDays, instantMs, msToInstant } from '../time/zoned';
import { cadenceDates } from './cadence';
import { rotationHorizon } from './generate-shifts';
import { isPlainLayer, layerRotations } from './layer-rotations';
import { layerWindowProblems, layerWindows, rotationBounds, type WindowProblem } from './windows';

/**
 * One turn of a rotation: the period between two of its handoffs (`start`, `end`, epoch ms), the member whose
 * turn it is, and the on-call time inside it (`allowed`: the period within the rotation's windows). `count`
 * numbers the rotation's turns that hold on-call time, so a period with none (a weekend of a weekday rotation)
 * passes nobody's turn: turns are counted in allowed time. `startDate` is the plan-local date of its first
 * on-call instant; `plain` marks a layer read from the plan-wide settings (shift ids `<layer>-<date>`).
 */
export type Turn = {
  layerId: string;
  rotationId: string;
  rotationIndex: number;
  members: readonly string[];
  count: number;
  memberId: string;
  start: number;
  end: number;
  allowed: Interval[];
  startDate: string;
  plain: boolean;
  allowNight: boolean;
};

/** A layer's turns in time order, and where its rotations' windows leave holes or overlap. */
export type LayerTurns = { layerId: string; turns: Turn[]; problems: WindowProblem[] };

/** The parts of sorted, disjoint `allowed` inside [start, end), starting the scan at `from`; returns the parts. */
function clip(allowed: readonly Interval[], start: number, end: number): Interval[] {
  const out: Interval[] = [];
  let lo = 0;
  let hi = allowed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (allowed[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < allowed.length && allowed[i]!.start < end; i++) {
    const a = allowed[i]!;
    const s = Math.max(a.start, start);
    const e = Math.min(a.end, end);
    if (s < e) out.push({ start: s, end: e });
  }
  return out;
}

/** The turns of one rotation within the horizon (see `Turn`). */
function rotationTurns(
  rotation: Rotation,
  layer: Layer,
  r: LayerRotation,
  rotationIndex: number,
  horizon: Interval,
  windows: Interval[] | null,
  clock: ZoneClock,
): Turn[] {
  const bounds = rotationBounds(r, clock);
  const spanStart = Math.max(horizon.start, bounds.from ?? horizon.start);
  const ownEnd = Math.min(horizon.end, bounds.until ?? horizon.end);
  const allowed = windows ?? (spanStart < ownEnd ? [{ start: spanStart, end: ownEnd }] : []);
  // A window that starts before `until` runs to its end: the rotation's last period stretches to hold it.
  const lastAllowed = allowed[allowed.length - 1]?.end ?? ownEnd;
  const spanEnd = bounds.until === null ? horizon.end : Math.min(horizon.end, Math.max(ownEnd, lastAllowed));
  if (spanEnd <= spanStart) return [];
  const handoffs = cadenceDates(
    r.cadence,
    r.from ?? rotation.startDate,
    addDays(r.until ?? rotation.endDate, 1),
  )
    .map((date) => clock.zonedMs(date, r.handoffTime, r.timeZone))
    .filter((at) => at > spanStart && at < Math.min(spanEnd, bounds.until ?? spanEnd));
  const edges = [spanStart, ...handoffs, spanEnd];
  const turns: Turn[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    const inside = clip(allowed, start, end);
    if (inside.length === 0) continue;
    const count = turns.length;
    turns.push({
      layerId: layer.id,
      rotationId: r.id,
      rotationIndex,
      members: r.members,
      count,
      memberId: r.members[count % r.members.length]!,
      start,
      end,
      allowed: inside,
      startDate: clock.localDate(msToInstant(inside[0]!.start), rotation.timeZone),
      plain: isPlainLayer(layer),
      allowNight: r.allowNight === true,
    });
  }
  return turns;
}

/**
 * The turns of each layer already worked out, for as long as the caller keeps this object.
 * Why a table the caller owns: plans are never changed in place (edits make new objects), so the same rotation and
 * layer objects always give the same turns, and the engine and the checks of one generation, or the swap choices
 * of one shift, ask for them again and again; one call (or one panel) holds one table, nothing is shared behind
 * its back, and a test starts clean. Entries go when their rotation is no longer used. `clock` converts the
 * handoffs and windows: the caller's zone clock (a `HolidayCalendar`'s), or a fresh one.
 */
export class TurnsTable {
  private readonly known = new WeakMap<Rotation, WeakMap<Layer, LayerTurns>>();

  constructor(readonly clock: ZoneClock = new ZoneClock()) {}

  /** The turns and window problems of `layer` in `rotation` (see `layerTurns`), worked out once per pair. */
  layerTurns(rotation: Rotation, layer: Layer): LayerTurns {
    let byLayer = this.known.get(rotation);
    if (!byLayer) {
      byLayer = new WeakMap();
      this.known.set(rotation, byLayer);
    }
    let turns = byLayer.get(layer);
    if (!turns) {
      turns = computeLayerTurns(rotation, layer, this.clock);
      byLayer.set(layer, turns);
    }
    return turns;
  }
}

/**
 * Every turn of a layer over the rotation's horizon, in time order (then by rotation), with the holes and doubles
 * its rotations' windows leave. Why one function: the engine fills these turns, the checks and the CLI report
 * the problems, and both read the same resolution of windows, dates and cadences. `table`: the caller's turns
 * table, so repeated questions about the same rotation are answered once (a fresh one when none is given).
 */
export function layerTurns(
  rotation: Rotation,
  layer: Layer,
  table: TurnsTable = new TurnsTable(),
): LayerTurns {
  return table.layerTurns(rotation, layer);
}

function computeLayerTurns(rotation: Rotation, layer: Layer, clock: ZoneClock): LayerTurns {
  const span = rotationHorizon(rotation, clock);
  const horizon = { start: instantMs(span.start), end: instantMs(span.end) };
  const rotations = layerRotations(rotation, layer);
  const windows = layerWindows(rotation, layer, horizon, clock);
  const perRotation = rotations.map((r, i) =>
    rotationTurns(rotation, layer, r, i, horizon, windows[i]!, clock),
  );
  const turns = perRotation.flat().sort((a, b) => a.start - b.start || a.rotationIndex - b.rotationIndex);
  const problems =
    rotations.length === 0
      ? []
      : layerWindowProblems(
          horizon,
          perRotation.map((list, i) => ({ id: rotations[i]!.id, allowed: list.flatMap((t) => t.allowed) })),
        );
  return { layerId: layer.id, turns, problems };
}
