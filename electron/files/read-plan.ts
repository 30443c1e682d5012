import type { LoadNotice } from '../../shared/ipc/contract';
import type { Plan } from '../../shared/plan/schema';
import type { PlanParser, PlanProblem } from '../../shared/plan/validate';
import { validatePlanFully } from '../../shared/plan/validate-full';
import { describeJsonError } from './json-error';
import { parseJsonBytes } from './parse-json-bytes';

/** Why a plan document cannot be used. */
export type PlanRefusalReason = 'not-json' | 'not-a-plan' | 'invalid' | 'newer-version';

/** A plan document read from text: the valid, current plan, or why not with every problem's JSON path. */
export type PlanRead =
  | { ok: true; plan: Plan; migratedFrom: number | null }
  | { ok: false; reason: PlanRefusalReason; problems: PlanProblem[] };

/**
 * Parses and validates a plan document given as text or as a file's bytes (UTF-8, a byte-order mark allowed),
 * migrating an older one. Why one reader: the plan store, the IPC handlers and the CLI read plans the same way
 * and say the same thing about the same broken file. `parser` is the caller's PlanValidator, if it has one.
 */
export function readPlan(source: string | Buffer, parser?: PlanParser): PlanRead {
  let raw: unknown;
  try {
    raw = typeof source === 'string' ? JSON.parse(source.replace(/^\uFEFF/, '')) : parseJsonBytes(source);
  } catch (error) {
    const text = typeof source === 'string' ? source : source.toString('utf8');
    return { ok: false, reason: 'not-json', problems: [describeJsonError(text, error)] };
  }
  const result = validatePlanFully(raw, parser);
  if (!result.ok) return { ok: false, reason: result.kind, problems: result.problems };
  return { ok: true, plan: result.plan, migratedFrom: result.migratedFrom };
}

/** What is wrong with a refused plan document, as the end of a sentence that starts with its name. */
export function planRefusalPhrase(reason: PlanRefusalReason): string {
  if (reason === 'not-json') return 'is not valid JSON';
  if (reason === 'newer-version') return 'comes from a newer Rotaplan';
  return 'is not a valid plan';
}

/** The first three problems as `path: message`, joined, with how many more there are. */
export function problemSummary(problems: readonly PlanProblem[]): string {
  const shown = problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`);
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/** `<name> is not a valid plan: members[1].email: expected an e-mail address` and the like. */
export function planRefusal(
  name: string,
  reason: PlanRefusalReason,
  problems: readonly PlanProblem[],
): string {
  return `${name} ${planRefusalPhrase(reason)}: ${problemSummary(problems)}`;
}

/** The notice for a plan upgraded on reading: who wrote it, and what became of the original (`original`). */
export function migratedNotice(name: string, from: number, original: string): LoadNotice {
  return {
    kind: 'migrated',
    message: `${name} was written by an older Rotaplan (schema ${from}); it was upgraded and ${original}.`,
  };
}
