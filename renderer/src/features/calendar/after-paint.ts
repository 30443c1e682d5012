/**
 * Runs `task` once the browser has painted the next frame.
 * Why: FullCalendar draws a dropped or resized shift in its new place before it reports the drop; applying the
 * edit (validation of the whole plan, the store, the views that follow it) in the same task would hold that frame
 * back by as long as the edit takes. The edit still lands a frame later, or is refused and the drag reverted.
 */
export function afterPaint(task: () => void): void {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(task, 0)));
}
