import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../electron/cli/main';
import { DEFAULT_PREFERENCES } from '../../shared/prefs/preferences';
import { animationsDone, openApp, type Session } from './harness';

type CliPay = { currency: string; members: { id: string; amount: number }[]; total: number };

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

  it('shows the total of rotaplan pay --json on the unmodified sample, priced in main', async () => {
    // The sample exactly as `rotaplan sample` writes it. Priya works from America/Vancouver, where this machine's
    // Chromium keeps UTC−7 all of 2027 while Node keeps the DST changes: priced in the page, her weekends, holidays
    // and year-end hours fell an hour apart and the view showed USD 90,378.50.
    const userDataDir = join(dir, 'user-data');
    await mkdir(userDataDir);
    const file = join(userDataDir, 'plan.rotaplan.json');
    await cli('sample', '--out', file);
    await writeFile(
      join(userDataDir, 'preferences.json'),
      JSON.stringify({ ...DEFAULT_PREFERENCES, tourDismissed: true }),
    );
    const expected = JSON.parse((await cli('pay', file, '--json')).trimEnd().split('\n').at(-1)!) as CliPay;
    const expectedText = `${expected.currency} ${expected.total.toLocaleString('en-US', {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    })}`;
    expect(expectedText).toBe('USD 90,369.50');

    session = await openApp({ userDataDir });
    const { page } = session;
    await page.click('[data-view="pay"]');
    const report = page.locator('[data-testid="pay-report"][data-state="ready"]');
    await report.waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('pay-total').textContent()).resolves.toBe(expectedText);
    await expect(page.getByTestId('pay-total').getAttribute('data-amount')).resolves.toBe(
      String(expected.total),
    );
    for (const m of expected.members) {
      const cell = page.locator(
        `[data-testid="pay-table"] tr[data-member-id="${m.id}"] [data-column="amount"]`,
      );
      await expect(cell.getAttribute('data-amount')).resolves.toBe(String(m.amount));
    }
    // Priya's December in the table is Node's: 2,298.00 (the page's own zone rules made it 2,309.00).
    const priyaRow = page.locator('[data-testid="pay-table"] tr[data-member-id="priya"] td');
    const headers = await page.locator('[data-testid="pay-table"] thead th').allTextContents();
    await expect(priyaRow.nth(headers.indexOf('2027-12')).textContent()).resolves.toBe('2,298.00');
    // Four ordered hourly rules in the editor; the year-end period and the weekly stipend listed below.
    await expect(page.getByTestId('pay-rule-row').count()).resolves.toBe(4);
    await expect(page.getByTestId('pay-extras').locator('tr').count()).resolves.toBe(2);
    // The rules example is priced in main too: Sat 9 Jan 2027 23:30 in Vancouver is 07:30 UTC by Node's rules
    // (06:30 by this Chromium's).
    await page.getByTestId('pay-rule-example').getByRole('combobox').first().click();
    await page.getByRole('option', { name: /Priya/ }).click();
    const answer = page.getByTestId('pay-rule-example-answer');
    await expect
      .poll(async () => `${await answer.getAttribute('data-state')}: ${await answer.textContent()}`)
      .toBe('ready: WeekendUSD 8.00/h2027-01-10 07:30 UTC');
    await animationsDone(page);
    await page.screenshot({ path: join(dir, 'pay-view.png'), fullPage: true });
    if (process.env.ROTAPLAN_SCREENSHOTS_DIR) {
      await page.screenshot({
        path: join(process.env.ROTAPLAN_SCREENSHOTS_DIR, 'pay-view.png'),
        fullPage: true,
      });
    }
  });

  it('shows progress while main prices, and a clear error with a retry when it cannot', async () => {
    session = await openApp();
    const { page } = session;
    // Hold the first answer until the spinner has been seen; refuse the second as a stopped main would.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let calls = 0;
    await page.route('**/ipc/pay:report', async (route) => {
      calls += 1;
      if (calls === 1) {
        await held;
        return route.fulfill({
          status: 200,
          contentType: 'application/json',
          body: JSON.stringify({
            ok: false,
            error: { code: 'internal', message: 'pay:report failed unexpectedly: out of memory.' },
          }),
        });
      }
      return route.continue();
    });
    await page.click('[data-view="pay"]');
    const status = page.getByTestId('pay-status');
    await expect.poll(() => status.getAttribute('data-state')).toBe('pricing');
    await expect(status.textContent()).resolves.toBe('Pricing every on-call hour by the rules…');
    release();
    const error = page.getByTestId('pay-error');
    await error.waitFor({ timeout: 30_000 });
    await expect(error.textContent()).resolves.toContain(
      'Pay could not be computedpay:report failed unexpectedly: out of memory. Your plan was not changed.',
    );
    await expect(page.getByTestId('pay-report').count()).resolves.toBe(0);
    await error.getByRole('button', { name: 'Try again' }).click();
    await page.locator('[data-testid="pay-report"][data-state="ready"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('pay-error').count()).resolves.toBe(0);
    expect(calls).toBe(2);
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
