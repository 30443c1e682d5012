import { FairnessTables } from '../../../shared/fairness/fairness-tables';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';
import type { StoredHoliday } from '../../../shared/time/holiday-store';
import { runAnalysisRequest } from './analysis-handler';
import type {
  AnalysisMessage,
  AnalysisWorkerInput,
  HolidayListComputed,
  WorkerScope,
} from './worker-protocol';

// A long-lived worker: holiday tables and zone data stay warm between analyses, so only the first one pays for them.
const scope = self as unknown as WorkerScope;
// The worker has no localStorage: the page hands over the holiday lists it kept, and keeps those computed here.
const lists = new Map<string, StoredHoliday[]>();
const holidays = new HolidayCalendar({
  read: (key) => lists.get(key),
  write: (key, holidays) => {
    lists.set(key, holidays);
    const message: HolidayListComputed = { type: 'holiday-list', key, holidays };
    scope.postMessage(message);
  },
});
const tables = new FairnessTables(holidays);

scope.onmessage = (event: MessageEvent<AnalysisWorkerInput>) => {
  const data = event.data;
  if ('type' in data) {
    for (const [key, holidays] of Object.entries(data.lists)) lists.set(key, holidays);
    return;
  }
  const { id, ...request } = data;
  const message: AnalysisMessage = { id, ...runAnalysisRequest(request, tables) };
  scope.postMessage(message);
};
