import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/forma/theme.css';
import '@fullcalendar/react/themes/forma/palettes/blue.css';
import './calendar.css';
import FullCalendar, { type CalendarRef, type EventApi, type EventInput } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import formaTheme from '@fullcalendar/react/themes/forma';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import { IconPinFilled } from '@tabler/icons-react';
import { Temporal } from 'temporal-polyfill';
import { memo, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type RefObject } from 'react';
import type { ShiftSource } from '../../../../shared/plan/schema';
import { isoWeekday, startOfLocalDay } from '../../../../shared/time/zoned';
import type { CalendarDelta } from './calendar-format';
import {
  shiftDataAttributes,
  type BackgroundEventProps,
  type DayMark,
  type ShiftEventProps,
} from './calendar-events';
import { localDateOf } from './calendar-format';
import { formatClock, formatHours, formatShort } from '../../components/wall-clock-format';
import { useCalendarEvents } from './use-calendar-events';
import { coalesceCalendarRenders } from './coalesce-renders';
import { MONTH_DAY_ROWS, type MoreEventProps } from './busy-days';
import { createDragTracking, type DragTarget } from './drag-tracking';
import { isLaneView, LANE_VIEWS, LaneContent } from './lane-content';

/** The drag payload of a member chip: HTML5 drag data carrying the member id. */
export const MEMBER_DRAG_TYPE = 'application/x-rotaplan-member';

/**
 * The calendar views offered, in toolbar order: the month, one and two weeks as lanes per layer, the hours of a
 * week (for shifts shorter than a day; "+N more" opens it), and the list.
 */
export const CALENDAR_VIEWS = [
  'dayGridMonth',
  'laneTwoWeeks',
  'laneWeek',
  'timeGridWeek',
  'listMonth',
] as const;

const SOURCE_LABEL: Record<ShiftSource, string> = {
  generated: '',
  manual: 'manual',
  override: 'override',
  swap: 'swap',
};

/** What the board reports to the view; it never edits the plan itself. */
export type CalendarBoardProps = {
  events: EventInput[];
  /** Labels per plan-local date: holidays, investor weeks, time off (see `dayMarks`). */
  marks: Map<string, DayMark[]>;
  zone: string;
  /** FullCalendar's first day of the week (0 Sunday … 6 Saturday): the handoff weekday, so a week is one row. */
  firstDay: number;
  /** "09:00:00": a shift ending at the handoff does not spill into that day's cell in the month view. */
  nextDayThreshold: string;
  initialDate: string;
  calendarRef: RefObject<CalendarRef | null>;
  onShiftClick: (shiftId: string) => void;
  onDateClick: (dateStr: string) => void;
  onShiftDrop: (shiftId: string, delta: CalendarDelta, revert: () => void) => void;
  onShiftResize: (
    shiftId: string,
    startDelta: CalendarDelta,
    endDelta: CalendarDelta,
    revert: () => void,
  ) => void;
  onMemberDrop: (shiftId: string, memberId: string) => void;
  /** Where a drag or resize would put a shift now (null when it ends), and whether Esc cancelled it. */
  onDragTarget: (target: DragTarget | null, cancelled: boolean) => void;
  /** The visible range (ISO instants) and the view type, after every navigation. */
  onRangeChange: (start: string, end: string, viewType: string) => void;
  /** The plan-local date picked in the side panel, outlined in the month view. */
  selectedDate: string | null;
};

const shiftProps = (event: EventApi) => event.extendedProps as ShiftEventProps;
const moreProps = (event: EventApi) => {
  const p = event.extendedProps as MoreEventProps | ShiftEventProps;
  return p.kind === 'more' ? p : null;
};

/**
 * The time on a shift's bar: its start in the month grid, start – end in the week grid, on the bar's first piece
 * only. Why not FullCalendar's time text: it formats every bar's times through the Temporal polyfill on every
 * render, half of a drop's cost on a busy month; these are formatted once per instant (formatClock).
 */
function clockText(p: ShiftEventProps, view: string, isStart: boolean, zone: string): string {
  if (!isStart) return '';
  if (view.startsWith('timeGrid')) return `${formatClock(p.start, zone)} - ${formatClock(p.end, zone)}`;
  return view.startsWith('dayGrid') ? formatClock(p.start, zone) : '';
}

/**
 * A shift's bar. Memoised on the event's data (FullCalendar keeps one object per event): FullCalendar renders its
 * events' content on each of its renders, three for a drop, and most bars have not changed.
 */
