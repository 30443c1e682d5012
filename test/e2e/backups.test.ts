import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, type Session } from './harness';

describe('backups (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it('restores the version from before an edit', async () => {
    session = await openApp();
    const { page } = session;
    await page.getByRole('button', { name: 'Edit Priya Raman' }).click();
    await page.getByLabel('Name').fill('Priya Natarajan');
    await page.getByRole('button', { name: 'Save member' }).click();
    await page.locator('tr[data-member-id="priya"]').getByText('Priya Natarajan').waitFor();
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();

    await page.getByRole('button', { name: 'Backups' }).click();
    const dialog = page.getByRole('dialog', { name: 'Backups' });
    await expect(dialog.getByRole('button', { name: 'Restore' }).count()).resolves.toBe(1);
    await dialog.getByRole('button', { name: 'Restore' }).click();
    await page.locator('tr[data-member-id="priya"]').getByText('Priya Raman').waitFor();

    const onDisk = JSON.parse(await readFile(join(session.userDataDir, 'plan.rotaplan.json'), 'utf8'));
    expect(onDisk.members[2].name).toBe('Priya Raman');
  });
});
