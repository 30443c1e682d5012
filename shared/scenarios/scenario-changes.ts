import { isRefusal, refuse, type EditOutcome } from '../plan/edits/edit-outcome';
import { applyMemberEdit } from '../plan/edits/member-edits';
import { applyTimeOffEdit } from '../plan/edits/time-off-edits';
import { changeRotationFrom } from '../plan/edits/rotation-from-date';
import type { LayerRotation, Member, Plan, TimeOff } from '../plan/schema';
import { layerRotations } from '../rotation/layer-rotations';
import { scheduleShifts } from '../rotation/schedule-shifts';
import { layerTurns } from '../rotation/turns';
import { rotationBounds } from '../rotation/windows';
import { addDays, instantMs, localDate, localDateTime, msToInstant, zonedToInstant } from '../time/zoned';
import type { HolidayLookup } from '../time/holidays';

/**
 * A what-if change to a scenario, as data (docs/architecture.md):
 * - `member-leaves`: the member leaves the rotation on `from` (a local date; absent: before the plan starts). From
 *   that date they are out of every rotation that has them, the order continuing without them; the shifts that
 *   start before it stay as they are (they finish the one running then), later ones of theirs are dropped, pinned
 *   and hand-made ones too (they are gone). They stay in the team list, away from the day after their last shift,
 *   so fair shares follow the time they were there, and ownership that still names them shows in the comparison.
 * - `member-joins`: a new member joins on `from` (absent: from the plan's start), at the end of the order of
 *   `layerIds` (every layer when omitted); shifts before that date stay as they are, and they count as away
 *   before it, so their fair share covers the time they are there.
 * - `time-off`: a member is away (for example a month); the rotation is regenerated so others cover.
 * - `shift-length`: shifts last `shiftLengthDays` days; the rotation is regenerated.
 */
export type ScenarioChange =
  | { kind: 'member-leaves'; memberId: string; from?: string }
  | { kind: 'member-joins'; member: Member; layerIds?: string[]; from?: string }
  | { kind: 'time-off'; memberId: string; timeOff: TimeOff }
  | { kind: 'shift-length'; shiftLengthDays: number };

/** The plan with its generated shifts made again from its rotation (kept shifts stay, see `scheduleShifts`). */
function regenerated(plan: Plan, holidays: HolidayLookup | undefined): Plan {
  return { ...plan, shifts: scheduleShifts(plan, {}, holidays).shifts };
}

/** True when `from` is a dated change inside the plan (after its first day); before or on it means from the start. */
function dated(plan: Plan, from: string | undefined): from is string {
  return from !== undefined && from > plan.rotation.startDate;
}

function outsidePlan(plan: Plan, from: string | undefined): string | null {
  if (from === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) return `"${from}" is not a date (YYYY-MM-DD)`;
  return from >= plan.rotation.endDate
    ? `${from} is not before the plan ends (${plan.rotation.endDate}), so it changes nothing`
    : null;
}

/** The instant a dated change takes effect for a rotation: the handoff on that date, in the rotation's zone. */
const effectiveAt = (r: LayerRotation, from: string) =>
  instantMs(zonedToInstant(from, r.handoffTime, r.timeZone));

/** Whether a rotation runs at `at` (epoch ms). */
function runsAt(r: LayerRotation, at: number): boolean {
  const b = rotationBounds(r);
  return (b.from ?? Number.NEGATIVE_INFINITY) <= at && at < (b.until ?? Number.POSITIVE_INFINITY);
}

/** The member with an away entry added (a what-if entry that says why), unless it would be empty. */
function withAway(plan: Plan, memberId: string, start: string, end: string, note: string): Plan {
  if (end < start) return plan;
  const members = plan.members.map((m) =>
    m.id === memberId
      ? {
          ...m,
          timeOff: [
            ...m.timeOff,
            { id: `what-if-${memberId}-${start}`, start, end, kind: 'other' as const, note },
          ],
        }
      : m,
  );
  return { ...plan, members };
}

/** The local day after the member's last shift, or `from` when that is later. */
function firstDayAway(plan: Plan, member: Member, from: string): string {
  let day = from;
  for (const s of plan.shifts) {
    if (s.memberId !== member.id) continue;
    const local = localDateTime(s.end, member.timeZone);
    const date = local.slice(0, 10);
    const after = local.slice(11, 16) === '00:00' ? date : addDays(date, 1);
    if (after > day) day = after;
  }
  return day;
}

