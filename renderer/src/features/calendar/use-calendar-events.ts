import type { CalendarRef, EventInput } from '@fullcalendar/react';
import { useLayoutEffect, useRef, type RefObject } from 'react';
import { diffEvents, eventsById, type EventsById } from './event-diff';

/** The id of the one event source the calendar's events live in. */
const SOURCE_ID = 'plan';

/** Beyond this many changed events, FullCalendar is handed the whole list again (one parse beats many merges). */
export const EVENT_RESET_LIMIT = 200;

/**
 * Keeps FullCalendar's events equal to `events`, telling it only what changed: after a drag it is told to drop and
 * re-add the one or two events whose shifts changed, instead of being given the whole list.
 * Why: FullCalendar parses every event of a new `events` array (zone conversions included), which for the
 * thousands of hourly shifts of a month of a big plan takes longer than a drop may take to repaint (`npm run
 * bench:ui` measures drag-to-repaint against its target). Navigation and filters change most events and take the
 * whole-list path. Runs before paint, so no frame shows the old events.
 */
export function useCalendarEvents(calendarRef: RefObject<CalendarRef | null>, events: EventInput[]): void {
  const shown = useRef<EventsById | null>(null);
  useLayoutEffect(() => {
    const calendar = calendarRef.current?.getApi();
    if (!calendar) return;
    const next = eventsById(events);
    const changes = shown.current ? diffEvents(shown.current, next) : null;
    if (changes && changes.remove.length === 0 && changes.add.length === 0) return;
    // Inside a layout effect FullCalendar's synchronous re-renders are deferred to one after the commit, before
    // paint: the calls below cost one layout of the calendar, not one each.
    const source = calendar.getEventSourceById(SOURCE_ID);
    if (!changes || !source || changes.remove.length + changes.add.length > EVENT_RESET_LIMIT) {
      source?.remove();
      calendar.addEventSource({ id: SOURCE_ID, events });
    } else {
      for (const id of changes.remove) calendar.getEventById(id)?.remove();
      for (const event of changes.add) calendar.addEvent(event, source);
    }
    shown.current = next;
  }, [calendarRef, events]);
}
