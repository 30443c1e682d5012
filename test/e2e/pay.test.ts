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
    // Four ordered hourly rules in the editor; the year-end period and the weekly stipend listed below.
    await expect(page.getByTestId('pay-rule-row').count()).resolves.toBe(4);
    await expect(page.getByTestId('pay-extras').locator('tr').count()).resolves.toBe(2);
  });

  it('reorders rules by keyboard and by drag, shows which rule prices an hour, and undoes', async () => {
    session = await openApp();
    const { page } = session;
    await page.click('[data-view="pay"]');
    const total = page.getByTestId('pay-total');
    await total.waitFor({ timeout: 30_000 });
    const before = await total.getAttribute('data-amount');
    const order = () =>
      page.getByTestId('pay-rule-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-rule')));
    const answer = page.getByTestId('pay-rule-example-answer');
    expect(await order()).toEqual(['Public holiday', 'Weekend', 'Night', 'Weekday standby']);
    // The example starts on the first Saturday of the rotation at 23:30: a weekend night, priced as Weekend.
    await expect(answer.locator('[data-rule]').getAttribute('data-rule')).resolves.toBe('Weekend');
    await expect(answer.locator('[data-hourly]').getAttribute('data-hourly')).resolves.toBe('8');

    // Keyboard: pick Night up by its handle, move it up one place, drop it.
    await page.getByRole('button', { name: /^Drag Night to reorder/ }).focus();
    // dnd-kit announces each step in a live region; each key waits for the last step to land.
    const live = page.locator('[role="status"][aria-live="assertive"]');
    await page.keyboard.press('Space');
    await live.filter({ hasText: 'Night was moved over droppable area Night' }).waitFor();
    await page.keyboard.press('ArrowUp');
    await live.filter({ hasText: 'was moved over droppable area Weekend' }).waitFor();
    await page.keyboard.press('Space');
    await expect.poll(order).toEqual(['Public holiday', 'Night', 'Weekend', 'Weekday standby']);
    await expect.poll(() => answer.locator('[data-rule]').getAttribute('data-rule')).toBe('Night');
    await expect.poll(() => total.getAttribute('data-amount')).not.toBe(before);

    // Undo puts the order and the total back.
    await page.keyboard.press('Control+z');
    await expect.poll(order).toEqual(['Public holiday', 'Weekend', 'Night', 'Weekday standby']);
    await expect.poll(() => total.getAttribute('data-amount')).toBe(before);

    // Pointer: drag Weekday standby's handle above Public holiday.
    const handle = page.getByRole('button', { name: /^Drag Weekday standby to reorder/ });
    const target = page.locator('[data-rule="Public holiday"]');
    const from = (await handle.boundingBox())!;
    const to = (await target.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 10, { steps: 4 });
    await page.mouse.move(from.x + from.width / 2, to.y + 2, { steps: 12 });
    await page.mouse.up();
    await expect.poll(order).toEqual(['Weekday standby', 'Public holiday', 'Weekend', 'Night']);
    // Weekday standby now matches every minute first.
    await expect.poll(() => answer.locator('[data-rule]').getAttribute('data-rule')).toBe('Weekday standby');
  });

  it('refuses a half-given time window under the form and adds the rule once it is whole', async () => {
    session = await openApp();
    const { page } = session;
    await page.click('[data-view="pay"]');
    await page.getByTestId('pay-total').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Add rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a pay rule' });
    await dialog.getByLabel('Name').fill('Evening');
    await dialog.getByLabel('From (local time)').fill('18:00');
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await expect(dialog.getByTestId('pay-rule-error').textContent()).resolves.toBe(
      'pay.rules[3].when.to: a time window needs both from and to',
    );
    await expect(page.getByTestId('pay-rule-row').count()).resolves.toBe(4);
    await dialog.getByLabel('To (may be after midnight)').fill('22:00');
    await dialog.getByRole('button', { name: 'Add rule' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const rows = page.getByTestId('pay-rule-row');
    await expect
      .poll(() => rows.evaluateAll((r) => r.map((x) => x.getAttribute('data-rule'))))
      .toEqual(['Public holiday', 'Weekend', 'Night', 'Evening', 'Weekday standby']);
    await expect(page.locator('[data-rule="Evening"]').textContent()).resolves.toContain('18:00–22:00');
  });
});
