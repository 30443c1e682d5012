import type { Preferences } from '../../shared/prefs/preferences';

/** A window's remembered place (preferences.window). */
export type WindowBounds = NonNullable<Preferences['window']>;

/** A rectangle on the virtual screen, as Electron's `screen` reports displays. */
export type Rect = { x: number; y: number; width: number; height: number };

/** How much of a restored window must lie on one display: enough of it to see and grab. */
const MIN_VISIBLE = { width: 200, height: 100 };

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * Where to open the window: the saved bounds when enough of them lie on a display that exists now, else null
 * (the default size, centred by the OS). Why the check: a window saved on an external monitor that is now
 * unplugged would otherwise open off screen, where the user cannot reach it.
 */
export function restorableBounds(
  saved: WindowBounds | null,
  workAreas: readonly Rect[],
): WindowBounds | null {
  if (!saved) return null;
  const visible = workAreas.some((area) => {
    const o = overlap(saved, area);
    return o.width >= MIN_VISIBLE.width && o.height >= MIN_VISIBLE.height;
  });
  return visible ? saved : null;
}

/** What of Electron's BrowserWindow the tracker needs (structural, so tests can pass a stand-in). */
export type TrackedWindow = {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
};

/** The bounds to remember: the normal (un-maximised) size and place, and whether it was maximised. */
export function captureBounds(window: TrackedWindow): WindowBounds {
  const b = window.getNormalBounds();
  return {
    x: Math.round(b.x),
    y: Math.round(b.y),
    width: Math.max(400, Math.round(b.width)),
    height: Math.max(300, Math.round(b.height)),
    maximized: window.isMaximized(),
  };
}

/**
 * Saves the window's bounds as the user moves and resizes it (at most once per `delayMs`) and once more as it
 * closes. Minimised and full-screen states are not saved: reopening minimised or full screen surprises people.
 */
export function trackWindowState(
  window: TrackedWindow,
  save: (bounds: WindowBounds) => void,
  delayMs = 500,
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const saveNow = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isMinimized() || window.isFullScreen()) return;
    save(captureBounds(window));
  };
  const later = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(saveNow, delayMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, later);
  window.on('close', saveNow);
  return () => {
    if (timer) clearTimeout(timer);
  };
}
