import type { MergeConflict, Plan, Shift } from '../plan/schema';
import { validatePlanFully } from '../plan/validate-full';
import { instantMs } from '../time/zoned';
import { entityKey, isEntityArray, isRecord, sameJson } from './plan-entities';

/** The merged plan, valid as a whole, and every conflict it records (also in its `mergeConflicts`). */
export type PlanMerge = { plan: Plan; conflicts: MergeConflict[] };

type Found = Omit<MergeConflict, 'id' | 'entity' | 'entityId' | 'message'> & { message?: string };

const join = (path: string, key: string) => (path === '' ? key : `${path}.${key}`);

/** Element keys of entity arrays: ours in order, then what only theirs has, each after its neighbour in theirs. */
function mergedOrder(ours: unknown[], theirs: unknown[]): string[] {
  const order = ours.map((item) => entityKey(item)!);
  const known = new Set(order);
  let previous: string | null = null;
  for (const item of theirs) {
    const key = entityKey(item)!;
    if (!known.has(key)) {
      const at = previous === null ? -1 : order.indexOf(previous);
      order.splice(at + 1, 0, key);
      known.add(key);
    }
    previous = key;
  }
  return order;
}

/**
 * Three-way merge of two JSON values against their ancestor: a side that left the value as it was takes the
 * other's; objects merge field by field, entity arrays entity by entity; anything else both changed differently is
 * a conflict, recorded in `found`, and keeps our value.
 */
function merge3(base: unknown, ours: unknown, theirs: unknown, path: string, found: Found[]): unknown {
  if (sameJson(ours, theirs)) return ours;
  if (sameJson(base, ours)) return theirs;
  if (sameJson(base, theirs)) return ours;
  if (isRecord(ours) && isRecord(theirs) && (base === undefined || isRecord(base))) {
    const b = base ?? {};
    const result: Record<string, unknown> = {};
    const keys = [...Object.keys(ours), ...Object.keys(theirs).filter((k) => !Object.hasOwn(ours, k))];
    for (const key of keys) {
      const value = merge3(b[key], ours[key], theirs[key], join(path, key), found);
      if (value !== undefined) result[key] = value;
    }
    return result;
  }
  if (
    Array.isArray(ours) &&
    Array.isArray(theirs) &&
    (base === undefined || Array.isArray(base)) &&
    isEntityArray([...((base as unknown[] | undefined) ?? []), ...ours, ...theirs])
  ) {
    const byKey = (items: unknown[]) => new Map(items.map((item) => [entityKey(item)!, item]));
    const [b, o, t] = [byKey((base as unknown[] | undefined) ?? []), byKey(ours), byKey(theirs)];
    const result: unknown[] = [];
    for (const key of mergedOrder(ours, theirs)) {
      const value = merge3(b.get(key), o.get(key), t.get(key), `${path}[${key}]`, found);
      if (value !== undefined) result.push(value);
    }
    return result;
  }
  const removed = ours === undefined || theirs === undefined;
  found.push({ kind: removed ? 'removed-and-changed' : 'both-changed', path, base, ours, theirs });
  return ours;
}

const ENTITY_ARRAYS: [RegExp, MergeConflict['entity']][] = [
  [/^shifts\[([^\]]+)\]/, 'shift'],
  [/^members\[([^\]]+)\]/, 'member'],
  [/^pipelines\[([^\]]+)\]/, 'pipeline'],
  [/^ownership\[([^\]]+)\]/, 'ownership'],
  [/^rotation\.layers\[([^\]]+)\]/, 'layer'],
];

/** What a conflict's path is about: the entity kind and id, or a setting. */
function entityOf(path: string): { entity: MergeConflict['entity']; entityId?: string } {
  for (const [pattern, entity] of ENTITY_ARRAYS) {
    const match = pattern.exec(path);
    if (match) return { entity, entityId: match[1]! };
  }
  return { entity: 'setting' };
}

function describe(f: Found): string {
  if (f.message) return f.message;
  if (f.kind === 'removed-and-changed') {
    return f.ours === undefined ? 'we removed it; they changed it' : 'they removed it; we changed it';
  }
  return 'both sides changed it differently';
}

/** Pairs of shifts (by id, `a|b`) that overlap on one layer. */
function overlaps(shifts: readonly Shift[]): Set<string> {
  const pairs = new Set<string>();
  const byLayer = new Map<string, Shift[]>();
  for (const s of shifts) {
    const list = byLayer.get(s.layerId);
    if (list) list.push(s);
    else byLayer.set(s.layerId, [s]);
  }
  for (const list of byLayer.values()) {
    const sorted = list
      .map((s) => ({ s, start: instantMs(s.start), end: instantMs(s.end) }))
      .sort((a, b) => a.start - b.start);
    for (let i = 0; i < sorted.length; i += 1) {
      for (let j = i + 1; j < sorted.length && sorted[j]!.start < sorted[i]!.end; j += 1) {
        pairs.add([sorted[i]!.s.id, sorted[j]!.s.id].sort().join('|'));
      }
    }
  }
  return pairs;
}

/**
 * Puts an entity of `merged` back to our version (or drops it when we have none), recording a rule conflict.
 * Returns false when the path is not in an entity array (the caller then keeps our plan whole).
 */
