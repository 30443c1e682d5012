import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, README_SCREENSHOT_STYLE, type Session } from './harness';

async function openCalendarAt(page: Page, date: string) {
  await page.click('[data-view="calendar"]');
  await page.getByLabel('Go to date').fill(date);
  await page.locator('[role="cell"][data-date="2027-01-12"]').waitFor();
}

/** A view button of the calendar's toolbar, by its visible text. */
const viewButton = (page: Page, text: string) =>
  page.locator('[data-testid="calendar-board"] button', { hasText: new RegExp(`^${text}$`) });

/** The name shown on a shift's lane bar, and whether it fits without being cut. */
async function laneName(page: Page, shiftId: string) {
  const name = page.locator(`[data-lane][data-shift-id="${shiftId}"] .rp-lane-name`).first();
  await name.waitFor();
  return name.evaluate((el) => ({ text: el.textContent, cut: el.scrollWidth > el.clientWidth }));
}

describe('calendar week views (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it('shows a week as one lane per layer with full names and exact handoffs, and two weeks likewise', async () => {
    session = await openApp();
    const { page } = session;
    await openCalendarAt(page, '2027-01-04');
    await viewButton(page, 'Week').click();

    const primary = page.locator('[data-lane][data-shift-id="primary-2027-01-04"]').first();
    await primary.getByText('Mon, Jan 4, 09:00 → Mon, Jan 11, 09:00 · 168 h').waitFor();
    await expect(primary.getAttribute('title')).resolves.toBe(
      'Primary: Maya Chen, Mon, Jan 4, 09:00 → Mon, Jan 11, 09:00 (168 h)',
    );
    await expect(laneName(page, 'primary-2027-01-04')).resolves.toEqual({ text: 'Maya Chen', cut: false });
    await expect(laneName(page, 'secondary-2027-01-04')).resolves.toEqual({
      text: 'Diego Alvarez',
      cut: false,
    });
    // The primary lane is above the secondary one.
    const p = (await primary.boundingBox())!;
    const s = (await page
      .locator('[data-lane][data-shift-id="secondary-2027-01-04"]')
      .first()
      .boundingBox())!;
    expect(p.y).toBeLessThan(s.y);
    // One bar per shift across the week, not seven thin columns.
    expect(p.width).toBeGreaterThan(500);

    if (process.env.UPDATE_SCREENSHOTS) {
      await page.getByTestId('load-notice').getByRole('button').first().click();
      await viewButton(page, '2 weeks').click();
      await page.locator('[data-lane][data-shift-id="primary-2027-01-11"]').first().waitFor();
      await page.locator('[data-lane][data-shift-id="primary-2027-01-04"]').first().click();
      await page.mouse.move(0, 0);
      await page.screenshot({
        path: join(import.meta.dirname, '../../docs/screenshots/week-view.png'),
        style: README_SCREENSHOT_STYLE,
      });
      await viewButton(page, 'Week').click();
    }

    await viewButton(page, '2 weeks').click();
    await expect(laneName(page, 'primary-2027-01-11')).resolves.toEqual({
      text: 'Diego Alvarez',
      cut: false,
    });
    await page
      .locator('[data-lane][data-shift-id="primary-2027-01-11"]')
      .first()
      .getByText('Mon, Jan 11, 09:00 → Mon, Jan 18, 09:00 · 168 h')
      .waitFor();

    // Who covers whom is said from the shift's cover: Diego Alvarez covers Sam Okafor's conference week.
    await page.getByLabel('Go to date').fill('2027-01-25');
    await page.locator('[data-lane][data-shift-id="primary-2027-01-25"]').first().click();
    await page
      .getByTestId('shift-cover')
      .getByText('Covers Sam Okafor (time off); Sam Okafor takes Feb 8 09:00 – Feb 15 09:00 in return')
      .waitFor();
  });
});
