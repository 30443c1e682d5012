import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

/**
 * Where to look for a Chromium-family browser. Every field defaults to this machine's; tests pass their own
 * (a temp folder as home, an empty list of install places) to see what the finder does elsewhere.
 */
export type BrowserSearch = {
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
  home?: string;
  /** The usual install places, in order; installPlaces(platform, env, home) when absent. */
  installPlaces?: readonly string[];
  /** Playwright's browser cache folder; playwrightCacheDir(platform, env, home) when absent. */
  playwrightCache?: string;
};

/** The variables that name a browser outright, in the order they are read. */
export const BROWSER_ENV_VARS = ['CHROMIUM_PATH', 'CHROME_PATH'] as const;

/** Browser commands looked up on the PATH, in order. */
export const BROWSER_COMMANDS = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'chrome',
  'msedge',
  'microsoft-edge',
  'microsoft-edge-stable',
] as const;

function pathApi(platform: NodeJS.Platform) {
  return platform === 'win32' ? win32 : posix;
}

/**
 * Where Chromium, Google Chrome and Microsoft Edge install themselves on Linux (Debian and Ubuntu packages,
 * snap, Google's and Microsoft's packages), macOS (/Applications and ~/Applications) and Windows (per machine and
 * per user), in the order they are tried.
 */
export function installPlaces(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string[] {
  if (platform === 'win32') {
    const roots = [
      env.PROGRAMFILES ?? 'C:\\Program Files',
      env['PROGRAMFILES(X86)'] ?? 'C:\\Program Files (x86)',
      env.LOCALAPPDATA ?? win32.join(home, 'AppData', 'Local'),
    ];
    const apps = [
      ['Google', 'Chrome', 'Application', 'chrome.exe'],
      ['Chromium', 'Application', 'chrome.exe'],
      ['Microsoft', 'Edge', 'Application', 'msedge.exe'],
    ];
    return apps.flatMap((app) => roots.map((root) => win32.join(root, ...app)));
  }
  if (platform === 'darwin') {
    const apps = [
      'Google Chrome.app/Contents/MacOS/Google Chrome',
      'Chromium.app/Contents/MacOS/Chromium',
      'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
    return apps.flatMap((app) => [posix.join('/Applications', app), posix.join(home, 'Applications', app)]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/snap/bin/chromium',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/opt/microsoft/msedge/msedge',
  ];
}

/**
 * The folder `npx playwright-core install chromium` downloads into: PLAYWRIGHT_BROWSERS_PATH when set, else
 * ms-playwright in the user's cache folder (XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS,
 * LOCALAPPDATA on Windows) — the same rule Playwright follows.
 */
export function playwrightCacheDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string {
  const path = pathApi(platform);
  const explicit = env.PLAYWRIGHT_BROWSERS_PATH?.trim();
  if (explicit === '0') return path.join('node_modules', 'playwright-core', '.local-browsers');
  if (explicit) return explicit;
  if (platform === 'win32')
    return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'ms-playwright');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'ms-playwright');
  return path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), 'ms-playwright');
}

/** Executables inside one of Playwright's browser folders, per platform, newest layout first. */
function playwrightExecutables(platform: NodeJS.Platform, folder: string): string[][] {
  const headlessShell = folder.startsWith('chromium_headless_shell-');
  if (platform === 'win32') {
    return headlessShell
      ? [
          ['chrome-headless-shell-win64', 'chrome-headless-shell.exe'],
          ['chrome-win', 'headless_shell.exe'],
        ]
      : [
          ['chrome-win64', 'chrome.exe'],
          ['chrome-win', 'chrome.exe'],
        ];
  }
  if (platform === 'darwin') {
    const testing = ['Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'];
    return headlessShell
      ? [
          ['chrome-headless-shell-mac-arm64', 'chrome-headless-shell'],
          ['chrome-headless-shell-mac-x64', 'chrome-headless-shell'],
          ['chrome-mac', 'headless_shell'],
        ]
      : [
          ['chrome-mac-arm64', ...testing],
          ['chrome-mac-x64', ...testing],
          ['chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'],
        ];
  }
  return headlessShell
    ? [
        ['chrome-headless-shell-linux64', 'chrome-headless-shell'],
        ['chrome-headless-shell-linux-arm64', 'chrome-headless-shell'],
        ['chrome-linux', 'headless_shell'],
      ]
    : [
        ['chrome-linux64', 'chrome'],
        ['chrome-linux-arm64', 'chrome'],
        ['chrome-linux', 'chrome'],
      ];
}

