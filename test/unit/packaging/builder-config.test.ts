import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Configuration, FileAssociation, PlatformSpecificBuildOptions } from 'app-builder-lib';
// electron-builder's own loader and validator (the ajv check against app-builder-lib/scheme.json that
// `electron-builder` runs before every build), and its icon resolver; all three work offline.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { convertIcon } from 'app-builder-lib/out/util/iconConverter.js';
import { DebugLogger } from 'builder-util';

const projectDir = fileURLToPath(new URL('../../..', import.meta.url));

let config: Configuration;

beforeAll(async () => {
  config = await getConfig(projectDir, null, null);
});

/** What electron-builder's PlatformPackager.fileAssociations gives each platform: shared list, then its own. */
function associationsFor(platform: 'mac' | 'win' | 'linux'): FileAssociation[] {
  const own = (config[platform] as PlatformSpecificBuildOptions | null | undefined)?.fileAssociations;
  return [config.fileAssociations ?? [], own ?? []].flat();
}

function targetNames(platform: 'mac' | 'win' | 'linux'): string[] {
  const target = config[platform]?.target;
  const list = target == null ? [] : Array.isArray(target) ? target : [target];
  return list.map((entry) => (typeof entry === 'string' ? entry : entry.target));
}

describe('electron-builder.yml', () => {
  // Compiling electron-builder's schema with ajv takes seconds; later calls reuse the compiled validator.
  it('passes electron-builder’s own schema validation', { timeout: 30_000 }, async () => {
    await expect(
      validateConfiguration(structuredClone(config), new DebugLogger(false)),
    ).resolves.toBeUndefined();
  });

  it('is rejected by the same validator when an option is misspelt (so the check above can fail)', async () => {
    const broken = { ...structuredClone(config), productNmae: 'Rotaplan' } as Configuration;
    await expect(validateConfiguration(broken, new DebugLogger(false))).rejects.toThrow(
      /configuration has an unknown property 'productNmae'/,
    );
  });

  it('names the app', () => {
    expect(config.appId).toBe('com.rotaplan.app');
    expect(config.productName).toBe('Rotaplan');
  });

  it('builds AppImage and deb on Linux, dmg for arm64 and x64 on macOS, NSIS on Windows', () => {
    expect(targetNames('linux')).toEqual(['AppImage', 'deb']);
    expect(targetNames('mac')).toEqual(['dmg']);
    expect(config.mac?.target).toEqual([{ target: 'dmg', arch: ['arm64', 'x64'] }]);
    expect(targetNames('win')).toEqual(['nsis']);
  });

  it('associates .rotaplan.json with the app on all three platforms', () => {
    for (const platform of ['mac', 'win', 'linux'] as const) {
      const extensions = associationsFor(platform).flatMap((association) => [association.ext].flat());
      expect(extensions, platform).toEqual(['rotaplan.json']);
    }
    expect(associationsFor('linux')[0]?.mimeType).toBe('application/x-rotaplan+json');
    expect(associationsFor('mac')[0]?.role).toBe('Editor');
    // NSIS writes `name` as the registry ProgID, which must not contain spaces.
    expect(associationsFor('win')[0]?.name).toBe('Rotaplan.Plan');
  });

  it('packs into an ASAR archive and takes only the built output and package.json', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toEqual([
      {
        filter: [
          'out/**',
          'package.json',
          '!**/*.{map,ts,mts,cts,tsx,flow}',
          '!**/node_modules/**/!(LICEN[CS]E*|licen[cs]e*).{md,markdown}',
        ],
      },
    ]);
    expect(config.directories).toEqual({ output: 'dist', buildResources: 'assets' });
  });

  it('points each platform at its icon from assets/', () => {
    expect(config.mac?.icon).toBe('assets/icon.icns');
    expect(config.win?.icon).toBe('assets/icon.ico');
    expect(config.linux?.icon).toBe('assets/icon.png');
  });
});

describe('icons as electron-builder resolves them', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'rotaplan-icon-check-'));
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  });

  // Given a file already in the wanted format, electron-builder uses it as it is (checking an ICO holds a 256px
  // entry); anything else would make it download its icon toolset at build time.
  it.each([
    ['ico', 'assets/icon.ico', 256],
    ['icns', 'assets/icon.icns', 0],
    ['set', 'assets/icon.png', 512],
  ] as const)('%s: %s is used without conversion', async (format, source, size) => {
    const result = await convertIcon({
      sources: [source],
      fallbackSources: [],
      roots: [projectDir],
      format,
      outDir,
    });
    expect(result).toEqual({ icons: [{ file: join(projectDir, source), size }], isFallback: false });
  });
});
