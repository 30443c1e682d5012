import type { Layer, Rotation } from '../plan/schema';
import type { Interval } from '../time/intervals';
import { addDays, instantMs, zonedToInstant } from '../time/zoned';
import { TurnsTable } from './turns';
import { layerWindowProblems, type WindowProblem } from './windows';

/** One turn as the rotation editor previews it: who, which rotation, and its on-call time (epoch ms). */
export type PreviewTurn = {
  rotationId: string;
  memberId: string;
  /** The first and last on-call instants of the turn. */
  start: number;
  end: number;
  /** Hours on call in the turn (its windows only). */
  hours: number;
};

/**
 * The settings with one layer replaced by its draft.
 * Why: the preview reads the draft through the same engine functions as the plan, never a copy of their rules.
 */
export function withDraftLayer(rotation: Rotation, layer: Layer): Rotation {
  return { ...rotation, layers: rotation.layers.map((l) => (l.id === layer.id ? layer : l)) };
}

/**
 * The turns of `layer` (within `rotation`'s horizon) that hold on-call time inside `window`, in time order.
 * Why from the rotation settings and not from shifts: the editor shows the next weeks before anything is
 * generated, while the user is still changing members, cadence and windows. `turns`: the caller's turns table
 * (the preview reads the same draft three ways).
 */
export function previewTurns(
  rotation: Rotation,
  layer: Layer,
  window: Interval,
  turns: TurnsTable = new TurnsTable(),
): PreviewTurn[] {
  const out: PreviewTurn[] = [];
  for (const t of turns.layerTurns(rotation, layer).turns) {
    const inside = t.allowed.filter((a) => a.end > window.start && a.start < window.end);
    if (inside.length === 0) continue;
    const ms = t.allowed.reduce((sum, a) => sum + (a.end - a.start), 0);
    out.push({
      rotationId: t.rotationId,
      memberId: t.memberId,
      start: t.allowed[0]!.start,
      end: t.allowed[t.allowed.length - 1]!.end,
      hours: ms / 3_600_000,
    });
  }
  return out;
}

/** A piece of one day's coverage strip: one member on call, nobody (`hole`) or two or more (`double`). */
export type StripSegment =
  | { kind: 'covered'; start: number; end: number; memberId: string; rotationId: string }
  | { kind: 'hole' | 'double'; start: number; end: number; rotationIds: string[] };

/** One local day (midnight to midnight in the strip's zone) of a layer's coverage, in time order. */
export type StripDay = { date: string; start: number; end: number; segments: StripSegment[] };

/**
 * A layer's 24-hour coverage strips for the local `dates` in `zone`: who covers each stretch of the day, and where
 * the rotations' windows leave a hole or cover twice (`layerWindowProblems`, the check `rotaplan generate` warns
 * with). Why per day: restriction windows differ by weekday, so a business-hours layer's Saturday is not its Monday.
 */
export function coverageStrips(
  rotation: Rotation,
  layer: Layer,
  dates: readonly string[],
  zone: string,
  table: TurnsTable = new TurnsTable(),
): StripDay[] {
  const { turns } = table.layerTurns(rotation, layer);
  return dates.map((date) => {
    const day = {
      start: instantMs(zonedToInstant(date, '00:00', zone)),
      end: instantMs(zonedToInstant(addDays(date, 1), '00:00', zone)),
    };
    const during = turns.filter((t) => t.start < day.end && t.end > day.start);
    const byRotation = new Map<string, Interval[]>();
    for (const t of during) {
      const list = byRotation.get(t.rotationId) ?? [];
      list.push(...t.allowed);
      byRotation.set(t.rotationId, list);
    }
    const problems: WindowProblem[] = layerWindowProblems(
      day,
      [...byRotation].map(([id, allowed]) => ({ id, allowed })),
    );
    const doubles = problems.filter((p) => p.kind === 'double');
    const segments: StripSegment[] = problems.map((p) => ({
      kind: p.kind,
      start: p.start,
      end: p.end,
      rotationIds: p.rotationIds,
    }));
    for (const t of during) {
      for (const a of t.allowed) {
        let start = Math.max(a.start, day.start);
        const end = Math.min(a.end, day.end);
        // Covered pieces leave out the doubles, which are drawn as doubles.
        for (const d of doubles) {
          if (d.end <= start || d.start >= end) continue;
          if (d.start > start) {
            segments.push({
              kind: 'covered',
              start,
              end: d.start,
              memberId: t.memberId,
              rotationId: t.rotationId,
            });
          }
          start = Math.max(start, d.end);
        }
        if (start < end) {
          segments.push({ kind: 'covered', start, end, memberId: t.memberId, rotationId: t.rotationId });
        }
      }
    }
    segments.sort((a, b) => a.start - b.start);
    return { date, ...day, segments };
  });
}

/**
 * How many holes and doubles a layer's rotation windows leave over the whole plan, and the first of each.
 * Why the whole plan: a hole that opens only when one region changes its clocks lies weeks past the preview.
 */
export function layerProblemSummary(
  rotation: Rotation,
  layer: Layer,
  turns: TurnsTable = new TurnsTable(),
): { holes: number; doubles: number; first: WindowProblem | null } {
  const { problems } = turns.layerTurns(rotation, layer);
  return {
    holes: problems.filter((p) => p.kind === 'hole').length,
    doubles: problems.filter((p) => p.kind === 'double').length,
    first: problems[0] ?? null,
  };
}
