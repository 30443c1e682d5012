import { VIEWS } from '../../shared/ipc/views';
import { openApp, type Session } from './harness';

describe('Keyboard use and a calm first look at the sample (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it('Tab reaches every navigation item, each with a visible focus ring', async () => {
    session = await openApp();
    const { page } = session;
    await page.locator('[data-view="team"]').waitFor();
    await page.locator('body').focus();
    const reached: string[] = [];
    // The top bar's controls come first; the view items follow within a few dozen stops.
    for (let i = 0; i < 60 && reached.length < VIEWS.length; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el?.dataset.view) return null;
        const style = getComputedStyle(el);
        return { view: el.dataset.view, visible: el.matches(':focus-visible'), outline: style.outlineStyle };
      });
      if (focused) {
        expect(focused.visible).toBe(true);
        expect(focused.outline).not.toBe('none');
        reached.push(focused.view);
      }
    }
    expect(reached).toEqual(VIEWS.map((v) => v.id));
    // Enter on a focused item opens its view.
    await page.keyboard.press('Enter');
    await page.getByTestId('view-export').waitFor();
  });

  it('Ctrl+, opens Preferences', async () => {
    session = await openApp();
    const { page } = session;
    await page.locator('[data-view="team"]').waitFor();
    await page.keyboard.press('Control+Comma');
    await page.getByRole('dialog', { name: 'Preferences' }).waitFor();
  });

  it('Tab leaves the tour card: it is not modal', async () => {
    session = await openApp({ tour: true });
    const { page } = session;
    const tour = page.getByTestId('tour');
    await tour.waitFor();
    const inCard = () =>
      page.evaluate(() => document.querySelector('[data-testid="tour"]')!.contains(document.activeElement));
    await expect.poll(inCard).toBe(true);
    // The card holds five buttons (Back disabled): a sixth Tab at most is outside it.
    for (let i = 0; i < 6 && (await inCard()); i++) await page.keyboard.press('Tab');
    await expect(inCard()).resolves.toBe(false);
    await expect(tour.isVisible()).resolves.toBe(true);
  });

  it('the sample’s flags open as at most 12 grouped rows, and every occurrence is reachable', async () => {
    session = await openApp();
    const { page } = session;
    await page.click('[data-view="fairness"]');
    const table = page.getByTestId('flags-table');
    const groups = table.locator('tbody tr[data-flag-group]');
    await groups.first().waitFor({ timeout: 30_000 });
    const total = Number((await page.getByText(/^All \d+$/).textContent())!.replace('All ', ''));
    expect(total).toBe(81);
    const rowCount = await groups.count();
    expect(rowCount).toBeLessThanOrEqual(12);
    await expect(page.getByTestId('flags-count').textContent()).resolves.toBe(
      `${rowCount} rows for 81 flags`,
    );
    // Errors and warnings before infos, the team-wide finding first.
    const severities = await groups.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-severity')));
    expect(severities.indexOf('info')).toBeGreaterThan(severities.lastIndexOf('warning'));
    await expect(groups.first().getAttribute('data-flag-group')).resolves.toBe('team-size|warning|');
    // The real problem, once: four people on primary and secondary above Google's 25 %.
    await expect(page.getByTestId('main-problem').textContent()).resolves.toMatch(
      /4 people are on call more than 25\.0 % of the time/,
    );
    // Open every folded group: each lone row plus each group's occurrences make up every flag.
    const toggles = table.getByRole('button', { name: /^Show all \d+$/ });
    while ((await toggles.count()) > 0) await toggles.first().click();
    const lone = await table.locator('tbody tr[data-flag-group][data-flag-kind]').count();
    const occurrences = await table.locator('tbody tr[data-occurrence]').count();
    expect(lone + occurrences).toBe(81);
  });
});
