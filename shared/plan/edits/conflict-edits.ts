import { entityKey, isRecord } from '../../git/plan-entities';
import type { Plan } from '../schema';
import type { EditOutcome } from './edit-outcome';
import { refuse } from './edit-outcome';

/**
 * Resolving what a git merge recorded in `mergeConflicts`: keep our value (the plan already has it) or take theirs,
 * and drop the entry. Why an edit: each resolution is one undoable step, validated like any edit, so taking a side
 * that breaks a rule is refused with the reason. The `mergeConflicts` key disappears with the last conflict.
 */
export type ConflictEdit = { kind: 'conflict:resolve'; conflictId: string; side: 'ours' | 'theirs' };

/** The segments of a conflict path: `shifts[primary-2027-01-18].memberId` → shifts, [primary-2027-01-18], memberId. */
function segments(path: string): { key: string; entity: boolean }[] {
  return [...path.matchAll(/\[([^\]]+)\]|([^.[\]]+)/g)].map((m) =>
    m[1] !== undefined ? { key: m[1], entity: true } : { key: m[2]!, entity: false },
  );
}

/** `value` with the place `path` names set to `next` (undefined removes it); null when the path leads nowhere. */
function setAt(value: unknown, path: { key: string; entity: boolean }[], next: unknown): unknown {
  if (path.length === 0) return next;
  const [head, ...rest] = path as [{ key: string; entity: boolean }, ...{ key: string; entity: boolean }[]];
  if (head.entity) {
    if (!Array.isArray(value)) return null;
    const at = value.findIndex((item) => entityKey(item) === head.key);
    if (at < 0) {
      if (rest.length > 0 || next === undefined) return rest.length > 0 ? null : value;
      return [...value, next];
    }
    const item = setAt(value[at], rest, next);
    if (item === null) return null;
    return item === undefined ? value.filter((_, i) => i !== at) : value.map((x, i) => (i === at ? item : x));
  }
  if (!isRecord(value)) return null;
  const child = setAt(value[head.key], rest, next);
  if (child === null && rest.length > 0) return null;
  const { [head.key]: _old, ...others } = value;
  void _old;
  return child === undefined ? others : { ...value, [head.key]: child };
}

/** Applies a conflict resolution (unvalidated; `applyEdit` validates the result). */
export function applyConflictEdit(plan: Plan, edit: ConflictEdit): EditOutcome {
  const conflicts = plan.mergeConflicts ?? [];
  const conflict = conflicts.find((c) => c.id === edit.conflictId);
  if (!conflict) return refuse(`no merge conflict has id "${edit.conflictId}"`);
  let next: Plan = plan;
  if (edit.side === 'theirs') {
    if (conflict.path === '')
      return refuse('this conflict is about the whole plan; only our side can be kept');
    const updated = setAt(plan, segments(conflict.path), conflict.theirs);
    if (updated === null || updated === undefined)
      return refuse(`the plan has no place "${conflict.path}" any more`);
    next = updated as Plan;
  }
  const rest = conflicts.filter((c) => c.id !== edit.conflictId);
  const { mergeConflicts: _old, ...withoutConflicts } = next;
  void _old;
  return rest.length === 0 ? withoutConflicts : { ...withoutConflicts, mergeConflicts: rest };
}
