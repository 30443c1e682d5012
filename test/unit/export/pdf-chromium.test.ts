import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ChromiumNotFoundError,
  findChromium,
  renderPdfWithChromium,
} from '../../../electron/export/pdf-chromium';

vi.setConfig({ testTimeout: 90_000 });

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-chromium-'));
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('findChromium', () => {
  it('takes CHROME_PATH first, then names on PATH', async () => {
    const fake = join(dir, 'google-chrome');
    await writeFile(fake, '#!/bin/sh\nexit 0\n');
    await chmod(fake, 0o755);
    expect(await findChromium({ CHROME_PATH: fake, PATH: '' })).toBe(fake);
    expect(await findChromium({ PATH: dir })).toBe(fake);
  });

  it('names the missing browser when CHROME_PATH points nowhere', async () => {
    await expect(findChromium({ CHROME_PATH: join(dir, 'nope') })).rejects.toThrow(
      `CHROME_PATH is set to "${join(dir, 'nope')}", but no executable browser is there.`,
    );
  });

  it('says what to install when no browser is found', async () => {
    const error = new ChromiumNotFoundError();
    expect(error.message).toMatch(
      /^PDF export needs Chromium, Google Chrome or Microsoft Edge, and none was found\. Install one/,
    );
    expect(error.message).toContain('CHROME_PATH');
  });
});

describe('renderPdfWithChromium', () => {
  it('prints HTML to a PDF with /usr/bin/chromium', async () => {
    const bytes = await renderPdfWithChromium('<!doctype html><h1>Rotaplan</h1><p>page</p>', {
      executable: '/usr/bin/chromium',
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
