import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createPackage } from '@electron/asar';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import {
  classifyEntry,
  isForDevelopersOnly,
  listAsar,
  makeStandInElectron,
  packageFolderOf,
  packagesReachableFrom,
  productionPackagePaths,
  runtimeImports,
  unexpectedEntries,
} from '../../../scripts/package-dry-run';

const lock = {
  lockfileVersion: 3,
  packages: {
    '': { name: 'rotaplan' },
    'node_modules/zod': { version: '4.6.7' },
    'node_modules/@mantine/core': { version: '9.7.3' },
    'node_modules/date-holidays/node_modules/js-yaml': { version: '4.1.0' },
    'node_modules/vitest': { version: '4.1.12', dev: true },
    'node_modules/@types/react': { version: '19.3.0', devOptional: true },
  },
};
const production = productionPackagePaths(lock);

describe('productionPackagePaths', () => {
  it('keeps the installed paths that production needs and drops dev-only ones', () => {
    expect([...production].sort()).toEqual([
      'node_modules/@mantine/core',
      'node_modules/date-holidays/node_modules/js-yaml',
      'node_modules/zod',
    ]);
  });

  it('reads the real package-lock.json: runtime dependencies in, build and test tools out', async () => {
    const real = productionPackagePaths(JSON.parse(await readFile('package-lock.json', 'utf8')));
    expect(real.has('node_modules/zod')).toBe(true);
    expect(real.has('node_modules/lowdb')).toBe(true);
    expect(real.has('node_modules/electron')).toBe(false);
    expect(real.has('node_modules/vitest')).toBe(false);
    expect(real.has('node_modules/electron-builder')).toBe(false);
  });

  it('explains a lock file without a packages map', () => {
    expect(() => productionPackagePaths({ lockfileVersion: 1, dependencies: {} })).toThrow(
      'package-lock.json: no "packages" map (lockfileVersion 2 or later is needed)',
    );
  });
});

describe('packageFolderOf', () => {
  it.each([
    ['node_modules/zod/index.js', 'node_modules/zod'],
    ['node_modules/@mantine/core/esm/index.mjs', 'node_modules/@mantine/core'],
    [
      'node_modules/date-holidays/node_modules/js-yaml/index.js',
      'node_modules/date-holidays/node_modules/js-yaml',
    ],
    ['node_modules/a/node_modules/@s/b/lib/x.js', 'node_modules/a/node_modules/@s/b'],
    ['out/main/index.js', null],
    ['node_modules/@mantine', null],
  ])('%s → %s', (path, folder) => {
    expect(packageFolderOf(path)).toBe(folder);
  });
});

describe('classifyEntry', () => {
  it.each([
    ['out/main/index.js', 'app'],
    ['out/renderer/assets/index-D8M31aMk.js', 'app'],
    ['package.json', 'manifest'],
    ['node_modules/zod/index.cjs', 'dependency'],
    ['node_modules/zod/LICENSE.md', 'dependency'],
    ['node_modules/date-holidays/node_modules/js-yaml/index.js', 'dependency'],
    ['out/main/index.js.map', 'unexpected'],
    ['node_modules/zod/src/v4/core/core.ts', 'unexpected'],
    ['node_modules/zod/index.d.cts', 'unexpected'],
    ['node_modules/@mantine/core/README.md', 'unexpected'],
    ['node_modules/vitest/index.js', 'unexpected'],
    ['node_modules/@types/react/index.d.ts', 'unexpected'],
    ['node_modules/left-pad/index.js', 'unexpected'],
    ['shared/plan/schema.ts', 'unexpected'],
    ['electron/main/index.ts', 'unexpected'],
    ['test/unit/plan/validate.test.ts', 'unexpected'],
    ['docs/ARCHITECTURE.md', 'unexpected'],
    ['assets/icon.svg', 'unexpected'],
    ['bin/rotaplan.js', 'unexpected'],
  ] as const)('%s is %s', (path, kind) => {
    expect(classifyEntry(path, production)).toBe(kind);
  });

  it('treats licence texts as part of the dependency they cover, other Markdown as docs', () => {
    expect(isForDevelopersOnly('node_modules/a/LICENSE.md')).toBe(false);
    expect(isForDevelopersOnly('node_modules/a/licence.markdown')).toBe(false);
    expect(isForDevelopersOnly('node_modules/a/CONTRIBUTING.md')).toBe(true);
  });
});

