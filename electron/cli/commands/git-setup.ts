import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { InputError, parseFlags, UsageError, type Command } from '../cli-io';

const run = promisify(execFile);

/** The line that sends plan files to Rotaplan's drivers. */
export const ATTRIBUTES_LINE = '*.rotaplan.json merge=rotaplan diff=rotaplan';

/** The repository-local git settings of both drivers, for a `rotaplan` started as `command`. */
export function driverSettings(command: string): [string, string][] {
  return [
    ['merge.rotaplan.name', 'Rotaplan plan merge (members, pipelines, ownership, shifts by id)'],
    ['merge.rotaplan.driver', `${command} merge %O %A %B`],
    ['diff.rotaplan.command', `${command} diff`],
    // `git log -p` runs no external diff command; it diffs what textconv prints.
    ['diff.rotaplan.textconv', `${command} diff`],
  ];
}

async function git(dir: string, ...args: string[]): Promise<string> {
  const { stdout } = await run('git', ['-C', dir, ...args]);
  return stdout.trim();
}

export const gitSetupCommand: Command = {
  async run(args, io) {
    const { values, positionals } = parseFlags(args, { command: { type: 'string' } });
    if (positionals.length > 1)
      throw new UsageError('git-setup takes at most one DIR (default: this folder)');
    const dir = resolve(positionals[0] ?? '.');
    const command = typeof values.command === 'string' ? values.command : 'rotaplan';
    try {
      await git(dir, 'rev-parse', '--git-dir');
    } catch {
      io.stderr(`(root): ${dir} is not inside a git repository (run \`git init\` first)\n`);
      throw new InputError('not a git repository');
    }
    const attributes = join(dir, '.gitattributes');
    const existing = await readFile(attributes, 'utf8').catch(() => null);
    if (existing !== null && existing.split(/\r?\n/).some((line) => line.trim() === ATTRIBUTES_LINE)) {
      io.stdout(`.gitattributes already has: ${ATTRIBUTES_LINE}\n`);
    } else {
      const before =
        existing === null || existing === '' || existing.endsWith('\n') ? (existing ?? '') : `${existing}\n`;
      await writeFile(attributes, `${before}${ATTRIBUTES_LINE}\n`, 'utf8');
      io.stdout(`${existing === null ? 'Created' : 'Added to'} .gitattributes: ${ATTRIBUTES_LINE}\n`);
    }
    for (const [key, value] of driverSettings(command)) {
      const current = await git(dir, 'config', '--local', '--get', key).catch(() => null);
      if (current === value) io.stdout(`git config ${key} already "${value}"\n`);
      else {
        await git(dir, 'config', '--local', key, value);
        io.stdout(`Set git config ${key} = "${value}"${current === null ? '' : ` (was "${current}")`}\n`);
      }
    }
    io.stdout(
      'Commit .gitattributes so everyone shares it; each clone runs `rotaplan git-setup` once for the drivers.\n',
    );
    return 0;
  },
};
