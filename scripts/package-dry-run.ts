// Packaging dry run, offline: `npx tsx scripts/package-dry-run.ts [--out <dir>] [--json <file>]`.
// Runs electron-builder's Linux `dir` target with the real electron-builder.yml against a stand-in Electron folder
// (`electronDist`), so nothing is downloaded, then lists what entered resources/app.asar with @electron/asar.
// Fails if anything other than out/**, package.json and production dependencies got in (and no source maps,
// TypeScript or docs), or if a package the bundled main/preload code loads is missing. Prints the sizes.
// Needs a fresh `npm run build` (out/). Writes <out>/linux-unpacked; the default <out> is dist/.
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Where a file inside app.asar came from, as far as the package rules are concerned. */
export type EntryKind = 'app' | 'manifest' | 'dependency' | 'unexpected';

/** One file inside app.asar (or beside it in app.asar.unpacked), path relative to the archive root. */
export type PackageEntry = { path: string; size: number; unpacked: boolean };

/** What the dry run found; `--json <file>` writes it out. */
export type DryRunReport = {
  appAsar: string;
  executable: string;
  entries: PackageEntry[];
  unexpected: string[];
  /** Packages the bundled main and preload code import at run time, and those of them not in the archive. */
  runtimeImports: string[];
  missing: string[];
  bytes: {
    asar: number;
    unpacked: number;
    app: number;
    dependencies: number;
    unimported: number;
    total: number;
  };
  dependencySizes: Array<{ name: string; bytes: number; imported: boolean }>;
  fuses: Record<string, string> | null;
};

/**
 * The node_modules paths of production packages, from package-lock.json's `packages` map.
 * Why the lock file: it records for each installed path whether only devDependencies need it (`dev`), so the check
 * follows the dependency tree npm resolved rather than a list kept by hand.
 */
export function productionPackagePaths(lock: unknown): Set<string> {
  const packages = (lock as { packages?: Record<string, { dev?: boolean; devOptional?: boolean }> }).packages;
  if (packages === undefined || typeof packages !== 'object') {
    throw new Error('package-lock.json: no "packages" map (lockfileVersion 2 or later is needed)');
  }
  const paths = new Set<string>();
  for (const [key, info] of Object.entries(packages)) {
    if (key.startsWith('node_modules/') && info.dev !== true && info.devOptional !== true) paths.add(key);
  }
  return paths;
}

/**
 * The installed package folder a node_modules path belongs to, e.g. `node_modules/a/node_modules/@s/b` for
 * `node_modules/a/node_modules/@s/b/lib/x.js`; null for paths outside node_modules.
 */
export function packageFolderOf(path: string): string | null {
  const parts = path.split('/');
  let end = 0;
  while (parts[end] === 'node_modules' && end + 1 < parts.length) {
    const width = parts[end + 1]?.startsWith('@') ? 2 : 1;
    if (end + 1 + width >= parts.length) return null;
    end += 1 + width;
  }
  return end === 0 ? null : parts.slice(0, end).join('/');
}

/**
 * Whether a file only serves reading or compiling code: source maps, TypeScript sources and declarations, Flow
 * sources, and Markdown other than licence texts (which must ship with the dependency they cover).
 */
export function isForDevelopersOnly(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (/\.(map|ts|mts|cts|tsx|flow)$/i.test(name)) return true;
  return /\.(md|markdown)$/i.test(name) && !/^licen[cs]e/i.test(name);
}

/**
 * Sorts one app.asar file path under the package rules: the built app (out/**), the manifest (package.json), a
 * production dependency, or unexpected (anything else, dev dependencies, and files for developers only).
 */
export function classifyEntry(path: string, productionPaths: ReadonlySet<string>): EntryKind {
  if (isForDevelopersOnly(path)) return 'unexpected';
  if (path === 'package.json') return 'manifest';
  if (path.startsWith('out/')) return 'app';
  const folder = packageFolderOf(path);
  if (folder !== null && productionPaths.has(folder)) return 'dependency';
  return 'unexpected';
}

/** The paths that break the package rules, sorted; empty when the package holds only what it should. */
export function unexpectedEntries(paths: readonly string[], productionPaths: ReadonlySet<string>): string[] {
  return paths.filter((path) => classifyEntry(path, productionPaths) === 'unexpected').sort();
}

