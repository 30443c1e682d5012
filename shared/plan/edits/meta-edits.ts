import type { Plan } from '../schema';
import type { EditOutcome } from './edit-outcome';

/** Edits of the plan's own name and description. */
export type MetaEdit =
  | { kind: 'meta:rename'; name: string }
  | { kind: 'meta:update'; fields: Partial<Pick<Plan['meta'], 'name' | 'organisation' | 'description'>> };

/** Applies a meta edit (unvalidated; `applyEdit` validates the result). */
export function applyMetaEdit(plan: Plan, edit: MetaEdit): EditOutcome {
  switch (edit.kind) {
    case 'meta:rename':
      return { ...plan, meta: { ...plan.meta, name: edit.name } };
    case 'meta:update':
      return { ...plan, meta: { ...plan.meta, ...edit.fields } };
  }
}
