import { nextMemberColor } from '../../../../shared/plan/member-colors';
import type { Member, Plan } from '../../../../shared/plan/schema';

/** A blank member with a fresh id, the next free colour and the plan's own zone and region as defaults. */
export function newMember(plan: Plan): Member {
  return {
    id: `m-${crypto.randomUUID().slice(0, 8)}`,
    name: '',
    email: '',
    role: '',
    seniority: 'mid',
    timeZone: plan.rotation.timeZone,
    holidayRegion: { ...plan.coverage.holidays.planRegion },
    color: nextMemberColor(plan.members.map((m) => m.color)),
    skills: [],
    timeOff: [],
  };
}
