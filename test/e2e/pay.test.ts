import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../electron/cli/main';
import { DEFAULT_PREFERENCES } from '../../shared/prefs/preferences';
import { openApp, type Session } from './harness';

type CliPay = { members: { id: string; amount: number }[]; total: number };

async function cli(...argv: string[]): Promise<string> {
  let stdout = '';
  const io = {
    stdout: (t: string) => void (stdout += t),
    stderr: () => undefined,
    now: () => new Date('2026-11-27T00:00:00.000Z'),
  };
  expect(await runCli(argv, io)).toBe(0);
  return stdout;
}

describe('Pay view (Chromium through the preview)', () => {
  let session: Session | undefined;
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rotaplan-pay-e2e-'));
  });
  afterEach(async () => {
    await session?.close();
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  });

  it('shows the same per-member amounts and total as rotaplan pay on the sample', async () => {
    // The sample as `rotaplan sample` writes it, with one change: Priya works from Los Angeles instead of
    // Vancouver. Why: this Chromium's time-zone data has America/Vancouver on UTC−7 all of 2027 while Node's keeps
    // the DST changes, so the two runtimes disagree about that zone's local hours, not about pay.
    const userDataDir = join(dir, 'user-data');
    await cli('sample', '--out', join(dir, 'sample.json'));
    const plan = JSON.parse(await readFile(join(dir, 'sample.json'), 'utf8'));
    plan.members.find((m: { id: string }) => m.id === 'priya').timeZone = 'America/Los_Angeles';
    await mkdir(userDataDir);
    await writeFile(join(userDataDir, 'plan.rotaplan.json'), JSON.stringify(plan));
    await writeFile(
      join(userDataDir, 'preferences.json'),
      JSON.stringify({ ...DEFAULT_PREFERENCES, tourDismissed: true }),
    );
    const expected = JSON.parse(
      (await cli('pay', join(userDataDir, 'plan.rotaplan.json'), '--json')).trimEnd().split('\n').at(-1)!,
    ) as CliPay;
    expect(expected.total).toBe(90369.5);

    session = await openApp({ userDataDir });
    const { page } = session;
    await page.click('[data-view="pay"]');
    const total = page.getByTestId('pay-total');
    await total.waitFor({ timeout: 30_000 });
    await expect(total.getAttribute('data-amount')).resolves.toBe(String(expected.total));
    await expect(total.textContent()).resolves.toBe('USD 90,369.50');
    for (const m of expected.members) {
      const cell = page.locator(
        `[data-testid="pay-table"] tr[data-member-id="${m.id}"] [data-column="amount"]`,
      );
      await expect(cell.getAttribute('data-amount')).resolves.toBe(String(m.amount));
    }
    // Four hourly rules, the year-end period and the weekly stipend, read-only.
    await expect(page.getByTestId('pay-rules').locator('tr').count()).resolves.toBe(6);
  });
});
