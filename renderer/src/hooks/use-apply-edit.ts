import { useCallback } from 'react';
import type { PlanEdit } from '../../../shared/plan/edits';
import { useEditRunner } from './use-edit-runner';

/**
 * Applies a plan edit through the edit runner and returns the refusal reason (null when applied), for the field
 * editors to show under the field. A refusal also shows a notification titled `what`, so an edit made by a button
 * (no field to put the error under) still says why.
 */
export function useApplyEdit(): (edit: PlanEdit, what?: string) => string | null {
  const { run } = useEditRunner();
  return useCallback(
    (change: PlanEdit, what?: string) => {
      const result = run(change, { refusalTitle: what ?? null });
      return result.outcome === 'refused' ? result.reason : null;
    },
    [run],
  );
}
