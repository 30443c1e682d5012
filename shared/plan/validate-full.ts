import { planRegionProblems } from '../time/holiday-regions';
import { validatePlan, type PlanParser, type PlanValidation } from './validate';

/**
 * `validatePlan` plus the checks that need the holiday engine (every holiday region must be one date-holidays
 * knows). Why separate: it pulls date-holidays' data in, which the store and CLI need and the renderer does not.
 */
export function validatePlanFully(raw: unknown, parser?: PlanParser): PlanValidation {
  const result = validatePlan(raw, parser);
  if (!result.ok) return result;
  const problems = planRegionProblems(result.plan);
  return problems.length > 0 ? { ok: false, kind: 'invalid', problems } : result;
}
