import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './harness';

type ShiftOnDisk = { id: string; memberId: string; start: string; end: string; source: string };

async function shiftOnDisk(session: Session, id: string): Promise<ShiftOnDisk | undefined> {
  const plan = JSON.parse(await readFile(join(session.userDataDir, 'plan.rotaplan.json'), 'utf8'));
  return (plan.shifts as ShiftOnDisk[]).find((s) => s.id === id);
}

/** Waits until the saved plan file shows the shift as expected (saves are debounced, then written atomically). */
async function waitForDisk(
  session: Session,
  id: string,
  expected: Partial<ShiftOnDisk>,
): Promise<ShiftOnDisk> {
  const deadline = Date.now() + 10_000;
  let last: ShiftOnDisk | undefined;
  while (Date.now() < deadline) {
    last = await shiftOnDisk(session, id).catch(() => undefined);
    if (last && Object.entries(expected).every(([k, v]) => last![k as keyof ShiftOnDisk] === v)) return last;
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

const panel = (page: Page) => page.getByTestId('shift-panel');

describe('calendar drag and drop (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it('drags a shift to the next week, keeps it after a reload, and undo/redo restore it on screen and on disk', async () => {
    session = await openApp();
    const { page } = session;
    await openCalendarAt(page, '2027-01-04');

    // Maya Chen's primary week of 2027-01-04, dragged from its Wednesday to the Wednesday a week later.
    const maya = page.locator('[data-shift-id="primary-2027-01-04"]').first();
    await expect(maya.textContent()).resolves.toContain('Maya Chen');
    const bar = (await maya.boundingBox())!;
    const from = (await page.locator('[role="cell"][data-date="2027-01-06"]').boundingBox())!;
    const to = (await page.locator('[role="cell"][data-date="2027-01-13"]').boundingBox())!;
    const x = from.x + from.width / 2;
    const y = bar.y + bar.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 4, y + 8, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    // FullCalendar turns selection off on the body during the drag; the app root keeps its own value, so that
    // inline style does not restyle the whole page (see calendar.css).
    await expect(
      page.evaluate(() => [
        document.body.style.userSelect,
        getComputedStyle(document.getElementById('root')!).userSelect,
      ]),
    ).resolves.toEqual(['none', 'auto']);
    await page.mouse.up();

    // A drop onto exactly one other week trades places with it (both become swaps), in plan-local 09:00.
    await panel(page).getByText('Mon, Jan 11, 09:00 → Mon, Jan 18, 09:00').waitFor();
    const moved = await waitForDisk(session, 'primary-2027-01-04', {
      start: '2027-01-11T17:00:00Z',
      end: '2027-01-18T17:00:00Z',
      memberId: 'maya',
      source: 'swap',
    });
    expect(moved.memberId).toBe('maya');
    await waitForDisk(session, 'primary-2027-01-11', {
      start: '2027-01-04T17:00:00Z',
      memberId: 'diego',
      source: 'swap',
    });

    await page.keyboard.press('Control+z');
    await panel(page).getByText('Mon, Jan 4, 09:00 → Mon, Jan 11, 09:00').waitFor();
    await waitForDisk(session, 'primary-2027-01-04', {
      start: '2027-01-04T17:00:00Z',
      end: '2027-01-11T17:00:00Z',
      source: 'generated',
    });

    await page.keyboard.press('Control+Shift+z');
    await panel(page).getByText('Mon, Jan 11, 09:00 → Mon, Jan 18, 09:00').waitFor();
    await waitForDisk(session, 'primary-2027-01-04', { start: '2027-01-11T17:00:00Z' });
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();

    await page.reload();
    await openCalendarAt(page, '2027-01-04');
    const after = page.locator('[data-shift-id="primary-2027-01-04"]').first();
    const row = (await page.locator('[role="cell"][data-date="2027-01-12"]').boundingBox())!;
    const seg = (await after.boundingBox())!;
    // The shift now sits in the row of the week of 2027-01-11.
    expect(seg.y).toBeGreaterThan(row.y);
    expect(seg.y + seg.height).toBeLessThanOrEqual(row.y + row.height);
    await after.click();
    await panel(page).getByText('Mon, Jan 11, 09:00 → Mon, Jan 18, 09:00').waitFor();
    await expect(panel(page).getByTestId('shift-source').textContent()).resolves.toBe('swap');
  });

  it('drops a member chip onto a shift, asking first because of their time off', async () => {
    session = await openApp();
    const { page } = session;
    await openCalendarAt(page, '2027-01-25');
    const target = page.locator('[data-shift-id="primary-2027-01-25"]').first();
    await expect(target.textContent()).resolves.toContain('Diego Alvarez');

    // Sam Okafor is at a conference 2027-01-26 – 2027-01-29: the drop asks first; Cancel changes nothing.
    await page.locator('[data-member-chip="sam"]').dragTo(target);
    const dialog = page.getByRole('dialog', { name: 'This puts someone on call during their time off' });
    await dialog
      .getByText('is away (conference, Data Council talk) 2027-01-26 – 2027-01-29', { exact: false })
      .waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect(target.textContent()).resolves.toContain('Diego Alvarez');

    await page.locator('[data-member-chip="sam"]').dragTo(target);
    await dialog.getByRole('button', { name: 'Put Sam Okafor on call anyway' }).click();
    await page.locator('[data-shift-id="primary-2027-01-25"]').first().getByText('Sam Okafor').waitFor();
    await waitForDisk(session, 'primary-2027-01-25', { memberId: 'sam', source: 'override' });
    await expect(panel(page).getByTestId('shift-source').textContent()).resolves.toBe('override');

    // The README's screenshot (docs/screenshots/calendar.png), refreshed on request: UPDATE_SCREENSHOTS=1.
    if (process.env.UPDATE_SCREENSHOTS) {
      await page.keyboard.press('Control+z');
      await page.getByTestId('load-notice').getByRole('button').first().click();
      await openCalendarAt(page, '2027-01-04');
      await page.getByRole('heading', { name: 'Calendar' }).click();
      await page.locator('[data-shift-id="primary-2027-01-25"]').first().click();
      await page.mouse.move(0, 0);
      await page.waitForFunction(
        () => document.querySelectorAll('.mantine-Notification-root').length === 0,
        null,
        {
          timeout: 10_000,
        },
      );
      await page.screenshot({ path: join(import.meta.dirname, '../../docs/screenshots/calendar.png') });
    }
  });
});
