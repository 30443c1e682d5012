import { isRefusal, refuse, type EditOutcome } from '../plan/edits/edit-outcome';
import { applyMemberEdit } from '../plan/edits/member-edits';
import { applyTimeOffEdit } from '../plan/edits/time-off-edits';
import type { Member, Plan, TimeOff } from '../plan/schema';
import { scheduleShifts } from '../rotation/schedule-shifts';

/**
 * A what-if change to a scenario, as data (docs/architecture.md):
 * - `member-leaves`: the member leaves the rotation: out of every layer's order, their shifts dropped (pinned and
 *   hand-made ones too: they are gone), the rotation regenerated. They stay in the team list, so ownership that
 *   still names them shows up in the comparison rather than vanishing.
 * - `member-joins`: a new member joins, at the end of the order of `layerIds` (every layer when omitted); the
 *   rotation is regenerated.
 * - `time-off`: a member is away (for example a month); the rotation is regenerated so others cover.
 * - `shift-length`: shifts last `shiftLengthDays` days; the rotation is regenerated.
 */
export type ScenarioChange =
  | { kind: 'member-leaves'; memberId: string }
  | { kind: 'member-joins'; member: Member; layerIds?: string[] }
  | { kind: 'time-off'; memberId: string; timeOff: TimeOff }
  | { kind: 'shift-length'; shiftLengthDays: number };

/** The plan with its generated shifts made again from its rotation (kept shifts stay, see `scheduleShifts`). */
function regenerated(plan: Plan): Plan {
  return { ...plan, shifts: scheduleShifts(plan).shifts };
}

function leave(plan: Plan, memberId: string): EditOutcome {
  const member = plan.members.find((m) => m.id === memberId);
  if (!member) return refuse(`no team member has id "${memberId}"`);
  const inRotation = plan.rotation.layers.some((l) => l.memberOrder.includes(memberId));
  if (!inRotation && !plan.shifts.some((s) => s.memberId === memberId)) {
    return refuse(`${member.name} is not on the rotation, so leaving it changes nothing`);
  }
  const emptied = plan.rotation.layers.find(
    (l) => l.memberOrder.length === 1 && l.memberOrder[0] === memberId,
  );
  if (emptied)
    return refuse(`${member.name} is the only person in the ${emptied.name} rotation; nobody would be left`);
  const layers = plan.rotation.layers.map((l) => ({
    ...l,
    memberOrder: l.memberOrder.filter((id) => id !== memberId),
  }));
  return regenerated({
    ...plan,
    rotation: { ...plan.rotation, layers },
    shifts: plan.shifts.filter((s) => s.memberId !== memberId),
  });
}

function join(plan: Plan, member: Member, layerIds: string[] | undefined): EditOutcome {
  const unknown = (layerIds ?? []).filter((id) => !plan.rotation.layers.some((l) => l.id === id));
  if (unknown.length > 0) return refuse(`no rotation layer has id "${unknown[0]}"`);
  const added = applyMemberEdit(plan, { kind: 'member:add', member });
  if (isRefusal(added)) return added;
  const joins = (id: string) => layerIds === undefined || layerIds.includes(id);
  const layers = added.rotation.layers.map((l) =>
    joins(l.id) ? { ...l, memberOrder: [...l.memberOrder, member.id] } : l,
  );
  return regenerated({ ...added, rotation: { ...added.rotation, layers } });
}

function shiftLength(plan: Plan, days: number): EditOutcome {
  if (!Number.isInteger(days) || days < 1 || days > 28) {
    return refuse(`a shift lasts 1 to 28 whole days, not ${days}`);
  }
  if (days === plan.rotation.shiftLengthDays) return refuse(`shifts already last ${days} days`);
  return regenerated({ ...plan, rotation: { ...plan.rotation, shiftLengthDays: days } });
}

/**
 * Applies a what-if change to a plan (a scenario's body seen as a plan); unvalidated, like every domain edit.
 * Why regenerate: a what-if only says something when the shifts follow the change the way the rotation engine
 * would make them, with swaps around time off.
 */
export function applyScenarioChange(plan: Plan, change: ScenarioChange): EditOutcome {
  switch (change.kind) {
    case 'member-leaves':
      return leave(plan, change.memberId);
    case 'member-joins':
      return join(plan, change.member, change.layerIds);
    case 'time-off': {
      const next = applyTimeOffEdit(plan, {
        kind: 'timeoff:add',
        memberId: change.memberId,
        timeOff: change.timeOff,
      });
      return isRefusal(next) ? next : regenerated(next);
    }
    case 'shift-length':
      return shiftLength(plan, change.shiftLengthDays);
  }
}

/** A sentence that says what a change does, for the scenario's description and the undo history. */
export function describeScenarioChange(plan: Plan, change: ScenarioChange): string {
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  switch (change.kind) {
    case 'member-leaves':
      return `${name(change.memberId)} leaves the rotation`;
    case 'member-joins':
      return `${change.member.name} joins the rotation`;
    case 'time-off':
      return `${name(change.memberId)} is away ${change.timeOff.start} to ${change.timeOff.end}`;
    case 'shift-length':
      return `shifts last ${change.shiftLengthDays} day${change.shiftLengthDays === 1 ? '' : 's'}`;
  }
}
