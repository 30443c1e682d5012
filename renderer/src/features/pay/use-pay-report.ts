import { useCallback, useEffect, useState } from 'react';
import type { PayReport } from '../../../../shared/pay/pay-report';
import type { Plan } from '../../../../shared/plan/schema';
import { api } from '../../api/api';

/**
 * Where the plan's pay report stands: no plan or no rules (nothing to ask), being priced by main (with the last
 * report, if any, to keep showing meanwhile), priced, or failed with main's sentence.
 */
export type PayState =
  | { status: 'no-plan' }
  | { status: 'no-rules' }
  | { status: 'pricing'; report: PayReport | null }
  | { status: 'ready'; report: PayReport }
  | { status: 'failed'; message: string; report: null };

/**
 * The plan's pay report over the rotation's horizon, asked of main (`pay:report`) each time the plan changes; an
 * answer for a plan that has since changed is dropped. `retry` asks again after a failure.
 * Why main: it prices with Node's time-zone data, as `rotaplan pay` does, so the view shows the CLI's totals even
 * where the browser engine ships other zone rules. Why the horizon: the CLI's default window.
 */
export function usePayReport(plan: Plan | null): { state: PayState; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [answer, setAnswer] = useState<{ plan: Plan; attempt: number; state: PayState } | null>(null);
  useEffect(() => {
    if (!plan?.pay) return;
    let live = true;
    api.pay.report({ plan: plan as unknown as Record<string, unknown> }).then(
      (report) => live && setAnswer({ plan, attempt, state: { status: 'ready', report } }),
      (error: unknown) =>
        live &&
        setAnswer({
          plan,
          attempt,
          state: {
            status: 'failed',
            message: error instanceof Error ? error.message : String(error),
            report: null,
          },
        }),
    );
    return () => {
      live = false;
    };
  }, [plan, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  if (!plan) return { state: { status: 'no-plan' }, retry };
  if (!plan.pay) return { state: { status: 'no-rules' }, retry };
  if (answer && answer.plan === plan && answer.attempt === attempt) return { state: answer.state, retry };
  // Asked and not yet answered: keep the last report on screen (marked as updating) rather than flash empty.
  return {
    state: { status: 'pricing', report: answer?.state.status === 'ready' ? answer.state.report : null },
    retry,
  };
}
