import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchPreview } from '../../electron/preview/launch';
import { DEFAULT_PREFERENCES } from '../../shared/prefs/preferences';
import type { Plan } from '../../shared/plan/schema';
import { launchChromium, openApp, type Session } from './harness';

/** Waits until the app has written its plan, then changes the file behind its back as a sync tool would. */
async function changeOnDisk(session: Session, change: (plan: Plan) => void): Promise<string> {
  await session.page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
  const path = join(session.userDataDir, 'plan.rotaplan.json');
  const plan = JSON.parse(await readFile(path, 'utf8')) as Plan;
  change(plan);
  const text = `${JSON.stringify(plan, null, 4)}\n`;
  await writeFile(path, text);
  return text;
}

async function renamePriya(session: Session, name: string) {
  const { page } = session;
  await page.getByRole('button', { name: /^Edit Priya/ }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Save member' }).click();
}

describe('conflicting edits (Chromium through the preview)', () => {
  let session: Session;
  afterEach(async () => session?.close());

  it('a file changed behind the app is not overwritten: compare, then keep mine as a copy', async () => {
    session = await openApp();
    const { page, userDataDir } = session;
    const theirs = await changeOnDisk(session, (plan) => {
      plan.meta.name = 'Changed by a sync tool';
      plan.members[0]!.role = 'Analytics engineer';
    });

    await renamePriya(session, 'Priya Natarajan');
    const dialog = page.getByRole('dialog', { name: 'The plan changed on disk' });
    await dialog.waitFor();
    await page.locator('[data-testid="save-state"][data-status="failed"]').waitFor();
    expect(await readFile(join(userDataDir, 'plan.rotaplan.json'), 'utf8')).toBe(theirs);

    await dialog.getByRole('button', { name: 'Compare' }).click();
    const comparison = dialog.getByTestId('conflict-comparison');
    await comparison.waitFor();
    await expect(comparison.getByText('Changed: Maya Chen, Priya Natarajan').count()).resolves.toBe(1);
    await expect(comparison.getByText('Also different: meta.').count()).resolves.toBe(1);

    await dialog.getByRole('button', { name: 'Keep mine as a copy' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();

    const copies = (await readdir(userDataDir)).filter((f) => f.includes('(my copy '));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(/^plan \(my copy \d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\)\.rotaplan\.json$/);
    const mine = JSON.parse(await readFile(join(userDataDir, copies[0]!), 'utf8'));
    expect(mine.meta.name).toBe('Data pipeline coverage 2027');
    expect(mine.members[2]).toMatchObject({ id: 'priya', name: 'Priya Natarajan' });
    expect(mine.members[0].role).not.toBe('Analytics engineer');
    // The other program's version is exactly as it wrote it.
    expect(await readFile(join(userDataDir, 'plan.rotaplan.json'), 'utf8')).toBe(theirs);

    // The app continues in the copy: the next edit lands there, not in the other program's file.
    await renamePriya(session, 'Priya N.');
    await page.locator('tr[data-member-id="priya"]').getByText('Priya N.').waitFor();
    await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
    const after = JSON.parse(await readFile(join(userDataDir, copies[0]!), 'utf8'));
    expect(after.members[2].name).toBe('Priya N.');
    expect(await readFile(join(userDataDir, 'plan.rotaplan.json'), 'utf8')).toBe(theirs);
  });

  it('reload from disk shows the other version and leaves its file as it was', async () => {
    session = await openApp();
    const { page, userDataDir } = session;
    const theirs = await changeOnDisk(session, (plan) => {
      plan.members[2]!.name = 'Priya from the other laptop';
    });
    await renamePriya(session, 'Priya Natarajan');
    const dialog = page.getByRole('dialog', { name: 'The plan changed on disk' });
    await dialog.getByRole('button', { name: 'Reload from disk' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('tr[data-member-id="priya"]').getByText('Priya from the other laptop').waitFor();
    expect(await readFile(join(userDataDir, 'plan.rotaplan.json'), 'utf8')).toBe(theirs);
    expect((await readdir(userDataDir)).filter((f) => f.includes('(my copy '))).toEqual([]);
  });

  it('a restarted preview does not write over a file another program changed while it was down', async () => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'rotaplan-e2e-restart-'));
    const profile = await mkdtemp(join(tmpdir(), 'rotaplan-chromium-'));
    await writeFile(
      join(userDataDir, 'preferences.json'),
      JSON.stringify({ ...DEFAULT_PREFERENCES, tourDismissed: true }),
    );
    let preview = await launchPreview({ userDataDir });
    const browser = await launchChromium(profile);
    try {
      const page = browser.pages()[0] ?? (await browser.newPage());
      await page.goto(preview.url);
      const path = join(userDataDir, 'plan.rotaplan.json');
      const session: Session = { page, url: preview.url, userDataDir, close: async () => undefined };
      // The preview stops; another program writes the plan; the preview starts again where the page expects it.
      await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
      const { port, token } = preview;
      await preview.close();
      const theirs = await changeOnDisk(session, (plan) => {
        plan.meta.name = 'Changed while the preview was down';
      });
      preview = await launchPreview({ userDataDir, port, token });

      await renamePriya(session, 'Priya Natarajan');
      const dialog = page.getByRole('dialog', { name: 'The plan changed on disk' });
      await dialog.waitFor();
      await page.locator('[data-testid="save-state"][data-status="failed"]').waitFor();
      expect(await readFile(path, 'utf8')).toBe(theirs);

      // Reloading gives the restarted store a revision it read: the next edit saves.
      await dialog.getByRole('button', { name: 'Reload from disk' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await renamePriya(session, 'Priya after the reload');
      await page.locator('tr[data-member-id="priya"]').getByText('Priya after the reload').waitFor();
      await page.locator('[data-testid="save-state"][data-status="saved"]').waitFor();
      const saved = JSON.parse(await readFile(path, 'utf8')) as Plan;
      expect(saved.meta.name).toBe('Changed while the preview was down');
      expect(saved.members[2]!.name).toBe('Priya after the reload');
    } finally {
      await browser.close();
      await preview.close();
      await rm(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    }
  });
});
