import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { validatePlanFully } from '../../shared/plan/validate-full';
import { openApp, type Session } from './harness';

const TEAM = [
  ['Ana Lima', 'ana@northwind.example'],
  ['Ben Okoro', 'ben@northwind.example'],
  ['Chloé Martin', 'chloe@northwind.example'],
  ['Dev Patel', 'dev@northwind.example'],
] as const;

/** Picks an option of a searchable Mantine Select by typing part of it. */
async function pick(
  page: Page,
  scope: Locator,
  label: string,
  search: string,
  option: string | RegExp,
): Promise<void> {
  const box = scope.getByRole('combobox', { name: label, exact: true });
  await box.click();
  await box.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

/** Opens "New plan" the way a user does: the in-app File menu (the native menu sends the same command). */
async function openNewPlan(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /^New plan/i }).click();
}

/** Puts the first-run tour away if it is showing, as a user who wants to go straight to work would. */
async function skipTour(page: Page): Promise<void> {
  const tour = page.getByTestId('tour');
  await tour.waitFor({ timeout: 1_000 }).catch(() => undefined);
  if (await tour.isVisible()) await tour.getByRole('button', { name: 'Skip' }).click();
}

describe('New plan: the guided setup, end to end (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it(
    'builds a 4-person plan with 5 pipelines and a weekly rotation, saves it in plans/ and opens the calendar',
    { timeout: 150_000 },
    async () => {
      session = await openApp();
      const { page } = session;
      // A step that fails names its locator rather than running into the test's own timeout.
      page.setDefaultTimeout(20_000);
      await page.getByTestId('plan-name').waitFor();
      await skipTour(page);
      await openNewPlan(page);
      const setup = page.getByTestId('guided-setup');
      await setup.waitFor();

      // 1. Plan: Next is refused until the plan has a name.
      await setup.getByRole('button', { name: 'Next', exact: true }).click();
      await expect(setup.getByTestId('setup-problems').textContent()).resolves.toContain(
        'Give the plan a name.',
      );
      await setup.getByLabel('Plan name').fill('Northwind data on-call');
      await setup.getByLabel('Organisation').fill('Northwind Analytics');
      await pick(page, setup, 'Time zone', 'Los Angeles', 'America/Los Angeles');
      await setup.getByRole('button', { name: 'Next', exact: true }).click();

      // 2. Team: two rows to start with, two more added; one person is in Canada.
      await expect(setup.getAttribute('data-step')).resolves.toBe('team');
      await setup.getByRole('button', { name: 'Add member' }).click();
      await setup.getByRole('button', { name: 'Add member' }).click();
      for (const [i, [name, email]] of TEAM.entries()) {
        await setup.getByLabel(`Name of member ${i + 1}`).fill(name);
        await setup.getByLabel(`E-mail of member ${i + 1}`).fill(email);
      }
      await pick(page, setup, 'Holiday country of member 3', 'Canada', /^Canada \(CA\)/);
      await pick(page, setup, 'Region of member 3', 'British', /^British Columbia/);
      await pick(page, setup, 'Time zone of member 3', 'Vancouver', 'America/Vancouver');
      await setup.getByRole('button', { name: 'Next', exact: true }).click();

      // 3. Pipelines: the five suggestions, one click each.
      await expect(setup.getAttribute('data-step')).resolves.toBe('pipelines');
      await setup.getByRole('button', { name: 'Next', exact: true }).click();
      await expect(setup.getByTestId('setup-problems').textContent()).resolves.toContain(
        'Add at least one pipeline',
      );
      for (const name of [
        'Profit',
        'Growth',
        'Engagement',
        'Aggregated (Executives & investors)',
        'Aggregated (Experiments)',
      ]) {
        await setup.getByRole('button', { name: `Add suggested pipeline ${name}` }).click();
      }
      await setup.getByRole('button', { name: 'Next', exact: true }).click();

      // 4. Ownership: the balanced default, plus a stakeholder.
      await expect(setup.getAttribute('data-step')).resolves.toBe('ownership');
      await expect(
        setup.getByRole('combobox', { name: 'Primary owner of Profit', exact: true }).inputValue(),
      ).resolves.toBe('Ana Lima');
      await setup.getByLabel('Business stakeholder of Profit').fill('Finance — VP FP&A');
      await setup.getByRole('button', { name: 'Next', exact: true }).click();

      // 5. Rotation: weekly, Monday 09:00, a year — the defaults.
      await expect(setup.getAttribute('data-step')).resolves.toBe('rotation');
      await setup.getByRole('button', { name: 'Create plan' }).click();

      await page.getByTestId('view-calendar').waitFor({ timeout: 30_000 });
      await expect(page.getByTestId('plan-name').textContent()).resolves.toBe('Northwind data on-call');
      await page.locator('[data-testid="calendar-board"] [data-shift-id]').first().waitFor();
      await expect(setup.count()).resolves.toBe(0);

      const files = (await readdir(join(session.userDataDir, 'plans'))).filter((f) =>
        f.endsWith('.rotaplan.json'),
      );
      expect(files).toHaveLength(1);
      const onDisk: unknown = JSON.parse(
        await readFile(join(session.userDataDir, 'plans', files[0]!), 'utf8'),
      );
      const checked = validatePlanFully(onDisk);
      expect(checked.ok ? [] : checked.problems).toEqual([]);
      if (!checked.ok) return;
      const plan = checked.plan;
      expect(plan.meta).toMatchObject({
        name: 'Northwind data on-call',
        organisation: 'Northwind Analytics',
      });
      expect(plan.members.map((m) => [m.name, m.holidayRegion.country, m.timeZone])).toEqual([
        ['Ana Lima', 'US', 'America/Los_Angeles'],
        ['Ben Okoro', 'US', 'America/Los_Angeles'],
        ['Chloé Martin', 'CA', 'America/Vancouver'],
        ['Dev Patel', 'US', 'America/Los_Angeles'],
      ]);
      expect(plan.pipelines).toHaveLength(5);
      expect(plan.ownership.find((o) => o.pipelineId === 'profit')).toEqual({
        pipelineId: 'profit',
        primaryMemberId: 'ana-lima',
        secondaryMemberId: 'ben-okoro',
        stakeholder: 'Finance — VP FP&A',
      });
      expect(plan.rotation).toMatchObject({
        shiftLengthDays: 7,
        handoff: { weekday: 1, time: '09:00' },
        timeZone: 'America/Los_Angeles',
      });
      // 52 weeks × 2 layers, each handing off on a Monday at 09:00 Los Angeles time.
      expect(plan.shifts).toHaveLength(104);
      expect(
        plan.shifts
          .filter((s) => s.layerId === 'primary')
          .map((s) => s.memberId)
          .slice(0, 5),
      ).toEqual(['ana-lima', 'ben-okoro', 'chloe-martin', 'dev-patel', 'ana-lima']);
    },
  );

  it('Cancel leaves the open plan as it was', async () => {
    session = await openApp();
    const { page } = session;
    await page.getByTestId('plan-name').waitFor();
    await skipTour(page);
    await openNewPlan(page);
    const setup = page.getByTestId('guided-setup');
    await setup.getByLabel('Plan name').fill('Thrown away');
    await setup.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(page.getByTestId('guided-setup').count()).resolves.toBe(0);
    await expect(page.getByTestId('plan-name').textContent()).resolves.toBe('Data pipeline coverage 2027');
    await expect(readdir(join(session.userDataDir, 'plans')).catch(() => [])).resolves.toEqual([]);
  });
});

