import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { animationsDone, openApp, type Session } from './harness';

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

type Violation = { id: string; impact: string | null; help: string; nodes: { html: string }[] };

/**
 * Runs axe-core on the page (or inside `scope`) as it is now; returns the serious and critical violations, one
 * line each with the offending markup. axe is evaluated through the DevTools protocol rather than added as a
 * <script> tag: the app's CSP (script-src 'self') rightly refuses an injected inline script, and the test must
 * not weaken it.
 */
async function seriousViolations(page: Page, scope?: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(AXE_PATH, 'utf8'));
  const violations = await page.evaluate(async (selector) => {
    type Axe = { run: (context: unknown, options: unknown) => Promise<{ violations: Violation[] }> };
    const axe = (window as unknown as { axe: Axe }).axe;
    const context = selector ? document.querySelector(selector) : document;
    return (await axe.run(context, { resultTypes: ['violations'] })).violations;
  }, scope ?? null);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id} (${v.help}): ${v.nodes
          .map((n) => n.html.slice(0, 160))
          .slice(0, 4)
          .join(' | ')}`,
    );
}

/** The views of the left navigation, by their data-view attribute. */
async function viewIds(page: Page): Promise<string[]> {
  return page
    .locator('nav [data-view]')
    .evaluateAll((links) => links.map((l) => l.getAttribute('data-view') ?? ''));
}

describe('accessibility: axe-core on every view (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it('no serious or critical violation on any view', async () => {
    session = await openApp();
    const { page } = session;
    await page.locator('[data-testid="save-state"]').waitFor();
    const views = await viewIds(page);
    expect(views.length).toBeGreaterThanOrEqual(7);
    const found: Record<string, string[]> = {};
    for (const view of views) {
      await page.locator(`nav [data-view="${view}"]`).click();
      await page.locator(`[data-testid="view-${view}"]`).waitFor();
      // Lazy views (the calendar) show a loader first: judge the view itself, not its placeholder.
      await page.waitForFunction(
        (id) => !document.querySelector(`[data-testid="view-${id}"] .mantine-Loader-root`),
        view,
        { timeout: 20_000 },
      );
      await animationsDone(page);
      const violations = await seriousViolations(page);
      if (violations.length > 0) found[view] = violations;
    }
    expect(found).toEqual({});
  });

  it('no serious or critical violation in the conflict dialog', async () => {
    session = await openApp();
    const { page, userDataDir } = session;
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
    const path = join(userDataDir, 'plan.rotaplan.json');
    const plan = JSON.parse(await readFile(path, 'utf8'));
    plan.meta.name = 'Changed elsewhere';
    await writeFile(path, JSON.stringify(plan, null, 4));
    await page.getByRole('button', { name: /^Edit Priya/ }).click();
    await page.getByLabel('Name').fill('Priya Natarajan');
    await page.getByRole('button', { name: 'Save member' }).click();
    const dialog = page.getByRole('dialog', { name: 'The plan changed on disk' });
    await dialog.getByRole('button', { name: 'Compare' }).click();
    await dialog.getByTestId('conflict-comparison').waitFor();
    expect(await seriousViolations(page, '[role="dialog"]')).toEqual([]);
  });
});
