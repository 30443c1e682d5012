import { createDispatcher, type Dispatch } from '../../electron/handlers/dispatch';
import { createHandlers } from '../../electron/handlers/index';
import { createPlanStore } from '../../electron/store/plan-store';
import type { IpcResult } from '../../shared/ipc/contract';
import { createSamplePlan } from '../../shared/plan/sample-plan';

/**
 * Every IPC handler as the browser preview serves them, over a plan store in `dir` that starts from the sample plan.
 *
 * Why it throws: a handler must answer a coded error, never raise one; an exception reaching the dispatcher fails
 * the test at once. `now` pins the store's clock where a test compares saved times.
 */
export function previewDispatch(dir: string, now?: string): Dispatch {
  const store = createPlanStore({
    userDataDir: dir,
    createDefaultPlan: createSamplePlan,
    ...(now === undefined ? {} : { now: () => new Date(now) }),
  });
  return createDispatcher(
    createHandlers({ store, mode: 'preview', version: '0.1.0-test', userDataDir: dir }),
    (error) => {
      throw error;
    },
  );
}

/** The value of a successful result; a refusal fails the test with its code and message. */
export function valueOf<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