function revertToOurs(merged: Plan, ours: Plan, path: string, message: string, found: Found[]): boolean {
  const match = /^(shifts|members|pipelines|ownership)\[(\d+)\]/.exec(path);
  if (!match) return false;
  const array = match[1] as 'shifts' | 'members' | 'pipelines' | 'ownership';
  const list = merged[array] as unknown[];
  const item = list[Number(match[2])];
  const key = entityKey(item);
  if (key === null) return false;
  const mine = (ours[array] as unknown[]).find((x) => entityKey(x) === key);
  found.push({ kind: 'rule', path: `${array}[${key}]`, ours: mine, theirs: item, message });
  (merged as Record<string, unknown>)[array] = mine
    ? list.map((x) => (entityKey(x) === key ? mine : x))
    : list.filter((x) => entityKey(x) !== key);
  return true;
}

/** Puts back our member or pipeline that a reference in the merged plan still needs. */
function restoreReferenced(merged: Plan, ours: Plan, message: string, found: Found[]): boolean {
  const member = /no team member has id "([^"]+)"/.exec(message)?.[1];
  const pipeline = /no pipeline has id "([^"]+)"/.exec(message)?.[1];
  if (member !== undefined) {
    const mine = ours.members.find((m) => m.id === member);
    if (!mine || merged.members.some((m) => m.id === member)) return false;
    merged.members = [...merged.members, mine];
    found.push({
      kind: 'rule',
      path: `members[${member}]`,
      ours: mine,
      message: `${message}: kept the member`,
    });
    return true;
  }
  if (pipeline !== undefined) {
    const mine = ours.pipelines.find((p) => p.id === pipeline);
    if (!mine || merged.pipelines.some((p) => p.id === pipeline)) return false;
    merged.pipelines = [...merged.pipelines, mine];
    found.push({
      kind: 'rule',
      path: `pipelines[${pipeline}]`,
      ours: mine,
      message: `${message}: kept the pipeline`,
    });
    return true;
  }
  return false;
}

/**
 * Three-way merge of two plans against their common ancestor, at the level of the plan's entities: members,
 * pipelines, layers, shifts and common issues by id, ownership cells by pipeline, settings by field.
 * Changes to different things combine; the same thing changed differently on both sides is a conflict that keeps
 * our value and records both. The result is validated as a whole: where two clean changes together break a rule
 * (a dangling reference, two people on one layer at once) the entity goes back to our version and the break is a
 * conflict too, so the merged plan is always valid. `meta.updatedAt` takes the later of the two. A null `base`
 * means the two sides have no ancestor.
 * Why: it is git's merge driver for plan files (`rotaplan merge %O %A %B`), so two leads can edit one plan.
 */
export function mergePlans(base: Plan | null, ours: Plan, theirs: Plan): PlanMerge {
  const updatedAt = ours.meta.updatedAt > theirs.meta.updatedAt ? ours.meta.updatedAt : theirs.meta.updatedAt;
  const strip = (plan: Plan): Plan => {
    const { mergeConflicts: _conflicts, ...rest } = plan;
    void _conflicts;
    return { ...rest, meta: { ...plan.meta, updatedAt } };
  };
  const found: Found[] = [];
  // Without an ancestor (both sides added the file) every field either side has is an addition.
  let merged = merge3(base ? strip(base) : undefined, strip(ours), strip(theirs), '', found) as Plan;
  const oursOverlaps = overlaps(ours.shifts);
  const theirsOverlaps = overlaps(theirs.shifts);
  for (let round = 0; round < 4; round += 1) {
    let changed = false;
    for (const pair of overlaps(merged.shifts)) {
      if (oursOverlaps.has(pair) || theirsOverlaps.has(pair)) continue;
      for (const id of pair.split('|')) {
        const index = merged.shifts.findIndex((s) => s.id === id);
        const mine = ours.shifts.find((s) => s.id === id);
        if (index < 0 || sameJson(mine, merged.shifts[index])) continue;
        const message = `overlaps shift ${pair.split('|').find((other) => other !== id)} on its layer`;
        changed = revertToOurs(merged, ours, `shifts[${index}]`, message, found) || changed;
      }
    }
    const result = validatePlanFully(merged);
    if (result.ok && !changed) {
      merged = result.plan;
      break;
    }
    if (!result.ok) {
      for (const problem of result.problems) {
        const fixed =
          restoreReferenced(merged, ours, `${problem.path}: ${problem.message}`, found) ||
          revertToOurs(merged, ours, problem.path, `${problem.path}: ${problem.message}`, found);
        changed = fixed || changed;
      }
    }
    if (!changed || round === 3) {
      // Nothing more to put back: our plan, whole, with every conflict recorded.
      found.push({ kind: 'rule', path: '', message: 'the merged plan broke the rules; kept our plan' });
      merged = strip(ours);
      break;
    }
  }
  const existing = ours.mergeConflicts ?? [];
  const taken = new Set(existing.map((c) => c.id));
  let next = 1;
  const conflicts: MergeConflict[] = found.map((f) => {
    while (taken.has(`conflict-${next}`)) next += 1;
    taken.add(`conflict-${next}`);
    const { message: _message, ...rest } = f;
    void _message;
    return { id: `conflict-${next}`, ...entityOf(f.path), ...rest, message: describe(f) };
  });
  const all = [...existing, ...conflicts];
  const plan: Plan = all.length > 0 ? { ...merged, mergeConflicts: all } : merged;
  return { plan, conflicts };
}
