import { Worker } from 'node:worker_threads';
import type { MilpSolution, MilpSolver } from '../../shared/optimize/milp-model';
import type { ThreadCommand, ThreadMessage } from './highs-thread-protocol';
import { resolveWorkerEntry, type WorkerEntry } from './optimize-jobs';

/** How often the parent passes its stop decision to a running solve. */
const CONTROL_MS = 50;

/** A HiGHS solver on its own thread, and how to end that thread. */
export type HighsThread = { solve: MilpSolver; close: () => Promise<void> };

/**
 * A MilpSolver whose solves run on a worker thread, so the caller's thread is free for other solves meanwhile.
 * Why: HiGHS is single-threaded and blocks the thread it runs on; on a two-core machine the full model can run
 * for the whole time on one core while the neighbourhood search runs on the other and adopts the full model's new
 * incumbents (`onIncumbent`). The callbacks stay on the caller's thread: progress and incumbents come back as
 * messages, and `shouldStop` is polled here every 50 ms and written to shared memory the thread reads at HiGHS's
 * own checks. One solve at a time; close() ends the thread.
 */
export function createHighsThread(
  entry: WorkerEntry = resolveWorkerEntry(import.meta.url, 'highs-thread-worker'),
): HighsThread {
  const worker = entry.kind === 'file' ? new Worker(entry.path) : new Worker(entry.script, { eval: true });
  let next = 1;
  let busy = false;
  let failure: Error | null = null;
  const pending = new Map<number, (message: ThreadMessage) => void>();
  worker.on('message', (message: ThreadMessage) => {
    if (message.type !== 'ready') pending.get(message.id)?.(message);
  });
  worker.on('error', (error) => {
    failure = error;
    for (const handle of pending.values()) handle({ type: 'error', id: 0, message: error.message });
  });
  // Closed (or gone) in the middle of a solve: the caller hears so instead of waiting for ever.
  worker.on('exit', () => {
    failure ??= new Error('the HiGHS thread has ended');
    for (const handle of pending.values()) handle({ type: 'error', id: 0, message: failure.message });
  });
  worker.unref();

  const solve: MilpSolver = (problem, options) => {
    if (failure) return Promise.reject(failure);
    if (busy) return Promise.reject(new Error('the HiGHS thread is already solving'));
    busy = true;
    const id = next++;
    const stop = new SharedArrayBuffer(4);
    const tick = () => {
      if (options.shouldStop?.()) Atomics.store(new Int32Array(stop), 0, 1);
    };
    const timer = setInterval(tick, CONTROL_MS);
    const { onProgress, onIncumbent, shouldStop: _shouldStop, ...rest } = options;
    return new Promise<MilpSolution>((resolve, reject) => {
      pending.set(id, (message) => {
        if (message.type === 'progress') onProgress?.(message.progress);
        else if (message.type === 'incumbent') onIncumbent?.(message.incumbent);
        else {
          clearInterval(timer);
          pending.delete(id);
          busy = false;
          if (message.type === 'result') resolve(message.solution);
          else if (message.type === 'error') reject(new Error(`HiGHS thread: ${message.message}`));
        }
      });
      tick();
      const command: ThreadCommand = {
        type: 'solve',
        id,
        problem,
        stop,
        options: {
          ...rest,
          reportProgress: onProgress !== undefined,
          reportIncumbents: onIncumbent !== undefined,
        },
      };
      worker.postMessage(command);
    });
  };
  return {
    solve,
    close: async () => {
      await worker.terminate();
    },
  };
}
