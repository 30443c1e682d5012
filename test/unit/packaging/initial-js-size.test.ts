import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { measureInitialJs } from '../../../bench/ui/initial-js';

const RENDERER = resolve('out/renderer');
const LIMIT_GZIP_BYTES = 600_000;

describe('initial JS of the built renderer', () => {
  it('follows static imports but not lazy ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rotaplan-initial-js-'));
    try {
      await mkdir(join(dir, 'assets'));
      await writeFile(
        join(dir, 'index.html'),
        '<script type="module" crossorigin src="./assets/index-a.js"></script>',
      );
      await writeFile(join(dir, 'assets/index-a.js'), 'import{x as y}from"./b.js";import("./lazy.js");y();');
      await writeFile(join(dir, 'assets/b.js'), 'import "./c.js";export const x=()=>1;');
      await writeFile(join(dir, 'assets/c.js'), 'console.log(1);');
      await writeFile(join(dir, 'assets/lazy.js'), 'x'.repeat(10_000));
      const measured = measureInitialJs(dir);
      expect(measured.files).toEqual(['assets/index-a.js', 'assets/b.js', 'assets/c.js']);
      expect(measured.rawBytes).toBe(51 + 37 + 15);
    } finally {
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    }
  });

  it.runIf(existsSync(join(RENDERER, 'index.html')))(
    'entry chunk and its static imports stay under 600 kB gzip (run after electron-vite build)',
    () => {
      const measured = measureInitialJs(RENDERER);
      expect(measured.files[0]).toMatch(/^assets\/index-.+\.js$/);
      expect(measured.gzipBytes).toBeGreaterThan(50_000);
      expect(measured.gzipBytes).toBeLessThan(LIMIT_GZIP_BYTES);
    },
  );
});
