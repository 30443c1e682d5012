import type { EventApi } from '@fullcalendar/react';
import type { CalendarDelta } from './calendar-format';

const DAY_MS = 86_400_000;

/** Where a drag or resize would put a shift now: its id and the offsets of its start and end. */
export type DragTarget = {
  shiftId: string;
  mode: 'move' | 'resize';
  startDelta: CalendarDelta;
  endDelta: CalendarDelta;
};

/**
 * A FullCalendar offset between two of its dates: whole days in the day grids (their drags move by days), days
 * and the rest in the time grid.
 */
function deltaBetween(from: Date | null, to: Date, wholeDays: boolean): CalendarDelta {
  const ms = from ? to.getTime() - from.getTime() : 0;
  const days = wholeDays ? Math.round(ms / DAY_MS) : Math.trunc(ms / DAY_MS);
  return { years: 0, months: 0, days, milliseconds: wholeDays ? 0 : ms - days * DAY_MS };
}

/**
 * Follows FullCalendar's drags and resizes for the preview and for Esc. FullCalendar asks `eventAllow` each time
 * the hovered date changes (not on every mouse move), with the range the shift would take: that is when the
 * target is reported, so the consequence line is computed once per new target. Esc ends the drag where it is
 * and marks it cancelled; the drop handlers then revert instead of editing. `listen` sets who hears of targets.
 */
export function createDragTracking() {
  let onTarget: (target: DragTarget | null, cancelled: boolean) => void = () => {};
  let mode: DragTarget['mode'] | null = null;
  let cancelled = false;
  let last: DragTarget | null = null;
  let pointer = { x: 0, y: 0 };
  const onMove = (e: MouseEvent) => {
    pointer = { x: e.clientX, y: e.clientY };
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !mode) return;
    e.preventDefault();
    cancelled = true;
    onTarget(last, true);
    // FullCalendar has no cancel: a mouse-up where the pointer is ends the drag, whose drop is then reverted.
    document.dispatchEvent(
      new MouseEvent('mouseup', { bubbles: true, clientX: pointer.x, clientY: pointer.y, button: 0 }),
    );
  };
  const start = (next: DragTarget['mode']) => {
    mode = next;
    cancelled = false;
    last = null;
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('mousemove', onMove, true);
  };
  const stop = () => {
    mode = null;
    last = null;
    document.removeEventListener('keydown', onKey, true);
    document.removeEventListener('mousemove', onMove, true);
    onTarget(null, false);
  };
  return {
    /** Who hears about the targets (the latest listener wins). */
    listen(listener: typeof onTarget) {
      onTarget = listener;
    },
    dragStart: () => start('move'),
    resizeStart: () => start('resize'),
    stop,
    /** FullCalendar's `eventAllow`: reports the target and always allows (the edit itself refuses, with a reason). */
    allow(span: { start: Date; end: Date }, event: EventApi | null, viewType: string): boolean {
      if (!mode || !event || cancelled) return true;
      const wholeDays = !viewType.startsWith('timeGrid');
      last = {
        shiftId: event.id,
        mode,
        startDelta: deltaBetween(event.start, span.start, wholeDays),
        endDelta: deltaBetween(event.end, span.end, wholeDays),
      };
      onTarget(last, false);
      return true;
    },
    /** True once after a drag that Esc cancelled: the drop must be reverted. */
    takeCancelled(): boolean {
      const was = cancelled;
      cancelled = false;
      return was;
    },
  };
}