const ShiftContent = memo(function ShiftContent({
  p,
  timeText,
  zone,
  list,
}: {
  p: ShiftEventProps;
  timeText: string;
  zone: string;
  list: boolean;
}) {
  const source = SOURCE_LABEL[p.source];
  return (
    <div
      className="rp-shift"
      {...shiftDataAttributes(p)}
      data-list={list || undefined}
      style={{ ['--rp-member' as string]: p.memberColor }}
      title={`${p.layerName}: ${p.memberName}${p.shadow ? ' (shadow: learning, not on call)' : ''}${p.pinned ? ' (pinned)' : ''}${source ? ` — ${source}` : ''}${p.cover ? `\n${p.cover}` : ''}`}
    >
      <span className="rp-shift-badge" aria-label={p.layerName}>
        {p.badge}
      </span>
      {timeText && !list && <span className="rp-shift-time">{timeText}</span>}
      <span className="rp-shift-name">{p.memberName}</span>
      {p.shadow && <span className="rp-shift-shadow">shadow</span>}
      {list && (
        <span className="rp-shift-until">
          {p.layerName} until {formatShort(p.end, zone)} · {formatHours(p.hours)}
        </span>
      )}
      {source && <span className="rp-shift-source">{source}</span>}
      {p.pinned && <IconPinFilled size={11} aria-label="pinned" className="rp-shift-pin" />}
    </div>
  );
});

function MarkLabels({ marks, rowStart }: { marks: DayMark[]; rowStart: boolean }) {
  // Holidays are named on each of their days; spans (investor week, time off) on their first day and each row start.
  const shown = marks.filter((m) => m.kind === 'holiday' || m.first || rowStart);
  if (shown.length === 0) return null;
  return (
    <>
      <div className="rp-marks" title={shown.map((m) => m.label).join('\n')}>
        {shown.map((m) => (
          <span
            key={`${m.kind}-${m.label}`}
            className="rp-mark"
            data-mark-kind={m.kind}
            title={m.label}
            style={{ ['--rp-mark' as string]: m.color }}
          >
            <span className="rp-mark-long">{m.short}</span>
            <span className="rp-mark-tiny">{m.tiny}</span>
          </span>
        ))}
      </div>
    </>
  );
}

/**
 * FullCalendar cancels the mousedown that starts a drag, so an input focused before (the "Go to" date) would keep
 * the focus and swallow Ctrl+Z after the drop; a drag takes the focus away from it, as a click would.
 */
function blurActiveInput() {
  const active = document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) active.blur();
}

/** A range edge from FullCalendar as an instant: a date alone is that day's start in the plan's zone. */
function toInstant(value: string, zone: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return startOfLocalDay(value, zone);
  return Temporal.Instant.from(value).toString();
}

function shiftIdAt(event: DragEvent): string | null {
  const el = (event.target as Element | null)?.closest?.('[data-shift-id]');
  return el?.getAttribute('data-shift-id') ?? null;
}

function markDropTarget(shiftId: string | null) {
  for (const el of document.querySelectorAll('[data-drop-target]')) el.removeAttribute('data-drop-target');
  if (!shiftId) return;
  for (const el of document.querySelectorAll(`[data-shift-id="${CSS.escape(shiftId)}"]`)) {
    el.setAttribute('data-drop-target', 'true');
  }
}

/** The callbacks of the board, read through a ref so FullCalendar's own props stay the same objects. */
type BoardHandlers = Pick<
  CalendarBoardProps,
  | 'onShiftClick'
  | 'onDateClick'
  | 'onShiftDrop'
  | 'onShiftResize'
  | 'onMemberDrop'
  | 'onRangeChange'
  | 'onDragTarget'
>;

function MoreContent({ props }: { props: MoreEventProps }) {
  return (
    <div
      className="rp-more"
      data-more-date={props.date}
      title={`${props.count} more shifts on ${props.date}: open the day in the week view`}
    >
      +{props.count} more
    </div>
  );
}

/**
 * FullCalendar 7 (month, week, list) in the plan's time zone, showing the events it is given and reporting
 * clicks, drags, resizes and member-chip drops. Member chips use HTML5 drag and drop onto the shift element,
 * because FullCalendar's external dragging drops onto dates, not onto events. A "+N more" event (see
 * `foldBusyDays`) opens its day in the week view.
 * Why the memo: FullCalendar lays out all its events again whenever its props change, and the view re-renders on
 * every edit; the events reach it through `useCalendarEvents`, the callbacks through a ref.
 */
