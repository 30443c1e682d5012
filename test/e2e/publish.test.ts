import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, type Session } from './harness';

vi.setConfig({ testTimeout: 180_000 });

describe('Export ▸ Publish verifies and writes PagerDuty files (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it('asks for the missing user ids, then writes verified schedule and override bodies', async () => {
    session = await openApp();
    const { page, userDataDir } = session;
    await page.click('[data-view="export"]');
    await page.locator('button[data-export="publish"]').click();
    const dialog = page.getByTestId('publish-dialog');
    await dialog.getByRole('combobox', { name: 'Paging tool' }).waitFor();
    await page.getByRole('textbox', { name: 'User id of Maya Chen' }).waitFor();

    // Without ids, the dialog names who is missing and nothing is written.
    await page.getByTestId('publish-write').click();
    await page.getByTestId('publish-error').waitFor();
    expect(await page.getByTestId('publish-error').textContent()).toContain(
      'no PagerDuty user id for Maya Chen',
    );

    for (const [name, id] of [
      ['Maya Chen', 'PMAYA01'],
      ['Diego Alvarez', 'PDIEGO1'],
      ['Priya Raman', 'PPRIYA1'],
      ['Sam Okafor', 'PSAM001'],
    ])
      await page.getByRole('textbox', { name: `User id of ${name}` }).fill(id!);
    await page.getByTestId('publish-write').click();
    const result = page.getByTestId('publish-result');
    await result.waitFor({ timeout: 60_000 });
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('Verified: the tool pages exactly the plan (0 differing minutes)');
    expect(text).toContain('2 schedules, 2 rotation layers, 7 overrides.');
    const folder = join(userDataDir, 'exports', 'publish-pagerduty');
    expect(await page.getByTestId('publish-folder').textContent()).toContain(folder);
    expect((await readdir(folder)).sort()).toEqual(['overrides.json', 'schedules']);
    const primary = JSON.parse(await readFile(join(folder, 'schedules', 'primary.json'), 'utf8'));
    expect(primary.schedule.schedule_layers[0].users[0]).toEqual({
      user: { id: 'PMAYA01', type: 'user_reference' },
    });
  });
});
