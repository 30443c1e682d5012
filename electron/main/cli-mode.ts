import type { CliIo } from '../cli/main';

/**
 * The arguments of a command-line run of the desktop app: everything after `--cli`
 * (`Rotaplan --cli validate plan.rotaplan.json`), or null when the app was started to open its window.
 * Why in the app: a manager who installed only the desktop app can run the same `rotaplan` commands, in a CI job too.
 */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--cli');
  return at === -1 ? null : argv.slice(at + 1);
}

/** What a command-line run needs from Electron's `app`: a way to end the process with the exit code. */
export type CliApp = { exit: (code: number) => void; dock?: { hide: () => void } | undefined };

/** Resolves once everything written to the stream has been handed to the OS, so exiting loses none of it. */
const flushed = (stream: NodeJS.WriteStream) =>
  new Promise<void>((resolve) => stream.write('', () => resolve()));

/**
 * Runs the `rotaplan` command under Electron's Node with the process's own standard streams and ends the app with
 * the command's exit code (0 ok, 1 invalid input, 2 usage error). No window, menu or single-instance lock: it
 * must not hand its arguments to a Rotaplan already open. The CLI is loaded only for such a run.
 */
export async function runCliInApp(args: string[], app: CliApp): Promise<void> {
  app.dock?.hide();
  let code = 1;
  try {
    const { runCli } = await import('../cli/main');
    const io: CliIo = {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      now: () => new Date(),
    };
    code = await runCli(args, io);
  } catch (error) {
    process.stderr.write(`rotaplan: ${(error as Error).message}\n`);
  }
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  app.exit(code);
}