describe('First-run tour (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  /** Deletes the plan file and reloads: the store creates the sample again, which is a first start. */
  async function firstStartAgain(page: Page, userDataDir: string): Promise<void> {
    await rm(join(userDataDir, 'plan.rotaplan.json'), { force: true });
    await page.reload();
    await page.getByTestId('load-notice').waitFor();
    await expect(page.getByTestId('load-notice').textContent()).resolves.toContain('Welcome');
  }

  it(
    'walks the views on a fresh start; Skip brings it back next first start, Don’t show again does not',
    { timeout: 150_000 },
    async () => {
      session = await openApp({ tour: true });
      const { page, userDataDir } = session;
      const tour = page.getByTestId('tour');
      await tour.waitFor();
      await expect(tour.getAttribute('data-tour-view')).resolves.toBe('team');
      await expect(tour.getByRole('heading').textContent()).resolves.toBe('Team');
      // Focus sits on Next inside the card, so the keyboard works at once.
      await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Next');

      await page.keyboard.press('Enter');
      await expect(tour.getAttribute('data-tour-view')).resolves.toBe('pipelines');
      await page.getByTestId('view-pipelines').waitFor();
      await tour.getByRole('button', { name: 'Next', exact: true }).click();
      await page.getByTestId('view-ownership').waitFor();
      await tour.getByRole('button', { name: 'Back', exact: true }).click();
      await expect(tour.getAttribute('data-tour-view')).resolves.toBe('pipelines');
      for (const view of ['ownership', 'calendar', 'fairness', 'optimize', 'operations', 'export']) {
        // By keyboard: the card moves with each view's layout (the calendar's settles over a few frames), and a
        // pointer click aimed at where Next was can land beside it on a busy machine.
        await tour.getByRole('button', { name: 'Next', exact: true }).focus();
        await page.keyboard.press('Enter');
        await page.getByTestId(`view-${view}`).waitFor();
        await expect(tour.getAttribute('data-tour-view')).resolves.toBe(view);
        // The Fairness stop is never a blank page: its figures, or the progress towards them.
        if (view === 'fairness')
          await page
            .locator('[data-testid="fairness-analysis"], [data-testid="analysis-progress"]')
            .first()
            .waitFor({ timeout: 2_000 });
      }
      // The last stop says where the plan is saved.
      await expect(tour.textContent()).resolves.toContain('Every change is saved as you make it');
      await expect(tour.getByRole('button', { name: 'Done' }).isVisible()).resolves.toBe(true);
      // Escape closes it.
      await page.keyboard.press('Escape');
      await tour.waitFor({ state: 'detached' });

      // Closed, not dismissed: the next first start shows it again…
      await firstStartAgain(page, userDataDir);
      await tour.waitFor();
      await tour.getByRole('button', { name: 'Don’t show again' }).click();
      await tour.waitFor({ state: 'detached' });
      // Read from the preferences file itself (the answer's body can be gone from the browser by the time the
      // driver asks for it).
      const dismissed = async () =>
        (
          JSON.parse(await readFile(join(userDataDir, 'preferences.json'), 'utf8')) as {
            tourDismissed?: boolean;
          }
        ).tourDismissed;
      await expect.poll(dismissed, { timeout: 10_000 }).toBe(true);

      // …and after "Don't show again" it stays away, even on a first start.
      await firstStartAgain(page, userDataDir);
      await page.waitForLoadState('networkidle');
      await expect(tour.count()).resolves.toBe(0);
    },
  );

  it('follows the view that a shortcut switches to, and steps aside while a modal dialog is open', async () => {
    session = await openApp({ tour: true });
    const { page } = session;
    page.setDefaultTimeout(20_000);
    const tour = page.getByTestId('tour');
    await tour.waitFor();
    await expect(tour.getAttribute('data-tour-view')).resolves.toBe('team');

    // mod+2 switches to Pipelines while the card has focus, and the card moves with the view.
    await page.keyboard.press('ControlOrMeta+2');
    await page.getByTestId('view-pipelines').waitFor();
    await expect(tour.getAttribute('data-tour-view')).resolves.toBe('pipelines');
    await expect(tour.getByRole('heading').textContent()).resolves.toBe('Pipelines');
    await page.keyboard.press('ControlOrMeta+4');
    await page.getByTestId('view-calendar').waitFor();
    await expect(tour.getAttribute('data-tour-view')).resolves.toBe('calendar');

    // File ▸ Import: the dialog's title is on top and the tour is out of the way.
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menuitem', { name: /^Import calendar/i }).click();
    const dialog = page.getByRole('dialog', { name: 'Import a schedule' });
    await dialog.waitFor();
    await tour.waitFor({ state: 'detached' });
    await expect(
      page.evaluate(() => {
        const title = [...document.querySelectorAll('h2')].find(
          (h) => h.textContent === 'Import a schedule',
        )!;
        const r = title.getBoundingClientRect();
        return document.elementFromPoint(r.left + 8, r.top + r.height / 2)?.textContent;
      }),
    ).resolves.toBe('Import a schedule');

    // Escape closes the dialog only; the tour comes back at the stop it had.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await tour.waitFor();
    await expect(tour.getAttribute('data-tour-view')).resolves.toBe('calendar');
  });
});
