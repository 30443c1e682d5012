import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import { validatePlanFully } from '../../shared/plan/validate-full';
import { describeJsonError } from '../store/json-error';

/** Where the CLI writes; injected so tests run it in-process and read what it printed. */
export type CliIo = { stdout: (text: string) => void; stderr: (text: string) => void; now: () => Date };

const USAGE = `Usage: rotaplan <command> [options]

Commands:
  sample [--out FILE]        write the sample plan (Pacific Infra Group) to FILE or standard output
  validate FILE              check a plan file: exit 0 when valid, 1 with one "path: message" line per problem
  help                       show this text

Exit codes: 0 ok, 1 invalid input, 2 usage error.`;

class UsageError extends Error {}

function parse(args: string[], options: Parameters<typeof parseArgs>[0]['options']) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function sample(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, { out: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`sample takes no file argument (use --out FILE)`);
  const text = `${JSON.stringify(createSamplePlan(io.now().toISOString()), null, 2)}\n`;
  if (typeof values.out === 'string') {
    await writeFile(resolve(values.out), text, 'utf8');
    io.stderr(`Wrote the sample plan to ${values.out}\n`);
  } else io.stdout(text);
  return 0;
}

async function validate(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parse(args, {});
  if (positionals.length !== 1) throw new UsageError('validate takes exactly one FILE');
  const file = positionals[0]!;
  let text: string;
  try {
    text = await readFile(resolve(file), 'utf8');
  } catch (error) {
    io.stderr(
      `(root): cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
    );
    return 1;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const problem = describeJsonError(text, error);
    io.stderr(`${problem.path}: ${problem.message}\n`);
    return 1;
  }
  const result = validatePlanFully(raw);
  if (!result.ok) {
    for (const p of result.problems) io.stderr(`${p.path}: ${p.message}\n`);
    return 1;
  }
  const { plan } = result;
  const note = result.migratedFrom === null ? '' : ` (migrated from schema ${result.migratedFrom})`;
  io.stdout(
    `${file}: valid plan "${plan.meta.name}"${note}: ${plan.members.length} members, ${plan.pipelines.length} pipelines, ${plan.shifts.length} shifts\n`,
  );
  return 0;
}

/**
 * Runs the `rotaplan` command and returns its exit code (0 ok, 1 invalid input, 2 usage error).
 * Why a function: tests call it in-process with literal arguments; `bin/rotaplan.js` is a two-line shell around it.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'sample':
        return await sample(rest, io);
      case 'validate':
        return await validate(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.stdout(`${USAGE}\n`);
        return 0;
      case undefined:
        io.stderr(`${USAGE}\n`);
        return 2;
      default:
        io.stderr(`rotaplan: unknown command "${command}"\n\n${USAGE}\n`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`rotaplan ${command}: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    io.stderr(`rotaplan ${command}: ${(error as Error).message}\n`);
    return 1;
  }
}
