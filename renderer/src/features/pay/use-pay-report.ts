import { useMemo, useState } from 'react';
import { FairnessTables } from '../../../../shared/fairness/fairness-tables';
import { resolveWindow } from '../../../../shared/fairness/window';
import { payReport, type PayReport } from '../../../../shared/pay/pay-report';
import type { Plan } from '../../../../shared/plan/schema';

/** The pay report of a plan over its rotation horizon (what `rotaplan pay FILE` prints), or why there is none. */
export type PayState = { report: PayReport } | { report: null; reason: 'no-plan' | 'no-rules' | string };

/**
 * The plan's pay report over the rotation's horizon, recomputed when the plan changes.
 * Why the horizon: the CLI's default window, so the view and `rotaplan pay` show the same totals.
 */
export function usePayReport(plan: Plan | null): PayState {
  // Zone tables and holidays stay warm while the view is open, so a report after an edit is cheap.
  const [tables] = useState(() => new FairnessTables());
  return useMemo(() => {
    if (!plan) return { report: null, reason: 'no-plan' };
    if (!plan.pay) return { report: null, reason: 'no-rules' };
    try {
      return { report: payReport(plan, plan.pay, resolveWindow(plan), tables) };
    } catch (error) {
      return { report: null, reason: (error as Error).message };
    }
  }, [plan, tables]);
}
