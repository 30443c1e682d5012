import type { Page } from 'playwright-core';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import { planZoneSpan } from '../../shared/time/zone-offsets';
import { openApp, type Session } from './harness';

// The About dialog names the main process's tz data, and the window says whether its own rules (Chromium's
// ICU) agree with the main process's (Node's) for the plan's zones. The zones that disagree are found here
// independently: each zone's offset at noon UTC of every day of the span, read with plain Intl in Node and in the
// page. On a machine whose Chromium and Node carry the same rules the answer is "same offsets".

let session: Session;
beforeAll(async () => {
  session = await openApp();
});
afterAll(async () => {
  await session?.close();
});

function noonsOf(from: string, to: string): number[] {
  const out: number[] = [];
  for (let ms = Date.parse(`${from}T12:00:00Z`); ms <= Date.parse(`${to}T12:00:00Z`); ms += 86_400_000) {
    out.push(ms);
  }
  return out;
}

function offsetsIn(zones: string[], instants: number[]): string[] {
  return zones.map((zone) => {
    const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    return instants.map((ms) => f.format(ms)).join('|');
  });
}

async function pageOffsets(page: Page, zones: string[], instants: number[]): Promise<string[]> {
  return page.evaluate(
    ([zs, ms]) =>
      zs.map((zone) => {
        const f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
        return ms.map((t) => f.format(t)).join('|');
      }),
    [zones, instants] as const,
  );
}

describe('About Rotaplan', () => {
  it('shows the main process’s tz data version and whether this window’s rules agree', async () => {
    const { page } = session;
    await page.waitForSelector('[data-testid="plan-name"]');
    // The sample plan's zones and dates, as the app checks them (the preview starts with the sample).
    const span = planZoneSpan(createSamplePlan('2027-03-01T10:00:00.000Z'));
    expect(span.zones).toEqual(['America/Denver', 'America/Los_Angeles', 'America/Vancouver']);
    const noons = noonsOf(span.from, span.to);
    const inNode = offsetsIn(span.zones, noons);
    const inPage = await pageOffsets(page, span.zones, noons);
    const differing = span.zones.filter((_, i) => inNode[i] !== inPage[i]);

    await page.getByRole('button', { name: 'File' }).click();
    await page.getByRole('menuitem', { name: 'About Rotaplan' }).click();
    const dialog = page.getByRole('dialog', { name: 'About Rotaplan' });
    await expect
      .poll(() => dialog.getByTestId('about-tz-main').textContent())
      .toBe(`Main process: tz ${process.versions.tz}, ICU ${process.versions.icu}`);
    const windowLine = dialog.getByTestId('about-tz-window');
    await expect
      .poll(() => windowLine.textContent())
      .toBe(
        differing.length === 0
          ? `This window: version not reported; same offsets as the main process for the 3 plan zones, ${span.from} to ${span.to}`
          : `This window: version not reported; different offsets from the main process in ${differing.join(', ')}`,
      );
    await page.getByRole('button', { name: 'Close' }).click();

    // The top bar's warning names the same zones, or is not there (the check has answered: About said so).
    const indicator = page.getByTestId('zone-rules-indicator');
    if (differing.length === 0) {
      expect(await indicator.count()).toBe(0);
    } else {
      await expect.poll(() => indicator.textContent()).toBe(`Zone rules differ: ${differing.join(', ')}`);
      await indicator.click();
      const details = page.getByTestId('zone-rules-warning');
      for (const zone of differing) await expect.poll(() => details.textContent()).toContain(zone);
    }
  });
});