function leaveFrom(
  plan: Plan,
  member: Member,
  from: string,
  holidays: HolidayLookup | undefined,
): EditOutcome {
  const cut = instantMs(zonedToInstant(from, plan.rotation.handoff.time, plan.rotation.timeZone));
  // Their own shifts from the date on go, hand-made ones too; the rotations below regenerate the rest.
  let next: Plan = {
    ...plan,
    shifts: plan.shifts.filter((s) => s.memberId !== member.id || instantMs(s.start) < cut),
  };
  for (const layer of plan.rotation.layers) {
    const current = next.rotation.layers.find((l) => l.id === layer.id)!;
    for (const r of layerRotations(next.rotation, current)) {
      if (!r.members.includes(member.id)) continue;
      const at = effectiveAt(r, from);
      const bounds = rotationBounds(r);
      if (bounds.until !== null && bounds.until <= at) continue;
      const members = r.members.filter((id) => id !== member.id);
      if (members.length === 0) {
        return refuse(`${member.name} is the only person in the ${r.name} rotation; nobody would be left`);
      }
      if (runsAt(r, at)) {
        // They finish the turn running on the date: the order changes at its end, so whoever follows them
        // takes the next turn in full rather than the rest of theirs.
        const running = layerTurns(next.rotation, current).turns.find(
          (t) => t.rotationId === r.id && t.start < at && at < t.end,
        );
        const on = running ? localDate(msToInstant(running.end), r.timeZone) : from;
        if (on >= plan.rotation.endDate) continue;
        const changed = changeRotationFrom(
          next,
          { layerId: layer.id, rotationId: r.id, from: on, members },
          holidays,
        );
        if (isRefusal(changed)) return changed;
        next = changed;
      } else {
        // A rotation that starts later simply runs without them.
        const layers = next.rotation.layers.map((l) =>
          l.id === layer.id
            ? { ...l, rotations: l.rotations?.map((x) => (x.id === r.id ? { ...x, members } : x)) }
            : l,
        );
        next = regenerated({ ...next, rotation: { ...next.rotation, layers } }, holidays);
      }
    }
  }
  const away = firstDayAway(next, member, from);
  return withAway(next, member.id, away, plan.rotation.endDate, `What-if: left the rotation on ${from}`);
}

function leave(
  plan: Plan,
  memberId: string,
  from: string | undefined,
  holidays: HolidayLookup | undefined,
): EditOutcome {
  const member = plan.members.find((m) => m.id === memberId);
  if (!member) return refuse(`no team member has id "${memberId}"`);
  const wrongDate = outsidePlan(plan, from);
  if (wrongDate) return refuse(wrongDate);
  const inRotation = plan.rotation.layers.some(
    (l) => l.memberOrder.includes(memberId) || (l.rotations ?? []).some((r) => r.members.includes(memberId)),
  );
  if (!inRotation && !plan.shifts.some((s) => s.memberId === memberId)) {
    return refuse(`${member.name} is not on the rotation, so leaving it changes nothing`);
  }
  if (dated(plan, from)) return leaveFrom(plan, member, from, holidays);
  const emptied = plan.rotation.layers
    .flatMap((l) => layerRotations(plan.rotation, l))
    .find((r) => r.members.length === 1 && r.members[0] === memberId);
  if (emptied)
    return refuse(`${member.name} is the only person in the ${emptied.name} rotation; nobody would be left`);
  const layers = plan.rotation.layers.map((l) => ({
    ...l,
    memberOrder: l.memberOrder.filter((id) => id !== memberId),
    ...(l.rotations
      ? { rotations: l.rotations.map((r) => ({ ...r, members: r.members.filter((id) => id !== memberId) })) }
      : {}),
  }));
  return regenerated(
    {
      ...plan,
      rotation: { ...plan.rotation, layers },
      shifts: plan.shifts.filter((s) => s.memberId !== memberId),
    },
    holidays,
  );
}

/** Of the rotations running at once, the one in the member's zone, else the first. */
function rotationFor(rotations: LayerRotation[], member: Member): LayerRotation | undefined {
  return rotations.find((r) => r.timeZone === member.timeZone) ?? rotations[0];
}

