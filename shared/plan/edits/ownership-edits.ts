import type { Ownership, Plan } from '../schema';
import type { EditOutcome } from './edit-outcome';
import { refuse } from './edit-outcome';

/**
 * Edits of the ownership matrix, one cell at a time (the grid edits in place).
 * Primary = secondary is allowed here on purpose: the validators show it in the cell, so a user can swap owners in
 * two steps without being blocked halfway; `ownership:swap` does it in one.
 */
export type OwnershipEdit =
  | { kind: 'ownership:setPrimary'; pipelineId: string; memberId: string | null }
  | { kind: 'ownership:setSecondary'; pipelineId: string; memberId: string | null }
  | { kind: 'ownership:setStakeholder'; pipelineId: string; stakeholder: string }
  | { kind: 'ownership:swap'; pipelineId: string };

function withRow(plan: Plan, pipelineId: string, change: (row: Ownership) => Ownership): EditOutcome {
  if (!plan.pipelines.some((p) => p.id === pipelineId)) return refuse(`no pipeline has id "${pipelineId}"`);
  const index = plan.ownership.findIndex((o) => o.pipelineId === pipelineId);
  // A plan written by hand may lack a row; the first edit creates it instead of failing.
  const row = plan.ownership[index] ?? {
    pipelineId,
    primaryMemberId: null,
    secondaryMemberId: null,
    stakeholder: '',
  };
  const ownership = plan.ownership.slice();
  if (index < 0) ownership.push(change(row));
  else ownership[index] = change(row);
  return { ...plan, ownership };
}

function unknownMember(plan: Plan, memberId: string | null): string | null {
  if (memberId === null || plan.members.some((m) => m.id === memberId)) return null;
  return `no team member has id "${memberId}"`;
}

/** Applies an ownership edit (unvalidated; `applyEdit` validates the result). */
export function applyOwnershipEdit(plan: Plan, edit: OwnershipEdit): EditOutcome {
  switch (edit.kind) {
    case 'ownership:setPrimary': {
      const problem = unknownMember(plan, edit.memberId);
      if (problem) return refuse(problem);
      return withRow(plan, edit.pipelineId, (row) => ({ ...row, primaryMemberId: edit.memberId }));
    }
    case 'ownership:setSecondary': {
      const problem = unknownMember(plan, edit.memberId);
      if (problem) return refuse(problem);
      return withRow(plan, edit.pipelineId, (row) => ({ ...row, secondaryMemberId: edit.memberId }));
    }
    case 'ownership:setStakeholder':
      return withRow(plan, edit.pipelineId, (row) => ({ ...row, stakeholder: edit.stakeholder.trim() }));
    case 'ownership:swap':
      return withRow(plan, edit.pipelineId, (row) => ({
        ...row,
        primaryMemberId: row.secondaryMemberId,
        secondaryMemberId: row.primaryMemberId,
      }));
  }
}
