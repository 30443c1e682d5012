import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { openApp, README_SCREENSHOT_STYLE, type Session } from './harness';

// With ROTAPLAN_SCREENSHOTS=1 the README's pictures are refreshed in docs/screenshots/; otherwise the same shots go
// to a temp folder (or to ROTAPLAN_SCREENSHOTS_DIR, kept, to look at them), so every run still proves each view
// renders at the README's size.
const PUBLISH = process.env.ROTAPLAN_SCREENSHOTS === '1';
const KEEP_IN = process.env.ROTAPLAN_SCREENSHOTS_DIR;
const DOCS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const WIDTH = 1440;
const HEIGHT = 900;

/** Each main view and what shows that it has really rendered (lazy views fetch code and data first). */
const VIEWS: { id: string; ready: (page: Page) => Promise<unknown> }[] = [
  {
    id: 'team',
    ready: (p) => p.locator('table[aria-label="Team members"] tbody tr').nth(3).waitFor(),
  },
  {
    id: 'pipelines',
    ready: (p) => p.locator('nav[aria-label="Pipelines"] [data-pipeline-id="agg-exp"]').waitFor(),
  },
  { id: 'ownership', ready: (p) => p.getByTestId('ownership-summary').waitFor() },
  {
    id: 'calendar',
    ready: (p) => p.locator('[data-testid="calendar-board"] [data-shift-id]').first().waitFor(),
  },
  {
    id: 'fairness',
    ready: async (p) => {
      await p.getByTestId('headline-cards').waitFor({ timeout: 30_000 });
      await p.locator('[data-testid="flags-table"] tbody tr').first().waitFor({ timeout: 30_000 });
    },
  },
  {
    id: 'pay',
    ready: async (p) => {
      await p.getByTestId('pay-total').waitFor({ timeout: 30_000 });
      await p.getByTestId('pay-rule-row').first().waitFor();
    },
  },
  {
    // The optimiser view is still being built; its heading is the one element every version of it has.
    id: 'optimize',
    ready: (p) => p.locator('[data-testid="view-optimize"] :is(h1, h2, h3)').first().waitFor(),
  },
  {
    id: 'operations',
    ready: (p) => p.locator('table[aria-label="Escalation matrix"] tbody tr').first().waitFor(),
  },
  {
    id: 'export',
    ready: (p) =>
      p
        .frameLocator('iframe[title="Plan document preview"]')
        .getByText('Pacific Infra Group')
        .first()
        .waitFor(),
  },
];

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG: bad signature');
  if (bytes.subarray(12, 16).toString('ascii') !== 'IHDR') throw new Error('not a PNG: no IHDR first');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/**
 * Waits until two screenshots taken a moment apart are identical: charts animate in, fonts swap, lazy images land.
 * Why not a fixed delay: on a busy machine a fixed delay is either too short (half-drawn bars) or wastes time; the
 * loop waits for the page's animations and frames instead, and compares what it sees.
 */
async function settled(page: Page): Promise<Buffer> {
  const deadline = Date.now() + 5_000;
  let previous = await page.screenshot({ style: README_SCREENSHOT_STYLE });
  while (Date.now() < deadline) {
    // The page's own clock: CSS transitions finished, fonts loaded, then two frames drawn.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await page.evaluate(
      () =>
        new Promise<void>((done) => {
          void document.fonts.ready.then(() =>
            requestAnimationFrame(() => requestAnimationFrame(() => done())),
          );
        }),
    );
    const next = await page.screenshot({ style: README_SCREENSHOT_STYLE });
    if (next.equals(previous)) return next;
    previous = next;
  }
  throw new Error('the view kept changing for 5 seconds');
}

describe('screenshots of each main view at 1440×900 (Chromium through the preview)', () => {
  let session: Session;
  let out: string;
  afterAll(async () => {
    await session?.close();
    if (!PUBLISH && !KEEP_IN && out)
      await rm(out, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  });

  it('renders every view, saves a PNG of it and checks size and content', { timeout: 240_000 }, async () => {
    out = PUBLISH ? DOCS : (KEEP_IN ?? (await mkdtemp(join(tmpdir(), 'rotaplan-shots-'))));
    await mkdir(out, { recursive: true });
    session = await openApp();
    const { page } = session;
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await page.getByTestId('plan-name').waitFor();

    // A blank page of the same size: the smallest PNG a screenshot can be; a rendered view is far larger.
    const blank = await page.context().newPage();
    await blank.setViewportSize({ width: WIDTH, height: HEIGHT });
    await blank.setContent('<html><body style="background:#fff"></body></html>');
    const blankBytes = (await blank.screenshot()).length;
    await blank.close();

    // A fresh user-data folder is a first start: put the tour and the welcome banner away so the views show.
    const tour = page.getByTestId('tour');
    if (await tour.isVisible().catch(() => false)) await tour.getByRole('button', { name: 'Skip' }).click();
    const notice = page.getByTestId('load-notice');
    if (await notice.isVisible().catch(() => false))
      await notice.getByRole('button', { name: 'Dismiss' }).click();

    const sizes: Record<string, number> = {};
    for (const view of VIEWS) {
      await page.click(`[data-view="${view.id}"]`);
      await page.getByTestId(`view-${view.id}`).waitFor();
      await view.ready(page);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const file = join(out, `${view.id}.png`);
      await writeFile(file, await settled(page));
      const bytes = await readFile(file);
      expect(pngSize(bytes), view.id).toEqual({ width: WIDTH, height: HEIGHT });
      sizes[view.id] = (await stat(file)).size;
      expect(sizes[view.id], `${view.id} is larger than a blank page (${blankBytes} B)`).toBeGreaterThan(
        blankBytes * 5,
      );
    }
    console.log(`screenshots in ${out}: ${JSON.stringify(sizes)} (blank page ${blankBytes} B)`);
  });
});
