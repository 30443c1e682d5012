import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMANDS } from '../../../electron/cli/commands';
import { cliAt } from '../../helpers/cli';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

vi.setConfig({ testTimeout: 20_000 });

const root = fileURLToPath(new URL('../../../', import.meta.url));

const run = cliAt('2026-11-27T00:00:00.000Z');

/** The bare module names a built file imports statically (`import … from "x"`), not its import() calls. */
function staticImports(code: string): string[] {
  return [...code.matchAll(/^import\s[^;]*?from\s*"([^"]+)";?$/gm)].map((m) => m[1]!);
}

describe('the CLI entry', () => {
  it('--version prints the version of package.json', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(await run('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('help lists every command of the registry, each loading a module that runs it', async () => {
    const { code, stdout } = await run('help');
    expect(code).toBe(0);
    const listed = [...stdout.matchAll(/^ {2}([a-z-]+) /gm)].map((m) => m[1]);
    expect(listed).toEqual([...Object.keys(COMMANDS), 'help', '--version']);
    for (const entry of Object.values(COMMANDS)) expect(typeof (await entry.load()).run).toBe('function');
  });

  it('the built entry imports no command module and no heavy library until a command runs', async () => {
    const main = await readFile(join(root, 'out/cli/main.js'), 'utf8');
    expect(staticImports(main).sort()).toEqual(['node:util', 'temporal-polyfill']);
    const chunks = await readdir(join(root, 'out/cli/chunks'));
    const validate = chunks.find((name) => name.startsWith('validate-'))!;
    const loaded = new Set<string>();
    const walk = async (file: string): Promise<void> => {
      for (const spec of staticImports(await readFile(join(root, 'out/cli/chunks', file), 'utf8'))) {
        // ../main.js is the entry checked above; ./x.js another chunk.
        if (spec.startsWith('./')) await walk(spec.slice(2));
        else if (!spec.startsWith('../')) loaded.add(spec);
      }
    };
    await walk(validate);
    for (const heavy of ['highs', 'ical-generator', 'ical.js', 'papaparse'])
      expect(loaded).not.toContain(heavy);
    expect(loaded).toContain('date-holidays');
  });

  it('bin/rotaplan.js without a build says to run npm run build', async () => {
    const dir = await makeTempDir('rotaplan-unbuilt-');
    try {
      await mkdir(join(dir, 'bin'));
      await copyFile(join(root, 'bin/rotaplan.js'), join(dir, 'bin/rotaplan.js'));
      await copyFile(join(root, 'bin/check-node.cjs'), join(dir, 'bin/check-node.cjs'));
      await copyFile(join(root, 'package.json'), join(dir, 'package.json'));
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        execFile(process.execPath, [join(dir, 'bin/rotaplan.js'), 'help'], (error, _stdout, stderr) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stderr }),
        );
      });
      expect(result).toEqual({
        code: 1,
        stderr:
          'rotaplan: the CLI is not built (out/cli/main.js is missing). In a checkout of the source, run `npm run build` first.\n',
      });
    } finally {
      await removeDir(dir);
    }
  });
});
