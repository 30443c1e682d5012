import type { Plan } from '../../../../shared/plan/schema';
import { selectAnalysedPlan } from '../../store/simulation-slice';
import { useAppStore } from '../../store/store';
import { analyse } from '../../workers/analysis-client';

/** How long the plan must stay unchanged before it is analysed in the background (edits come in bursts). */
const QUIET_MS = 250;

let started = false;

/**
 * Analyses the plan in the background worker whenever it changes, over the whole horizon, so the Fairness view opens
 * with its numbers ready. Why: the first analysis in a fresh worker loads holiday tables and is slow; later
 * ones are quick, off the UI thread. Only where a Worker exists — inline it would cost the UI
 * thread exactly what this saves.
 */
export function startAnalysisPrefetch(): void {
  if (started || typeof Worker === 'undefined') return;
  started = true;
  let last: Plan | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const check = () => {
    const plan = selectAnalysedPlan(useAppStore.getState());
    if (!plan || plan === last) return;
    last = plan;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void analyse(plan, {}), QUIET_MS);
  };
  useAppStore.subscribe(check);
  check();
}
