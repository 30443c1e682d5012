import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { openApp, type Session } from './harness';

type ShiftOnDisk = { id: string; layerId: string; memberId: string; start: string; end: string };

async function primaryShifts(session: Session): Promise<ShiftOnDisk[]> {
  const plan = JSON.parse(await readFile(join(session.userDataDir, 'plan.rotaplan.json'), 'utf8'));
  return (plan.shifts as ShiftOnDisk[]).filter((s) => s.layerId === 'primary');
}

/** Who the preview lists, in order. */
const previewed = (dialog: Locator) =>
  dialog
    .getByTestId('preview-turns')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-member')));

/** 2027-03-01 09:00 in Los Angeles, the sample's handoff on the date the change takes effect. */
const CUT = Date.parse('2027-03-01T17:00:00Z');

describe('rotation editor (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it('edits a rotation, sees the preview and the coverage strip change, applies it from a date and undoes it', async () => {
    session = await openApp();
    const { page } = session;
    await page.getByTestId('plan-name').waitFor();
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
    const before = await primaryShifts(session);
    const earlier = before.filter((s) => Date.parse(s.start) < CUT);

    await page.click('[data-view="calendar"]');
    await page.getByRole('button', { name: 'Rotations', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Rotations' });
    await dialog.getByLabel('Changes take effect from').fill('2027-03-01');
    await dialog.getByLabel('Changes take effect from').press('Tab');

    // The sample's weekly Primary: Sam's week runs into 2027-03-01 09:00, then Maya, then Diego.
    await expect.poll(() => previewed(dialog)).toEqual(['sam', 'maya', 'diego']);
    const strip = dialog.getByTestId('coverage-strip');
    await expect(strip.locator('[data-day="2027-03-01"] [data-kind="covered"]').count()).resolves.toBe(2);
    await expect(strip.locator('[data-kind="hole"]').count()).resolves.toBe(0);

    // Maya leaves from 2027-03-01: whoever followed her takes her turn, nobody else moves.
    await dialog.getByRole('button', { name: /^Remove Maya .* in Primary$/ }).click();
    await expect.poll(() => previewed(dialog)).toEqual(['sam', 'diego', 'priya']);

    // Office hours only: the strip shows the nights and the weekend as holes, and the whole plan counts them.
    await dialog.getByRole('button', { name: 'Add window' }).click();
    await expect.poll(() => strip.locator('[data-day="2027-03-06"] [data-kind="hole"]').count()).toBe(1);
    await expect
      .poll(async () => Number(await dialog.getByTestId('preview-holes').getAttribute('data-count')))
      .toBeGreaterThan(40);
    await dialog.getByRole('button', { name: 'Remove window 1 of Primary' }).click();
    await expect.poll(() => strip.locator('[data-kind="hole"]').count()).toBe(0);

    await dialog.getByRole('button', { name: 'Apply Primary changes…' }).click();
    const apply = page.getByRole('dialog', { name: 'Apply the Primary rotations' });
    await expect(apply.getByTestId('apply-summary').textContent()).resolves.toContain(
      `The ${earlier.length} shifts of Primary before Mon, Mar 1, 2027 stay exactly as they are`,
    );
    await apply.getByRole('button', { name: 'Apply from 2027-03-01' }).click();
    await apply.waitFor({ state: 'detached' });

    // On disk: every Primary shift before the date exactly as it was; from it Diego, Priya, Sam in turn.
    let after: ShiftOnDisk[] = [];
    await expect
      .poll(
        async () => {
          after = await primaryShifts(session).catch(() => []);
          return after
            .filter((s) => Date.parse(s.start) >= CUT)
            .map((s) => [s.start, s.memberId])
            .slice(0, 4);
        },
        { timeout: 10_000 },
      )
      .toEqual([
        ['2027-03-01T17:00:00Z', 'diego'],
        ['2027-03-08T17:00:00Z', 'priya'],
        ['2027-03-15T16:00:00Z', 'sam'],
        ['2027-03-22T16:00:00Z', 'diego'],
      ]);
    expect(after.filter((s) => Date.parse(s.start) < CUT)).toEqual(earlier);
    expect(after.some((s) => Date.parse(s.start) >= CUT && s.memberId === 'maya')).toBe(false);

    // One undoable step: undo brings every Primary shift back as it was.
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await expect
      .poll(async () => primaryShifts(session).catch(() => []), { timeout: 10_000 })
      .toEqual(before);
  });
});
