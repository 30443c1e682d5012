import { runAnalysisRequest } from './analysis-handler';
import type { AnalysisMessage, AnalysisRequest, WorkerScope } from './worker-protocol';

// A long-lived worker: holiday tables and zone data stay warm between analyses, so only the first one pays for them.
const scope = self as unknown as WorkerScope;
scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const { id, ...request } = event.data;
  const message: AnalysisMessage = { id, ...runAnalysisRequest(request) };
  scope.postMessage(message);
};