/** The top-level dependency name a node_modules path counts towards, e.g. `@mantine/core`. */
function dependencyName(path: string): string {
  const parts = path.split('/');
  return parts[1]?.startsWith('@') ? `${parts[1]}/${parts[2]}` : (parts[1] ?? path);
}

type LockPackages = Record<
  string,
  {
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  }
>;

const BUILTINS = new Set(builtinModules);

/**
 * The npm packages a bundled JavaScript file loads at run time (static and dynamic import, require), by name.
 * Why: Vite bundles everything but the dependencies it leaves external, so these are what app.asar must hold.
 */
export function runtimeImports(code: string): string[] {
  const names = new Set<string>();
  const patterns = [
    /\bfrom\s*["']([^"'\n]+)["']/g,
    /\bimport\s*["']([^"'\n]+)["']/g,
    /\bimport\s*\(\s*["']([^"'\n]+)["']\s*\)/g,
    /\brequire\s*\(\s*["']([^"'\n]+)["']\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const [, specifier = ''] of code.matchAll(pattern)) {
      if (!/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/.*)?$/i.test(specifier) || specifier.startsWith('node:'))
        continue;
      const parts = specifier.split('/');
      const name = specifier.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? specifier);
      if (name !== 'electron' && !BUILTINS.has(name)) names.add(name);
    }
  }
  return [...names].sort();
}

/**
 * The installed package folders (package-lock.json keys) that the named packages load, directly or through their
 * dependencies, resolved the way Node does: nearest node_modules first, then each enclosing one.
 */
export function packagesReachableFrom(lock: unknown, names: readonly string[]): Set<string> {
  const packages = ((lock as { packages?: LockPackages }).packages ?? {}) as LockPackages;
  const resolveFrom = (from: string, name: string): string | null => {
    let base = from;
    for (;;) {
      const candidate = base === '' ? `node_modules/${name}` : `${base}/node_modules/${name}`;
      if (candidate in packages) return candidate;
      if (base === '') return null;
      const cut = base.lastIndexOf('/node_modules/');
      base = cut === -1 ? '' : base.slice(0, cut);
    }
  };
  const reached = new Set<string>();
  const visit = (key: string | null): void => {
    if (key === null || reached.has(key)) return;
    reached.add(key);
    const info = packages[key] ?? {};
    const wanted = { ...info.peerDependencies, ...info.optionalDependencies, ...info.dependencies };
    for (const dependency of Object.keys(wanted)) visit(resolveFrom(key, dependency));
  };
  for (const name of names) visit(resolveFrom('', name));
  return reached;
}

// Electron's fuse wire as @electron/fuses finds it: a sentinel, the wire version (1), the wire length, then one
// ASCII '0'/'1' per fuse. Defaults as in Electron 45: RunAsNode on, cookie encryption off, NODE_OPTIONS on,
// inspect flags on, asar integrity off, only-from-asar off, browser V8 snapshot off, file:// privileges on.
// Embedding it lets an `electronFuses:` block in electron-builder.yml be applied and read back offline.
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const DEFAULT_FUSES = '10110001';

/**
 * Writes a stand-in for Electron's Linux distribution into dir: a script named `electron` that refuses to run
 * but carries a fuse wire, a version file, a licence and one locale.
 */
export async function makeStandInElectron(dir: string, version: string): Promise<void> {
  const wire = Buffer.concat([
    Buffer.from(`# ${FUSE_SENTINEL}`, 'latin1'),
    Buffer.from([1, DEFAULT_FUSES.length]),
    Buffer.from(`${DEFAULT_FUSES}\n`, 'latin1'),
  ]);
  const script = Buffer.concat([
    Buffer.from('#!/bin/sh\n# Stand-in Electron for the packaging dry run; it is not an app runtime.\n'),
    wire,
    Buffer.from('echo "stand-in Electron from scripts/package-dry-run.ts: not runnable" >&2\nexit 1\n'),
  ]);
  await mkdir(join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'locales'), { recursive: true });
  await writeFile(join(dir, 'electron'), script);
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'version'), version);
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for Electron LICENSE (dry run).\n');
  await writeFile(join(dir, 'locales', 'en-US.pak'), '');
}

async function folderSize(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const name of await readdir(path)) total += await folderSize(join(path, name));
  return total;
}

