import { existsSync, readFileSync } from 'node:fs';

// The electron module replaced at its boundary: the window's calls are recorded, the renderer's logic is real.
const recorded = vi.hoisted(() => ({
  windows: [] as {
    options: Record<string, unknown>;
    loaded: string[];
    printed: unknown[];
    destroyed: boolean;
    html: string;
  }[],
  failLoad: false,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    entry = {
      options: {} as Record<string, unknown>,
      loaded: [] as string[],
      printed: [] as unknown[],
      destroyed: false,
      html: '',
    };
    webContents = {
      printToPDF: async (options: unknown) => {
        this.entry.printed.push(options);
        return Buffer.from(`%PDF-1.4 ${this.entry.html.length}`);
      },
    };
    constructor(options: Record<string, unknown>) {
      this.entry.options = options;
      recorded.windows.push(this.entry);
    }
    async loadFile(path: string) {
      this.entry.loaded.push(path);
      if (recorded.failLoad) throw new Error('ERR_FILE_NOT_FOUND');
      this.entry.html = readFileSync(path, 'utf8');
    }
    isDestroyed() {
      return this.entry.destroyed;
    }
    destroy() {
      this.entry.destroyed = true;
    }
  }
  return { BrowserWindow, default: { BrowserWindow } };
});

const { createElectronPdfRenderer, PRINT_WINDOW_OPTIONS } = await import('../../../electron/main/print-pdf');

describe('createElectronPdfRenderer', () => {
  beforeEach(() => {
    recorded.windows.length = 0;
    recorded.failLoad = false;
  });

  it('prints the HTML from a temporary file on a hidden, script-less, sandboxed window and destroys it', async () => {
    const html = '<!doctype html><p>Report</p>';
    const bytes = await createElectronPdfRenderer()(html);
    expect(Buffer.from(bytes).toString('latin1')).toBe(`%PDF-1.4 ${html.length}`);
    expect(recorded.windows.length).toBe(1);
    const win = recorded.windows[0]!;
    expect(win.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
    });
    expect((win.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    // The options are written out in the call for Electronegativity; they must stay those of PRINT_WINDOW_OPTIONS.
    expect(win.options).toEqual(PRINT_WINDOW_OPTIONS);
    expect(win.html).toBe(html);
    expect(win.printed).toEqual([{ printBackground: true, pageSize: 'A4' }]);
    expect(win.destroyed).toBe(true);
    expect(existsSync(win.loaded[0]!)).toBe(false);
  });

  it('destroys the window and removes the file when loading fails', async () => {
    recorded.failLoad = true;
    await expect(createElectronPdfRenderer()('<p>x</p>')).rejects.toThrow('ERR_FILE_NOT_FOUND');
    expect(recorded.windows[0]!.destroyed).toBe(true);
    expect(existsSync(recorded.windows[0]!.loaded[0]!)).toBe(false);
  });
});
