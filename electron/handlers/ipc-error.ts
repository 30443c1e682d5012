import type { IpcErrorCode, IpcErrorShape } from '../../shared/ipc/contract';
import type { PlanProblem } from '../../shared/plan/validate';

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
