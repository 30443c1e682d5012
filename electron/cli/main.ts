import { version } from '../../package.json';
import { InputError, UsageError, type CliIo } from './cli-io';
import { COMMANDS } from './commands';

export type { CliIo } from './cli-io';

function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}`);
  return `Usage: rotaplan <command> [options]\n\nCommands:\n${lines.join('\n')}\n  help                       show this text\n  --version                  print the version\n\nDates are ISO 8601 (2027-01-04). Exit codes: 0 ok, 1 invalid input or --fail-on findings, 2 usage error.`;
}

/**
 * Runs the `rotaplan` command and returns its exit code (0 ok, 1 invalid input, 2 usage error).
 * Why a function: tests call it in-process with literal arguments; `bin/rotaplan.js` is a thin shell around it.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(`${usage()}\n`);
    return 2;
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    io.stdout(`${usage()}\n`);
    return 0;
  }
  if (name === '--version') {
    io.stdout(`${version}\n`);
    return 0;
  }
  // Own keys only: `rotaplan toString` must be an unknown command, not Object.prototype.toString.
  const entry = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!entry) {
    io.stderr(`rotaplan: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  try {
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`rotaplan ${name}: ${error.message}\n\n${usage()}\n`);
      return 2;
    }
    if (error instanceof InputError) return 1;
    io.stderr(`rotaplan ${name}: ${(error as Error).message}\n`);
    return 1;
  }
}
