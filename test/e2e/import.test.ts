import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import { openApp, type Session } from './harness';

vi.setConfig({ testTimeout: 90_000 });

const FIXTURES = join(__dirname, '../fixtures/ics');
type ShiftOnDisk = { layerId: string; memberId: string; start: string; end: string; source: string };

/** Polls the saved plan until `check` holds (saves are debounced, then written atomically). */
async function waitForPlan(session: Session, check: (shifts: ShiftOnDisk[]) => boolean, what: string) {
  const deadline = Date.now() + 15_000;
  let shifts: ShiftOnDisk[] = [];
  while (Date.now() < deadline) {
    try {
      shifts = JSON.parse(await readFile(join(session.userDataDir, 'plan.rotaplan.json'), 'utf8')).shifts;
      if (check(shifts)) return shifts;
    } catch {
      // Mid-write or not there yet: try again.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`the plan file never showed ${what}`);
}

const primaryAt = (shifts: ShiftOnDisk[], start: string) =>
  shifts.find((s) => s.layerId === 'primary' && s.start === start);

describe('import and open (Chromium through the preview)', () => {
  let session: Session;
  let scratch: string;
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'rotaplan-e2e-import-'));
  });
  afterEach(async () => {
    await session?.close();
    await rm(scratch, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  });

  it('imports the PagerDuty fixture with a mapping; the shifts change and one undo restores them', async () => {
    session = await openApp();
    const { page } = session;
    await page.getByTestId('plan-name').waitFor();
    const before = await waitForPlan(session, (s) => s.length > 0, 'the sample plan');
    expect(primaryAt(before, '2027-03-15T16:00:00Z')).toMatchObject({
      memberId: 'priya',
      source: 'generated',
    });

    await page.getByTestId('import-ics-input').setInputFiles(join(FIXTURES, 'pagerduty.ics'));
    const dialog = page.getByRole('dialog', { name: 'Import a schedule' });
    await expect(dialog.getByTestId('import-vendor').textContent()).resolves.toBe('PagerDuty');
    await dialog.getByText('1 unknown person').waitFor();
    await dialog.getByLabel('Team member for Alex Kim <alex.kim@contractors.example>').click();
    await page.getByRole('option', { name: 'Sam Okafor' }).click();
    await dialog.getByRole('button', { name: 'Next' }).click();
    await dialog.getByText('These shifts will be replaced').waitFor();
    await dialog.getByRole('button', { name: 'Apply import' }).click();
    await dialog.getByTestId('import-done').waitFor();

    const imported = await waitForPlan(
      session,
      (s) => s.filter((x) => x.source === 'manual').length === 7,
      'seven imported shifts',
    );
    expect(primaryAt(imported, '2027-03-15T16:00:00Z')).toMatchObject({
      memberId: 'sam',
      source: 'manual',
    });
    expect(primaryAt(imported, '2027-03-08T17:00:00Z')).toMatchObject({
      memberId: 'diego',
      end: '2027-03-15T16:00:00Z',
    });

    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Undo' }).click();
    const undone = await waitForPlan(
      session,
      (s) => s.every((x) => x.source !== 'manual'),
      'the schedule from before the import',
    );
    expect(undone).toEqual(before);
  });

  it('opens a plan file through the file input as a copy, and refuses a plan from a newer version', async () => {
    session = await openApp();
    const { page } = session;
    await page.getByTestId('plan-name').waitFor();
    const future = join(scratch, 'future.rotaplan.json');
    await writeFile(
      future,
      JSON.stringify({ ...createSamplePlan('2027-01-01T00:00:00.000Z'), schemaVersion: 5 }),
    );
    await page.getByTestId('open-plan-input').setInputFiles(future);
    await page.getByText('The plan was not opened').waitFor();
    await page.getByText(/future\.rotaplan\.json comes from a newer Rotaplan: .*schema 5/).waitFor();
    await expect(page.getByTestId('plan-name').textContent()).resolves.toBe('Data pipeline coverage 2027');

    const other = createSamplePlan('2027-01-01T00:00:00.000Z');
    other.meta.name = 'Opened through the file input';
    const file = join(scratch, 'other team.rotaplan.json');
    await writeFile(file, JSON.stringify(other));
    await page.getByTestId('open-plan-input').setInputFiles(file);
    await page.getByTestId('plan-name').getByText('Opened through the file input').waitFor();
    expect(await readdir(join(session.userDataDir, 'plans'))).toEqual(['other team.rotaplan.json']);
  });
});