describe('checking a real archive', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rotaplan-asar-check-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  });

  it('lists every file in an app.asar with its size and reports the ones that do not belong', async () => {
    const files: Record<string, string> = {
      'package.json': '{"name":"rotaplan","main":"out/main/index.js"}',
      'out/main/index.js': 'export {};\n',
      'out/renderer/index.html': '<!doctype html>\n',
      'node_modules/zod/package.json': '{"name":"zod"}',
      'node_modules/vitest/package.json': '{"name":"vitest"}',
      'out/main/index.js.map': '{}',
      'shared/plan/schema.ts': 'export type Plan = {};\n',
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, 'app', path)), { recursive: true });
      await writeFile(join(dir, 'app', path), text);
    }
    const archive = join(dir, 'app.asar');
    await createPackage(join(dir, 'app'), archive);

    const entries = await listAsar(archive);
    expect(entries.map((entry) => entry.path).sort()).toEqual(Object.keys(files).sort());
    expect(entries.find((entry) => entry.path === 'out/main/index.js')).toEqual({
      path: 'out/main/index.js',
      size: 11,
      unpacked: false,
    });
    expect(
      unexpectedEntries(
        entries.map((entry) => entry.path),
        production,
      ),
    ).toEqual(['node_modules/vitest/package.json', 'out/main/index.js.map', 'shared/plan/schema.ts']);
  });

  it('makes a stand-in Electron whose fuses @electron/fuses can read and flip offline', async () => {
    await makeStandInElectron(dir, '45.5.0');
    const electron = join(dir, 'electron');
    expect((await stat(electron)).mode & 0o111).toBe(0o111);
    expect(await readFile(join(dir, 'version'), 'utf8')).toBe('45.5.0');
    expect(await getCurrentFuseWire(electron)).toEqual({
      version: '1',
      0: 49,
      1: 48,
      2: 49,
      3: 49,
      4: 48,
      5: 48,
      6: 48,
      7: 49,
    });
    await flipFuses(electron, {
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
    });
    const flipped = await getCurrentFuseWire(electron);
    expect([flipped[FuseV1Options.RunAsNode], flipped[FuseV1Options.OnlyLoadAppFromAsar]]).toEqual([48, 49]);
  });
});

describe('runtimeImports', () => {
  it('names the packages a bundle loads, leaving out Node built-ins, electron and relative files', () => {
    const bundle = [
      'import { BrowserWindow, app } from "electron";',
      'import { join } from "node:path";',
      'import { readFile } from "fs/promises";',
      'import { z } from "zod";',
      'import { JSONFile } from "lowdb/node";',
      "import Holidays from 'date-holidays';",
      'import "temporal-polyfill/global";',
      'const highs = await import("highs");',
      'const { Low } = require("@scope/pkg/sub");',
      'import { helper } from "./chunk-1.js";',
    ].join('\n');
    expect(runtimeImports(bundle)).toEqual([
      '@scope/pkg',
      'date-holidays',
      'highs',
      'lowdb',
      'temporal-polyfill',
      'zod',
    ]);
  });
});

describe('packagesReachableFrom', () => {
  it('follows dependencies the way Node resolves them, nested copies first', () => {
    const tree = {
      packages: {
        '': { dependencies: { a: '1', react: '19' } },
        'node_modules/a': { dependencies: { b: '2', c: '1' } },
        'node_modules/a/node_modules/b': { dependencies: { c: '1' } },
        'node_modules/b': {},
        'node_modules/c': { optionalDependencies: { d: '1' }, peerDependencies: { missing: '1' } },
        'node_modules/d': {},
        'node_modules/react': {},
      },
    };
    expect([...packagesReachableFrom(tree, ['a'])].sort()).toEqual([
      'node_modules/a',
      'node_modules/a/node_modules/b',
      'node_modules/c',
      'node_modules/d',
    ]);
  });
});
