import FullCalendar, { type CalendarApi, type CalendarRef } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import { render } from '@testing-library/react';
import { Profiler, createRef } from 'react';
import { coalesceCalendarRenders } from '../../renderer/src/features/calendar/coalesce-renders';

/** A real FullCalendar month in jsdom; `commits` counts the React commits of its subtree after mounting. */
function mountCalendar() {
  const ref = createRef<CalendarRef>();
  const counter = { commits: 0 };
  render(
    <Profiler id="calendar" onRender={(_id, phase) => phase === 'update' && counter.commits++}>
      <FullCalendar
        ref={ref}
        plugins={[dayGridPlugin]}
        initialView="dayGridMonth"
        initialDate="2027-03-10"
        timeZone="UTC"
        events={[
          { id: 'a', title: 'Ada', start: '2027-03-10', allDay: true },
          { id: 'b', title: 'Bo', start: '2027-03-11', allDay: true },
        ]}
        eventContent={(arg) => <span className="t-bar">{`${arg.event.title} ${arg.event.startStr}`}</span>}
      />
    </Profiler>,
  );
  return { api: ref.current!.getApi(), counter };
}

const bars = () => [...document.querySelectorAll('.t-bar')].map((el) => el.textContent).sort();

/** Two moves, as a drop makes them: each a MERGE_EVENTS, which FullCalendar renders synchronously. */
function moveTwo(api: CalendarApi) {
  api.getEventById('a')!.setDates('2027-03-17', null, { allDay: true });
  api.getEventById('b')!.setDates('2027-03-18', null, { allDay: true });
}

describe('coalesceCalendarRenders (real FullCalendar)', () => {
  // These tests watch when FullCalendar renders on its own, so they run outside act(), and React is told so.
  beforeAll(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
  });
  afterAll(() => {
    (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  });

  it('renders two moves made in one task once, at the end of the task, with both in it', async () => {
    const { api, counter } = mountCalendar();
    coalesceCalendarRenders(api);
    counter.commits = 0;
    moveTwo(api);
    // The state has both moves at once; the screen waits for the end of the task.
    expect(api.getEvents().map((e) => e.startStr)).toEqual(['2027-03-17', '2027-03-18']);
    expect(bars()).toEqual(['Ada 2027-03-10', 'Bo 2027-03-11']);
    await Promise.resolve();
    expect(bars()).toEqual(['Ada 2027-03-17', 'Bo 2027-03-18']);
    expect(counter.commits).toBe(1);
  });

  it('renders a drag hit at once, with the moves waiting before it (FullCalendar looks for its drawn copy)', async () => {
    const { api, counter } = mountCalendar();
    coalesceCalendarRenders(api);
    counter.commits = 0;
    moveTwo(api);
    const none = { defs: {}, instances: {} };
    // FullCalendar's own action, through its own dispatch (what its drag code calls on every new hit).
    (api as unknown as { dispatch: (action: unknown) => void }).dispatch({
      type: 'SET_EVENT_DRAG',
      state: { affectedEvents: none, mutatedEvents: none, isEvent: true },
    });
    expect(bars()).toEqual(['Ada 2027-03-17', 'Bo 2027-03-18']);
    expect(counter.commits).toBe(1);
    await Promise.resolve();
    expect(counter.commits).toBe(1);
  });

  it('once undone, FullCalendar renders each move at once, as it does by itself', async () => {
    const { api, counter } = mountCalendar();
    const undo = coalesceCalendarRenders(api);
    undo();
    counter.commits = 0;
    moveTwo(api);
    expect(bars()).toEqual(['Ada 2027-03-17', 'Bo 2027-03-18']);
    expect(counter.commits).toBe(2);
  });

  it('names what is missing when FullCalendar no longer has the hook it wraps', () => {
    expect(() => coalesceCalendarRenders({} as CalendarApi)).toThrow(
      'FullCalendar has no currentDataManager.config.onDataChange to batch its renders through',
    );
  });
});
