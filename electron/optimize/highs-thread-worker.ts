import { isMainThread, parentPort } from 'node:worker_threads';
import { highsRuntime, solveWithHighs } from './highs-solver';
import type { ThreadCommand, ThreadMessage } from './highs-thread-protocol';

// A HiGHS thread for `createHighsThread`: it solves one problem at a time, posted by the parent, so a solve can
// run beside work on the parent's thread (HiGHS, in wasm, blocks the thread it runs on). The stop flag arrives in
// shared memory, because no message is read while HiGHS runs.

function post(message: ThreadMessage, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

async function solve(command: ThreadCommand): Promise<void> {
  const { id, problem, options } = command;
  const stop = new Int32Array(command.stop);
  try {
    const solution = await solveWithHighs(problem, {
      ...options,
      shouldStop: () => Atomics.load(stop, 0) === 1,
      onProgress: options.reportProgress ? (progress) => post({ type: 'progress', id, progress }) : undefined,
      onIncumbent: options.reportIncumbents
        ? (incumbent) => {
            const colValues = Float64Array.from(incumbent.colValues);
            post({ type: 'incumbent', id, incumbent: { objective: incumbent.objective, colValues } }, [
              colValues.buffer,
            ]);
          }
        : undefined,
    });
    post({ type: 'result', id, solution });
  } catch (error) {
    post({ type: 'error', id, message: error instanceof Error ? error.message : String(error) });
  }
}

if (!isMainThread && parentPort) {
  parentPort.on('message', (command: ThreadCommand) => void solve(command));
  void highsRuntime().then(() => post({ type: 'ready' }));
}
