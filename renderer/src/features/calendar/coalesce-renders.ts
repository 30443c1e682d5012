import type { CalendarApi } from '@fullcalendar/react';

/** FullCalendar's per-calendar data manager, as far as this module reaches into it (not in its public types). */
type DataManager = {
  config: { onDataChange?: (data: unknown, actions: readonly unknown[]) => void };
  getCurrentData: () => unknown;
};

/**
 * A drag or resize moving to a new hit: FullCalendar looks for the drawn copy in the DOM right after dispatching it
 * (the week view draws one in the grid; without it FullCalendar shows its floating copy), so it renders at once.
 */
const isDragUpdate = (action: unknown) => {
  const type = (action as { type?: unknown }).type;
  return type === 'SET_EVENT_DRAG' || type === 'SET_EVENT_RESIZE';
};

/**
 * Makes one FullCalendar re-render per task out of the one it does per dispatched action, and returns the undo.
 * Why: FullCalendar's React wrapper renders the whole calendar synchronously after every drag action. A drop
 * dispatches three (the last hit, clearing the drag, merging the moved event): three full renders of a month
 * grid, each costly on a big plan, where the screen only ever shows the last. The actions still reduce at once
 * (FullCalendar reads its state back right away); only the render waits, for a microtask, so it is still done
 * before the browser lays out or paints: no frame shows a state in between. Drag and resize hits still render at
 * once (see `isDragUpdate`), with whatever was waiting; so a drop renders twice, the hit and the rest.
 * It wraps the manager's `onDataChange` hook (FullCalendar 7's `CalendarApiImpl.currentDataManager.config`), and
 * throws if that is not there, so an upgrade that moves it fails the calendar's tests instead of going unnoticed.
 */
export function coalesceCalendarRenders(api: CalendarApi): () => void {
  const manager = (api as unknown as { currentDataManager?: DataManager }).currentDataManager;
  const config = manager?.config;
  const render = config?.onDataChange;
  if (!manager || !config || typeof render !== 'function') {
    throw new Error(
      'FullCalendar has no currentDataManager.config.onDataChange to batch its renders through',
    );
  }
  let pending: unknown[] | null = null;
  const flush = () => {
    if (!pending) return;
    const due = pending;
    pending = null;
    render(manager.getCurrentData(), due);
  };
  config.onDataChange = (_data, actions) => {
    if (!pending) queueMicrotask(flush);
    pending = [...(pending ?? []), ...actions];
    if (actions.some(isDragUpdate)) flush();
  };
  return () => {
    config.onDataChange = render;
  };
}
