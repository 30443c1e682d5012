import type { IpcErrorCode, IpcErrorShape } from '../../shared/ipc/contract';
import type { PlanProblem } from '../../shared/plan/validate';
import { StoreError, type StoreErrorCode } from '../store/store-error';

/** An error a handler means the user to see: it crosses IPC as `{ code, message, problems }`. */
export class IpcError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly problems?: PlanProblem[],
  ) {
    super(message);
    this.name = 'IpcError';
  }

  toShape(): IpcErrorShape {
    return this.problems
      ? { code: this.code, message: this.message, problems: this.problems }
      : { code: this.code, message: this.message };
  }
}

/** The contract's code for each store error code; the compiler asks for a line when a store gains a code. */
const STORE_TO_IPC: Record<StoreErrorCode, IpcErrorCode> = {
  'invalid-plan': 'invalid-plan',
  'newer-version': 'newer-version',
  conflict: 'conflict',
  'stale-base': 'stale-base',
  'not-found': 'not-found',
  io: 'io',
  'invalid-value': 'bad-payload',
};

/**
 * The IPC error a failure is meant to reach the user as: an IpcError as it is, a store's error translated (same
 * sentence and paths); null for anything else, which is unexpected and reported as internal.
 */
export function toIpcError(error: unknown): IpcError | null {
  if (error instanceof IpcError) return error;
  if (error instanceof StoreError)
    return new IpcError(STORE_TO_IPC[error.code], error.message, error.problems);
  return null;
}
