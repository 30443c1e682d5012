import { instantMs, msToInstant } from '../time/zoned';
import type { Plan } from './schema';
import type { PlanProblem } from './validate';

/** Two items of one layer at the same time: the one holding the layer (`earlier`) and the one that starts inside it. */
export type SweptOverlap<T> = { earlier: T; later: T; startMs: number; endMs: number };

/**
 * Every overlap in one layer's items sorted by start: each item that starts before the layer is free again is paired
 * with the item holding the layer then (the one that reaches furthest), over the time both hold it.
 * Why one sweep: the fairness `overlap` flag, `rotaplan validate`, the load notice and the trim fix must agree on
 * what overlaps; each calls this with its own item type.
 */
export function sweepOverlaps<T>(
  sorted: readonly T[],
  startOf: (item: T) => number,
  endOf: (item: T) => number,
): SweptOverlap<T>[] {
  const found: SweptOverlap<T>[] = [];
  let cover: T | undefined;
  for (const item of sorted) {
    if (cover !== undefined && startOf(item) < endOf(cover)) {
      found.push({
        earlier: cover,
        later: item,
        startMs: startOf(item),
        endMs: Math.min(endOf(cover), endOf(item)),
      });
    }
    if (cover === undefined || endOf(item) > endOf(cover)) cover = item;
  }
  return found;
}

/**
 * The least a shift-like item needs for the overlap checks: its layer and its [start, end) as instants; a `shadow`
 * item (a learner beside the on-call person) holds no layer and is left out of every check and trim.
 */
export type LayerSpan = { layerId: string; start: string; end: string; shadow?: boolean };

type Indexed = { index: number; startMs: number; endMs: number };

/** The items' indices per layer, each layer's sorted by start (then by index, so equal starts stay in file order). */
function byLayer(items: readonly LayerSpan[]): Map<string, Indexed[]> {
  const layers = new Map<string, Indexed[]>();
  items.forEach((s, index) => {
    if (s.shadow === true) return;
    const list = layers.get(s.layerId) ?? [];
    list.push({ index, startMs: instantMs(s.start), endMs: instantMs(s.end) });
    layers.set(s.layerId, list);
  });
  // A plan keeps its shifts sorted by layer and start: sort only a layer that is not, not every list on every edit.
  for (const list of layers.values()) {
    if (list.some((x, i) => i > 0 && x.startMs < list[i - 1]!.startMs)) {
      list.sort((a, b) => a.startMs - b.startMs || a.index - b.index);
    }
  }
  return layers;
}

/** One overlap between two shifts of a layer, by their indices in the list given. */
export type LayerOverlap = {
  layerId: string;
  earlierIndex: number;
  laterIndex: number;
  start: string;
  end: string;
};

/**
 * The overlaps of a list of shifts on each layer (a layer holds one person at a time), in layer order of first
 * appearance, then by time. Indices point into `shifts`.
 * Why: two shifts of one layer at once count their hours twice and leave it unclear who is paged.
 */
export function findLayerOverlaps(shifts: readonly LayerSpan[]): LayerOverlap[] {
  const found: LayerOverlap[] = [];
  for (const [layerId, list] of byLayer(shifts)) {
    for (const o of sweepOverlaps(
      list,
      (x) => x.startMs,
      (x) => x.endMs,
    )) {
      found.push({
        layerId,
        earlierIndex: o.earlier.index,
        laterIndex: o.later.index,
        start: msToInstant(o.startMs),
        end: msToInstant(o.endMs),
      });
    }
  }
  return found;
}

/** The outcome of trimming: the items left (in their order), and how many were shortened or dropped per layer. */
export type TrimmedOverlaps<T> = {
  items: T[];
  trimmed: number;
  removed: number;
  /** Layer id → shortened plus dropped items on it. */
  byLayer: Map<string, number>;
};

/**
 * Removes the overlaps of a layer's items: an item that starts while the layer is held starts when it is free again;
 * one that lies wholly inside what is already held is dropped. Whoever holds the layer keeps it until their item
 * ends, which is how a hand-over works and what a repeating calendar event that outlasts its repeat meant.
 * Why pure and generic: the same trim is the one-step fix of a loaded plan and what imports apply to their entries.
 */
export function trimLayerOverlaps<T extends LayerSpan>(items: readonly T[]): TrimmedOverlaps<T> {
  const next: (T | null)[] = [...items];
  let trimmed = 0;
  let removed = 0;
  const counts = new Map<string, number>();
  for (const [layerId, list] of byLayer(items)) {
    let freeAt = -Infinity;
    for (const x of list) {
      if (x.endMs <= freeAt) {
        next[x.index] = null;
        removed += 1;
      } else if (x.startMs < freeAt) {
        next[x.index] = { ...items[x.index]!, start: msToInstant(freeAt) };
        trimmed += 1;
      }
      if (x.startMs < freeAt) counts.set(layerId, (counts.get(layerId) ?? 0) + 1);
      freeAt = Math.max(freeAt, x.endMs);
    }
  }
  return { items: next.filter((x): x is T => x !== null), trimmed, removed, byLayer: counts };
}

/** The name of a layer of the plan, or its id when the plan has no such layer. */
export function layerNameOf(plan: Plan, layerId: string): string {
  return plan.rotation.layers.find((l) => l.id === layerId)?.name ?? layerId;
}

/**
 * One sentence per layer with overlapping shifts, such as `3 shifts overlap on Primary`, for notices and summaries.
 */
export function describeOverlapCounts(plan: Plan, counts: ReadonlyMap<string, number>): string {
  return [...counts]
    .map(([layerId, n]) => `${n} shift${n === 1 ? '' : 's'} on ${layerNameOf(plan, layerId)}`)
    .join(', ');
}

/**
 * One problem per shift that starts while another shift holds its layer, such as `shifts[5]: overlaps shifts[4]
 * ("primary-2027-01-04") on the Primary layer from 2027-01-05T16:00:00Z to 2027-01-11T16:00:00Z`.
 * Why not in the schema: a plan with overlaps still opens (the app offers to trim them); `rotaplan validate` names
 * them so a plan kept in git fails its check.
 */
export function layerOverlapProblems(plan: Plan): PlanProblem[] {
  return findLayerOverlaps(plan.shifts).map((o) => ({
    path: `shifts[${o.laterIndex}]`,
    message: `overlaps shifts[${o.earlierIndex}] ("${plan.shifts[o.earlierIndex]!.id}") on the ${layerNameOf(plan, o.layerId)} layer from ${o.start} to ${o.end}: a layer holds one person at a time`,
  }));
}
