import { SimulationCancelled, simulateIncidents } from '../../../shared/simulation/simulate';
import type { SimulationMessage, SimulationRequest } from './worker-protocol';

/**
 * Runs one simulation request and reports through `post`: progress, then done (with the time it took) or failed
 * with a reason. `isCancelled` is checked at every progress step.
 * Why apart from the worker file: the same code runs in the worker and, where there is no Worker (jsdom), inline.
 */
export function runSimulationRequest(
  request: SimulationRequest,
  post: (message: SimulationMessage) => void,
  isCancelled: () => boolean = () => false,
): void {
  const started = performance.now();
  try {
    const result = simulateIncidents(request.plan, {
      runs: request.runs,
      seed: request.seed,
      from: request.from,
      to: request.to,
      onProgress: (done, total) => post({ type: 'progress', done, total }),
      signal: {
        get aborted() {
          return isCancelled();
        },
      },
    });
    post({ type: 'done', result, elapsedMs: Math.round(performance.now() - started) });
  } catch (error) {
    if (error instanceof SimulationCancelled) return;
    post({ type: 'failed', reason: error instanceof Error ? error.message : String(error) });
  }
}
