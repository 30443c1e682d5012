import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFollowTheSunPlan } from '../../shared/plan/sample-follow-the-sun';
import { layoutPlan } from '../../shared/plan/plan-layout';
import { DEFAULT_PREFERENCES } from '../../shared/prefs/preferences';
import { openApp, type Session } from './harness';

describe('Optimise view on the follow-the-sun sample (Chromium through the preview)', () => {
  // The solve runs in a worker thread of the preview with a 10 s limit; a busy machine adds start-up time.
  vi.setConfig({ testTimeout: 180_000 });
  let session: Session | undefined;
  let userDataDir: string | undefined;
  afterEach(async () => {
    await session?.close();
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  });

  it('proposes a rotation in which every regional turn changes hands within its region', async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'rotaplan-e2e-fts-'));
    await writeFile(
      join(userDataDir, 'plan.rotaplan.json'),
      layoutPlan(createFollowTheSunPlan('2026-12-06T00:00:00.000Z')),
    );
    await writeFile(
      join(userDataDir, 'preferences.json'),
      JSON.stringify({ ...DEFAULT_PREFERENCES, tourDismissed: true }),
    );
    session = await openApp({ userDataDir });
    const { page } = session;
    await page.getByTestId('plan-name').waitFor();
    await page.click('[data-view="optimize"]');
    await page.getByLabel('Time limit (s)').fill('10');
    await page.getByRole('button', { name: 'Propose fair rotation' }).click();
    const proposal = page.locator('[data-testid="proposal"]');
    await proposal.waitFor({ timeout: 120_000 });
    await expect(proposal.getAttribute('data-status')).resolves.toMatch(/^(optimal|feasible)$/);
    // A regional turn changes hands only within its region: every change names two people of one city.
    const changes = await page.getByTestId('proposal-change').allTextContents();
    expect(changes.length).toBeGreaterThan(0);
    const regions = [
      ['Aarav Shah', 'Meera Iyer', 'Rohan Gupta'],
      ['Lena Fischer', 'Jonas Weber', 'Sofia Rossi'],
      ['Marcus Reed', 'Elena Park', 'Tom Brooks'],
    ];
    for (const text of changes) {
      const region = regions.find((names) => names.some((n) => text.includes(n)));
      const all = regions.flat().filter((n) => text.includes(n));
      expect(all.every((n) => region!.includes(n))).toBe(true);
    }
    await page.screenshot({ path: join(userDataDir, '..', 'rotaplan-optimize-follow-the-sun.png') });
  });
});
