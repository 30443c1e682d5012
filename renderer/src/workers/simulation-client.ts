import type { SimulationMessage, SimulationRequest } from './worker-protocol';

/** A running simulation: cancel stops it at once; no message arrives after cancel. */
export type SimulationHandle = { cancel: () => void };

// The handler (and with it the simulation, the fairness domain and the holiday tables) is imported only when a
// simulation runs inline, so the store that holds this client does not pull them into the app's first chunk.
function inline(request: SimulationRequest, onMessage: (m: SimulationMessage) => void): SimulationHandle {
  let cancelled = false;
  const timer = setTimeout(() => {
    void import('./simulation-handler').then(({ runSimulationRequest }) => {
      if (cancelled) return;
      runSimulationRequest(
        request,
        (m) => !cancelled && onMessage(m),
        () => cancelled,
      );
    });
  });
  return {
    cancel() {
      cancelled = true;
      clearTimeout(timer);
    },
  };
}

/**
 * Starts a simulation off the UI thread, in a fresh Web Worker (vite bundles it), reporting progress and then one
 * done or failed message. Cancel terminates the worker: the Monte Carlo loop is synchronous and cannot read a
 * cancel message, and a terminated worker stops mid-run. Where there is no Worker (jsdom), it runs inline on a
 * timer instead, through the same handler.
 */
export function startSimulation(
  request: SimulationRequest,
  onMessage: (message: SimulationMessage) => void,
): SimulationHandle {
  if (typeof Worker === 'undefined') return inline(request, onMessage);
  const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
  let finished = false;
  const finish = () => {
    finished = true;
    worker.terminate();
  };
  worker.onmessage = (event: MessageEvent<SimulationMessage>) => {
    if (finished) return;
    if (event.data.type !== 'progress') finish();
    onMessage(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    if (finished) return;
    finish();
    onMessage({ type: 'failed', reason: event.message || 'the simulation worker stopped unexpectedly' });
  };
  worker.postMessage(request);
  return {
    cancel() {
      if (!finished) finish();
    },
  };
}
