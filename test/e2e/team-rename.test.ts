import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, type Session } from './harness';

describe('first start, rename a member, reload (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it('shows the sample plan, keeps a renamed member across a reload and writes it to the plan file', async () => {
    session = await openApp();
    const { page } = session;

    await expect(page.getByTestId('plan-name').textContent()).resolves.toBe('Data pipeline coverage 2027');
    await page
      .getByTestId('load-notice')
      .getByText('This is a sample plan for Pacific Infra Group')
      .waitFor();
    const rows = page.locator('tr[data-member-id]');
    // The first view is drawn just after the shell (see CurrentView): wait for its rows, then count them.
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(4);

    await page.getByRole('button', { name: 'Edit Maya Chen' }).click();
    const name = page.getByLabel('Name');
    await name.fill('Maya Lindqvist');
    await page.getByRole('button', { name: 'Save member' }).click();
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
    await page.locator('tr[data-member-id="maya"]').getByText('Maya Lindqvist').waitFor();

    const onDisk = JSON.parse(await readFile(join(session.userDataDir, 'plan.rotaplan.json'), 'utf8'));
    expect(onDisk.members[0]).toMatchObject({ id: 'maya', name: 'Maya Lindqvist' });

    await page.reload();
    await page.locator('tr[data-member-id="maya"]').getByText('Maya Lindqvist').waitFor();
    await expect(page.getByText('Maya Chen').count()).resolves.toBe(0);
    // A second start is not a first run: no welcome notice.
    await expect(page.getByTestId('load-notice').count()).resolves.toBe(0);
  });

  it('undo brings the old name back and saves it', async () => {
    session = await openApp();
    const { page } = session;
    await page.getByRole('button', { name: 'Edit Sam Okafor' }).click();
    await page.getByLabel('Name').fill('Samuel Okafor');
    await page.getByRole('button', { name: 'Save member' }).click();
    await page.locator('tr[data-member-id="sam"]').getByText('Samuel Okafor').waitFor();
    await page.keyboard.press('Control+z');
    await page.locator('tr[data-member-id="sam"]').getByText('Sam Okafor').waitFor();
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
    const onDisk = JSON.parse(await readFile(join(session.userDataDir, 'plan.rotaplan.json'), 'utf8'));
    expect(onDisk.members[3].name).toBe('Sam Okafor');
  });
});
