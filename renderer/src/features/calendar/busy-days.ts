import type { EventInput } from '@fullcalendar/react';
import { ZoneClock } from '../../../../shared/time/zone-clock';
import { addDays, instantMs } from '../../../../shared/time/zoned';
import type { ShiftEventProps } from './calendar-events';

/** The data of a "+N more" event standing for the shifts of a busy day the month grid has no room for. */
export type MoreEventProps = { kind: 'more'; date: string; count: number; layerIndex: number };

/** The month grid's rows per day (FullCalendar's `dayMaxEvents`): a busy day shows this many, the last a "+N more". */
export const MONTH_DAY_ROWS = 4;

/** The plan-local days of a window, their midnights and the moment a shift ending on them spills into them. */
type DayTable = { dates: string[]; midnights: number[]; thresholds: number[] };

function dayTable(from: string, to: string, zone: string, handoff: string, clock: ZoneClock): DayTable {
  const dates: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
  return {
    dates,
    midnights: dates.map((d) => instantMs(clock.startOfLocalDay(d, zone))),
    thresholds: dates.map((d) => instantMs(clock.zonedToInstant(d, handoff, zone))),
  };
}

/** The index of the last day whose midnight is at or before `ms` (-1 before the first). */
function dayIndex(table: DayTable, ms: number): number {
  let lo = 0;
  let hi = table.midnights.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (table.midnights[mid]! <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The first and last day (indexes into the table) a timed event covers in the month grid, as FullCalendar draws it:
 * an event ending before the handoff time (`nextDayThreshold`) does not reach into the day it ends on.
 */
function coveredDays(table: DayTable, start: number, end: number): [number, number] {
  const first = dayIndex(table, start);
  let last = dayIndex(table, end);
  if (last > first && (end === table.midnights[last] || end < table.thresholds[last]!)) last -= 1;
  return [first, Math.max(first, last)];
}

const byLayerThenStart = (a: EventInput, b: EventInput) => {
  const pa = a.extendedProps as ShiftEventProps;
  const pb = b.extendedProps as ShiftEventProps;
  return (
    pa.layerIndex - pb.layerIndex ||
    instantMs(String(a.start)) - instantMs(String(b.start)) ||
    (pa.shiftId < pb.shiftId ? -1 : pa.shiftId > pb.shiftId ? 1 : 0)
  );
};

/**
 * Shift events for the month grid, a busy day's surplus folded into one "+N more" event: a day holding more
 * one-day shifts than its rows (after the multi-day shifts crossing it) keeps its first shifts (by layer, then start)
 * and one event saying how many more there are; a click on it opens that day in the week view.
 * Why: a plan cut into hourly shifts puts 48 on each day; FullCalendar lays out every event it holds on every render
 * (~2,000 for a month), which made every drop slow to repaint. The grid shows four rows a day either way.
 * `from` and `to` are the plan-local dates of the window the events were picked for (inclusive); `handoff` is the
 * rotation's handoff time ("09:00"); `clock`: the zone clock of the store's holiday calendar, when it is loaded.
 */
export function foldBusyDays(
  events: EventInput[],
  from: string,
  to: string,
  zone: string,
  handoff: string,
  rows = MONTH_DAY_ROWS,
  clock = new ZoneClock(),
): EventInput[] {
  if (events.length <= rows) return events;
  const table = dayTable(from, to, zone, `${handoff}:01`, clock);
  const crossing = new Array<number>(table.dates.length).fill(0);
  const oneDay = table.dates.map((): EventInput[] => []);
  const kept: EventInput[] = [];
  for (const event of events) {
    const [first, last] = coveredDays(table, instantMs(String(event.start)), instantMs(String(event.end)));
    if (first < 0 || first !== last) {
      kept.push(event);
      for (let d = Math.max(0, first); d <= last; d++) crossing[d]! += 1;
    } else oneDay[first]!.push(event);
  }
  oneDay.forEach((list, d) => {
    const room = Math.max(0, rows - crossing[d]!);
    if (list.length <= room) {
      kept.push(...list);
      return;
    }
    const shown = Math.max(0, room - 1);
    kept.push(...list.sort(byLayerThenStart).slice(0, shown));
    const date = table.dates[d]!;
    const props: MoreEventProps = { kind: 'more', date, count: list.length - shown, layerIndex: 1_000 };
    kept.push({
      id: `more-${date}`,
      title: `+${props.count} more`,
      start: date,
      end: addDays(date, 1),
      allDay: true,
      editable: false,
      color: '#868e96',
      contrastColor: '#ffffff',
      extendedProps: props,
    });
  });
  return kept;
}
