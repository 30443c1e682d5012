import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';

// FullCalendar and the holiday data are loaded when the Calendar is first opened, not with the app shell.
const CalendarView = lazy(() => import('./calendar-view').then((m) => ({ default: m.CalendarView })));

/** The Calendar view, loaded on first use with a spinner meanwhile. */
export function LazyCalendarView() {
  return (
    <Suspense
      fallback={
        <Center h={320}>
          <Loader />
        </Center>
      }
    >
      <CalendarView />
    </Suspense>
  );
}
