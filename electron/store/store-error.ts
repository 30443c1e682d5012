import type { PlanProblem } from '../../shared/plan/validate';

/** What went wrong in a store (the plan store or the preferences store), as a code callers can act on. */
export type StoreErrorCode =
  | 'invalid-plan'
  | 'newer-version'
  | 'conflict'
  | 'stale-base'
  | 'not-found'
  | 'io'
  /** A value the store was asked to keep is not valid (preferences). */
  | 'invalid-value';

/**
 * An error a store raises with a sentence meant for the user and, for a plan, where it is wrong (JSON paths).
 * Why its own class: the stores serve Electron main, the preview and tests; the IPC handlers translate it into
 * the contract's error, so a store never depends on the transport it is used through.
 */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    readonly problems?: PlanProblem[],
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
