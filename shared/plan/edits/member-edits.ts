import type { Member, Plan } from '../schema';
import type { EditOutcome } from './edit-outcome';
import { refuse } from './edit-outcome';

/** Fields a user edits on a team member; the id is fixed once the member exists. */
export type MemberFields = Omit<Member, 'id'>;

/** Edits of the team list. */
export type MemberEdit =
  | { kind: 'member:add'; member: Member }
  | { kind: 'member:update'; memberId: string; fields: Partial<MemberFields> }
  | { kind: 'member:remove'; memberId: string };

/** Where a member is referenced, as human-readable lines; empty when the member can be removed freely. */
export function memberReferences(plan: Plan, memberId: string): string[] {
  const refs: string[] = [];
  const pipelineName = (id: string) => plan.pipelines.find((p) => p.id === id)?.name ?? id;
  for (const o of plan.ownership) {
    if (o.primaryMemberId === memberId) refs.push(`primary owner of ${pipelineName(o.pipelineId)}`);
    if (o.secondaryMemberId === memberId) refs.push(`secondary owner of ${pipelineName(o.pipelineId)}`);
  }
  const shifts = plan.shifts.filter((s) => s.memberId === memberId).length;
  if (shifts > 0) refs.push(`on call for ${shifts} shift${shifts === 1 ? '' : 's'}`);
  const holidays = plan.coverage.holidays.history.filter((h) => h.memberId === memberId).length;
  if (holidays > 0)
    refs.push(`named in ${holidays} entr${holidays === 1 ? 'y' : 'ies'} of holiday-duty history`);
  return refs;
}

/** Applies a team edit (unvalidated; `applyEdit` validates the result). */
export function applyMemberEdit(plan: Plan, edit: MemberEdit): EditOutcome {
  switch (edit.kind) {
    case 'member:add':
      if (plan.members.some((m) => m.id === edit.member.id)) {
        return refuse(`a team member with id "${edit.member.id}" already exists`);
      }
      return { ...plan, members: [...plan.members, edit.member] };
    case 'member:update': {
      const index = plan.members.findIndex((m) => m.id === edit.memberId);
      if (index < 0) return refuse(`no team member has id "${edit.memberId}"`);
      const members = plan.members.slice();
      members[index] = { ...members[index]!, ...edit.fields, id: edit.memberId };
      return { ...plan, members };
    }
    case 'member:remove': {
      const member = plan.members.find((m) => m.id === edit.memberId);
      if (!member) return refuse(`no team member has id "${edit.memberId}"`);
      const refs = memberReferences(plan, edit.memberId);
      if (refs.length > 0) {
        return refuse(`${member.name} cannot be removed while ${refs.join(', ')}. Reassign those first.`);
      }
      return {
        ...plan,
        members: plan.members.filter((m) => m.id !== edit.memberId),
        rotation: {
          ...plan.rotation,
          layers: plan.rotation.layers.map((l) => ({
            ...l,
            memberOrder: l.memberOrder.filter((id) => id !== edit.memberId),
          })),
        },
      };
    }
  }
}
