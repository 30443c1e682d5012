import { runCli } from '../../electron/cli/main';

/** What one run of the CLI returned and printed. */
export type CliRun = { code: number; stdout: string; stderr: string };

/**
 * A runner for `rotaplan <argv>` in this process, with the clock pinned to `now` (an ISO instant).
 *
 * Why in-process: the commands are the same modules the bundle holds, a test sees their errors directly, and
 * nothing is spawned per call; `test/unit/cli/entry.test.ts` and `test/unit/packaging` run the built `bin/` itself.
 */
export function cliAt(now: string): (...argv: string[]) => Promise<CliRun> {
  return async (...argv) => {
    const out = { stdout: '', stderr: '' };
    const code = await runCli(argv, {
      stdout: (text) => void (out.stdout += text),
      stderr: (text) => void (out.stderr += text),
      now: () => new Date(now),
    });
    return { code, ...out };
  };
}

/** The last line a command printed, read as JSON: the summary a `--json` run ends with. */
export function lastJson<T = Record<string, unknown>>(stdout: string): T {
  return JSON.parse(stdout.trimEnd().split('\n').at(-1)!) as T;
}
