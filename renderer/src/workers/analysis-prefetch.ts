import type { Plan } from '../../../shared/plan/schema';
import { selectAnalysedPlan } from '../store/simulation-slice';
import { useAppStore } from '../store/store';
import { analyse } from './analysis-client';

/** How long the plan must stay unchanged before it is analysed in the background (edits come in bursts). */
const QUIET_MS = 250;
/** The latest the first plan's analysis waits for the page to be idle after the plan is on screen. */
const FIRST_WITHIN_MS = 100;

let started = false;

/**
 * Analyses the plan in the background worker whenever it changes, over the whole horizon, so the Fairness view opens
 * with its numbers ready: the first plan at once, later ones once edits pause. Why: the first analysis in a fresh
 * worker warms its zone and holiday data and is the slow one; later ones are quicker, and all run off the UI
 * thread. Only where a Worker exists — inline it would cost the UI thread exactly what this saves.
 */
export function startAnalysisPrefetch(): void {
  if (started || typeof Worker === 'undefined') return;
  started = true;
  let last: Plan | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const check = () => {
    const plan = selectAnalysedPlan(useAppStore.getState());
    if (!plan || plan === last) return;
    const first = last === null;
    last = plan;
    if (timer) clearTimeout(timer);
    const run = () => void analyse(plan, {});
    // The first once the plan has painted (sending a big plan to the worker copies it on this thread).
    if (first && typeof requestIdleCallback === 'function')
      requestIdleCallback(run, { timeout: FIRST_WITHIN_MS });
    else timer = setTimeout(run, first ? 0 : QUIET_MS);
  };
  useAppStore.subscribe(check);
  check();
}
