import { useEffect, useState } from 'react';
import type { Plan, Scenario } from '../../../../shared/plan/schema';
import type { PayComparison } from '../../../../shared/scenarios/compare-pay';
import { api } from '../../api/api';
import { scenarioAsPlan } from '../../store/simulation-slice';
import type { AnalysisWindow } from '../../workers/analysis-client';

/** The cost comparison as it stands: nothing to price (no pay rules), being priced, priced, or failed. */
export type PayComparisonState =
  | { status: 'no-rules' }
  | { status: 'pricing' }
  | { status: 'ready'; pay: PayComparison }
  | { status: 'failed'; message: string };

/**
 * The live plan's and up to two scenarios' on-call pay by the live plan's rules over `range`, asked of main
 * (`pay:compare`) whenever one of them changes; an answer for inputs that have since changed is dropped.
 * Why main: it prices with Node's time-zone data, as `rotaplan pay` and the Pay view do, so a what-if's cost is the
 * CLI's figure even where the browser engine ships other zone rules.
 */
export function usePayComparison(
  plan: Plan,
  scenarios: readonly Scenario[],
  range: AnalysisWindow,
): PayComparisonState {
  const [answer, setAnswer] = useState<{ key: unknown[]; state: PayComparisonState } | null>(null);
  // The scenarios one by one: the caller builds a new array at each render, its members stay the same objects.
  const [first, second] = scenarios;
  const key = [plan, first, second, range.from, range.to];
  useEffect(() => {
    if (!plan.pay) return;
    const asked = [plan, first, second, range.from, range.to];
    let live = true;
    const plans = [
      { id: 'live', name: 'Live plan', plan },
      ...[first, second]
        .filter((s): s is Scenario => s !== undefined)
        .map((s) => ({ id: s.id, name: s.name, plan: scenarioAsPlan(plan, s) })),
    ].map((e) => ({ ...e, plan: e.plan as unknown as Record<string, unknown> }));
    api.pay.compare({ plans, from: range.from, to: range.to }).then(
      (pay) => live && setAnswer({ key: asked, state: { status: 'ready', pay } }),
      (error: unknown) =>
        live &&
        setAnswer({
          key: asked,
          state: { status: 'failed', message: error instanceof Error ? error.message : String(error) },
        }),
    );
    return () => {
      live = false;
    };
  }, [plan, first, second, range.from, range.to]);
  if (!plan.pay) return { status: 'no-rules' };
  const current = answer?.key.every((k, i) => k === key[i]);
  return answer && current ? answer.state : { status: 'pricing' };
}