export function CalendarBoard({ calendarRef, events, ...props }: CalendarBoardProps) {
  useLayoutEffect(() => {
    const api = calendarRef.current?.getApi();
    return api ? coalesceCalendarRenders(api) : undefined;
  }, [calendarRef]);
  useCalendarEvents(calendarRef, events);
  const handlers = useRef<BoardHandlers>(props);
  const [tracking] = useState(createDragTracking);
  useLayoutEffect(() => {
    handlers.current = props;
    tracking.listen(props.onDragTarget);
  });
  const { zone, firstDay, nextDayThreshold, initialDate, marks, selectedDate } = props;
  const calendar = useMemo(
    () => (
      <FullCalendar
        ref={calendarRef}
        plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, formaTheme]}
        initialView="dayGridMonth"
        initialDate={initialDate}
        timeZone={zone}
        firstDay={firstDay}
        nextDayThreshold={nextDayThreshold}
        height="100%"
        headerToolbar={{ start: 'prev,next today', center: 'title', end: CALENDAR_VIEWS.join(',') }}
        // The hint becomes the button's accessible name; it must contain the visible text (WCAG 2.5.3).
        todayHint="Today"
        editable
        eventResizableFromStart
        eventInteractive
        columnEventTitleSticky
        dayMaxEvents={MONTH_DAY_ROWS}
        eventOrder="layerIndex,start,title"
        displayEventTime={false}
        // The list's time column is FullCalendar's own; the bars of the grids carry their times (see clockText).
        views={{
          list: { displayEventTime: true },
          ...LANE_VIEWS,
        }}
        buttons={{
          laneWeek: { text: 'Week' },
          laneTwoWeeks: { text: '2 weeks' },
          timeGridWeek: { text: 'Hours' },
        }}
        eventTimeFormat={{ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }}
        slotHeaderFormat={{ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }}
        scrollTime="07:00:00"
        eventClass={(arg) => (shiftProps(arg.event).highlighted ? 'rp-event-highlighted' : '')}
        eventContent={(arg) => {
          const more = moreProps(arg.event);
          if (more) return <MoreContent props={more} />;
          if (isLaneView(arg.view.type)) {
            const p = shiftProps(arg.event);
            return <LaneContent p={p} isStart={arg.isStart} zone={zone} source={SOURCE_LABEL[p.source]} />;
          }
          return (
            <ShiftContent
              p={shiftProps(arg.event)}
              timeText={clockText(shiftProps(arg.event), arg.view.type, arg.isStart, zone)}
              zone={zone}
              list={arg.view.type.startsWith('list')}
            />
          );
        }}
        backgroundEventContent={() => null}
        backgroundEventClass={(arg) =>
          (arg.event.extendedProps as BackgroundEventProps).kind === 'time-off' ? 'rp-bg-time-off' : ''
        }
        dayCellClass={(arg) =>
          selectedDate && localDateOf(arg.date.toISOString(), zone) === selectedDate ? 'rp-day-selected' : ''
        }
        dayCellTopContent={(arg) => {
          const date = localDateOf(arg.date.toISOString(), zone);
          return (
            <div className="rp-day-top" data-date-top={date}>
              <span className="rp-day-number">{arg.dayNumberText}</span>
              <MarkLabels marks={marks.get(date) ?? []} rowStart={isoWeekday(date) % 7 === firstDay} />
            </div>
          );
        }}
        dayHeaderContent={(arg) => {
          if (!arg.view.type.startsWith('timeGrid')) return arg.text;
          const date = localDateOf(arg.date.toISOString(), zone);
          return (
            <div className="rp-day-header">
              <span>{arg.text}</span>
              <MarkLabels marks={marks.get(date) ?? []} rowStart />
            </div>
          );
        }}
        eventClick={(info) => {
          info.jsEvent.preventDefault();
          const more = moreProps(info.event);
          if (more) info.view.calendar.changeView('timeGridWeek', more.date);
          else handlers.current.onShiftClick(info.event.id);
        }}
        dateClick={(info) => handlers.current.onDateClick(info.dateStr)}
        eventDragStart={() => {
          blurActiveInput();
          tracking.dragStart();
        }}
        eventResizeStart={() => {
          blurActiveInput();
          tracking.resizeStart();
        }}
        eventDragStop={tracking.stop}
        eventResizeStop={tracking.stop}
        eventAllow={(span, event) =>
          tracking.allow(span, event, calendarRef.current?.getApi().view.type ?? '')
        }
        eventDrop={(info) => {
          if (tracking.takeCancelled()) info.revert();
          else handlers.current.onShiftDrop(info.event.id, info.delta, info.revert);
        }}
        eventResize={(info) => {
          if (tracking.takeCancelled()) info.revert();
          else handlers.current.onShiftResize(info.event.id, info.startDelta, info.endDelta, info.revert);
        }}
        datesSet={(info) =>
          handlers.current.onRangeChange(
            toInstant(info.startStr, zone),
            toInstant(info.endStr, zone),
            info.view.type,
          )
        }
      />
    ),
    [calendarRef, tracking, zone, firstDay, nextDayThreshold, initialDate, marks, selectedDate],
  );
  return (
    <div
      className="rp-calendar"
      data-testid="calendar-board"
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes(MEMBER_DRAG_TYPE)) return;
        const shiftId = shiftIdAt(e);
        markDropTarget(shiftId);
        if (!shiftId) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) markDropTarget(null);
      }}
      onDrop={(e) => {
        const memberId = e.dataTransfer.getData(MEMBER_DRAG_TYPE);
        const shiftId = shiftIdAt(e);
        markDropTarget(null);
        if (!memberId || !shiftId) return;
        e.preventDefault();
        handlers.current.onMemberDrop(shiftId, memberId);
      }}
    >
      {calendar}
    </div>
  );
}
