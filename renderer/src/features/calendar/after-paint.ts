/**
 * Runs `task` once the browser has painted and finished the work queued behind the paint (at the latest 250 ms
 * later).
 * Why: FullCalendar draws a dropped or resized shift in its new place before it reports the drop, but shows it only
 * after measuring it in a frame of its own; applying the edit (validation of the whole plan, the store, the views
 * that follow it) before that would hold the shift back by as long as the edit takes. The edit still lands within
 * a few frames, or is refused and the drag reverted.
 */
export function afterPaint(task: () => void): void {
  requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 250 });
    else setTimeout(task, 0);
  });
}
