import {
  captureBounds,
  restorableBounds,
  trackWindowState,
  type Rect,
  type TrackedWindow,
  type WindowBounds,
} from '../../../electron/main/window-state';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 875 };
const monitorRight: Rect = { x: 1440, y: 0, width: 2560, height: 1415 };

describe('restoring the window where it was', () => {
  it.each<{ name: string; saved: WindowBounds | null; areas: Rect[]; restored: boolean }>([
    {
      name: 'on the laptop screen',
      saved: { x: 40, y: 30, width: 1200, height: 800, maximized: false },
      areas: [laptop],
      restored: true,
    },
    {
      name: 'on the external monitor while it is plugged in',
      saved: { x: 1700, y: 100, width: 1600, height: 1000, maximized: true },
      areas: [laptop, monitorRight],
      restored: true,
    },
    {
      name: 'on the external monitor after it was unplugged',
      saved: { x: 1700, y: 100, width: 1600, height: 1000, maximized: false },
      areas: [laptop],
      restored: false,
    },
    {
      name: 'only a 150 px sliver left on screen',
      saved: { x: 1290, y: 100, width: 1200, height: 800, maximized: false },
      areas: [laptop],
      restored: false,
    },
    { name: 'nothing saved yet', saved: null, areas: [laptop], restored: false },
  ])('$name → restored: $restored', ({ saved, areas, restored }) => {
    expect(restorableBounds(saved, areas)).toEqual(restored ? saved : null);
  });
});

function standIn(bounds: Rect, state: { maximized?: boolean; minimized?: boolean } = {}) {
  const listeners = new Map<string, (() => void)[]>();
  const window: TrackedWindow & { emit(e: string): void; bounds: Rect; state: typeof state } = {
    bounds,
    state,
    getNormalBounds: () => window.bounds,
    isMaximized: () => window.state.maximized ?? false,
    isMinimized: () => window.state.minimized ?? false,
    isFullScreen: () => false,
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return window;
    },
    emit(e) {
      (listeners.get(e) ?? []).forEach((l) => l());
    },
  };
  return window;
}

describe('remembering the window as it moves', () => {
  afterEach(() => vi.useRealTimers());

  it('captures the normal bounds and the maximised flag, rounded', () => {
    expect(
      captureBounds(standIn({ x: 10.4, y: 20.6, width: 1200, height: 800 }, { maximized: true })),
    ).toEqual({
      x: 10,
      y: 21,
      width: 1200,
      height: 800,
      maximized: true,
    });
  });

  it('saves once after a burst of moves, and at close; not while minimised', () => {
    vi.useFakeTimers();
    const saved: WindowBounds[] = [];
    const window = standIn({ x: 0, y: 0, width: 1000, height: 700 });
    trackWindowState(window, (b) => saved.push(b), 500);
    window.emit('move');
    window.bounds = { x: 50, y: 60, width: 1000, height: 700 };
    window.emit('move');
    vi.advanceTimersByTime(499);
    expect(saved).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(saved).toEqual([{ x: 50, y: 60, width: 1000, height: 700, maximized: false }]);
    window.state.minimized = true;
    window.emit('resize');
    vi.advanceTimersByTime(600);
    window.emit('close');
    expect(saved).toHaveLength(1);
    window.state.minimized = false;
    window.state.maximized = true;
    window.emit('close');
    expect(saved.at(-1)).toEqual({ x: 50, y: 60, width: 1000, height: 700, maximized: true });
  });
});
