import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openApp, type Session } from './harness';

const SYMPTOM = 'FX feed returns stale EUR rates after the 02:00 run';

describe('plan editors: ownership cell and runbook issue survive a reload and reach the export (Chromium)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it('edits an ownership cell and a common issue, reloads, and finds both in the Markdown and the plan file', async () => {
    session = await openApp();
    const { page } = session;
    await page.getByTestId('plan-name').waitFor();

    // Ownership: Profit's secondary owner becomes Sam Okafor.
    await page.click('[data-view="ownership"]');
    await page.getByRole('combobox', { name: 'Secondary owner of Profit' }).click();
    await page
      .getByRole('listbox', { name: 'Secondary owner of Profit' })
      .getByRole('option', { name: 'Sam Okafor' })
      .click();
    await expect(
      page.getByRole('combobox', { name: 'Secondary owner of Profit' }).inputValue(),
    ).resolves.toBe('Sam Okafor');

    // Pipelines: the Profit runbook's "Missing FX rates" issue gets a new symptom, committed when the field is left.
    await page.click('[data-view="pipelines"]');
    const symptom = page.locator('[data-issue-id="profit-fx"]').getByLabel('Symptom');
    await symptom.fill(SYMPTOM);
    await symptom.press('Tab');
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();

    const onDisk = JSON.parse(await readFile(join(session.userDataDir, 'plan.rotaplan.json'), 'utf8'));
    expect(onDisk.ownership[0]).toEqual({
      pipelineId: 'profit',
      primaryMemberId: 'maya',
      secondaryMemberId: 'sam',
      stakeholder: 'Finance — Elena Park, VP FP&A',
    });
    expect(onDisk.pipelines[0].commonIssues[1]).toMatchObject({ id: 'profit-fx', symptom: SYMPTOM });

    await page.reload();
    await page.getByTestId('plan-name').waitFor();

    // Both edits are back after the reload, in their editors…
    await page.click('[data-view="ownership"]');
    await expect(
      page.getByRole('combobox', { name: 'Secondary owner of Profit' }).inputValue(),
    ).resolves.toBe('Sam Okafor');
    await page.click('[data-view="pipelines"]');
    await expect(
      page.locator('[data-issue-id="profit-fx"]').getByLabel('Symptom').inputValue(),
    ).resolves.toBe(SYMPTOM);

    // …in the preview of the Export view…
    await page.click('[data-view="export"]');
    const preview = page.frameLocator('iframe[title="Plan document preview"]');
    await preview.getByText(SYMPTOM).waitFor();

    // …and in the Markdown it writes into the export folder.
    await page.locator('button[data-export="md"]').click();
    await page
      .locator('.mantine-Notification-root', { hasText: 'saved' })
      .last()
      .waitFor({ timeout: 30_000 });
    const markdown = await readFile(
      join(session.userDataDir, 'exports', 'data-pipeline-coverage-2027.md'),
      'utf8',
    );
    expect(markdown).toContain('| Profit | Maya Chen | Sam Okafor | Finance — Elena Park, VP FP&A |');
    expect(markdown).toContain(`   - Symptom: ${SYMPTOM}\n`);
    expect(markdown).toContain('Owners: primary Maya Chen, secondary Sam Okafor;');
  });
});
