import { chmod, mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  findBrowser,
  installPlaces,
  missingTestBrowserMessage,
  playwrightCacheDir,
  requireTestBrowser,
  type BrowserSearch,
} from '../../../electron/browser/find-browser';
import { renderPdfWithChromium } from '../../../electron/export/pdf-chromium';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-find-browser-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));

/** A fake browser: an executable script at `path` (folders made as needed). */
async function fakeBrowser(...parts: string[]): Promise<string> {
  const path = join(dir, ...parts);
  await mkdir(join(path, '..'), { recursive: true });
  await writeFile(path, '#!/bin/sh\nexit 0\n');
  await chmod(path, 0o755);
  return path;
}

/** A search that sees nothing of this machine: only what a test puts in its temp folder. */
function isolated(extra: BrowserSearch = {}): BrowserSearch {
  return { platform: 'linux', home: join(dir, 'home'), installPlaces: [], env: { PATH: '' }, ...extra };
}

describe('findBrowser', () => {
  it('takes CHROMIUM_PATH, then CHROME_PATH, before anything on the PATH', async () => {
    const onPath = await fakeBrowser('bin', 'chromium');
    const chromium = await fakeBrowser('a', 'my-chromium');
    const chrome = await fakeBrowser('b', 'my-chrome');
    const PATH = join(dir, 'bin');
    expect(await findBrowser(isolated({ env: { CHROMIUM_PATH: chromium, CHROME_PATH: chrome, PATH } }))).toBe(
      chromium,
    );
    expect(await findBrowser(isolated({ env: { CHROME_PATH: chrome, PATH } }))).toBe(chrome);
    expect(await findBrowser(isolated({ env: { PATH } }))).toBe(onPath);
  });

  it('names the variable when it points at no executable, instead of quietly using another browser', async () => {
    await fakeBrowser('bin', 'chromium');
    const nowhere = join(dir, 'nope');
    await expect(
      findBrowser(isolated({ env: { CHROMIUM_PATH: nowhere, PATH: join(dir, 'bin') } })),
    ).rejects.toThrow(`CHROMIUM_PATH is set to "${nowhere}", but no executable browser is there.`);
    await mkdir(join(dir, 'folder'));
    await expect(findBrowser(isolated({ env: { CHROME_PATH: join(dir, 'folder') } }))).rejects.toThrow(
      `CHROME_PATH is set to "${join(dir, 'folder')}", but no executable browser is there.`,
    );
  });

  it('looks up chromium, chromium-browser, google-chrome and msedge on the PATH, in that order of names', async () => {
    const edge = await fakeBrowser('one', 'msedge');
    const chrome = await fakeBrowser('two', 'google-chrome');
    await writeFile(join(dir, 'one', 'chromium'), 'not executable');
    const PATH = [join(dir, 'one'), join(dir, 'missing'), join(dir, 'two')].join(':');
    expect(await findBrowser(isolated({ env: { PATH } }))).toBe(chrome);
    await rm(chrome);
    expect(await findBrowser(isolated({ env: { PATH } }))).toBe(edge);
  });

  it('tries the install places in order when the PATH has none', async () => {
    const first = join(dir, 'opt', 'google', 'chrome', 'chrome');
    const second = await fakeBrowser('usr', 'bin', 'chromium');
    expect(await findBrowser(isolated({ installPlaces: [first, second] }))).toBe(second);
    await fakeBrowser('opt', 'google', 'chrome', 'chrome');
    expect(await findBrowser(isolated({ installPlaces: [first, second] }))).toBe(first);
  });

  it("finds the newest Chromium in Playwright's cache, then its headless shell", async () => {
    const cache = join(dir, 'home', '.cache', 'ms-playwright');
    const shell = await fakeBrowser(
      'home',
      '.cache',
      'ms-playwright',
      'chromium_headless_shell-1300',
      'chrome-headless-shell-linux64',
      'chrome-headless-shell',
    );
    expect(await findBrowser(isolated())).toBe(shell);
    await fakeBrowser('home', '.cache', 'ms-playwright', 'chromium-1100', 'chrome-linux', 'chrome');
    const newest = await fakeBrowser(
      'home',
      '.cache',
      'ms-playwright',
      'chromium-1200',
      'chrome-linux64',
      'chrome',
    );
    await mkdir(join(cache, 'chromium-1250'));
    expect(await findBrowser(isolated())).toBe(newest);
  });

  it('reads the cache named by PLAYWRIGHT_BROWSERS_PATH, and XDG_CACHE_HOME on Linux', async () => {
    const own = await fakeBrowser('pw', 'chromium-1200', 'chrome-linux64', 'chrome');
    expect(await findBrowser(isolated({ env: { PLAYWRIGHT_BROWSERS_PATH: join(dir, 'pw') } }))).toBe(own);
    const xdg = await fakeBrowser('xdg', 'ms-playwright', 'chromium-1200', 'chrome-linux64', 'chrome');
    expect(await findBrowser(isolated({ env: { XDG_CACHE_HOME: join(dir, 'xdg') } }))).toBe(xdg);
  });

  it('finds nothing in an empty world, and the tests then stop with one sentence saying what to do', async () => {
    expect(await findBrowser(isolated())).toBeNull();
    const cache = join(dir, 'home', '.cache', 'ms-playwright');
    const sentence =
      'The end-to-end tests need Chromium, Google Chrome or Microsoft Edge and found none (looked at CHROMIUM_PATH ' +
      'and CHROME_PATH, chromium, chromium-browser, google-chrome and msedge on the PATH, Chrome, Chromium and ' +
      `Edge in their usual install places, and Playwright's browser cache ${cache}): run ` +
      '`npx playwright-core install chromium` where the internet is reachable, or `apt-get install chromium` on ' +
      'Debian, or set CHROMIUM_PATH to a browser executable.';
    expect(missingTestBrowserMessage(isolated())).toBe(sentence);
    await expect(requireTestBrowser(isolated())).rejects.toThrow(sentence);
  });

  it('finds a browser reachable only as `chromium` on the PATH, and that browser prints', async () => {
    // Whatever real browser this machine has, reachable only through a link in a folder of its own on the PATH:
    // no variables, no install places, no Playwright cache.
    const real = await realpath(await requireTestBrowser());
    await mkdir(join(dir, 'bin'));
    await symlink(real, join(dir, 'bin', 'chromium'));
    const search = isolated({ env: { PATH: join(dir, 'bin') } });
    expect(await findBrowser(search)).toBe(join(dir, 'bin', 'chromium'));
    const pdf = await renderPdfWithChromium('<!doctype html><p>found on the PATH</p>', { search });
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
  }, 90_000);
});

