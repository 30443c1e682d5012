import { openApp, type Session } from './harness';

describe('Fairness view: flags, the jump to the calendar, and a simulation (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it('shows the sample’s flags and opens the calendar at a flag’s date with its shift highlighted', async () => {
    session = await openApp();
    const { page } = session;
    await page.click('[data-view="fairness"]');

    // Four people on a weekly primary + secondary rotation: the team-size truth of the fairness model (docs/architecture.md).
    const teamSize = page.locator('[data-testid="flags-table"] tr[data-flag-kind="team-size"]');
    await teamSize.waitFor({ timeout: 30_000 });
    await expect(teamSize.textContent()).resolves.toContain(
      '4 people run a continuous Primary + Secondary rotation, which needs at least 8',
    );
    await expect(page.getByTestId('metric-share').textContent()).resolves.toBe('51.9 %');
    await expect(page.getByTestId('analysis-time').textContent()).resolves.toMatch(
      /^Analysed 2027-01-04 to 2028-01-03 in [\d.,]+ ms/,
    );

    // The week of 2027-03-08 spans the start of daylight saving time: a dated flag with a shift, two months
    // after the month the calendar opens on.
    await page.getByRole('combobox', { name: 'Filter flags by kind' }).click();
    await page.getByRole('option', { name: 'Dst handoff (4)' }).click();
    const dst = page.locator('[data-testid="flags-table"] tr[data-shift-id="primary-2027-03-08"]');
    await expect(dst.getAttribute('data-date')).resolves.toBe('2027-03-08');
    await dst.getByRole('button', { name: 'Show in calendar' }).click();

    await page.getByTestId('view-calendar').waitFor();
    await page.getByTestId('calendar-board').getByText('March 2027').waitFor();
    const highlighted = page.locator('[data-shift-id="primary-2027-03-08"][data-highlighted]');
    await highlighted.first().waitFor();
    await expect(highlighted.first().textContent()).resolves.toContain('Diego Alvarez');
    await page.locator('[data-testid="shift-panel"][data-shift-id="primary-2027-03-08"]').waitFor();
  });

  it('runs 200 simulations in the worker and shows pages per member and SLA breaches per pipeline', async () => {
    session = await openApp();
    const { page } = session;
    await page.click('[data-view="fairness"]');
    await page.getByRole('tab', { name: 'Incident simulation' }).click();
    const runs = page.getByRole('textbox', { name: 'Runs' });
    await runs.fill('200');
    await page.getByRole('button', { name: 'Run simulation' }).click();
    await page.locator('[data-testid="simulation-panel"][data-status="done"]').waitFor({ timeout: 30_000 });
    const results = page.getByTestId('simulation-results');
    await expect(results.locator('p').first().textContent()).resolves.toMatch(
      /^200 runs, seed 1, 2027-01-04 to 2028-01-03 · [\d,]+ ms\./,
    );
    await expect(results.locator('[data-testid="pages-table"] tbody tr').count()).resolves.toBe(4);
    await expect(results.locator('[data-testid="pipelines-table"] tbody tr').count()).resolves.toBe(5);
    // Every member on the rotation is paged: a mean of at least one page over the year.
    const means = await results
      .locator('[data-testid="pages-table"] tbody tr td:nth-child(2)')
      .allTextContents();
    expect(means.map(Number).every((m) => m >= 1)).toBe(true);
  });
});
