import type { LoadedPlan } from '../../../shared/ipc/contract';
import { api } from './api';

let started: Promise<LoadedPlan> | null = null;

/**
 * Asks main for the plan now, before React and the views' code have even run.
 * Why: a big plan takes main a while to read and send (`npm run bench:ui` measures the load); asked for first
 * thing, that overlaps the app's own start instead of following it. The store takes the answer with `takeStartedPlanLoad`.
 */
export function startPlanLoad(): void {
  if (started) return;
  started = api.plan.load({});
  // Its failure is the store's to report when it takes the answer, not an unhandled rejection meanwhile.
  started.catch(() => undefined);
}

/** The load started by `startPlanLoad`, once; null if none was started (tests) or it was already taken. */
export function takeStartedPlanLoad(): Promise<LoadedPlan> | null {
  const load = started;
  started = null;
  return load;
}
