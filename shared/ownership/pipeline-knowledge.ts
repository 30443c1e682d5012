import type { Plan } from '../plan/schema';

/**
 * The members who can handle a pipeline: those who list it in their skills plus its primary and secondary owners
 * (an owner is taken to know what they own), in team order.
 * Why: a pipeline only one person knows is a bus-factor risk the Ownership view must show.
 */
export function peopleWhoKnow(plan: Plan, pipelineId: string): string[] {
  const row = plan.ownership.find((o) => o.pipelineId === pipelineId);
  const owners = new Set([row?.primaryMemberId, row?.secondaryMemberId].filter((id): id is string => !!id));
  return plan.members.filter((m) => m.skills.includes(pipelineId) || owners.has(m.id)).map((m) => m.id);
}
