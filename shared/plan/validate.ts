import { z } from 'zod';
import { migratePlan } from './migrations';
import { checkPlanReferences } from './references';
import { CURRENT_SCHEMA_VERSION, planShapeSchema, type Plan } from './schema';

/**
 * The full plan schema: shape plus cross-references. Use it for every plan that crosses a boundary. Each parse
 * judges every shift; a `PlanValidator` (plan-validator.ts) judges again only what changed since it last passed.
 */
export const planSchema = planShapeSchema.superRefine(checkPlanReferences);

/** What validates a whole plan: `planSchema` itself, or a `PlanValidator` that remembers what it passed. */
export type PlanParser = { safeParse(input: unknown): z.ZodSafeParseResult<Plan> };

/** One thing wrong with a plan: where (a JSON path such as `members[1].email`) and what. */
export type PlanProblem = { path: string; message: string };

/** The outcome of reading an untrusted plan document. */
export type PlanValidation =
  | { ok: true; plan: Plan; migratedFrom: number | null }
  | { ok: false; kind: 'not-a-plan' | 'newer-version' | 'invalid'; problems: PlanProblem[] };

/**
 * Formats a zod issue path as a JSON path: `members[1].email`, `(root)` for the document itself.
 * Why: users and `rotaplan validate` need one stable, readable way to say where a problem is.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * Turns zod issues into plan problems, in the order zod found them (document order, then cross-reference checks).
 * Why one problem per unknown key: zod reports all unknown keys of an object as one issue on the object itself;
 * naming each key's own path (`extra` rather than `(root)`) tells the user exactly what to remove.
 */
export function problemsFromZod(error: z.ZodError): PlanProblem[] {
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown key' }))
      : [{ path: formatPath(issue.path), message: issue.message }],
  );
}

/**
 * Validates and migrates an untrusted plan document (already parsed from JSON).
 * Why: every load, import and IPC save goes through this one door, so a plan in memory is always valid and
 * current, and a plan from a newer Rotaplan is refused instead of being silently downgraded. `parser` is the
 * caller's `PlanValidator` where it validates a stream of plans.
 */
export function validatePlan(raw: unknown, parser: PlanParser = planSchema): PlanValidation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      ok: false,
      kind: 'not-a-plan',
      problems: [{ path: '(root)', message: 'expected a JSON object' }],
    };
  }
  const version = (raw as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      kind: 'not-a-plan',
      problems: [
        {
          path: 'schemaVersion',
          message: 'missing or not a positive whole number: is this a Rotaplan plan?',
        },
      ],
    };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      kind: 'newer-version',
      problems: [
        {
          path: 'schemaVersion',
          message: `this plan was written by a newer Rotaplan (schema ${version}; this version reads up to ${CURRENT_SCHEMA_VERSION}); update Rotaplan to open it`,
        },
      ],
    };
  }
  const migrated = migratePlan(raw as Record<string, unknown>, version);
  if (!migrated.ok) return { ok: false, kind: 'invalid', problems: [migrated.problem] };
  const parsed = parser.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, kind: 'invalid', problems: problemsFromZod(parsed.error) };
  return { ok: true, plan: parsed.data, migratedFrom: version === CURRENT_SCHEMA_VERSION ? null : version };
}
