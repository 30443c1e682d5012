import type { Layer, LayerRotation, Rotation } from '../plan/schema';
import { mergeIntervals, type Interval } from '../time/intervals';
import { ZoneClock } from '../time/zone-clock';
import { addDays, isoWeekday } from '../time/zoned';
import { layerRotations } from './layer-rotations';

/** The instants a rotation's `from` and `until` dates stand for (its handoff time in its zone); null: open. */
export function rotationBounds(
  r: LayerRotation,
  clock = new ZoneClock(),
): { from: number | null; until: number | null } {
  return {
    from: r.from === undefined ? null : clock.zonedMs(r.from, r.handoffTime, r.timeZone),
    until: r.until === undefined ? null : clock.zonedMs(r.until, r.handoffTime, r.timeZone),
  };
}

type WindowStart = { rotation: number; start: number; end: number | null };

/**
 * The on-call time of each rotation of a layer within `horizon`, in the same order as `layerRotations`; null for
 * a rotation without windows (on call all of its span).
 *
 * A window belongs to a rotation when it starts within the rotation's dates. Each window runs to its own end, or,
 * without an end, to the next window start of the layer (any rotation's): that is how regional windows meet
 * exactly as instants when the regions change clocks on different dates. Windows are built from the local dates
 * around the horizon in each rotation's own zone, so a window that began before the horizon still covers its start.
 * `clock`: the caller's zone clock (a layer's windows are thousands of local times).
 */
export function layerWindows(
  rotation: Rotation,
  layer: Layer,
  horizon: Interval,
  clock = new ZoneClock(),
): (Interval[] | null)[] {
  const rotations = layerRotations(rotation, layer);
  const starts: WindowStart[] = [];
  rotations.forEach((r, index) => {
    if (!r.windows) return;
    const bounds = rotationBounds(r, clock);
    const lo = bounds.from ?? Number.NEGATIVE_INFINITY;
    const hi = bounds.until ?? Number.POSITIVE_INFINITY;
    const first = addDays(
      clock.localDate(new Date(Math.max(horizon.start, lo)).toISOString(), r.timeZone),
      -2,
    );
    const last = addDays(clock.localDate(new Date(Math.min(horizon.end, hi)).toISOString(), r.timeZone), 1);
    for (let date = first; date <= last; date = addDays(date, 1)) {
      const weekday = isoWeekday(date);
      for (const w of r.windows) {
        if (!w.weekdays.includes(weekday)) continue;
        const start = clock.zonedMs(date, w.start, r.timeZone);
        if (start < lo || start >= hi) continue;
        const end =
          w.end === undefined
            ? null
            : clock.zonedMs(w.end > w.start ? date : addDays(date, 1), w.end, r.timeZone);
        starts.push({ rotation: index, start, end });
      }
    }
  });
  const sortedStarts = [...new Set(starts.map((s) => s.start))].sort((a, b) => a - b);
  /** The first window start of the layer after `at`, or the end of time. */
  const nextStart = (at: number): number => {
    let lo = 0;
    let hi = sortedStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sortedStarts[mid]! <= at) lo = mid + 1;
      else hi = mid;
    }
    return sortedStarts[lo] ?? Number.POSITIVE_INFINITY;
  };
  return rotations.map((r, index) => {
    if (!r.windows) return null;
    const own = starts
      .filter((s) => s.rotation === index)
      .map((s) => ({ start: s.start, end: s.end ?? nextStart(s.start) }))
      .map((s) => ({ start: Math.max(s.start, horizon.start), end: Math.min(s.end, horizon.end) }));
    return mergeIntervals(own);
  });
}

/** A stretch of a layer's windows that no rotation covers (`hole`) or that two or more cover (`double`). */
export type WindowProblem = { kind: 'hole' | 'double'; start: number; end: number; rotationIds: string[] };

/**
 * Where a layer's rotations, by their windows and dates alone, leave time uncovered or cover it twice, within
 * `horizon`. Why before generating: a coverage strip and `rotaplan generate` can say so before any shift exists.
 */
export function layerWindowProblems(
  horizon: Interval,
  rotations: readonly { id: string; allowed: readonly Interval[] }[],
): WindowProblem[] {
  const events: { at: number; delta: number; id: string }[] = [];
  for (const s of rotations) {
    for (const a of s.allowed) {
      events.push({ at: a.start, delta: 1, id: s.id }, { at: a.end, delta: -1, id: s.id });
    }
  }
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const out: WindowProblem[] = [];
  const active = new Map<string, number>();
  let cursor = horizon.start;
  const note = (until: number) => {
    if (until <= cursor) return;
    const ids = [...active.entries()].filter(([, n]) => n > 0).map(([id]) => id);
    const count = [...active.values()].reduce((a, b) => a + b, 0);
    if (count !== 1) {
      const kind = count === 0 ? 'hole' : 'double';
      const last = out[out.length - 1];
      if (last && last.kind === kind && last.end === cursor && last.rotationIds.join() === ids.join())
        last.end = until;
      else out.push({ kind, start: cursor, end: until, rotationIds: ids });
    }
    cursor = until;
  };
  for (const e of events) {
    note(Math.min(e.at, horizon.end));
    active.set(e.id, (active.get(e.id) ?? 0) + e.delta);
  }
  note(horizon.end);
  return out;
}
