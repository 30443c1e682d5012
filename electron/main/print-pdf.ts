import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';

/** How long loading and printing one report may take before the window is closed and an error returned. */
const PRINT_TIMEOUT_MS = 60_000;

/** The hidden print window's options: no preload, no Node, no JavaScript at all — the report is static HTML. */
export const PRINT_WINDOW_OPTIONS = {
  show: false,
  width: 1024,
  height: 1400,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    javascript: false,
    webSecurity: true,
    images: true,
    disableBlinkFeatures: 'Auxclick',
    spellcheck: false,
  },
} as const;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`printing the report took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/**
 * The PDF renderer of the desktop app: Chromium's own printToPDF on a hidden, sandboxed window with JavaScript
 * off and no preload, A4 with backgrounds (member colours) printed. The HTML goes through a temporary file rather
 * than a data: URL, whose length Chromium caps; the window and the file are removed whatever happens.
 * The lead passes the result as `renderPdf` in the handler context of Electron main.
 */
export function createElectronPdfRenderer(): (html: string) => Promise<Uint8Array> {
  return async (html) => {
    const dir = await mkdtemp(join(tmpdir(), 'rotaplan-print-'));
    const page = join(dir, 'report.html');
    // Written out (not spread from PRINT_WINDOW_OPTIONS) so Electronegativity reads each security option here;
    // print-pdf.test.ts checks both agree.
    const win = new BrowserWindow({
      show: PRINT_WINDOW_OPTIONS.show,
      width: PRINT_WINDOW_OPTIONS.width,
      height: PRINT_WINDOW_OPTIONS.height,
      webPreferences: {
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        javascript: false,
        webSecurity: true,
        images: true,
        disableBlinkFeatures: 'Auxclick',
        spellcheck: false,
      },
    });
    try {
      await writeFile(page, html, 'utf8');
      const pdf = await withTimeout(
        (async () => {
          await win.loadFile(page);
          return win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
        })(),
        PRINT_TIMEOUT_MS,
      );
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      if (!win.isDestroyed()) win.destroy();
      await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    }
  };
}
