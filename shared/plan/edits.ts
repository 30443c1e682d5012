import type { Member, Plan } from './schema';
import { problemsFromZod, planSchema, type PlanProblem } from './validate';

/** Fields a user edits on a team member; the id is fixed once the member exists. */
export type MemberFields = Omit<Member, 'id'>;

/**
 * Every edit a user can make, as data. Closed union: each kind is handled in `applyEdit`'s exhaustive switch.
 * Why data and not callbacks: edits can be logged, replayed, sent over IPC and undone by keeping old plans.
 */
export type PlanEdit =
  | { kind: 'meta:rename'; name: string }
  | { kind: 'member:add'; member: Member }
  | { kind: 'member:update'; memberId: string; fields: Partial<MemberFields> }
  | { kind: 'member:remove'; memberId: string };

/** The outcome of an edit: the new plan, or why it was refused (the old plan stays as it was). */
export type EditResult = { ok: true; plan: Plan } | { ok: false; reason: string; problems: PlanProblem[] };

/** Where a member is referenced, as human-readable lines; empty when the member can be removed freely. */
export function memberReferences(plan: Plan, memberId: string): string[] {
  const refs: string[] = [];
  const pipelineName = (id: string) => plan.pipelines.find((p) => p.id === id)?.name ?? id;
  for (const o of plan.ownership) {
    if (o.primaryMemberId === memberId) refs.push(`primary owner of ${pipelineName(o.pipelineId)}`);
    if (o.secondaryMemberId === memberId) refs.push(`secondary owner of ${pipelineName(o.pipelineId)}`);
  }
  const shifts = plan.shifts.filter((s) => s.memberId === memberId).length;
  if (shifts > 0) refs.push(`${shifts} on-call shift${shifts === 1 ? '' : 's'}`);
  const holidays = plan.coverage.holidays.history.filter((h) => h.memberId === memberId).length;
  if (holidays > 0) refs.push(`${holidays} entr${holidays === 1 ? 'y' : 'ies'} of holiday-duty history`);
  return refs;
}

function refuse(reason: string, problems: PlanProblem[] = []): EditResult {
  return { ok: false, reason, problems };
}

function apply(plan: Plan, edit: PlanEdit): Plan | EditResult {
  switch (edit.kind) {
    case 'meta:rename':
      return { ...plan, meta: { ...plan.meta, name: edit.name } };
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
        return refuse(
          `${member.name} cannot be removed while they are ${refs.join(', ')}. Reassign those first.`,
        );
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
    default:
      return assertNever(edit);
  }
}

/** Exhaustiveness guard for closed unions. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}

/**
 * Applies one edit: `(plan, edit) → new plan`, validated against the full schema.
 * Why: a refused or invalid edit never reaches the store, and undo/redo is just keeping the previous plans.
 * `now` (an ISO instant) stamps `meta.updatedAt`; it is passed in because shared/ has no clock.
 */
export function applyEdit(plan: Plan, edit: PlanEdit, now: string): EditResult {
  const next = apply(plan, edit);
  if ('ok' in next) return next;
  const stamped = { ...next, meta: { ...next.meta, updatedAt: now } };
  const checked = planSchema.safeParse(stamped);
  if (!checked.success) {
    const problems = problemsFromZod(checked.error);
    return refuse(problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
  }
  return { ok: true, plan: checked.data };
}
