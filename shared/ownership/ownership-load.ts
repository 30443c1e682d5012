import type { Criticality, Plan } from '../plan/schema';

/**
 * Ownership points a primary owner carries per pipeline, by criticality: critical 3, high 2, medium 1, low 0.5.
 * Why these numbers: a critical (investor) pipeline pages more and costs more when it breaks, so owning two of them
 * weighs as much as owning six medium ones; low-criticality pipelines still count, but little.
 */
export const PRIMARY_OWNERSHIP_POINTS: Record<Criticality, number> = {
  critical: 3,
  high: 2,
  medium: 1,
  low: 0.5,
};

/**
 * A secondary owner carries this fraction of the primary's points (half).
 * Why: the secondary backs up and reviews but is not the first to be paged or to answer for the runbook.
 */
export const SECONDARY_OWNERSHIP_FACTOR = 0.5;

/** One member's ownership load: what they own and the criticality-weighted points against the plan's limit. */
export type MemberOwnershipLoad = {
  memberId: string;
  name: string;
  primary: string[];
  secondary: string[];
  load: number;
  limit: number;
  /** Strictly above `coverage.limits.maxOwnershipLoad`; reaching the limit exactly is allowed. */
  over: boolean;
};

/**
 * Ownership load of every member, in team order: primary points by criticality plus half of them for each
 * secondary ownership. Why: the Ownership view shows it as a bar per member, and the validator flags anyone above
 * `coverage.limits.maxOwnershipLoad`.
 */
export function ownershipLoads(plan: Plan): MemberOwnershipLoad[] {
  const limit = plan.coverage.limits.maxOwnershipLoad;
  const criticality = new Map(plan.pipelines.map((p) => [p.id, p.criticality]));
  return plan.members.map((m) => {
    const primary: string[] = [];
    const secondary: string[] = [];
    let load = 0;
    for (const o of plan.ownership) {
      const level = criticality.get(o.pipelineId);
      if (level === undefined) continue;
      if (o.primaryMemberId === m.id) {
        primary.push(o.pipelineId);
        load += PRIMARY_OWNERSHIP_POINTS[level];
      } else if (o.secondaryMemberId === m.id) {
        // Owning both seats of one pipeline is flagged as a duplicate and counted once, as primary.
        secondary.push(o.pipelineId);
        load += PRIMARY_OWNERSHIP_POINTS[level] * SECONDARY_OWNERSHIP_FACTOR;
      }
    }
    return { memberId: m.id, name: m.name, primary, secondary, load, limit, over: load > limit };
  });
}
