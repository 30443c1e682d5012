import type { EventInput } from '@fullcalendar/react';
import { foldBusyDays, type MoreEventProps } from '../../../renderer/src/features/calendar/busy-days';

const ZONE = 'America/Los_Angeles';

/** A shift event as the selectors build it, with only what the fold reads. */
function shift(id: string, layerIndex: number, start: string, end: string): EventInput {
  return { id, start, end, extendedProps: { kind: 'shift', shiftId: id, layerIndex } };
}

/** Hourly shifts on both layers for one Los Angeles day (UTC-7 in July): 48 events. */
function hourly(date: string): EventInput[] {
  const out: EventInput[] = [];
  for (const layer of [1, 0]) {
    for (let h = 0; h < 24; h++) {
      const start = new Date(Date.parse(`${date}T07:00:00Z`) + h * 3_600_000).toISOString();
      const end = new Date(Date.parse(start) + 3_600_000).toISOString();
      out.push(shift(`${layer}-${date}-${h}`, layer, start, end));
    }
  }
  return out;
}

const ids = (events: EventInput[]) => events.map((e) => String(e.id));

describe('foldBusyDays: a busy day in the month grid', () => {
  it('keeps the first three shifts of a 48-shift day (primary layer, by start) and one "+45 more"', () => {
    const folded = foldBusyDays(hourly('2027-07-14'), '2027-07-14', '2027-07-14', ZONE, '09:00');
    expect(ids(folded)).toEqual(['0-2027-07-14-0', '0-2027-07-14-1', '0-2027-07-14-2', 'more-2027-07-14']);
    const more = folded[3]!;
    expect(more).toMatchObject({ title: '+45 more', start: '2027-07-14', end: '2027-07-15', allDay: true });
    expect(more.editable).toBe(false);
    expect(more.extendedProps as MoreEventProps).toEqual({
      kind: 'more',
      date: '2027-07-14',
      count: 45,
      layerIndex: 1000,
    });
  });

  it('leaves a day with as many shifts as rows alone, and folds each busy day of a window on its own', () => {
    const quiet = hourly('2027-07-15').slice(0, 4);
    const folded = foldBusyDays(
      [...hourly('2027-07-14'), ...quiet],
      '2027-07-14',
      '2027-07-15',
      ZONE,
      '09:00',
    );
    expect(ids(folded)).toEqual([
      '0-2027-07-14-0',
      '0-2027-07-14-1',
      '0-2027-07-14-2',
      'more-2027-07-14',
      ...ids(quiet),
    ]);
  });

  it('counts a week-long shift crossing the day against its rows, and keeps it whole', () => {
    const week = shift('week', 0, '2027-07-12T16:00:00Z', '2027-07-19T16:00:00Z');
    const folded = foldBusyDays([week, ...hourly('2027-07-14')], '2027-07-14', '2027-07-14', ZONE, '09:00');
    // Four rows: the week-long bar, two hourly shifts and the "+46 more".
    expect(ids(folded)).toEqual(['week', '0-2027-07-14-0', '0-2027-07-14-1', 'more-2027-07-14']);
    expect((folded[3]!.extendedProps as MoreEventProps).count).toBe(46);
  });

  it('takes a shift ending before the handoff time on the next day as a one-day shift, as the grid draws it', () => {
    // 22:00 to 08:00 the next morning (Los Angeles), before the 09:00 handoff: drawn on the 14th only.
    const night = shift('night', 0, '2027-07-15T05:00:00Z', '2027-07-15T15:00:00Z');
    const day = hourly('2027-07-14').slice(24, 28);
    const folded = foldBusyDays([night, ...day], '2027-07-14', '2027-07-15', ZONE, '09:00');
    // It sorts after the day's early hours, so it is among the two folded into "+2 more".
    expect(ids(folded)).toEqual(['0-2027-07-14-0', '0-2027-07-14-1', '0-2027-07-14-2', 'more-2027-07-14']);
    expect((folded[3]!.extendedProps as MoreEventProps).count).toBe(2);
    // Ending after the handoff, it reaches into the 15th and is kept as a bar over both days.
    const long = shift('long', 0, '2027-07-15T05:00:00Z', '2027-07-15T17:00:00Z');
    expect(ids(foldBusyDays([long, ...day], '2027-07-14', '2027-07-15', ZONE, '09:00'))[0]).toBe('long');
  });
});
