import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_PREFERENCES } from '../../shared/prefs/preferences';
import type { Page } from 'playwright-core';
import { animationsDone, openApp, type Session } from './harness';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');
type Violation = {
  id: string;
  impact: string | null;
  help: string;
  nodes: { html: string; any: { message: string }[] }[];
};

/** axe-core's serious and critical violations on the page as it is now (evaluated via CDP, as in a11y.test.ts). */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(AXE_PATH, 'utf8'));
  const violations = await page.evaluate(async () => {
    type Axe = { run: (context: unknown, options: unknown) => Promise<{ violations: Violation[] }> };
    return (await (window as unknown as { axe: Axe }).axe.run(document, { resultTypes: ['violations'] }))
      .violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}): ${v.nodes
          .map((n) => `${n.html.slice(0, 120)} [${n.any.map((a) => a.message).join('; ')}]`)
          .slice(0, 3)
          .join(' | ')}`,
    );
}

const scheme = (page: Page) =>
  page.evaluate(() => document.documentElement.getAttribute('data-mantine-color-scheme'));

async function openView(page: Page, view: string): Promise<void> {
  await page.locator(`nav [data-view="${view}"]`).click();
  await page.locator(`[data-testid="view-${view}"]`).waitFor();
  await page.waitForFunction(
    (id) => !document.querySelector(`[data-testid="view-${id}"] .mantine-Loader-root`),
    view,
    { timeout: 20_000 },
  );
}

async function openPreferences(page: Page) {
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /Preferences/ }).click();
  return page.getByRole('dialog', { name: 'Preferences' });
}

/** The app on a fresh user-data folder whose preferences say the first-run tour was dismissed (it is not tested here). */
async function openWithoutTour(): Promise<Session> {
  const dir = await mkdtemp(join(tmpdir(), 'rotaplan-e2e-prefs-'));
  await writeFile(
    join(dir, 'preferences.json'),
    JSON.stringify({ ...DEFAULT_PREFERENCES, tourDismissed: true }),
  );
  const session = await openApp({ userDataDir: dir });
  return {
    ...session,
    close: async () => {
      await session.close();
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    },
  };
}

describe('preferences, dark mode and shortcuts (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it('dark theme from Preferences applies at once, is saved apart from the plan and survives a reload', async () => {
    session = await openWithoutTour();
    const { page, userDataDir } = session;
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
    // Headless Chromium reports a light OS, and the default follows the OS.
    expect(await scheme(page)).toBe('light');

    const dialog = await openPreferences(page);
    await dialog.getByText('Dark', { exact: true }).click();
    await page.waitForFunction(
      () => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark',
    );
    // Written through prefs:set after the click: poll the file until it shows the choice.
    await expect
      .poll(async () => JSON.parse(await readFile(join(userDataDir, 'preferences.json'), 'utf8')).theme, {
        timeout: 10_000,
      })
      .toBe('dark');
    const plan = await readFile(join(userDataDir, 'plan.rotaplan.json'), 'utf8');
    expect(plan).not.toContain('"theme"');

    // A fresh page with local storage cleared: the scheme comes back from preferences.json, not the browser.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator('[data-testid="save-state"]').waitFor();
    await page.waitForFunction(
      () => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark',
    );
    expect(await scheme(page)).toBe('dark');
    // The main area reads the scheme-aware page colour (Mantine dark-8), not a light grey.
    const bg = await page.locator('main').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe('rgb(31, 31, 31)');

    // System again: back to the OS (light here).
    const again = await openPreferences(page);
    await again.getByText('System', { exact: true }).click();
    await page.waitForFunction(
      () => document.documentElement.getAttribute('data-mantine-color-scheme') === 'light',
    );
  });

  it('week start from Preferences is the calendar`s first column; mod+2 and mod+4 switch views', async () => {
    session = await openWithoutTour();
    const { page } = session;
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
    await page.keyboard.press('ControlOrMeta+2');
    await page.locator('[data-testid="view-pipelines"]').waitFor();
    await page.keyboard.press('ControlOrMeta+4');
    await page.locator('[data-testid="view-calendar"]').waitFor();
    await page.locator('[role="columnheader"]').first().waitFor({ timeout: 20_000 });
    const firstHeader = () => page.locator('[role="columnheader"]').first().innerText();
    expect(await firstHeader()).toMatch(/^Mon/);

    const dialog = await openPreferences(page);
    await dialog.getByLabel('Week starts on').first().click();
    await page.getByRole('option', { name: 'Sunday' }).click();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.waitForFunction(
      () => document.querySelector('[role="columnheader"]')?.textContent?.startsWith('Sun') ?? false,
    );
    expect(await firstHeader()).toMatch(/^Sun/);
    await page.keyboard.press('ControlOrMeta+1');
    await page.locator('[data-testid="view-team"]').waitFor();
  });

  it('axe: no serious or critical violation in dark mode on Team, Calendar and Fairness, nor in Preferences', async () => {
    session = await openWithoutTour();
    const { page } = session;
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
    const dialog = await openPreferences(page);
    await dialog.getByText('Dark', { exact: true }).click();
    await page.waitForFunction(
      () => document.documentElement.getAttribute('data-mantine-color-scheme') === 'dark',
    );
    const found: Record<string, string[]> = {};
    const preferences = await seriousViolations(page);
    if (preferences.length > 0) found.preferences = preferences;
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    for (const view of ['team', 'calendar', 'fairness']) {
      await openView(page, view);
      await animationsDone(page);
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[view] = violations;
    }
    expect(found).toEqual({});
  });
});
