import type { Plan, Shift } from '../plan/schema';
import { hoursBetween, instantMs, localDateTime } from '../time/zoned';
import { diffShifts } from './regenerate';

/** Who held a shift and when, as the user reads it: names, not ids; instants for exact comparison. */
export type ShiftSide = { memberId: string; memberName: string; start: string; end: string; hours: number };

/**
 * One shift an edit changed: its layer, and who held it when before and after. `before` is null for a shift the
 * edit added, `after` for one it removed.
 */
export type EditConsequence = {
  shiftId: string;
  layerId: string;
  layerName: string;
  before: ShiftSide | null;
  after: ShiftSide | null;
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function side(plan: Plan, shift: Shift): ShiftSide {
  return {
    memberId: shift.memberId,
    memberName: plan.members.find((m) => m.id === shift.memberId)?.name ?? shift.memberId,
    start: shift.start,
    end: shift.end,
    hours: hoursBetween(shift.start, shift.end),
  };
}

const sameHolding = (a: ShiftSide | null, b: ShiftSide | null) =>
  a !== null &&
  b !== null &&
  a.memberId === b.memberId &&
  instantMs(a.start) === instantMs(b.start) &&
  instantMs(a.end) === instantMs(b.end);

/**
 * Every shift an edit changed in who holds it or when, comparing the plan before and after: names and layer
 * names of the plan after the edit (the plan before for removed shifts), sorted by layer order, then start.
 * A change of source, pin or note alone is not listed: nobody's on-call time moves.
 * Why: a drag, resize or swap often changes neighbours and the other side of a swap as well; the calendar shows
 * all of it while the user drags and after the drop, so nothing changes behind their back.
 */
export function editConsequences(before: Plan, after: Plan): EditConsequence[] {
  // Edits keep the shift objects they leave alone; only the others can differ.
  const kept = new Set(before.shifts);
  const still = new Set(after.shifts);
  const diff = diffShifts(
    before.shifts.filter((s) => !still.has(s)),
    after.shifts.filter((s) => !kept.has(s)),
  );
  const layerIndex = new Map(after.rotation.layers.map((l, i) => [l.id, i]));
  const layerName = (id: string) =>
    after.rotation.layers.find((l) => l.id === id)?.name ??
    before.rotation.layers.find((l) => l.id === id)?.name ??
    id;
  const out: EditConsequence[] = [
    ...diff.changed.map((c) => ({ was: c.before, now: c.after as Shift | null, shift: c.after })),
    ...diff.added.map((s) => ({ was: null, now: s, shift: s })),
    ...diff.removed.map((s) => ({ was: s, now: null, shift: s })),
  ]
    .map(({ was, now, shift }) => ({
      shiftId: shift.id,
      layerId: shift.layerId,
      layerName: layerName(shift.layerId),
      before: was ? side(before, was) : null,
      after: now ? side(after, now) : null,
    }))
    .filter((c) => !sameHolding(c.before, c.after));
  const startOf = (c: EditConsequence) => instantMs((c.after ?? c.before)!.start);
  return out.sort(
    (a, b) =>
      (layerIndex.get(a.layerId) ?? 99) - (layerIndex.get(b.layerId) ?? 99) ||
      startOf(a) - startOf(b) ||
      a.shiftId.localeCompare(b.shiftId),
  );
}

/**
 * True when an edit's changes leave everyone on call exactly when they were: the same people hold the same
 * times in each layer, only shift ids moved (a drag of someone's week onto another week of theirs).
 * Why: such a drop would only retag shifts as swaps; the calendar says so and changes nothing.
 */
export function changesNothingOnCall(consequences: EditConsequence[]): boolean {
  const key = (layerId: string, s: ShiftSide) =>
    `${layerId}|${s.memberId}|${instantMs(s.start)}|${instantMs(s.end)}`;
  const was = consequences.flatMap((c) => (c.before ? [key(c.layerId, c.before)] : [])).sort();
  const now = consequences.flatMap((c) => (c.after ? [key(c.layerId, c.after)] : [])).sort();
  return was.length === now.length && was.every((k, i) => k === now[i]);
}

/** "Jan 11 09:00" on the plan's wall clock (no year, 24 hours). */
export function shortMoment(instant: string, zone: string): string {
  const [date, time] = localDateTime(instant, zone).split('T') as [string, string];
  const [, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${day} ${time}`;
}

/** "Jan 11 09:00 – Jan 18 09:00" on the plan's wall clock. */
export function shortSpan(start: string, end: string, zone: string): string {
  return `${shortMoment(start, zone)} – ${shortMoment(end, zone)}`;
}

const hoursText = (hours: number) => {
  const rounded = Math.round(hours * 10) / 10;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(1)} h`;
};

/**
 * One changed shift in words, with the new times and length:
 * "Diego Alvarez · Primary: Jan 11 09:00 – Jan 18 09:00 → Jan 4 09:00 – Jan 11 09:00 (168 h)", or with a new person
 * "Primary Jan 25 09:00 – Feb 1 09:00: Diego Alvarez → Sam Okafor".
 * Why one wording: the drag preview and the after-drop message say the same thing.
 */
export function describeConsequence(c: EditConsequence, zone: string): string {
  const { before: was, after: now } = c;
  if (!was && now) {
    return `${now.memberName} · ${c.layerName}: new shift ${shortSpan(now.start, now.end, zone)} (${hoursText(now.hours)})`;
  }
  if (was && !now) {
    return `${was.memberName} · ${c.layerName}: shift ${shortSpan(was.start, was.end, zone)} removed`;
  }
  if (!was || !now) return c.layerName;
  const sameTimes =
    instantMs(was.start) === instantMs(now.start) && instantMs(was.end) === instantMs(now.end);
  if (was.memberId !== now.memberId && sameTimes) {
    return `${c.layerName} ${shortSpan(now.start, now.end, zone)}: ${was.memberName} → ${now.memberName}`;
  }
  const who = was.memberId === now.memberId ? now.memberName : `${was.memberName} → ${now.memberName}`;
  return `${who} · ${c.layerName}: ${shortSpan(was.start, was.end, zone)} → ${shortSpan(now.start, now.end, zone)} (${hoursText(now.hours)})`;
}

/**
 * What an edit of one shift does, in one line: "Swap with Diego Alvarez: Diego Alvarez takes Jan 4 09:00 – Jan 11
 * 09:00", "Handoff moves: Diego Alvarez now starts Jan 13 09:00 (120 h)", or "Maya Chen already holds … : nothing
 * changes". The line is about the other people the edit touches; `describeConsequence` gives the full list.
 * Why: the drag preview must say at a glance what happens to someone else before the user lets go.
 */
export function consequenceHeadline(consequences: EditConsequence[], shiftId: string, zone: string): string {
  const own = consequences.find((c) => c.shiftId === shiftId);
  const others = consequences.filter((c) => c.shiftId !== shiftId);
  if (consequences.length === 0 || changesNothingOnCall(consequences)) {
    return 'Nothing changes: the same people stay on call at the same times';
  }
  const mover = own?.after ?? own?.before;
  const swapped = others.find(
    (o) =>
      own?.before &&
      o.after &&
      instantMs(o.after.start) === instantMs(own.before.start) &&
      instantMs(o.after.end) === instantMs(own.before.end),
  );
  if (swapped?.after && mover) {
    return `Swap with ${swapped.after.memberName}: ${swapped.after.memberName} takes ${shortSpan(swapped.after.start, swapped.after.end, zone)}, ${mover.memberName} takes ${shortSpan(mover.start, mover.end, zone)}`;
  }
  const parts = others.map((o) => {
    const now = o.after;
    if (!now) return `${o.before!.memberName}'s ${o.layerName} shift is removed`;
    if (o.before && o.before.memberId !== now.memberId)
      return `${now.memberName} takes over from ${o.before.memberName}`;
    return `${now.memberName} (${o.layerName}) now ${shortSpan(now.start, now.end, zone)} (${hoursText(now.hours)})`;
  });
  let head = '';
  if (own?.after && own.before && own.before.memberId !== own.after.memberId) {
    head = `${own.after.memberName} takes over from ${own.before.memberName}: ${shortSpan(own.after.start, own.after.end, zone)}`;
  } else if (own?.after) {
    head = `${own.after.memberName} ${shortSpan(own.after.start, own.after.end, zone)} (${hoursText(own.after.hours)})`;
  }
  return [head, ...parts].filter(Boolean).join('; ');
}
