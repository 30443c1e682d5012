import type { EventInput } from '@fullcalendar/react';
import { diffEvents, eventsById, sameEvent } from '../../../renderer/src/features/calendar/event-diff';

const holiday = (id: string, memberIds: string[]): EventInput => ({
  id,
  title: 'Independence Day',
  start: '2027-07-05',
  end: '2027-07-06',
  allDay: true,
  display: 'background',
  extendedProps: { kind: 'holiday', label: 'Independence Day', memberIds },
});

describe('diffEvents: what FullCalendar is told after an edit', () => {
  const a: EventInput = {
    id: 'primary-2027-07-05',
    start: '2027-07-05T16:00:00Z',
    end: '2027-07-12T16:00:00Z',
  };
  const b: EventInput = {
    id: 'primary-2027-07-12',
    start: '2027-07-12T16:00:00Z',
    end: '2027-07-19T16:00:00Z',
  };

  it('tells nothing when every event is the same object or draws the same', () => {
    const shown = eventsById([a, b, holiday('h', ['ana', 'ben'])]);
    const next = eventsById([a, b, holiday('h', ['ana', 'ben'])]);
    expect(diffEvents(shown, next)).toEqual({ remove: [], add: [] });
  });

  it('removes and adds again an event that changed, adds a new one and removes one gone', () => {
    const moved = { ...a, start: '2027-07-06T16:00:00Z' };
    const c: EventInput = {
      id: 'secondary-2027-07-05',
      start: '2027-07-05T16:00:00Z',
      end: '2027-07-12T16:00:00Z',
    };
    expect(diffEvents(eventsById([a, b]), eventsById([moved, c]))).toEqual({
      remove: ['primary-2027-07-05', 'primary-2027-07-12'],
      add: [moved, c],
    });
  });

  it('compares extendedProps field by field and their arrays item by item', () => {
    expect(sameEvent(holiday('h', ['ana']), holiday('h', ['ana']))).toBe(true);
    expect(sameEvent(holiday('h', ['ana']), holiday('h', ['ana', 'ben']))).toBe(false);
    expect(sameEvent(holiday('h', ['ana']), { ...holiday('h', ['ana']), color: '#e03131' })).toBe(false);
  });
});
