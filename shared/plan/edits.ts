import type { Plan } from './schema';
import { isRefusal, refuse, type EditOutcome, type EditRefusal } from './edits/edit-outcome';
import { applyMemberEdit, type MemberEdit } from './edits/member-edits';
import { applyMetaEdit, type MetaEdit } from './edits/meta-edits';
import { applyPipelineEdit, type PipelineEdit } from './edits/pipeline-edits';
import { applyOwnershipEdit, type OwnershipEdit } from './edits/ownership-edits';
import { applyTimeOffEdit, type TimeOffEdit } from './edits/time-off-edits';
import { applyOperationsEdit, type OperationsEdit } from './edits/operations-edits';
import { applyShiftEdit, type ShiftEdit } from './edits/shift-edits';
import { applyRotationEdit, type RotationEdit } from './edits/rotation-edits';
import { applyScenarioEdit, type ScenarioEdit } from './edits/scenario-edits';
import { applyImportEdit, type ImportEdit } from './edits/import-edits';
import { applyWishEdit, type WishEdit } from './edits/wish-edits';
import { applyConflictEdit, type ConflictEdit } from './edits/conflict-edits';
import { applyPayEdit, type PayEdit } from './edits/pay-edits';
import { applyShadowEdit, type ShadowEdit } from './edits/shadow-edits';
import { problemsFromZod, planSchema } from './validate';

export { memberReferences, type MemberFields } from './edits/member-edits';

/**
 * Every edit a user can make, as data: a closed union of the domains' edit unions (each in `edits/<domain>-edits.ts`,
 * kinds named `domain:verb`). Why data and not callbacks: edits can be logged, sent over IPC and undone by keeping
 * old plans. To add a domain: one import, one union member, one line in `route`.
 */
export type PlanEdit =
  | MetaEdit
  | MemberEdit
  | PipelineEdit
  | OwnershipEdit
  | TimeOffEdit
  | OperationsEdit
  | ShiftEdit
  | RotationEdit
  | ScenarioEdit
  | ImportEdit
  | WishEdit
  | ConflictEdit
  | PayEdit
  | ShadowEdit;

/** The outcome of an edit: the new, validated plan, or why it was refused (the old plan stays as it was). */
export type EditResult = { ok: true; plan: Plan } | EditRefusal;

/** Exhaustiveness guard for closed unions. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

const is =
  <E extends PlanEdit>(prefix: string) =>
  (edit: PlanEdit): edit is E =>
    edit.kind.startsWith(prefix);

function route(plan: Plan, edit: PlanEdit): EditOutcome {
  if (is<MetaEdit>('meta:')(edit)) return applyMetaEdit(plan, edit);
  if (is<MemberEdit>('member:')(edit)) return applyMemberEdit(plan, edit);
  if (is<PipelineEdit>('pipeline:')(edit)) return applyPipelineEdit(plan, edit);
  if (is<OwnershipEdit>('ownership:')(edit)) return applyOwnershipEdit(plan, edit);
  if (is<TimeOffEdit>('timeoff:')(edit)) return applyTimeOffEdit(plan, edit);
  if (is<OperationsEdit>('operations:')(edit)) return applyOperationsEdit(plan, edit);
  if (is<ShiftEdit>('shift:')(edit)) return applyShiftEdit(plan, edit);
  if (is<RotationEdit>('rotation:')(edit)) return applyRotationEdit(plan, edit);
  if (is<ScenarioEdit>('scenario:')(edit)) return applyScenarioEdit(plan, edit);
  if (is<ImportEdit>('import:')(edit)) return applyImportEdit(plan, edit);
  if (is<WishEdit>('wish:')(edit)) return applyWishEdit(plan, edit);
  if (is<ConflictEdit>('conflict:')(edit)) return applyConflictEdit(plan, edit);
  if (is<PayEdit>('pay:')(edit)) return applyPayEdit(plan, edit);
  if (is<ShadowEdit>('shadow:')(edit)) return applyShadowEdit(plan, edit);
  return refuse(`unknown edit "${(edit as { kind: string }).kind}"`);
}

/**
 * Applies one edit: `(plan, edit) → new plan`, validated against the full schema.
 * Why: a refused or invalid edit never reaches the store, and undo/redo is just keeping the previous plans.
 * `now` (an ISO instant) stamps `meta.updatedAt`; it is passed in because shared/ has no clock.
 */
export function applyEdit(plan: Plan, edit: PlanEdit, now: string): EditResult {
  const next = route(plan, edit);
  if (isRefusal(next)) return next;
  const stamped = { ...next, meta: { ...next.meta, updatedAt: now } };
  const checked = planSchema.safeParse(stamped);
  if (!checked.success) {
    const problems = problemsFromZod(checked.error);
    return refuse(problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
  }
  return { ok: true, plan: checked.data };
}
