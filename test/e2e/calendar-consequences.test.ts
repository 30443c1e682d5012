import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, README_SCREENSHOT_STYLE, type Session } from './harness';

type ShiftOnDisk = { id: string; memberId: string; start: string; end: string; source: string };

/** Waits until the saved plan file shows the shift as expected (saves are debounced, then written atomically). */
async function waitForDisk(session: Session, id: string, expected: Partial<ShiftOnDisk>): Promise<void> {
  const deadline = Date.now() + 10_000;
  let last: ShiftOnDisk | undefined;
  while (Date.now() < deadline) {
    const plan = await readFile(join(session.userDataDir, 'plan.rotaplan.json'), 'utf8')
      .then((text) => JSON.parse(text) as { shifts: ShiftOnDisk[] })
      .catch(() => null);
    last = plan?.shifts.find((s) => s.id === id);
    if (last && Object.entries(expected).every(([k, v]) => last![k as keyof ShiftOnDisk] === v)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `plan file never showed ${id} as ${JSON.stringify(expected)}; last: ${JSON.stringify(last)}`,
  );
}

async function openCalendarAt(page: Page, date: string) {
  await page.click('[data-view="calendar"]');
  await page.getByLabel('Go to date').fill(date);
  await page.locator('[role="cell"][data-date="2027-01-12"]').waitFor();
}

/** Presses the mouse on a shift's bar at `x` and moves a little, so FullCalendar starts dragging. */
async function pressOn(page: Page, x: number, y: number) {
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 4, y + 8, { steps: 4 });
}

const preview = (page: Page) => page.getByTestId('drag-preview');
const notification = (page: Page) =>
  page.locator('.mantine-Notification-root').filter({ has: page.getByTestId('edit-consequences') });

