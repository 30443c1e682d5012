import { isDeepStrictEqual } from 'node:util';
import type { NamedChanges, PlanComparison, PlanCounts } from '../../shared/ipc/contract';
import type { Plan } from '../../shared/plan/schema';

type Named = { id: string; name: string };

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

function namedChanges(mine: readonly Named[], theirs: readonly Named[]): NamedChanges {
  const theirsById = byId(theirs);
  const mineById = byId(mine);
  return {
    onlyMine: mine.filter((m) => !theirsById.has(m.id)).map((m) => m.name),
    onlyTheirs: theirs.filter((t) => !mineById.has(t.id)).map((t) => t.name),
    changed: mine
      .filter((m) => theirsById.has(m.id) && !isDeepStrictEqual(m, theirsById.get(m.id)))
      .map((m) => m.name),
  };
}

function counts(plan: Plan): PlanCounts {
  return {
    name: plan.meta.name,
    updatedAt: plan.meta.updatedAt,
    members: plan.members.length,
    pipelines: plan.pipelines.length,
    shifts: plan.shifts.length,
  };
}

// Sections summarised on their own above; the rest are named when they differ at all.
const ITEMISED = new Set(['members', 'pipelines', 'shifts']);

/**
 * A short account of what differs between the plan in the app and the one another program wrote: counts on
 * each side, members and pipelines by name, shifts by number, and the other sections that differ.
 * Why names and counts rather than a full diff: the user must decide between "reload" and "keep mine" in a
 * dialog; a line such as "only on disk: Sam Lee" says what each choice would lose.
 */
export function comparePlans(path: string, mine: Plan, theirs: Plan): PlanComparison {
  const theirShifts = byId(theirs.shifts);
  const myShifts = byId(mine.shifts);
  const keys = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])];
  return {
    path,
    theirsStatus: 'valid',
    mine: counts(mine),
    theirs: counts(theirs),
    members: namedChanges(mine.members, theirs.members),
    pipelines: namedChanges(mine.pipelines, theirs.pipelines),
    shifts: {
      onlyMine: mine.shifts.filter((s) => !theirShifts.has(s.id)).length,
      onlyTheirs: theirs.shifts.filter((s) => !myShifts.has(s.id)).length,
      changed: mine.shifts.filter(
        (s) => theirShifts.has(s.id) && !isDeepStrictEqual(s, theirShifts.get(s.id)),
      ).length,
    },
    otherSections: keys
      .filter((key) => !ITEMISED.has(key))
      .filter(
        (key) =>
          !isDeepStrictEqual(
            (mine as Record<string, unknown>)[key],
            (theirs as Record<string, unknown>)[key],
          ),
      ),
  };
}

/** The comparison when the file on disk is gone or is not a plan: everything in the app is "only mine". */
export function compareWithUnreadable(
  path: string,
  mine: Plan,
  status: 'missing' | 'unreadable',
  problem: string,
): PlanComparison {
  return {
    path,
    theirsStatus: status,
    theirsProblem: problem,
    mine: counts(mine),
    theirs: null,
    members: { onlyMine: mine.members.map((m) => m.name), onlyTheirs: [], changed: [] },
    pipelines: { onlyMine: mine.pipelines.map((p) => p.name), onlyTheirs: [], changed: [] },
    shifts: { onlyMine: mine.shifts.length, onlyTheirs: 0, changed: 0 },
    otherSections: [],
  };
}
