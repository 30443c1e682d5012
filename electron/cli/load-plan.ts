import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Plan } from '../../shared/plan/schema';
import { planRefusalPhrase, readPlan } from '../files/read-plan';
import { InputError, type CliIo } from './cli-io';

/**
 * Reads and validates a plan file for a command, printing one `path: message` line per problem on stderr and
 * throwing an InputError (exit 1) when it cannot be used.
 */
export async function loadPlanFile(
  file: string,
  io: CliIo,
): Promise<{ plan: Plan; migratedFrom: number | null }> {
  let text: string;
  try {
    text = await readFile(resolve(file), 'utf8');
  } catch (error) {
    io.stderr(
      `(root): cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`,
    );
    throw new InputError(`cannot read ${file}`);
  }
  const read = readPlan(text);
  if (!read.ok) {
    for (const p of read.problems) io.stderr(`${p.path}: ${p.message}\n`);
    throw new InputError(`${file} ${planRefusalPhrase(read.reason)}`);
  }
  return { plan: read.plan, migratedFrom: read.migratedFrom };
}
