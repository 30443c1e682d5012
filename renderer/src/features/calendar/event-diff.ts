import type { EventInput } from '@fullcalendar/react';

/** What changed between the events FullCalendar holds and the ones it should hold, by id and object identity. */
export type EventChanges = { remove: string[]; add: EventInput[] };

/** The events by id, as the diff reads them. */
export type EventsById = Map<string, EventInput>;

/** The events keyed by their id (every event the calendar is given has one). */
export function eventsById(events: readonly EventInput[]): EventsById {
  return new Map(events.map((e) => [String(e.id), e]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
  return false;
}

function sameFields(a: object, b: object, deep: (key: string) => boolean): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => {
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (deep(key) && typeof x === 'object' && x !== null && typeof y === 'object' && y !== null)
      return sameFields(x, y, () => false);
    return sameValue(x, y);
  });
}

/**
 * True when two events draw the same: the same object, or the same fields with the same `extendedProps` (arrays
 * in them compared item by item).
 * Why: background events (holidays, time off, investor weeks) are rebuilt after every edit of the plan, each a new
 * object equal to the old one; FullCalendar need not hear of them.
 */
export function sameEvent(a: EventInput, b: EventInput): boolean {
  return a === b || sameFields(a, b, (key) => key === 'extendedProps');
}

/**
 * The ids to remove and the events to add to turn `shown` into `next`: an event that changed (see `sameEvent`) is
 * removed and added again; one that draws the same stays.
 * Why identity first: the selectors build one event object per shift object and reuse it while the shift and what
 * it is drawn with are unchanged, so after an edit only the events of the changed shifts are new objects.
 */
export function diffEvents(shown: EventsById, next: EventsById): EventChanges {
  const remove: string[] = [];
  const add: EventInput[] = [];
  for (const [id, event] of shown) {
    const now = next.get(id);
    if (!now || !sameEvent(now, event)) remove.push(id);
  }
  for (const [id, event] of next) {
    const before = shown.get(id);
    if (!before || !sameEvent(before, event)) add.push(event);
  }
  return { remove, add };
}
