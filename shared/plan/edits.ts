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
import { PlanValidator } from './plan-validator';
import { problemsFromZod, type PlanParser } from './validate';
import type { HolidayLookup } from '../time/holidays';

export { memberReferences, type MemberFields } from './edits/member-edits';

/**
 * Every edit a user can make, as data: a closed union of the domains' edit unions (each in `edits/<domain>-edits.ts`,
 * kinds named `domain:verb`). Why data and not callbacks: edits can be logged, sent over IPC and undone by keeping
 * old plans. To add a domain: one import, one union member, one entry in `APPLIERS`.
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

/** The domain of an edit kind: `shift` for `shift:move`. */
type DomainOf<K extends string> = K extends `${infer D}:${string}` ? D : never;

/** Every edit domain, from the kinds of the union. */
export type EditDomain = DomainOf<PlanEdit['kind']>;

/** The edits of one domain. */
type EditIn<D extends EditDomain> = Extract<PlanEdit, { kind: `${D}:${string}` }>;

/**
 * One applier per domain. Why a mapped record: the compiler asks for an entry when a domain joins the union, and
 * checks that each applier takes exactly its domain's edits.
 */
const APPLIERS: {
  [D in EditDomain]: (plan: Plan, edit: EditIn<D>, holidays?: HolidayLookup) => EditOutcome;
} = {
  meta: applyMetaEdit,
  member: applyMemberEdit,
  pipeline: applyPipelineEdit,
  ownership: applyOwnershipEdit,
  timeoff: applyTimeOffEdit,
  operations: applyOperationsEdit,
  shift: applyShiftEdit,
  rotation: applyRotationEdit,
  scenario: applyScenarioEdit,
  import: applyImportEdit,
  wish: applyWishEdit,
  conflict: applyConflictEdit,
  pay: applyPayEdit,
  shadow: applyShadowEdit,
};

function route(plan: Plan, edit: PlanEdit, holidays: HolidayLookup | undefined): EditOutcome {
  const domain = edit.kind.slice(0, edit.kind.indexOf(':'));
  if (!Object.hasOwn(APPLIERS, domain)) return refuse(`unknown edit "${(edit as { kind: string }).kind}"`);
  // The record pairs each domain with its applier; the kind's prefix picked the pair.
  const apply = APPLIERS[domain as EditDomain] as (
    plan: Plan,
    edit: PlanEdit,
    holidays: HolidayLookup | undefined,
  ) => EditOutcome;
  return apply(plan, edit, holidays);
}

/**
 * Applies one edit: `(plan, edit) → new plan`, validated against the full schema.
 * Why: a refused or invalid edit never reaches the store, and undo/redo is just keeping the previous plans.
 * `now` (an ISO instant) stamps `meta.updatedAt`; it is passed in because shared/ has no clock. `parser` is the
 * caller's `PlanValidator` when it edits a big plan again and again: it judges only the shifts the edit changed.
 * Without one, every shift is judged; unchanged shifts keep their objects either way. `holidays` is the caller's
 * holiday lookup (the store's calendar): the edits that regenerate shifts ask it for shadow learners' holidays,
 * and throw when a plan with shadow pairings needs it and none was given.
 */
export function applyEdit(
  plan: Plan,
  edit: PlanEdit,
  now: string,
  parser: PlanParser = new PlanValidator(),
  holidays?: HolidayLookup,
): EditResult {
  const next = route(plan, edit, holidays);
  if (isRefusal(next)) return next;
  const stamped = { ...next, meta: { ...next.meta, updatedAt: now } };
  const checked = parser.safeParse(stamped);
  if (!checked.success) {
    const problems = problemsFromZod(checked.error);
    return refuse(problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
  }
  return { ok: true, plan: checked.data };
}