/** Playwright's browser folders in a cache, full Chromium before the headless shell, newest revision first. */
async function playwrightCandidates(platform: NodeJS.Platform, cache: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(cache);
  } catch {
    return [];
  }
  const folders = names
    .map((name) => ({ name, match: /^(chromium|chromium_headless_shell)-(\d+)$/.exec(name) }))
    .filter((f): f is { name: string; match: RegExpExecArray } => f.match !== null)
    .sort((a, b) => {
      const kind = Number(a.match[1] !== 'chromium') - Number(b.match[1] !== 'chromium');
      return kind !== 0 ? kind : Number(b.match[2]) - Number(a.match[2]);
    });
  const path = pathApi(platform);
  return folders.flatMap((f) =>
    playwrightExecutables(platform, f.name).map((p) => path.join(cache, f.name, ...p)),
  );
}

async function isExecutableFile(file: string, platform: NodeJS.Platform): Promise<boolean> {
  try {
    await access(file, platform === 'win32' ? constants.F_OK : constants.X_OK);
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The places a search tries, in order, for messages that say where nothing was found. */
function describeSearch(cache: string): string {
  return (
    `${BROWSER_ENV_VARS.join(' and ')}, chromium, chromium-browser, google-chrome and msedge on the PATH, Chrome, ` +
    `Chromium and Edge in their usual install places, and Playwright's browser cache ${cache}`
  );
}

/**
 * The Chromium-family browser to drive or print with: CHROMIUM_PATH or CHROME_PATH when set (an error naming the
 * variable when it points at no executable, rather than quietly using another browser), then chromium,
 * chromium-browser, google-chrome, msedge … on the PATH, then the usual install places, then Playwright's browser
 * cache (newest Chromium first). Null when there is none. Why one finder: the end-to-end harness, the benches and
 * the PDF export must agree on which browser a machine has.
 */
export async function findBrowser(search: BrowserSearch = {}): Promise<string | null> {
  const env = search.env ?? process.env;
  const platform = search.platform ?? process.platform;
  const home = search.home ?? homedir();
  const path = pathApi(platform);
  for (const name of BROWSER_ENV_VARS) {
    const explicit = env[name]?.trim();
    if (!explicit) continue;
    if (await isExecutableFile(explicit, platform)) return explicit;
    throw new Error(`${name} is set to "${explicit}", but no executable browser is there.`);
  }
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter(Boolean);
  const suffixes = platform === 'win32' ? ['.exe'] : [''];
  for (const name of BROWSER_COMMANDS) {
    for (const dir of dirs) {
      for (const suffix of suffixes) {
        const candidate = path.join(dir, `${name}${suffix}`);
        if (await isExecutableFile(candidate, platform)) return candidate;
      }
    }
  }
  for (const candidate of search.installPlaces ?? installPlaces(platform, env, home)) {
    if (await isExecutableFile(candidate, platform)) return candidate;
  }
  const cache = search.playwrightCache ?? playwrightCacheDir(platform, env, home);
  for (const candidate of await playwrightCandidates(platform, cache)) {
    if (await isExecutableFile(candidate, platform)) return candidate;
  }
  return null;
}

/** No browser anywhere: what the tests need and how to get it, in one sentence. */
export function missingTestBrowserMessage(search: BrowserSearch = {}): string {
  const env = search.env ?? process.env;
  const platform = search.platform ?? process.platform;
  const cache = search.playwrightCache ?? playwrightCacheDir(platform, env, search.home ?? homedir());
  return (
    `The end-to-end tests need Chromium, Google Chrome or Microsoft Edge and found none (looked at ` +
    `${describeSearch(cache)}): run \`npx playwright-core install chromium\` where the internet is ` +
    'reachable, or `apt-get install chromium` on Debian, or set CHROMIUM_PATH to a browser executable.'
  );
}

/** The browser the tests and benches drive; throws the one-sentence instruction when there is none. */
export async function requireTestBrowser(search: BrowserSearch = {}): Promise<string> {
  const found = await findBrowser(search);
  if (!found) throw new Error(missingTestBrowserMessage(search));
  return found;
}
