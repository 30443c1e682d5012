// `npm run bench:ui -- [--json] [--per-day N] [--runs R]`: the big-plan UI benchmark. Generates a plan of
// 25 members over two years with daily shifts on two layers (each day cut into N shifts, default 24: 35,040 shifts;
// --per-day 1 is the plain daily rotation), writes it into a temporary user-data folder,
// starts the real preview server on it and drives Chromium through it. Prints load time, drag-to-repaint time, save
// time, the input delay during the save and the initial JS size, each against its target. Needs `npx electron-vite
// build` first (the preview serves out/renderer). With --json the last line is the figures as JSON, with the
// targets and which of them were met. With --profile DIR it also writes CPU profiles of the first load and drag;
// --renderer-dir DIR serves another build (to compare two versions under the same machine load).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchPreview } from '../../electron/preview/launch';
import { launchChromium } from '../../test/e2e/harness';
import { addDays } from '../../shared/time/zoned';
import { bigPlan } from './big-plan';
import { measureInitialJs } from './initial-js';

const TARGETS = { loadMs: 1500, dragMs: 100, inputDelayMs: 100, initialGzipBytes: 600_000 };
// The drag: a spring 2027 Wednesday's first shown shift to the Wednesday a week later (no time off near either).
// Each run drags on its own fortnight, so a run never picks up a shift an earlier run moved (the file is saved).
const DRAG_FROM = '2027-03-10';
const dragDates = (run: number) => [addDays(DRAG_FROM, 14 * run), addDays(DRAG_FROM, 14 * run + 7)] as const;

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    'per-day': { type: 'string', default: '24' },
    runs: { type: 'string', default: '3' },
    profile: { type: 'string' },
    'renderer-dir': { type: 'string', default: 'out/renderer' },
  },
});
const perDay = Number(values['per-day']);
const runs = Number(values.runs);
if (!Number.isInteger(perDay) || perDay < 1 || perDay > 48) {
  process.stderr.write(`--per-day must be a whole number from 1 to 48, not "${values['per-day']}"\n`);
  process.exit(2);
}
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`--runs must be a whole number of at least 1, not "${values.runs}"\n`);
  process.exit(2);
}
const log = (line: string) => {
  if (!values.json) process.stdout.write(`${line}\n`);
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

type LoadTiming = { planVisibleMs: number; monthMs: number; totalMs: number };

/** Navigation start → plan name in the top bar → (click Calendar) → month grid with shifts painted. */
async function measureLoad(page: Page, url: string, planName: string): Promise<LoadTiming> {
  await page.goto('about:blank');
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('[data-testid="plan-name"]', { hasText: planName }).waitFor({ timeout: 60_000 });
  const planVisibleMs = Date.now() - started;
  const clicked = Date.now();
  await page.click('[data-view="calendar"]');
  await page.locator('[data-testid="calendar-board"] [data-shift-id]').first().waitFor({ timeout: 60_000 });
  return { planVisibleMs, monthMs: Date.now() - clicked, totalMs: Date.now() - started };
}

/**
 * The in-page watcher of the drag, as source text (tsx would wrap a function's inner arrows in a helper the page
 * does not have). It records each keydown's input delay, and the time from the mouse-up to the end of the first
 * frame painted with the shift on the target day outside FullCalendar's drag mirror, or with its "+N more" count
 * grown.
 */
function watchTargetDay(toDate: string, shiftId: string): string {
  return `(() => {
    const w = window;
    const cell = () => document.querySelector('[role="cell"][data-date="${toDate}"]');
    const more = () => Number((/\\+(\\d+)/.exec(cell()?.textContent ?? '') ?? ['', '0'])[1]);
    const before = more();
    w.__benchKeyDelays = [];
    w.__benchRepaint = null;
    w.__benchSettled = null;
    w.__benchDropAt = null;
    document.addEventListener('keydown', (e) => w.__benchKeyDelays.push(performance.now() - e.timeStamp));
    document.addEventListener('mouseup', () => { w.__benchDropAt = performance.now(); }, { capture: true });
    // Day-grid events sit in an overlay over the week row, not inside the day cell: judge by position.
    const placed = () => {
      const box = cell()?.getBoundingClientRect();
      if (!box) return false;
      return [...document.querySelectorAll('[data-shift-id="${shiftId}"]')].some((el) => {
        if (!el.checkVisibility({ visibilityProperty: true }) || el.closest('[style*="position: fixed"]')) return false;
        const r = el.getBoundingClientRect();
        return r.left >= box.left - 2 && r.left < box.right && r.top >= box.top && r.top < box.bottom;
      });
    };
    // Judged after each frame's paint: a message posted from requestAnimationFrame is handled once the frame's
    // rendering (style, layout, ResizeObserver callbacks, paint) is done. A check inside requestAnimationFrame
    // itself would run before FullCalendar measures and shows the moved bar in that same frame.
    const afterFrame = new MessageChannel();
    const nextFrame = () => requestAnimationFrame(() => afterFrame.port2.postMessage(null));
    afterFrame.port1.onmessage = () => {
      if (w.__benchDropAt !== null && (placed() || more() > before)) w.__benchRepaint = performance.now() - w.__benchDropAt;
      else nextFrame();
    };
    nextFrame();
    // The edit has landed once the top bar no longer says "Saved" (it waits to be written).
    const status = () => document.querySelector('[data-testid="save-state"]')?.getAttribute('data-status');
    const settle = () => {
      if (w.__benchDropAt !== null && status() !== 'saved') w.__benchSettled = performance.now() - w.__benchDropAt;
      else requestAnimationFrame(settle);
    };
    requestAnimationFrame(settle);
  })()`;
}

type DragTiming = {
  dragMs: number;
  editMs: number;
  saveMs: number;
  inputDelayMaxMs: number;
  keypresses: number;
};

/**
 * Drags the first shift shown on the run's Wednesday to the next Wednesday. The repaint time runs from the mouse-up
 * to the end of the first frame painted with the shift on the target day (or its "+N more" count grown by one, when the day is too
 * full to show it). The edit time runs to the frame in which the edit has landed (validated, in the store; the top
 * bar no longer says "Saved"): the calendar shows the drop before the edit is judged, and reverts it if refused.
 * Then, until the top bar says "Saved", a key is pressed every 25 ms and its input delay (the time the keydown
 * waited for the main thread) recorded: the save must not block input.
 */
async function measureDrag(page: Page, run: number): Promise<DragTiming> {
  const [fromDate, toDate] = dragDates(run);
  await page.getByLabel('Go to date').fill(fromDate);
  const fromCell = page.locator(`[role="cell"][data-date="${fromDate}"]`);
  const toCell = page.locator(`[role="cell"][data-date="${toDate}"]`);
  await fromCell.waitFor();
  await toCell.waitFor();
  await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor({ timeout: 60_000 });
  const shift = fromCell.locator('[data-shift-id]').first();
  const shiftId = (await shift.getAttribute('data-shift-id'))!;
  const bar = (await shift.boundingBox())!;
  const from = (await fromCell.boundingBox())!;
  const to = (await toCell.boundingBox())!;
  // Watch the target day in the page, so the time is the browser's own, not the driver's round trips.
  await page.evaluate(watchTargetDay(toDate, shiftId));
  const x = from.x + from.width / 2;
  const y = bar.y + bar.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 4, y + 8, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 + (y - from.y - from.height / 2), {
    steps: 12,
  });
  const dropped = Date.now();
  await page.mouse.up();
  await page.waitForFunction(
    () => {
      const w = window as unknown as Record<string, unknown>;
      return w.__benchRepaint !== null && w.__benchSettled !== null;
    },
    null,
    {
      timeout: 60_000,
    },
  );
  const { dragMs, editMs } = await page.evaluate(() => {
    const w = window as unknown as { __benchRepaint: number; __benchSettled: number };
    return { dragMs: w.__benchRepaint, editMs: w.__benchSettled };
  });
  // Keys during the pending and saving states; Shift changes nothing in the app.
  let keypresses = 0;
  for (;;) {
    const status = await page.locator('[data-testid="save-state"]').getAttribute('data-status');
    if (status === 'saved' && keypresses > 0) break;
    if (status === 'failed') throw new Error('the save failed');
    if (Date.now() - dropped > 60_000) throw new Error('the save did not finish within 60 s');
    await page.keyboard.press('Shift');
    keypresses++;
    await page.waitForTimeout(25);
  }
  const saveMs = Date.now() - dropped;
  const delays = await page.evaluate(
    () => (window as unknown as { __benchKeyDelays: number[] }).__benchKeyDelays,
  );
  return { dragMs, editMs, saveMs, inputDelayMaxMs: Math.max(0, ...delays), keypresses };
}

