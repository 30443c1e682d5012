import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireTestBrowser } from '../../../electron/browser/find-browser';
import { ChromiumNotFoundError, renderPdfWithChromium } from '../../../electron/export/pdf-chromium';

vi.setConfig({ testTimeout: 90_000 });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-chromium-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 }));

describe('ChromiumNotFoundError', () => {
  it('says what to install when no browser is found', async () => {
    const error = new ChromiumNotFoundError();
    expect(error.message).toMatch(
      /^PDF export needs Chromium, Google Chrome or Microsoft Edge, and none was found\. Install one/,
    );
    expect(error.message).toContain('CHROME_PATH');
  });

  it('is what renderPdfWithChromium throws when the finder finds nothing', async () => {
    await expect(
      renderPdfWithChromium('<p>x</p>', { search: { env: { PATH: dir }, home: dir, installPlaces: [] } }),
    ).rejects.toThrow(ChromiumNotFoundError);
  });
});

describe('renderPdfWithChromium', () => {
  it('prints HTML to a PDF with the browser the finder finds', async () => {
    const bytes = await renderPdfWithChromium('<!doctype html><h1>Rotaplan</h1><p>page</p>', {
      executable: await requireTestBrowser(),
    });
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(1000);
  });

  it('reports a browser that fails, and one that hangs past the timeout', async () => {
    const failing = join(dir, 'failing');
    await writeFile(failing, '#!/bin/sh\necho "cannot open display" >&2\nexit 3\n');
    await chmod(failing, 0o755);
    await expect(renderPdfWithChromium('<p>x</p>', { executable: failing })).rejects.toThrow(
      `the browser (${failing}) failed to print the PDF: cannot open display`,
    );
    const hanging = join(dir, 'hanging');
    await writeFile(hanging, '#!/bin/sh\nexec sleep 30\n');
    await chmod(hanging, 0o755);
    await expect(renderPdfWithChromium('<p>x</p>', { executable: hanging, timeoutMs: 500 })).rejects.toThrow(
      'the browser did not finish the PDF within 1 s',
    );
  });
});
