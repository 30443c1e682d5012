import { openApp, type Session } from './harness';

describe('Every request of a session ends cleanly (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it('loading, an optimiser run with its status polls, applying it (a save) and the views: no failed request, no 404', async () => {
    session = await openApp();
    const { page } = session;
    const failed: string[] = [];
    const path = (url: string) => new URL(url).pathname;
    page.on('requestfailed', (r) => failed.push(`${path(r.url())} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${path(r.url())} ${r.status()}`);
    });
    // A fresh load with the listeners in place (the page the harness opened has settled first).
    await page.getByTestId('plan-name').waitFor();
    await page.waitForLoadState('networkidle');
    await page.reload();
    await page.getByTestId('plan-name').waitFor();

    await page.click('[data-view="optimize"]');
    await page.getByRole('button', { name: 'Propose fair rotation' }).click();
    await page.locator('[data-testid="proposal"]').waitFor({ timeout: 90_000 });
    await page.getByTestId('apply-proposal').click();
    await page.getByText('Applied — one step in the undo history').waitFor();
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor({ timeout: 30_000 });
    await page.click('[data-view="export"]');
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
  });
});
