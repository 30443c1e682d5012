import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import { DEFAULT_PREFERENCES } from '../../shared/prefs/preferences';
import { openApp, type Session } from './harness';

/**
 * A user-data folder holding the sample. Priya works from America/Vancouver, where this machine's Chromium keeps
 * UTC−7 all of 2027 while Node keeps the DST changes; the pay below is priced in main, so it is Node's.
 */
async function sampleFolder(dir: string): Promise<string> {
  const plan = createSamplePlan('2026-11-27T00:00:00.000Z');
  const userDataDir = join(dir, 'user-data');
  await mkdir(userDataDir);
  await writeFile(join(userDataDir, 'plan.rotaplan.json'), JSON.stringify(plan));
  await writeFile(
    join(userDataDir, 'preferences.json'),
    JSON.stringify({ ...DEFAULT_PREFERENCES, tourDismissed: true }),
  );
  return userDataDir;
}

describe('What-if scenarios: a dated leave, compared with the live plan, cost included (Chromium through the preview)', () => {
  let session: Session | undefined;
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rotaplan-scenarios-e2e-'));
  });
  afterEach(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  });

  it('Sam leaving on 2027-06-01 keeps his shifts before it, and the comparison shows load and pay before and after', async () => {
    session = await openApp({ userDataDir: await sampleFolder(dir) });
    const { page } = session;
    await page.click('[data-view="fairness"]');
    await page.getByRole('tab', { name: 'What-if scenarios' }).click();
    await page.getByText('for example Sam leaving in June').waitFor();

    await page.getByRole('button', { name: 'New scenario' }).click();
    await page.getByRole('button', { name: 'Create scenario' }).click();
    const card = page.locator('[data-scenario-id]').first();
    await card.getByRole('button', { name: 'Change' }).click();
    await page.getByRole('menuitem', { name: 'Someone leaves…' }).click();
    const dialog = page.getByRole('dialog', { name: /Someone leaves the rotation/ });
    await dialog.getByLabel('Who leaves').click();
    await page.getByRole('option', { name: 'Sam Okafor' }).click();
    const date = dialog.getByLabel('Leaves on');
    // The dialog proposes the middle of the plan's year.
    await expect(date.inputValue()).resolves.toBe('2027-07-01');
    await date.fill('2027-06-01');
    await dialog.getByRole('button', { name: 'Apply to scenario' }).click();
    await dialog.waitFor({ state: 'detached' });
    await card.getByText('• Sam Okafor leaves the rotation on 2027-06-01').waitFor();
    // He stays in the team, but no longer on the rotation by the plan's end.
    await card.getByText(/· 3 of 4 members on the rotation ·/).waitFor();

    // Pay by the plan's rules, the live plan beside the scenario: Sam's year shrinks to his shifts before June,
    // the three others take the rest.
    const pay = page.getByTestId('compare-compared-pay');
    await pay.waitFor({ timeout: 30_000 });
    const cells = async (selector: string) =>
      (await pay.locator(`${selector} td`).allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
    await expect(cells('[data-pay-row="total"]')).resolves.toEqual([
      'Total USD',
      '90,369.50',
      '90,447.00 +77.50',
    ]);
    await expect(cells('[data-pay-row="hours"]')).resolves.toEqual([
      'Hours on call',
      '17,472.0',
      '17,472.0 ±0',
    ]);
    await expect(cells('[data-pay-member="sam"]')).resolves.toEqual([
      'Sam Okafor',
      '24,680.00',
      '8,329.00 −16,351.00',
    ]);
    await expect(cells('[data-pay-member="maya"]')).resolves.toEqual([
      'Maya Chen',
      '22,426.50',
      '29,196.00 +6,769.50',
    ]);
    // Fair shares follow the months Sam was there: his load falls and so does what he owes.
    const sam = page.locator('[data-testid="compare-compared-load"] tr[data-member-id="sam"] td');
    const [live, scenario] = [await sam.nth(1).innerText(), await sam.nth(2).innerText()];
    const figures = (text: string) =>
      [...text.matchAll(/[\d,]+\.\d/g)].map((m) => Number(m[0].replace(/,/g, '')));
    const [liveLoad, liveFair] = figures(live);
    const [load, fair] = figures(scenario);
    expect(load).toBeLessThan(liveLoad! / 2);
    expect(fair).toBeLessThan(liveFair! / 2);
  });
});
