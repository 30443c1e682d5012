import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findLayerOverlaps } from '../../shared/plan/layer-overlaps';
import { DEFAULT_PREFERENCES } from '../../shared/prefs/preferences';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import type { Plan } from '../../shared/plan/schema';
import { openApp, type Session } from './harness';

describe('a plan with overlapping shifts and unknown keys (Chromium through the preview)', () => {
  let session: Session | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await session?.close();
    if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  });

  it('shows the overlaps at load; Trim overlaps saves a plan without them that still holds the unknown keys', async () => {
    dir = await mkdtemp(join(tmpdir(), 'rotaplan-e2e-overlaps-'));
    await writeFile(
      join(dir, 'preferences.json'),
      JSON.stringify({ ...DEFAULT_PREFERENCES, tourDismissed: true }),
    );
    const plan = createSamplePlan('2026-11-27T00:00:00.000Z') as Plan & Record<string, unknown>;
    plan['x-otherTool'] = { synced: '2027-01-01' };
    (plan.members[0] as Record<string, unknown>).pagerHandle = '@maya';
    plan.shifts = plan.shifts.map((s) =>
      s.id === 'primary-2027-01-11' ? { ...s, start: '2027-01-10T17:00:00Z' } : s,
    );
    const file = join(dir, 'plan.rotaplan.json');
    await writeFile(file, JSON.stringify(plan, null, 2));

    session = await openApp({ userDataDir: dir });
    const { page } = session;
    const notice = page.getByTestId('overlap-notice');
    await notice.getByText('Overlapping shifts: 1 on Primary.', { exact: false }).waitFor();
    await notice.getByRole('button', { name: 'Trim overlaps' }).click();
    await notice.waitFor({ state: 'detached' });
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();

    // The save is written a moment after the edit; poll the file until it holds the trimmed plan.
    await expect
      .poll(async () => {
        const onDisk = JSON.parse(await readFile(file, 'utf8')) as Plan;
        return findLayerOverlaps(onDisk.shifts).length;
      })
      .toBe(0);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as Plan & Record<string, unknown>;
    expect(onDisk.shifts.find((s) => s.id === 'primary-2027-01-11')!.start).toBe('2027-01-11T17:00:00Z');
    expect(onDisk['x-otherTool']).toEqual({ synced: '2027-01-01' });
    expect((onDisk.members[0] as Record<string, unknown>).pagerHandle).toBe('@maya');
  });
});
