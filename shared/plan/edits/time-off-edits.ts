import type { Member, Plan, TimeOff } from '../schema';
import type { EditOutcome } from './edit-outcome';
import { refuse } from './edit-outcome';

/** Edits of one member's absences (dates inclusive, in the member's own time zone). */
export type TimeOffEdit =
  | { kind: 'timeoff:add'; memberId: string; timeOff: TimeOff }
  | { kind: 'timeoff:update'; memberId: string; timeOffId: string; fields: Partial<Omit<TimeOff, 'id'>> }
  | { kind: 'timeoff:remove'; memberId: string; timeOffId: string };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Why a time-off entry cannot stand next to a member's others: bad dates, end before start, or an overlap with
 * another absence of the same person (two absences on one day would count that day twice in fair share).
 */
function timeOffProblem(member: Member, entry: TimeOff): string | null {
  if (!ISO_DATE.test(entry.start)) return `time off start "${entry.start}" is not a date as YYYY-MM-DD`;
  if (!ISO_DATE.test(entry.end)) return `time off end "${entry.end}" is not a date as YYYY-MM-DD`;
  if (entry.end < entry.start) {
    return `time off of ${member.name} ends (${entry.end}) before it starts (${entry.start})`;
  }
  const clash = member.timeOff.find((t) => t.id !== entry.id && t.start <= entry.end && entry.start <= t.end);
  if (clash) {
    const note = clash.note ? ` (${clash.note})` : '';
    return `${member.name} is already away ${clash.start} to ${clash.end}${note}; change that absence instead`;
  }
  return null;
}

const byStart = (a: TimeOff, b: TimeOff) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0);

function withMember(plan: Plan, memberId: string, change: (member: Member) => Member | string): EditOutcome {
  const index = plan.members.findIndex((m) => m.id === memberId);
  if (index < 0) return refuse(`no team member has id "${memberId}"`);
  const next = change(plan.members[index]!);
  if (typeof next === 'string') return refuse(next);
  const members = plan.members.slice();
  members[index] = next;
  return { ...plan, members };
}

/**
 * Applies a time-off edit (unvalidated; `applyEdit` validates the result).
 * Absences are kept sorted by start date so the per-member list and the team overview read in time order.
 */
export function applyTimeOffEdit(plan: Plan, edit: TimeOffEdit): EditOutcome {
  switch (edit.kind) {
    case 'timeoff:add':
      return withMember(plan, edit.memberId, (m) => {
        if (m.timeOff.some((t) => t.id === edit.timeOff.id)) {
          return `${m.name} already has time off with id "${edit.timeOff.id}"`;
        }
        const problem = timeOffProblem(m, edit.timeOff);
        if (problem) return problem;
        return { ...m, timeOff: [...m.timeOff, edit.timeOff].sort(byStart) };
      });
    case 'timeoff:update':
      return withMember(plan, edit.memberId, (m) => {
        const current = m.timeOff.find((t) => t.id === edit.timeOffId);
        if (!current) return `${m.name} has no time off with id "${edit.timeOffId}"`;
        const updated = { ...current, ...edit.fields, id: current.id };
        const problem = timeOffProblem(m, updated);
        if (problem) return problem;
        return { ...m, timeOff: m.timeOff.map((t) => (t.id === current.id ? updated : t)).sort(byStart) };
      });
    case 'timeoff:remove':
      return withMember(plan, edit.memberId, (m) => {
        if (!m.timeOff.some((t) => t.id === edit.timeOffId)) {
          return `${m.name} has no time off with id "${edit.timeOffId}"`;
        }
        return { ...m, timeOff: m.timeOff.filter((t) => t.id !== edit.timeOffId) };
      });
  }
}
