import type { Plan } from '../plan/schema';
import { layerRotations } from '../rotation/layer-rotations';
import { layerTurns, TurnsTable } from '../rotation/turns';
import type { Interval } from '../time/intervals';
import { ZoneClock } from '../time/zone-clock';
import { daysBetween, msToInstant } from '../time/zoned';

/**
 * A daily on-call window of a rotation: on these ISO weekdays (1 Monday … 7 Sunday) from `start` (HH:MM, wall time
 * in the piece's zone) for `minutes`.
 */
export type PieceWindow = { weekdays: number[]; start: string; minutes: number; split?: WindowSplit };

/**
 * How a window whose length changes can still be held exactly by a tool whose shifts each have one zone and one
 * length (Grafana OnCall): its first `minMinutes` from the start in the rotation's zone, and a tail of
 * `tailMinutes` ending at the window's end, which stays at one wall time in `tailZone` (the next region's), from
 * `tailStart` there, `dayShift` local days after the window's start date. The two overlap for the same member.
 */
export type WindowSplit = {
  minMinutes: number;
  tailZone: string;
  tailStart: string;
  tailMinutes: number;
  dayShift: number;
};

/**
 * The regular part of one plan rotation, as the paging tools can hold it: members in turn order (the first is on
 * call in the turn that starts at `anchor`), turns of `every` days or weeks handing over at `anchor`'s wall time in
 * `zone`, and optionally a daily window. Everything the plan does beyond this (covers, swaps, hand edits, windows
 * whose length changes with another region's DST) is left to each target's overrides.
 */
export type RegularPiece = {
  layerId: string;
  rotationId: string;
  name: string;
  zone: string;
  members: string[];
  unit: 'day' | 'week';
  every: number;
  /** The first turn's handoff: local `YYYY-MM-DDTHH:MM` in `zone`, and the same instant in epoch ms. */
  anchor: string;
  anchorMs: number;
  /** Where the rotation stops (epoch ms), when it stops before the published window ends. */
  untilMs: number | null;
  /** Absent: on call all the time. */
  window?: PieceWindow;
};

/** What could not become a regular piece, in words, for the target's notes. */
export type PieceResult = { pieces: RegularPiece[]; notes: string[] };

const MINUTE = 60_000;

/** The most frequent value of a list (the first seen on a tie), or undefined for an empty list. */
function mode(values: number[]): number | undefined {
  const counts = new Map<number, number>();
  let best: number | undefined;
  let bestCount = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestCount) {
      best = v;
      bestCount = n;
    }
  }
  return best;
}

/**
 * The regular pieces of every layer of a plan that turn within `window`: one per rotation (per window of a
 * rotation with several), from the rotation's own turns as the engine computes them.
 * Why shared: the calendar-style targets (Grafana OnCall, GoAlert) express the same regular part; only the way each
 * writes and expands it differs. (Opsgenie takes PagerDuty's pieces of constant offsets instead, as its rotations
 * can be bounded by dates.) A window without an end runs until the next one of the layer,
 * so its length changes when that region changes clocks; the piece takes the most common length and the other
 * days become overrides. `clock`: the caller's zone clock (a fresh one by default) reads every window's local times.
 */
export function regularPieces(plan: Plan, window: Interval, clock = new ZoneClock()): PieceResult {
  const pieces: RegularPiece[] = [];
  const notes: string[] = [];
  const table = new TurnsTable(clock);
  for (const layer of plan.rotation.layers) {
    const { turns } = layerTurns(plan.rotation, layer, table);
    for (const r of layerRotations(plan.rotation, layer)) {
      const own = turns.filter((t) => t.rotationId === r.id && t.end > window.start && t.start < window.end);
      const first = own[0];
      if (!first) continue;
      if (r.cadence.kind !== 'days' && r.cadence.kind !== 'weeks') {
        notes.push(
          `${layer.name} / ${r.name}: a monthly cadence is not a rotation these tools hold; its turns are published as overrides.`,
        );
        continue;
      }
      const offset = first.count % r.members.length;
      const members = [...r.members.slice(offset), ...r.members.slice(0, offset)];
      const last = own[own.length - 1]!;
      const base = {
        layerId: layer.id,
        rotationId: r.id,
        zone: r.timeZone,
        members,
        unit: r.cadence.kind === 'days' ? ('day' as const) : ('week' as const),
        every: r.cadence.every,
        anchor: clock.localDateTime(msToInstant(first.start), r.timeZone),
        anchorMs: first.start,
        untilMs: last.end < window.end ? last.end : null,
      };
      if (!r.windows) {
        pieces.push({ ...base, name: r.name });
        continue;
      }
      if (r.cadence.kind === 'days' && r.cadence.every > 1) {
        notes.push(
          `${layer.name} / ${r.name}: daily windows in turns of several days are not a rotation these tools hold; published as overrides.`,
        );
        continue;
      }
      const instances = own.flatMap((t) => t.allowed);
      r.windows.forEach((w, index) => {
        const lengths = instances
          .filter((i) => clock.localDateTime(msToInstant(i.start), r.timeZone).slice(11) === w.start)
          .map((i) => Math.round((i.end - i.start) / MINUTE));
        const minutes = mode(lengths);
        if (minutes === undefined) return;
        const varies = lengths.some((l) => l !== minutes);
        const starting = instances.filter(
          (i) => clock.localDateTime(msToInstant(i.start), r.timeZone).slice(11) === w.start,
        );
        const split = varies
          ? windowSplit(clock, starting, r.timeZone, [
              r.timeZone,
              ...layerRotations(plan.rotation, layer).map((x) => x.timeZone),
            ])
          : undefined;
        if (varies)
          notes.push(
            `${layer.name} / ${r.name}: the window from ${w.start} lasts ${minutes} minutes on most days and ` +
              `changes with another region's clock; where the tool cannot follow that, those days are published as overrides.`,
          );
        pieces.push({
          ...base,
          name: r.windows!.length > 1 ? `${r.name} ${index + 1}` : r.name,
          window: {
            weekdays: [...w.weekdays].sort((a, b) => a - b),
            start: w.start,
            minutes,
            ...(split ? { split } : {}),
          },
        });
      });
    }
  }
  return { pieces, notes };
}

/**
 * The split of a window whose instances differ in length (see `WindowSplit`), when their ends keep one wall time in
 * one of `zones` and the tail falls a constant number of days after the start; undefined otherwise.
 */
function windowSplit(
  clock: ZoneClock,
  instances: Interval[],
  zone: string,
  zones: string[],
): WindowSplit | undefined {
  const lengths = instances.map((i) => Math.round((i.end - i.start) / MINUTE));
  const minMinutes = Math.min(...lengths);
  const tailMinutes = Math.max(...lengths) - minMinutes;
  if (tailMinutes > minMinutes) return undefined;
  for (const tailZone of new Set(zones)) {
    const tails = instances.map((i) => {
      const at = clock.localDateTime(msToInstant(i.end - tailMinutes * MINUTE), tailZone);
      const startDate = clock.localDateTime(msToInstant(i.start), zone).slice(0, 10);
      return { time: at.slice(11), shift: daysBetween(startDate, at.slice(0, 10)) };
    });
    const ends = new Set(instances.map((i) => clock.localDateTime(msToInstant(i.end), tailZone).slice(11)));
    const first = tails[0]!;
    if (ends.size === 1 && tails.every((t) => t.time === first.time && t.shift === first.shift))
      return { minMinutes, tailZone, tailStart: first.time, tailMinutes, dayShift: first.shift };
  }
  return undefined;
}