/** Lists every file in the archive with @electron/asar, with its size and whether it was unpacked beside it. */
export async function listAsar(appAsar: string): Promise<PackageEntry[]> {
  const asar = await import('@electron/asar');
  const entries: PackageEntry[] = [];
  for (const listed of asar.listPackage(appAsar, { isPack: false })) {
    const path = listed.replace(/\\/g, '/').replace(/^\//, '');
    const node = asar.statFile(appAsar, path, false);
    if ('files' in node) continue;
    if ('link' in node) {
      entries.push({ path, size: 0, unpacked: node.unpacked === true });
      continue;
    }
    entries.push({ path, size: node.size, unpacked: node.unpacked === true });
  }
  return entries;
}

/**
 * Builds the Linux `dir` target offline and checks the archive.
 * Why `dir` only: every other target (AppImage, deb, dmg, NSIS) makes electron-builder fetch its toolsets.
 */
export async function runDryRun(options: { projectDir: string; outDir: string }): Promise<DryRunReport> {
  const { projectDir, outDir } = options;
  const manifest = JSON.parse(await readFile(join(projectDir, 'package.json'), 'utf8')) as { main?: string };
  if (manifest.main === undefined || !existsSync(join(projectDir, manifest.main))) {
    throw new Error(
      `package.json "main" (${manifest.main ?? 'missing'}) is not built: run \`npm run build\` first`,
    );
  }
  const electronVersion = (
    JSON.parse(await readFile(join(projectDir, 'node_modules/electron/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const lock: unknown = JSON.parse(await readFile(join(projectDir, 'package-lock.json'), 'utf8'));
  const productionPaths = productionPackagePaths(lock);

  // Belt and braces: nothing below should download, and these make sure neither Electron nor its install hook does.
  process.env.ELECTRON_SKIP_BINARY_DOWNLOAD = '1';
  process.env.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
  const { build, Platform, archFromString } = await import('electron-builder');
  const electronDist = await mkdtemp(join(tmpdir(), 'rotaplan-electron-stand-in-'));
  try {
    await makeStandInElectron(electronDist, electronVersion);
    await build({
      projectDir,
      targets: Platform.LINUX.createTarget('dir', archFromString(process.arch)),
      publish: 'never',
      config: {
        electronDist,
        electronVersion,
        // No native dependencies; rebuilding would want Electron's headers from the network.
        npmRebuild: false,
        directories: { output: outDir },
      },
    });
  } finally {
    await rm(electronDist, { recursive: true, force: true });
  }

  const unpackedDir = join(outDir, 'linux-unpacked');
  const appAsar = join(unpackedDir, 'resources', 'app.asar');
  if (!existsSync(appAsar)) throw new Error(`electron-builder wrote no ${appAsar}: is "asar" off?`);
  const entries = await listAsar(appAsar);
  const unexpected = unexpectedEntries(
    entries.map((entry) => entry.path),
    productionPaths,
  );

  const { extractFile } = await import('@electron/asar');
  const imported = new Set<string>();
  for (const entry of entries) {
    if (/^out\/(main|preload)\/.*\.[cm]?js$/.test(entry.path) && !entry.unpacked) {
      for (const name of runtimeImports(extractFile(appAsar, entry.path).toString('utf8')))
        imported.add(name);
    }
  }
  const paths = new Set(entries.map((entry) => entry.path));
  const missing = [...imported].filter((name) => !paths.has(`node_modules/${name}/package.json`)).sort();
  const reachable = packagesReachableFrom(lock, [...imported]);

  const dependencyTotals = new Map<string, { bytes: number; imported: boolean }>();
  let app = 0;
  let dependencies = 0;
  let unimported = 0;
  for (const entry of entries) {
    const kind = classifyEntry(entry.path, productionPaths);
    if (kind === 'dependency') {
      dependencies += entry.size;
      const isImported = reachable.has(packageFolderOf(entry.path) ?? '');
      if (!isImported) unimported += entry.size;
      const name = dependencyName(entry.path);
      const total = dependencyTotals.get(name) ?? { bytes: 0, imported: false };
      dependencyTotals.set(name, { bytes: total.bytes + entry.size, imported: total.imported || isImported });
    } else {
      app += entry.size;
    }
  }
  const unpackedAsarDir = `${appAsar}.unpacked`;
  const executable = join(unpackedDir, 'rotaplan');
  let fuses: Record<string, string> | null = null;
  if (existsSync(executable)) {
    const { getCurrentFuseWire, FuseV1Options } = await import('@electron/fuses');
    const wire = await getCurrentFuseWire(executable);
    fuses = {};
    for (let index = 0; index < DEFAULT_FUSES.length; index += 1) {
      const state = (wire as unknown as Record<number, number>)[index];
      fuses[FuseV1Options[index] ?? `fuse${index}`] = state === 49 ? 'on' : state === 48 ? 'off' : `${state}`;
    }
  }
  return {
    appAsar,
    executable,
    entries,
    unexpected,
    runtimeImports: [...imported].sort(),
    missing,
    bytes: {
      asar: (await stat(appAsar)).size,
      unpacked: existsSync(unpackedAsarDir) ? await folderSize(unpackedAsarDir) : 0,
      app,
      dependencies,
      unimported,
      total: await folderSize(unpackedDir),
    },
    dependencySizes: [...dependencyTotals]
      .map(([name, total]) => ({ name, ...total }))
      .sort((a, b) => b.bytes - a.bytes || a.name.localeCompare(b.name)),
    fuses,
  };
}

const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function printReport(report: DryRunReport, projectDir: string): void {
  const appFiles = report.entries.filter((entry) => !entry.path.startsWith('node_modules/'));
  const dependencyFiles = report.entries.length - appFiles.length;
  console.log(`\napp.asar: ${report.appAsar.replace(`${projectDir}/`, '')}`);
  console.log(`  app files (${appFiles.length}):`);
  for (const entry of appFiles)
    console.log(`    ${entry.path}  ${entry.size} B${entry.unpacked ? ' (unpacked)' : ''}`);
  console.log(
    `  dependency files: ${dependencyFiles} in ${report.dependencySizes.length} packages; largest:`,
  );
  for (const { name, bytes, imported } of report.dependencySizes.slice(0, 10)) {
    console.log(
      `    ${name}  ${megabytes(bytes)}${imported ? '' : '  (nothing in out/main or out/preload loads it)'}`,
    );
  }
  console.log(
    `  loaded at run time by out/main and out/preload: ${report.runtimeImports.join(', ') || 'nothing'}`,
  );
  console.log('sizes:');
  console.log(`  app.asar            ${megabytes(report.bytes.asar)}`);
  console.log(`  app.asar.unpacked   ${megabytes(report.bytes.unpacked)}`);
  console.log(`  of which app        ${megabytes(report.bytes.app)}`);
  console.log(`  of which deps       ${megabytes(report.bytes.dependencies)}`);
  console.log(
    `  linux-unpacked      ${megabytes(report.bytes.total)} (stand-in Electron, so without the real runtime)`,
  );
  const unused = report.dependencySizes.filter((dependency) => !dependency.imported);
  if (unused.length > 0) {
    console.log(
      `\nnote: ${unused.length} packaged dependencies (${megabytes(report.bytes.unimported)}) are never loaded: the ` +
        'renderer is bundled by Vite, so its libraries belong in devDependencies, which electron-builder leaves out.',
    );
  }
  if (report.fuses !== null) {
    const set = Object.entries(report.fuses).map(([name, state]) => `${name}=${state}`);
    console.log(`fuses: ${set.join(', ')}`);
  }
  if (report.unexpected.length > 0) {
    console.error(
      `\nFAIL: ${report.unexpected.length} file(s) in app.asar are neither out/**, package.json nor`,
    );
    console.error('production dependencies (check "files" in electron-builder.yml):');
    for (const path of report.unexpected.slice(0, 50)) console.error(`  ${path}`);
  }
  if (report.missing.length > 0) {
    console.error(`\nFAIL: out/main or out/preload load ${report.missing.join(', ')}, which app.asar lacks`);
    console.error('(move them to "dependencies" in package.json).');
  }
  if (report.unexpected.length === 0 && report.missing.length === 0) {
    console.log(
      '\nOK: app.asar holds only out/**, package.json and production dependencies, and all it loads.',
    );
  }
}

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

async function main(): Promise<void> {
  const projectDir = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
  const outDir = resolve(argument('--out') ?? join(projectDir, 'dist'));
  const report = await runDryRun({ projectDir, outDir });
  printReport(report, projectDir);
  const jsonPath = argument('--json');
  if (jsonPath !== undefined) await writeFile(resolve(jsonPath), JSON.stringify(report, null, 2));
  if (report.unexpected.length > 0 || report.missing.length > 0) process.exitCode = 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
