import { isMainThread, parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { optimizePlan } from '../../shared/optimize/optimize-plan';
import { solveWithHighs } from './highs-solver';
import type {
  OptimizeWorkerCommand,
  OptimizeWorkerData,
  OptimizeWorkerMessage,
} from './optimize-worker-protocol';

// One optimiser job on its own thread: HiGHS (wasm) blocks the thread it runs on, so the solve must not run on
// Electron main or the preview server's event loop. Built as its own entry (out/main/optimize-worker.js) and run
// from source under tsx by the preview and the tests.

function post(message: OptimizeWorkerMessage): void {
  parentPort!.postMessage(message);
}

async function run(): Promise<void> {
  const { request, cancelFlag } = workerData as OptimizeWorkerData;
  const flag = new Int32Array(cancelFlag);
  // The solve blocks this thread, so a posted `cancel` is never delivered as an event while HiGHS runs: it is
  // read synchronously here, and the shared flag covers a cancel that arrives before the port is read.
  const shouldStop = (): boolean => {
    for (;;) {
      const next = receiveMessageOnPort(parentPort!) as { message: OptimizeWorkerCommand } | undefined;
      if (!next) break;
      if (next.message.type === 'cancel') Atomics.store(flag, 0, 1);
    }
    return Atomics.load(flag, 0) === 1;
  };
  try {
    const result = await optimizePlan(
      request.plan,
      {
        strategy: request.strategy,
        from: request.from,
        to: request.to,
        timeLimitSeconds: request.timeLimitSeconds,
        changeWeight: request.changeWeight ?? 0,
        costWeight: request.costWeight ?? 0,
        now: () => performance.now(),
        shouldStop,
        onProgress: (p) => post({ type: 'progress', ...p }),
      },
      solveWithHighs,
    );
    post({ type: 'result', result, cancelled: shouldStop() });
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}

if (!isMainThread && parentPort) void run();
