import { nextMemberColor } from './member-colors';
import type { Member, Plan } from './schema';

/**
 * A blank member with a fresh id, the next free colour and the plan's own zone and region as defaults.
 * Why the caller passes `uuid` (a random UUID; its first 8 characters make the id): the domain draws no random
 * numbers, and the Team view and the scenario panel's "join" both start a new person from here.
 */
export function newMember(plan: Plan, uuid: string): Member {
  return {
    id: `m-${uuid.slice(0, 8)}`,
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