function join(
  plan: Plan,
  member: Member,
  layerIds: string[] | undefined,
  from: string | undefined,
  holidays: HolidayLookup | undefined,
): EditOutcome {
  const unknown = (layerIds ?? []).filter((id) => !plan.rotation.layers.some((l) => l.id === id));
  if (unknown.length > 0) return refuse(`no rotation layer has id "${unknown[0]}"`);
  const wrongDate = outsidePlan(plan, from);
  if (wrongDate) return refuse(wrongDate);
  const added = applyMemberEdit(plan, { kind: 'member:add', member });
  if (isRefusal(added)) return added;
  const joins = (id: string) => layerIds === undefined || layerIds.includes(id);
  if (dated(plan, from)) {
    let next = withAway(
      added,
      member.id,
      plan.rotation.startDate,
      addDays(from, -1),
      `What-if: joins the rotation on ${from}`,
    );
    for (const layer of plan.rotation.layers) {
      if (!joins(layer.id)) continue;
      const current = next.rotation.layers.find((l) => l.id === layer.id)!;
      const running = layerRotations(next.rotation, current).filter((r) => runsAt(r, effectiveAt(r, from)));
      const target = rotationFor(running, member);
      if (!target) continue;
      const changed = changeRotationFrom(
        next,
        { layerId: layer.id, rotationId: target.id, from, members: [...target.members, member.id] },
        holidays,
      );
      if (isRefusal(changed)) return changed;
      next = changed;
    }
    return next;
  }
  const layers = added.rotation.layers.map((l) => {
    if (!joins(l.id)) return l;
    const target = l.rotations ? rotationFor(l.rotations, member) : undefined;
    return {
      ...l,
      memberOrder: [...l.memberOrder, member.id],
      ...(l.rotations
        ? {
            rotations: l.rotations.map((r) =>
              r === target ? { ...r, members: [...r.members, member.id] } : r,
            ),
          }
        : {}),
    };
  });
  return regenerated({ ...added, rotation: { ...added.rotation, layers } }, holidays);
}

function shiftLength(plan: Plan, days: number, holidays: HolidayLookup | undefined): EditOutcome {
  if (!Number.isInteger(days) || days < 1 || days > 28) {
    return refuse(`a shift lasts 1 to 28 whole days, not ${days}`);
  }
  if (days === plan.rotation.shiftLengthDays) return refuse(`shifts already last ${days} days`);
  return regenerated({ ...plan, rotation: { ...plan.rotation, shiftLengthDays: days } }, holidays);
}

/**
 * Applies a what-if change to a plan (a scenario's body seen as a plan); unvalidated, like every domain edit.
 * Why regenerate: a what-if only says something when the shifts follow the change the way the rotation engine
 * would make them, with swaps around time off. `holidays`: the shadow learners' (see `scheduleShifts`).
 */
export function applyScenarioChange(
  plan: Plan,
  change: ScenarioChange,
  holidays?: HolidayLookup,
): EditOutcome {
  switch (change.kind) {
    case 'member-leaves':
      return leave(plan, change.memberId, change.from, holidays);
    case 'member-joins':
      return join(plan, change.member, change.layerIds, change.from, holidays);
    case 'time-off': {
      const next = applyTimeOffEdit(plan, {
        kind: 'timeoff:add',
        memberId: change.memberId,
        timeOff: change.timeOff,
      });
      return isRefusal(next) ? next : regenerated(next, holidays);
    }
    case 'shift-length':
      return shiftLength(plan, change.shiftLengthDays, holidays);
  }
}

/** A sentence that says what a change does, for the scenario's description and the undo history. */
export function describeScenarioChange(plan: Plan, change: ScenarioChange): string {
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  switch (change.kind) {
    case 'member-leaves':
      return `${name(change.memberId)} leaves the rotation${change.from ? ` on ${change.from}` : ''}`;
    case 'member-joins':
      return `${change.member.name} joins the rotation${change.from ? ` on ${change.from}` : ''}`;
    case 'time-off':
      return `${name(change.memberId)} is away ${change.timeOff.start} to ${change.timeOff.end}`;
    case 'shift-length':
      return `shifts last ${change.shiftLengthDays} day${change.shiftLengthDays === 1 ? '' : 's'}`;
  }
}
