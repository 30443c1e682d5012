import type { StateCreator } from 'zustand';
import type { AppState } from './store';

/** The views of the left navigation, in order. */
export const VIEW_IDS = [
  'team',
  'pipelines',
  'ownership',
  'calendar',
  'fairness',
  'pay',
  'optimize',
  'operations',
  'export',
] as const;

export type ViewId = (typeof VIEW_IDS)[number];

/**
 * A place in the calendar another view asks to show: a plan-local date (YYYY-MM-DD) and, optionally, the shift to
 * select and highlight there (the Fairness view's "show in calendar").
 */
export type CalendarFocus = { date: string; shiftId?: string };

/** Which view is shown, and where the calendar should look when it opens. */
export type UiSlice = {
  view: ViewId;
  setView: (view: ViewId) => void;
  calendarFocus: CalendarFocus | null;
  /** Sets the calendar's focus; a non-null focus also switches to the Calendar view. */
  setCalendarFocus: (focus: CalendarFocus | null) => void;
  /** The shift the Optimise view's swap assistant should rank candidates for (the calendar's "find a swap"). */
  swapFocus: string | null;
  /** Sets the swap assistant's shift; a non-null one also switches to the Optimise view. */
  setSwapFocus: (shiftId: string | null) => void;
};

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set) => ({
  view: 'team',
  setView: (view) => set({ view }),
  calendarFocus: null,
  setCalendarFocus: (focus) =>
    set(focus ? { calendarFocus: focus, view: 'calendar' } : { calendarFocus: null }),
  swapFocus: null,
  setSwapFocus: (shiftId) => set(shiftId ? { swapFocus: shiftId, view: 'optimize' } : { swapFocus: null }),
});