describe('installPlaces', () => {
  it('knows Debian, Ubuntu, snap, Google and Microsoft places on Linux', () => {
    expect(installPlaces('linux', {}, '/home/ada')).toEqual([
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/snap/bin/chromium',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/opt/google/chrome/chrome',
      '/usr/bin/microsoft-edge',
      '/usr/bin/microsoft-edge-stable',
      '/opt/microsoft/msedge/msedge',
    ]);
  });

  it('knows /Applications and ~/Applications on macOS', () => {
    expect(installPlaces('darwin', {}, '/Users/ada')).toEqual([
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Users/ada/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Users/ada/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Users/ada/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ]);
  });

  it('knows per-machine and per-user installs on Windows, from the environment', () => {
    const env = {
      PROGRAMFILES: 'D:\\Apps',
      'PROGRAMFILES(X86)': 'D:\\Apps (x86)',
      LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local',
    };
    expect(installPlaces('win32', env, 'C:\\Users\\ada')).toEqual([
      'D:\\Apps\\Google\\Chrome\\Application\\chrome.exe',
      'D:\\Apps (x86)\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'D:\\Apps\\Chromium\\Application\\chrome.exe',
      'D:\\Apps (x86)\\Chromium\\Application\\chrome.exe',
      'C:\\Users\\ada\\AppData\\Local\\Chromium\\Application\\chrome.exe',
      'D:\\Apps\\Microsoft\\Edge\\Application\\msedge.exe',
      'D:\\Apps (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\Users\\ada\\AppData\\Local\\Microsoft\\Edge\\Application\\msedge.exe',
    ]);
    expect(installPlaces('win32', {}, 'C:\\Users\\ada')[0]).toBe(
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
    );
  });
});

describe('playwrightCacheDir', () => {
  it("is Playwright's own folder on each system", () => {
    expect(playwrightCacheDir('linux', {}, '/home/ada')).toBe('/home/ada/.cache/ms-playwright');
    expect(playwrightCacheDir('linux', { XDG_CACHE_HOME: '/var/cache/ada' }, '/home/ada')).toBe(
      '/var/cache/ada/ms-playwright',
    );
    expect(playwrightCacheDir('darwin', {}, '/Users/ada')).toBe('/Users/ada/Library/Caches/ms-playwright');
    expect(
      playwrightCacheDir('win32', { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, 'C:\\Users\\ada'),
    ).toBe('C:\\Users\\ada\\AppData\\Local\\ms-playwright');
    expect(playwrightCacheDir('win32', {}, 'C:\\Users\\ada')).toBe(
      'C:\\Users\\ada\\AppData\\Local\\ms-playwright',
    );
    expect(playwrightCacheDir('linux', { PLAYWRIGHT_BROWSERS_PATH: '/srv/browsers' }, '/home/ada')).toBe(
      '/srv/browsers',
    );
  });
});
