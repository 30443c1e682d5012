import { notifications } from '@mantine/notifications';
import { useCallback } from 'react';
import type { PlanEdit } from '../../../../shared/plan/edits';
import { useAppStore } from '../../store/store';

/**
 * Applies a plan edit through the store and returns the refusal reason (null when applied). A refusal also shows a
 * notification titled `what`, so an edit made by a button (no field to put the error under) still says why.
 */
export function useApplyEdit(): (edit: PlanEdit, what?: string) => string | null {
  const edit = useAppStore((s) => s.edit);
  return useCallback(
    (change: PlanEdit, what?: string) => {
      const result = edit(change);
      if (result.ok) return null;
      if (what) notifications.show({ color: 'red', title: what, message: result.reason });
      return result.reason;
    },
    [edit],
  );
}