/** With --profile DIR: records Chromium CPU profiles of the first measured load and drag into DIR. */
async function profiled<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  const dir = values.profile;
  if (!dir) return run();
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    await cdp.detach();
  }
}

const rendererDir = resolve(values['renderer-dir']);
const initial = measureInitialJs(rendererDir);
const plan = bigPlan(perDay);
const userDataDir = await mkdtemp(join(tmpdir(), 'rotaplan-bench-ui-'));
const profile = await mkdtemp(join(tmpdir(), 'rotaplan-bench-chromium-'));
await writeFile(join(userDataDir, 'plan.rotaplan.json'), JSON.stringify(plan, null, 2));
log(
  `Big plan: ${plan.members.length} members, ${plan.shifts.length} shifts, ${plan.rotation.startDate} → ${plan.rotation.endDate}`,
);
const preview = await launchPreview({ userDataDir, rendererDir });
// The app readies its optimiser worker a while after start (seconds of CPU loading HiGHS); the loads below are timed
// after it, not beside it, so they measure the page and not a background warm-up on a 2-core machine.
await preview.optimizer.warm();
let browser: BrowserContext | null = null;
const loads: LoadTiming[] = [];
const drags: DragTiming[] = [];
try {
  browser = await launchChromium(profile);
  const page = browser.pages()[0] ?? (await browser.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A first visit warms the server's caches and Chromium's code cache, as a second start of the app would be.
  await measureLoad(page, preview.url, plan.meta.name);
  for (let i = 0; i < runs; i++) {
    const load = await (i === 0
      ? profiled(page, 'load', () => measureLoad(page, preview.url, plan.meta.name))
      : measureLoad(page, preview.url, plan.meta.name));
    loads.push(load);
    log(`  load ${i + 1}: plan shown ${load.planVisibleMs} ms, month painted ${load.monthMs} ms later`);
    const drag = await (i === 0 ? profiled(page, 'drag', () => measureDrag(page, i)) : measureDrag(page, i));
    drags.push(drag);
    log(
      `  drag ${i + 1}: repaint ${drag.dragMs.toFixed(0)} ms, edit applied ${drag.editMs.toFixed(0)} ms, saved after ${drag.saveMs} ms, worst input delay ${drag.inputDelayMaxMs.toFixed(0)} ms over ${drag.keypresses} keys`,
    );
  }
  if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
} finally {
  await browser?.close();
  await preview.close();
  await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
}

const figures = {
  shifts: plan.shifts.length,
  runs,
  loadMs: median(loads.map((l) => l.totalMs)),
  planVisibleMs: median(loads.map((l) => l.planVisibleMs)),
  monthMs: median(loads.map((l) => l.monthMs)),
  dragMs: Math.round(median(drags.map((d) => d.dragMs))),
  editMs: Math.round(median(drags.map((d) => d.editMs))),
  saveMs: median(drags.map((d) => d.saveMs)),
  inputDelayMaxMs: Math.round(Math.max(...drags.map((d) => d.inputDelayMaxMs))),
  initialJsBytes: initial.rawBytes,
  initialJsGzipBytes: initial.gzipBytes,
  initialJsFiles: initial.files.length,
};
const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
log(`\nMedians of ${runs} runs (${figures.shifts} shifts):`);
log(
  `  load (navigation → plan name → calendar month): ${figures.loadMs} ms (plan ${figures.planVisibleMs} + month ${figures.monthMs}); target < ${TARGETS.loadMs} ms: ${verdict(figures.loadMs < TARGETS.loadMs)}`,
);
log(
  `  drag to repaint: ${figures.dragMs} ms; target < ${TARGETS.dragMs} ms: ${verdict(figures.dragMs < TARGETS.dragMs)}`,
);
log(`  drop to edit applied (validated, in the store, the views following): ${figures.editMs} ms`);
log(
  `  save (drop → "Saved"): ${figures.saveMs} ms; worst input delay meanwhile ${figures.inputDelayMaxMs} ms; target < ${TARGETS.inputDelayMs} ms: ${verdict(figures.inputDelayMaxMs < TARGETS.inputDelayMs)}`,
);
log(
  `  initial JS: ${(figures.initialJsBytes / 1000).toFixed(0)} kB raw, ${(figures.initialJsGzipBytes / 1000).toFixed(0)} kB gzip in ${figures.initialJsFiles} files; target < ${TARGETS.initialGzipBytes / 1000} kB gzip: ${verdict(figures.initialJsGzipBytes < TARGETS.initialGzipBytes)}`,
);
const met = {
  load: figures.loadMs < TARGETS.loadMs,
  drag: figures.dragMs < TARGETS.dragMs,
  inputDelay: figures.inputDelayMaxMs < TARGETS.inputDelayMs,
  initialJs: figures.initialJsGzipBytes < TARGETS.initialGzipBytes,
};
if (values.json) process.stdout.write(`${JSON.stringify({ ...figures, targets: TARGETS, met })}\n`);
