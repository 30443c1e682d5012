import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findBrowser, type BrowserSearch } from '../browser/find-browser';

/** No Chromium, Chrome or Edge was found: the message says what to install or set. */
export class ChromiumNotFoundError extends Error {
  constructor() {
    super(
      'PDF export needs Chromium, Google Chrome or Microsoft Edge, and none was found. Install one (for example ' +
        '`apt install chromium`, or Chrome from google.com/chrome), or set CHROME_PATH to the browser executable.',
    );
    this.name = 'ChromiumNotFoundError';
  }
}

/** How to run the browser: which executable (found by findBrowser with `search` when absent) and how long a print may take. */
export type ChromiumPdfOptions = { executable?: string; timeoutMs?: number; search?: BrowserSearch };

function run(file: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { timeout: timeoutMs, killSignal: 'SIGKILL', windowsHide: true },
      (error, _o, stderr) => {
        if (!error) return resolve();
        if (error.killed) {
          reject(new Error(`the browser did not finish the PDF within ${Math.round(timeoutMs / 1000)} s`));
        } else {
          const detail = String(stderr).trim().split('\n').slice(-3).join(' ');
          reject(new Error(`the browser (${file}) failed to print the PDF: ${detail || error.message}`));
        }
      },
    );
  });
}

/**
 * Renders self-contained HTML to PDF bytes with a headless Chromium, Chrome or Edge — the PDF route for the CLI and
 * the browser preview, which have no Electron. The HTML goes to a temporary file (a data: URL would hit command
 * line length limits for a year's report), the browser prints it with its own profile folder (so a running
 * browser is not disturbed) and is killed after `timeoutMs`; the temporary folder is always removed.
 */
export async function renderPdfWithChromium(
  html: string,
  options: ChromiumPdfOptions = {},
): Promise<Uint8Array> {
  const executable = options.executable ?? (await findBrowser(options.search));
  if (!executable) throw new ChromiumNotFoundError();
  const dir = await mkdtemp(join(tmpdir(), 'rotaplan-pdf-'));
  try {
    const page = join(dir, 'report.html');
    const out = join(dir, 'report.pdf');
    await writeFile(page, html, 'utf8');
    await run(
      executable,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-extensions',
        `--user-data-dir=${join(dir, 'profile')}`,
        `--print-to-pdf=${out}`,
        '--no-pdf-header-footer',
        pathToFileURL(page).href,
      ],
      options.timeoutMs ?? 60_000,
    );
    let bytes: Buffer;
    try {
      bytes = await readFile(out);
    } catch {
      throw new Error(`the browser (${executable}) exited without writing a PDF`);
    }
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      throw new Error(`the browser (${executable}) wrote something that is not a PDF`);
    }
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } finally {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** A `renderPdf` for the handler context (the preview) and the CLI: headless Chromium with these options. */
export function createChromiumPdfRenderer(
  options: ChromiumPdfOptions = {},
): (html: string) => Promise<Uint8Array> {
  return (html) => renderPdfWithChromium(html, options);
}
