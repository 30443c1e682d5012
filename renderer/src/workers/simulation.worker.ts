import { runSimulationRequest } from './simulation-handler';
import type { SimulationRequest, WorkerScope } from './worker-protocol';

// One request per worker: the client terminates the worker to cancel, because the simulation loop never yields
// to read a "cancel" message.
const scope = self as unknown as WorkerScope;
scope.onmessage = (event: MessageEvent<SimulationRequest>) => {
  runSimulationRequest(event.data, (message) => scope.postMessage(message));
};
