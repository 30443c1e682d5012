import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DEFAULT_PREFERENCES } from '../../shared/prefs/preferences';
import { animationsDone, openApp, type Session } from './harness';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

type AxeNode = { html: string; any: { message: string }[] };
type AxeResult = { id: string; nodes: AxeNode[] };

/** axe-core's color-contrast rule on the calendar board: its violations and the nodes it could not judge. */
async function contrast(page: Page): Promise<{ violations: string[]; incomplete: string[] }> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(AXE_PATH, 'utf8'));
  const result = await page.evaluate(async () => {
    type Axe = {
      run: (
        context: unknown,
        options: unknown,
      ) => Promise<{ violations: AxeResult[]; incomplete: AxeResult[] }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const board = document.querySelector('[data-testid="calendar-board"]');
    return axe.run(board, { runOnly: ['color-contrast'], resultTypes: ['violations', 'incomplete'] });
  });
  const lines = (list: AxeResult[]) =>
    list.flatMap((r) =>
      r.nodes.map((n) => `${n.html.slice(0, 120)} [${n.any.map((a) => a.message).join('; ')}]`),
    );
  return { violations: lines(result.violations), incomplete: lines(result.incomplete) };
}

/**
 * The contrast of each day number over time off, against each of the two colours of the stripes: the day cell's
 * own background, the time-off colour (at the event's opacity) and the stripe's colour composed as the browser
 * paints them. axe cannot judge text over a gradient (it reports it as incomplete), so the test does the sum.
 */
async function dayNumbersOverTimeOff(page: Page): Promise<{ date: string; ratios: number[] }[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    // The browser turns any CSS colour (oklab from color-mix, rgba from a gradient) into sRGB on a canvas.
    const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
    const rgba = (css: string): Rgba => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!, a! / 255];
    };
    const parse = (css: string): Rgba[] =>
      [...css.matchAll(/(?:rgba?|oklab|oklch|lab|lch|hsla?|color)\([^)]*\)/g)].map((m) => rgba(m[0]));
    const over = (top: Rgba, bottom: Rgba, alpha = 1): Rgba => {
      const a = top[3] * alpha;
      return [0, 1, 2].map((i) => top[i]! * a + bottom[i]! * (1 - a)).concat(1) as Rgba;
    };
    const lum = ([r, g, b]: Rgba) => {
      const c = [r, g, b].map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };
    /** The opaque colour behind an element: its ancestors' backgrounds composed from the page down. */
    const backdrop = (el: Element): Rgba => {
      const chain: Element[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) chain.unshift(e);
      let colour: Rgba = [255, 255, 255, 1];
      for (const e of chain) {
        const bg = parse(getComputedStyle(e).backgroundColor)[0];
        if (bg && bg[3] > 0) colour = over(bg, colour);
      }
      return colour;
    };
    const out: { date: string; ratios: number[] }[] = [];
    const awayLayers = [...document.querySelectorAll('.rp-bg-time-off')];
    for (const cell of document.querySelectorAll('[role="cell"][data-date]')) {
      const number = cell.querySelector('.rp-day-number');
      if (!number) continue;
      // Background events are drawn in a layer of their own: the one under the day number is the one it reads on.
      const r = number.getBoundingClientRect();
      const [x, y] = [r.left + r.width / 2, r.top + r.height / 2];
      const away = awayLayers.find((e) => {
        const b = e.getBoundingClientRect();
        return b.left <= x && x <= b.right && b.top <= y && y <= b.bottom;
      });
      if (!away) continue;
      const style = getComputedStyle(away);
      const opacity = Number(style.opacity);
      const base = over(parse(style.backgroundColor)[0]!, backdrop(cell), opacity);
      const stripes = parse(style.backgroundImage).filter(
        (c, i, all) => all.findIndex((d) => d.join() === c.join()) === i,
      );
      const text = parse(getComputedStyle(number).color)[0]!;
      const ratios = [base, ...stripes.map((s) => over(s, base, opacity))].map(
        (bg) => Math.round(ratio(over(text, bg), bg) * 100) / 100,
      );
      out.push({ date: cell.getAttribute('data-date')!, ratios });
    }
    return out;
  });
}

describe('dark mode: day numbers over time off stay readable (Chromium through the preview)', () => {
  let session: Session | undefined;
  let dir: string;
  afterEach(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  });

  it('the calendar month with Sam away 2027-01-26 to 01-29: every day number ≥ 4.5:1, and axe finds no contrast violation', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rotaplan-dark-e2e-'));
    await writeFile(
      join(dir, 'preferences.json'),
      JSON.stringify({ ...DEFAULT_PREFERENCES, tourDismissed: true, theme: 'dark' }),
    );
    session = await openApp({ userDataDir: dir });
    const { page } = session;
    await page.waitForFunction(
      () => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark',
    );
    await page.click('[data-view="calendar"]');
    await page.getByLabel('Go to date').fill('2027-01-26');
    await page.locator('[role="cell"][data-date="2027-01-26"]').waitFor();
    await page.locator('.rp-bg-time-off').first().waitFor();
    await animationsDone(page);

    const days = await dayNumbersOverTimeOff(page);
    expect(days.map((d) => d.date)).toEqual(['2027-01-26', '2027-01-27', '2027-01-28', '2027-01-29']);
    const low = days.filter((d) => d.ratios.some((r) => r < 4.5));
    expect(low).toEqual([]);
    expect(days.every((d) => d.ratios.length === 3)).toBe(true);

    const { violations } = await contrast(page);
    expect(violations).toEqual([]);
  });
});
