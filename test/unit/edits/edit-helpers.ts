import { applyEdit, type PlanEdit } from '../../../shared/plan/edits';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';

/** The instant every test edit is stamped with. */
export const EDIT_NOW = '2027-02-01T10:00:00.000Z';

/** A fresh sample plan (created 2026-11-27). */
export const samplePlan = (): Plan => createSamplePlan('2026-11-27T00:00:00.000Z');

/** Applies an edit that must succeed and returns the new plan. */
export function applyOk(plan: Plan, edit: PlanEdit): Plan {
  const result = applyEdit(plan, edit, EDIT_NOW);
  if (!result.ok) throw new Error(`edit ${edit.kind} was refused: ${result.reason}`);
  expect(result.plan.meta.updatedAt).toBe(EDIT_NOW);
  return result.plan;
}

/** Applies an edit that must be refused and returns the reason. */
export function refusal(plan: Plan, edit: PlanEdit): string {
  const result = applyEdit(plan, edit, EDIT_NOW);
  if (result.ok) throw new Error(`edit ${edit.kind} was expected to be refused`);
  return result.reason;
}
