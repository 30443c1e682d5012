import type { Plan, PlanBody, Scenario } from '../plan/schema';

/**
 * The body of a plan: everything a what-if scenario may change (the plan without schemaVersion, meta and scenarios).
 * Why a function and not a spread at each call site: a scenario copies exactly the keys `planBodySchema` allows, so
 * a new top-level key of the plan never leaks into a scenario by accident.
 */
export function planBody(plan: Plan): PlanBody {
  return {
    members: plan.members,
    pipelines: plan.pipelines,
    ownership: plan.ownership,
    rotation: plan.rotation,
    shifts: plan.shifts,
    coverage: plan.coverage,
    escalation: plan.escalation,
    communication: plan.communication,
    successMetrics: plan.successMetrics,
    // The optional sections only when the plan has them, so a plan without them makes a scenario without them.
    ...(plan.wishes !== undefined ? { wishes: plan.wishes } : {}),
    ...(plan.pay !== undefined ? { pay: plan.pay } : {}),
    ...(plan.workingTime !== undefined ? { workingTime: plan.workingTime } : {}),
  };
}

/**
 * A whole plan with a scenario's body in place of the live one (meta from the live plan, no scenarios).
 * Why: analysis, simulation and validation take a Plan; a scenario is judged exactly as the live plan would be if
 * the scenario were applied.
 */
export function scenarioPlan(plan: Plan, scenario: Scenario): Plan {
  return { schemaVersion: plan.schemaVersion, meta: plan.meta, ...scenario.body, scenarios: [] };
}
