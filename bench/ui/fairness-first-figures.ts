// `npx tsx bench/ui/fairness-first-figures.ts [--runs R] [--renderer-dir DIR]`: how long the Fairness view takes to
// show its first figures on the sample plan, in the real preview driven by Chromium. Three cases per run, in a fresh
// user-data folder: the click on Fairness as soon as the plan is on screen (the background analysis may still be
// running), the same at the next start (the holiday lists computed at the first are kept), and the click two seconds
// after the plan appears (the usual case: the analysis was made while the user looked at the Team view). Prints each case's median against the one-second target. Needs `npx electron-vite build` first;
// --renderer-dir serves another build (to compare two versions under the same machine load).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { launchPreview } from '../../electron/preview/launch';
import { DEFAULT_PREFERENCES } from '../../shared/prefs/preferences';
import { launchChromium } from '../../test/e2e/harness';

const TARGET_MS = 1000;
const { values } = parseArgs({
  options: { runs: { type: 'string', default: '3' }, 'renderer-dir': { type: 'string' } },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`--runs must be a whole number of at least 1, not "${values.runs}"\n`);
  process.exit(2);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function firstFigures(page: Page, url: string, waitBeforeClickMs: number): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url);
  await page.locator('[data-view="fairness"]').waitFor({ timeout: 60_000 });
  if (waitBeforeClickMs > 0) await page.waitForTimeout(waitBeforeClickMs);
  const clicked = Date.now();
  await page.click('[data-view="fairness"]');
  await page.getByTestId('metric-balance').waitFor({ timeout: 60_000 });
  return Date.now() - clicked;
}

const cases = { atOnce: [] as number[], atOnceAgain: [] as number[], afterTwoSeconds: [] as number[] };
const CASE_NAMES: Record<keyof typeof cases, string> = {
  atOnce: 'as the plan appears, first start',
  atOnceAgain: 'as the plan appears, next start (holiday lists kept)',
  afterTwoSeconds: 'after 2 s',
};
for (let run = 0; run < runs; run++) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'rotaplan-bench-fairness-'));
  const profile = await mkdtemp(join(tmpdir(), 'rotaplan-bench-chromium-'));
  await writeFile(
    join(userDataDir, 'preferences.json'),
    JSON.stringify({ ...DEFAULT_PREFERENCES, tourDismissed: true }),
  );
  const preview = await launchPreview({
    userDataDir,
    ...(values['renderer-dir'] ? { rendererDir: resolve(values['renderer-dir']) } : {}),
  });
  const browser = await launchChromium(profile);
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    cases.atOnce.push(await firstFigures(page, preview.url, 0));
    cases.atOnceAgain.push(await firstFigures(page, preview.url, 0));
    cases.afterTwoSeconds.push(await firstFigures(page, preview.url, 2000));
  } finally {
    await browser.close();
    await preview.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  }
}
for (const [name, xs] of Object.entries(cases) as [keyof typeof cases, number[]][]) {
  const m = median(xs);
  process.stdout.write(
    `Fairness first figures, click ${CASE_NAMES[name]}: median ${m} ms of [${xs.join(', ')}] (target ${TARGET_MS} ms: ${m <= TARGET_MS ? 'met' : 'missed'})\n`,
  );
}
