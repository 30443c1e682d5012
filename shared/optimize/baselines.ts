import type { PlanRoster } from './plan-to-roster';
import { cellKey } from './plan-to-roster';
import { emptyAssignment, type RosterAssignment } from './roster-model';

/**
 * Round-robin in member order, as PagerDuty and GoAlert rotate: period k of a layer goes to
 * memberOrder[k mod n] (a rotation's turns counted in on-call time go round its members the same way), whoever is
 * away. Kept shifts stay with their member.
 * Why a baseline: it is what most teams run today, so the optimiser's gain is measured against it.
 */
export function roundRobinAssignment(roster: PlanRoster): RosterAssignment {
  const assignment = emptyAssignment(roster.model);
  const index = new Map(roster.members.map((m, i) => [m.id, i]));
  roster.cells.forEach((row, d) =>
    row.forEach((cell, t) => {
      if (!cell) return;
      const memberId = cell.fixedMemberId ?? cell.turn.memberId;
      const s = index.get(memberId);
      // Round-robin knows nothing of layers: when its pick already holds another layer, the first layer wins.
      if (s !== undefined && assignment[s]![d] === -1) assignment[s]![d] = t;
    }),
  );
  return assignment;
}

/**
 * Least-recently-on-call greedy, as LinkedIn's oncall schedules: period by period, each layer goes to the
 * eligible person who held that layer longest ago (then who was on call on any layer longest ago, then the
 * layer's order), skipping anyone away, on another layer that period, barred by the investor-week rule, or who
 * would break the back-to-back limit, preferring those still under the plan's weekend limit. When nobody passes, the limit on consecutive periods is waived first; when
 * still nobody passes, the least recent eligible person takes it anyway (the checker then reports the break).
 * History before the window counts, so the first periods continue the current schedule fairly.
 */
export function leastRecentAssignment(roster: PlanRoster): RosterAssignment {
  const { model, cells, members, blocked } = roster;
  const assignment = emptyAssignment(model);
  const T = model.shiftTypes.length;
  const lastOnLayer = roster.lastBefore.map((row) => [...row]);
  const lastAny = lastOnLayer.map((row) => Math.max(...row));
  const runOn = members.map((_, s) => model.staff[s]!.runLimits.map((l) => l.before));
  const maxRun = members.map((_, s) => model.staff[s]!.runLimits.map((l) => l.max));
  /** The run limit (by index) that counts shift type t for person s, or −1. */
  const limitOf = (s: number, t: number) =>
    model.staff[s]!.runLimits.findIndex((l) => l.shiftTypes.includes(t));
  const fixedAt = new Map(model.fixed.map((f) => [cellKey(-1, f.day, f.shift), f.staff]));
  // Weekends each person holds so far, and the weekends each cell touches (only when the plan limits weekends).
  const weekendsOf = new Map<string, number[]>();
  for (const c of model.weekendCells ?? []) {
    const key = cellKey(-1, c.day, c.shift);
    weekendsOf.set(key, [...(weekendsOf.get(key) ?? []), c.weekend]);
  }
  const heldWeekends = model.staff.map((st) => new Set(st.weekendsHeld ?? []));
  const withinWeekends = (s: number, d: number, t: number) => {
    const max = model.staff[s]!.maxWeekends;
    if (max === null) return true;
    const more = (weekendsOf.get(cellKey(-1, d, t)) ?? []).filter((k) => !heldWeekends[s]!.has(k));
    return heldWeekends[s]!.size + new Set(more).size <= max;
  };
  // Turns that overlap a turn of an earlier period (see `RosterClash`): skipped while the earlier one is held.
  const clashesOf = new Map<string, { day: number; shift: number }[]>();
  for (const c of model.clashes ?? []) {
    const key = cellKey(c.staff, c.second.day, c.second.shift);
    clashesOf.set(key, [...(clashesOf.get(key) ?? []), c.first]);
  }
  const clashing = (s: number, d: number, t: number) =>
    (clashesOf.get(cellKey(s, d, t)) ?? []).some((c) => assignment[s]![c.day] === c.shift);
  for (let d = 0; d < model.days; d++) {
    const taken = new Set<number>();
    const row = cells[d]!;
    // Fixed cells first, so nobody else is given their person.
    for (let t = 0; t < T; t++) {
      const s = fixedAt.get(cellKey(-1, d, t));
      if (s !== undefined && row[t]) {
        assignment[s]![d] = t;
        taken.add(s);
      }
    }
    for (let t = 0; t < T; t++) {
      const cell = row[t];
      if (!cell || fixedAt.has(cellKey(-1, d, t))) continue;
      const order = cell.lane.members;
      const eligible = members
        .map((m, s) => ({ m, s }))
        .filter(({ s }) => model.staff[s]!.maxShifts[t] !== 0 && !taken.has(s));
      const rank = (s: number) => {
        const pos = order.indexOf(members[s]!.id);
        return [lastOnLayer[s]![t]!, lastAny[s]!, pos < 0 ? order.length : pos] as const;
      };
      const byRecency = (a: { s: number }, b: { s: number }) => {
        const ra = rank(a.s);
        const rb = rank(b.s);
        return ra[0] - rb[0] || ra[1] - rb[1] || ra[2] - rb[2];
      };
      const free = eligible.filter(({ s }) => !blocked.has(cellKey(s, d, t)) && !clashing(s, d, t));
      const rested = free.filter(({ s }) => {
        const k = limitOf(s, t);
        return k < 0 || runOn[s]![k]! < maxRun[s]![k]!;
      });
      const underLimit = rested.filter(({ s }) => withinWeekends(s, d, t));
      const pick = [underLimit, rested, free, eligible].find((list) => list.length > 0)?.sort(byRecency)[0];
      if (!pick) continue;
      assignment[pick.s]![d] = t;
      taken.add(pick.s);
    }
    for (let s = 0; s < members.length; s++) {
      const t = assignment[s]![d]!;
      model.staff[s]!.runLimits.forEach((l, k) => {
        runOn[s]![k] = l.shiftTypes.includes(t) ? runOn[s]![k]! + 1 : 0;
      });
      if (t >= 0) {
        for (const k of weekendsOf.get(cellKey(-1, d, t)) ?? []) heldWeekends[s]!.add(k);
        lastOnLayer[s]![t] = d;
        lastAny[s] = d;
      }
    }
  }
  return assignment;
}
