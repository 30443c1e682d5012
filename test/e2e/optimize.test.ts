import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openApp, type Session } from './harness';

type ShiftOnDisk = {
  id: string;
  memberId: string;
  layerId: string;
  start: string;
  end: string;
  source: string;
};

async function shiftsOnDisk(session: Session): Promise<ShiftOnDisk[] | null> {
  try {
    const plan = JSON.parse(await readFile(join(session.userDataDir, 'plan.rotaplan.json'), 'utf8'));
    return plan.shifts as ShiftOnDisk[];
  } catch {
    return null;
  }
}

/** Waits until the saved plan's shifts pass `ok` (saves are debounced, then written atomically). */
async function waitForShifts(
  session: Session,
  ok: (shifts: ShiftOnDisk[]) => boolean,
  what: string,
): Promise<ShiftOnDisk[]> {
  const deadline = Date.now() + 15_000;
  let last: ShiftOnDisk[] | null = null;
  while (Date.now() < deadline) {
    last = await shiftsOnDisk(session);
    if (last && ok(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the plan file never showed ${what}; it has ${last?.length ?? 0} shifts`);
}

/** Waits for the plan, and puts the first-run tour away if it shows (it would cover the navigation). */
async function ready(page: Page): Promise<void> {
  await page.getByTestId('plan-name').waitFor();
  const tour = page.getByTestId('tour');
  await tour.waitFor({ timeout: 3_000 }).catch(() => undefined);
  if (await tour.isVisible()) await tour.getByRole('button', { name: 'Skip' }).click();
}

const key = (s: ShiftOnDisk) => `${s.layerId}|${s.start}`;

/** Periods (layer + start) whose person differs between two shift lists. */
function changedPeriods(before: ShiftOnDisk[], after: ShiftOnDisk[]): string[] {
  const was = new Map(before.map((s) => [key(s), s.memberId]));
  return after.filter((s) => was.get(key(s)) !== s.memberId).map(key);
}

describe('Optimise view (Chromium through the preview)', () => {
  // Each test solves in a worker thread of the preview; on a busy machine that takes well over the default minute.
  vi.setConfig({ testTimeout: 180_000 });
  let session: Session;
  afterEach(async () => session?.close());

  it('proposes a fair rotation for the sample, applies it as one step and undoes it', async () => {
    session = await openApp();
    const { page } = session;
    await ready(page);
    const original = await waitForShifts(session, (s) => s.length > 0, 'the sample plan');
    await page.click('[data-view="optimize"]');
    const started = Date.now();
    await page.getByRole('button', { name: 'Propose fair rotation' }).click();
    const proposal = page.locator('[data-testid="proposal"]');
    await proposal.waitFor({ timeout: 90_000 });
    const solveMs = Date.now() - started;
    await expect(proposal.getAttribute('data-status')).resolves.toBe('optimal');
    const count = Number(await page.getByTestId('proposal-change-count').textContent());
    expect(count).toBeGreaterThan(0);
    await expect(page.getByTestId('proposal-change').count()).resolves.toBe(count);
    // The diff names people: every row reads "before → after" with two member chips.
    await expect(page.getByTestId('proposal-change').first().textContent()).resolves.toMatch(
      /(Maya Chen|Diego Alvarez|Priya Raman|Sam Okafor).*(Maya Chen|Diego Alvarez|Priya Raman|Sam Okafor)/,
    );
    await page.screenshot({ path: join(session.userDataDir, '..', 'rotaplan-optimize-proposal.png') });
    console.log(`[optimize e2e] sample proposal in ${solveMs} ms (click to diff), ${count} changes`);

    await page.getByTestId('apply-proposal').click();
    const applied = await waitForShifts(
      session,
      (s) => changedPeriods(original, s).length === count,
      `${count} changed periods`,
    );
    expect(applied.length).toBe(original.length);
    await page.getByText('Applied — one step in the undo history').waitFor();

    await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
    const restored = await waitForShifts(
      session,
      (s) => changedPeriods(original, s).length === 0 && s.length === original.length,
      'the original schedule',
    );
    expect(restored).toEqual(original);
  });

  it('compares the three strategies side by side', async () => {
    session = await openApp();
    const { page } = session;
    await ready(page);
    await page.click('[data-view="optimize"]');
    await page.getByRole('button', { name: 'Compare strategies' }).click();
    const rows = page.locator('[data-testid="compare-table"] tbody tr');
    await page
      .locator('[data-testid="compare-table"] tr[data-strategy="optimal"]')
      .waitFor({ timeout: 90_000 });
    await expect(rows.count()).resolves.toBe(3);
    await expect(
      page.locator('[data-testid="compare-table"] tr[data-strategy="optimal"] td').nth(1).textContent(),
    ).resolves.toBe('optimal');
    // Round-robin ignores time off: it has a schedule that breaks rules, said as such and not as "infeasible".
    const roundRobin = page.locator('[data-testid="compare-table"] tr[data-strategy="round-robin"] td');
    const breaks = Number(await roundRobin.nth(8).textContent());
    expect(breaks).toBeGreaterThan(1);
    await expect(roundRobin.nth(1).textContent()).resolves.toBe(`breaks ${breaks} rules`);
    await expect(page.getByTestId('compare-table').textContent()).resolves.not.toMatch(/infeasible/i);
    await page.screenshot({ path: join(session.userDataDir, '..', 'rotaplan-optimize-compare.png') });
  });

  it('opens the swap assistant from the calendar and gives the shift to a candidate', async () => {
    session = await openApp();
    const { page } = session;
    await ready(page);
    await page.click('[data-view="calendar"]');
    await page.getByLabel('Go to date').fill('2027-01-12');
    await page.locator('[role="cell"][data-date="2027-01-12"]').waitFor();
    await page.locator('[data-shift-id="primary-2027-01-11"]').first().click();
    const panel = page.locator('[data-testid="shift-panel"][data-shift-id="primary-2027-01-11"]');
    await panel.waitFor();
    await panel.getByRole('button', { name: 'Find a swap' }).click();
    await panel.getByRole('button', { name: 'Rank by fairness in the swap assistant' }).click();

    const sam = page.locator('[data-testid="swap-candidate"][data-member-id="sam"]');
    await sam.waitFor({ timeout: 30_000 });
    await expect(sam.getAttribute('data-eligible')).resolves.toBe('true');
    // Diego holds it; Maya and Priya are kept out by a hard rule, each with its reason.
    await expect(page.locator('[data-testid="swap-candidate"][data-eligible="false"]').count()).resolves.toBe(
      2,
    );
    await page.screenshot({ path: join(session.userDataDir, '..', 'rotaplan-optimize-swap.png') });
    await sam.getByRole('button', { name: 'Give to Sam' }).click();
    await waitForShifts(
      session,
      (s) => s.find((x) => x.id === 'primary-2027-01-11')?.memberId === 'sam',
      'primary-2027-01-11 with Sam',
    );
    const shift = (await shiftsOnDisk(session))!.find((x) => x.id === 'primary-2027-01-11')!;
    expect(shift.source).toBe('override');
  });
});
