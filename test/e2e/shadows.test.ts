import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, type Session } from './harness';

type ShiftOnDisk = { id: string; memberId: string; start: string; end: string; shadow?: boolean };

/** Polls the saved plan file until `check` holds for its shifts (saves are debounced, then written atomically). */
async function waitForShifts(
  session: Session,
  check: (shifts: ShiftOnDisk[]) => boolean,
): Promise<ShiftOnDisk[]> {
  const deadline = Date.now() + 10_000;
  let last: ShiftOnDisk[] = [];
  while (Date.now() < deadline) {
    const text = await readFile(join(session.userDataDir, 'plan.rotaplan.json'), 'utf8').catch(() => '');
    if (text) last = (JSON.parse(text) as { shifts: ShiftOnDisk[] }).shifts;
    if (check(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `the plan file never showed the expected shadows; last: ${JSON.stringify(last.filter((s) => s.shadow))}`,
  );
}

describe('shadow shifts (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it('pairs a learner on the Team page, shows the shadow on the calendar and in the side panel, and undoes it', async () => {
    session = await openApp();
    const { page } = session;
    const editor = page.getByTestId('shadows-editor');
    await editor.getByText('Nobody is shadowing yet.').waitFor();

    // Sam shadows Diego's primary week of 11 January 2027.
    await editor.getByRole('combobox', { name: 'Learner' }).click();
    await page.getByRole('option', { name: 'Sam Okafor' }).click();
    await editor.getByLabel('From').fill('2027-01-11');
    await editor.getByLabel('Until (not included)').fill('2027-01-18');
    await editor.getByRole('button', { name: 'Add shadow' }).click();
    await editor.locator('tr[data-pairing-id="shadow-sam-2027-01-11"]').getByText('Primary').waitFor();

    const onDisk = await waitForShifts(session, (shifts) => shifts.some((s) => s.shadow));
    expect(onDisk.filter((s) => s.shadow)).toEqual([
      expect.objectContaining({
        id: 'primary-shadow-sam-2027-01-11T09:00',
        memberId: 'sam',
        start: '2027-01-11T17:00:00Z',
        // Sam (Denver, US-CO) has Martin Luther King Jr. Day off: the shadow ends at his midnight before it.
        end: '2027-01-18T07:00:00Z',
        source: 'generated',
        shadow: true,
      }),
    ]);

    await page.click('[data-view="calendar"]');
    await page.getByLabel('Go to date').fill('2027-01-11');
    const shadow = page.locator('[data-shift-id="primary-shadow-sam-2027-01-11T09:00"][data-shadow]').first();
    await shadow.waitFor();
    await expect(shadow.textContent()).resolves.toContain('Sam Okafor');
    await expect(shadow.textContent()).resolves.toContain('shadow');
    // Diego is still the one on call that week, drawn as a plain shift.
    const diego = page.locator('[data-shift-id="primary-2027-01-11"]').first();
    await expect(diego.getAttribute('data-shadow')).resolves.toBeNull();
    await expect(diego.textContent()).resolves.toContain('Diego Alvarez');

    await shadow.click();
    const panel = page.getByTestId('shift-panel');
    await panel.getByText('Primary shadow shift').waitFor();
    await panel.getByTestId('shift-shadow').waitFor();

    await page.keyboard.press('Escape');
    await page.click('[data-view="team"]');
    await page.getByTestId('shadows-editor').waitFor();
    await page.keyboard.press('Control+z');
    await page.getByTestId('shadows-editor').getByText('Nobody is shadowing yet.').waitFor();
    await waitForShifts(session, (shifts) => shifts.length > 0 && !shifts.some((s) => s.shadow));
  });

  it('refuses a member dropped onto a shadow and locks the shadow in the side panel; the shadow stays', async () => {
    session = await openApp();
    const { page } = session;
    const editor = page.getByTestId('shadows-editor');
    await editor.getByRole('combobox', { name: 'Learner' }).click();
    await page.getByRole('option', { name: 'Sam Okafor' }).click();
    await editor.getByLabel('From').fill('2027-01-11');
    await editor.getByLabel('Until (not included)').fill('2027-01-18');
    await editor.getByRole('button', { name: 'Add shadow' }).click();
    const paired = await waitForShifts(session, (shifts) => shifts.some((s) => s.shadow));

    await page.click('[data-view="calendar"]');
    await page.getByLabel('Go to date').fill('2027-01-11');
    const shadow = page.locator('[data-shift-id="primary-shadow-sam-2027-01-11T09:00"][data-shadow]').first();
    await shadow.waitFor();

    // Maya's chip dropped on Sam's shadow would make her a second person on call that week: refused, in words.
    await page.locator('[data-member-chip="maya"]').dragTo(shadow);
    await page
      .getByText(
        "Sam Okafor's Primary shadow shift 2027-01-11 09:00 – 2027-01-17 23:00 is a shadow (learning, not on call)",
        { exact: false },
      )
      .waitFor();
    await expect(shadow.textContent()).resolves.toContain('Sam Okafor');
    const after = await waitForShifts(session, (shifts) => shifts.some((s) => s.shadow));
    expect(after).toEqual(paired);

    await shadow.click();
    const panel = page.getByTestId('shift-panel');
    await panel.getByTestId('shadow-locked').waitFor();
    for (const name of ['Reassign…', 'Swap with…', 'Find a swap', 'Move one day later']) {
      await expect(panel.getByRole('button', { name }).isDisabled()).resolves.toBe(true);
    }
  });
});
