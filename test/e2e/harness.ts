import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { DEFAULT_PREFERENCES } from '../../shared/prefs/preferences';
import { requireTestBrowser } from '../../electron/browser/find-browser';
import { launchPreview } from '../../electron/preview/launch';

/** The Chromium flags this machine needs (no sandbox as root, no background network in a closed network). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browserPath: Promise<string> | undefined;

/**
 * The Chromium, Chrome or Edge the tests and benches drive, found once per process by the same finder as the PDF
 * export (CHROMIUM_PATH, the PATH, the usual install places, Playwright's cache); rejects with the one-sentence
 * instruction when the machine has none.
 */
export function testBrowserPath(): Promise<string> {
  browserPath ??= requireTestBrowser();
  return browserPath;
}

/**
 * The machine's browser with the machine's flags in a fresh profile folder (launchPersistentContext owns
 * --user-data-dir), at the size the app is tested at.
 */
export async function launchChromium(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: await testBrowserPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1360, height: 880 },
  });
}

/**
 * The style the README's screenshots are taken with: the top bar's zone-rules warning hidden.
 * Why: the warning shows when the window's time-zone data and the main side's differ, which is what a system
 * Chromium beside Node gives the browser preview; the desktop app's window and main process share Electron's one
 * copy, so its users do not see it. Every other pixel is the app as it is.
 */
export const README_SCREENSHOT_STYLE = '[data-testid="zone-rules-indicator"] { display: none !important; }';

/**
 * Waits until every finite CSS transition and animation on the page has finished (Mantine's fades, colour-scheme
 * transitions, chart animations), so a check judges the view at rest; endless ones (a loader's spin) are not
 * waited for.
 */
export async function animationsDone(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
  );
}

export type Session = {
  page: Page;
  url: string;
  userDataDir: string;
  /** Closes browser and preview; removes temp folders. */
  close: () => Promise<void>;
};

/**
 * Starts the real preview (built renderer + real handlers + real store in a fresh user-data folder) and a fresh
 * headless Chromium profile, and opens the app.
 */
export async function openApp(options: { userDataDir?: string; tour?: boolean } = {}): Promise<Session> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'rotaplan-e2e-')));
  // The first-run tour is a test of its own (guided-setup.test.ts asks for it with `tour: true`); elsewhere its
  // card would sit over what a test clicks, so the fresh user-data folder starts with it dismissed.
  if (!options.tour && !options.userDataDir) {
    await writeFile(
      join(userDataDir, 'preferences.json'),
      JSON.stringify({ ...DEFAULT_PREFERENCES, tourDismissed: true }),
    );
  }
  const profile = await mkdtemp(join(tmpdir(), 'rotaplan-chromium-'));
  const preview = await launchPreview({ userDataDir });
  let browser: BrowserContext | null = null;
  try {
    // A fresh profile per session, as the machine notes ask.
    browser = await launchChromium(profile);
    const page = browser.pages()[0] ?? (await browser.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(preview.url);
    return {
      page,
      url: preview.url,
      userDataDir,
      close: async () => {
        await browser?.close();
        await preview.close();
        // The browser and the preview have stopped; rm still retries a folder a last write just landed in.
        const settled = { recursive: true, force: true, maxRetries: 10, retryDelay: 50 };
        await rm(profile, settled);
        if (!options.userDataDir) await rm(userDataDir, settled);
        if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
      },
    };
  } catch (error) {
    await browser?.close();
    await preview.close();
    throw error;
  }
}