describe('calendar edits say what they change (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it('a drop onto an occupied week names both people and their new times while dragging and after the drop', async () => {
    session = await openApp();
    const { page } = session;
    // The README's screenshot shows the calendar without the first-run notice above it.
    if (process.env.UPDATE_SCREENSHOTS)
      await page.getByTestId('load-notice').getByRole('button').first().click();
    await openCalendarAt(page, '2027-01-04');

    // Maya Chen's primary week of 2027-01-04 dragged onto Diego Alvarez's week of 2027-01-11.
    const maya = page.locator('[data-shift-id="primary-2027-01-04"]').first();
    const bar = (await maya.boundingBox())!;
    const from = (await page.locator('[role="cell"][data-date="2027-01-06"]').boundingBox())!;
    const to = (await page.locator('[role="cell"][data-date="2027-01-13"]').boundingBox())!;
    await pressOn(page, from.x + from.width / 2, bar.y + bar.height / 2);
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });

    await preview(page)
      .getByText(
        'Swap with Diego Alvarez: Diego Alvarez takes Jan 4 09:00 – Jan 11 09:00, Maya Chen takes Jan 11 09:00 – Jan 18 09:00',
      )
      .waitFor();
    await preview(page)
      .getByText('Diego Alvarez · Primary: Jan 11 09:00 – Jan 18 09:00 → Jan 4 09:00 – Jan 11 09:00 (168 h)')
      .waitFor();
    // Both shifts the drop changes are outlined in the calendar.
    await page.locator('[data-shift-id="primary-2027-01-11"][data-consequence]').first().waitFor();
    // FullCalendar hides the dragged bar itself while it shows its copy at the target.
    await page
      .locator('[data-shift-id="primary-2027-01-04"][data-consequence]')
      .first()
      .waitFor({ state: 'attached' });
    // The README's screenshot of a drag in progress, refreshed on request: UPDATE_SCREENSHOTS=1.
    if (process.env.UPDATE_SCREENSHOTS) {
      await page.screenshot({
        path: join(import.meta.dirname, '../../docs/screenshots/drag-preview.png'),
        style: README_SCREENSHOT_STYLE,
      });
    }
    await page.mouse.up();
    await preview(page).waitFor({ state: 'detached' });

    const message = notification(page);
    await message
      .getByText('Maya Chen · Primary: Jan 4 09:00 – Jan 11 09:00 → Jan 11 09:00 – Jan 18 09:00 (168 h)')
      .waitFor();
    await message
      .getByText('Diego Alvarez · Primary: Jan 11 09:00 – Jan 18 09:00 → Jan 4 09:00 – Jan 11 09:00 (168 h)')
      .waitFor();
    // Diego Alvarez is on secondary that week: the drop warns at once.
    await message
      .getByTestId('edit-rule-breaks')
      .getByText('Diego Alvarez holds Primary and Secondary at once from 2027-01-04')
      .waitFor();
    await waitForDisk(session, 'primary-2027-01-11', { memberId: 'diego', start: '2027-01-04T17:00:00Z' });

    await message.getByRole('button', { name: 'Undo' }).click();
    await waitForDisk(session, 'primary-2027-01-04', { start: '2027-01-04T17:00:00Z', source: 'generated' });
    await waitForDisk(session, 'primary-2027-01-11', { start: '2027-01-11T17:00:00Z', source: 'generated' });
  });

  it('a resize names the neighbour whose handoff moves, with its new times', async () => {
    session = await openApp();
    const { page } = session;
    await openCalendarAt(page, '2027-01-04');

    // Maya Chen's week ends Monday 2027-01-11 09:00 (drawn up to Sunday the 10th); its end dragged to Wednesday.
    const maya = page.locator('[data-shift-id="primary-2027-01-04"]').first();
    await maya.hover();
    const bar = (await maya.boundingBox())!;
    const to = (await page.locator('[role="cell"][data-date="2027-01-12"]').boundingBox())!;
    // The end handle sits on the bar's right edge.
    await pressOn(page, bar.x + bar.width - 2, bar.y + bar.height / 2);
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await preview(page)
      .getByText('Diego Alvarez (Primary) now Jan 13 09:00 – Jan 18 09:00 (120 h)', { exact: false })
      .waitFor();
    await page.mouse.up();

    const message = notification(page);
    await message
      .getByText('Maya Chen · Primary: Jan 4 09:00 – Jan 11 09:00 → Jan 4 09:00 – Jan 13 09:00 (216 h)')
      .waitFor();
    await message
      .getByText('Diego Alvarez · Primary: Jan 11 09:00 – Jan 18 09:00 → Jan 13 09:00 – Jan 18 09:00 (120 h)')
      .waitFor();
    await waitForDisk(session, 'primary-2027-01-11', {
      start: '2027-01-13T17:00:00Z',
      end: '2027-01-18T17:00:00Z',
    });
  });

  it('Esc cancels a drag: nothing changes', async () => {
    session = await openApp();
    const { page } = session;
    await openCalendarAt(page, '2027-01-04');
    const maya = page.locator('[data-shift-id="primary-2027-01-04"]').first();
    const bar = (await maya.boundingBox())!;
    const from = (await page.locator('[role="cell"][data-date="2027-01-06"]').boundingBox())!;
    const to = (await page.locator('[role="cell"][data-date="2027-01-13"]').boundingBox())!;
    await pressOn(page, from.x + from.width / 2, bar.y + bar.height / 2);
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await preview(page).getByText('Swap with Diego Alvarez', { exact: false }).waitFor();
    await page.keyboard.press('Escape');
    await preview(page).waitFor({ state: 'detached' });
    await page.mouse.up();
    // The shift is back in its own week's row, and no edit was made (nothing to undo).
    const row = (await page.locator('[role="cell"][data-date="2027-01-06"]').boundingBox())!;
    await expect
      .poll(async () => (await page.locator('[data-shift-id="primary-2027-01-04"]').first().boundingBox())!.y)
      .toBeLessThan(row.y + row.height);
    await expect(page.getByTestId('edit-consequences').count()).resolves.toBe(0);
  });
});
