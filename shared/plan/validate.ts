import { z } from 'zod';
import { migratePlan } from './migrations';
import { checkPlanReferences } from './references';
import { CURRENT_SCHEMA_VERSION, planShapeSchema, type Plan } from './schema';

const fullPlanSchema = planShapeSchema.superRefine(checkPlanReferences);
const referencesOnly = z.custom<Plan>().superRefine(checkPlanReferences);

// Each shift object this module handed out in a valid plan. They are frozen when remembered, so a shift in this set
// still has exactly the fields it was judged with: membership alone says it is valid, without comparing its fields.
const validShifts = new WeakSet<object>();

/** True when `value` is a (frozen) shift object a valid plan held. */
function knownValidShift(value: unknown): boolean {
  return typeof value === 'object' && value !== null && validShifts.has(value);
}

function remember(plan: Plan): void {
  for (const shift of plan.shifts) {
    if (validShifts.has(shift)) continue;
    Object.freeze(shift);
    if (shift.cover) Object.freeze(shift.cover);
    validShifts.add(shift);
  }
}

/**
 * True when two shift objects have the same own keys in the same order, each with the same value; a nested object
 * (a shift's `cover`, which zod copies) is compared the same way, one level deep.
 */
function sameShift(a: object, b: object, nested = true): boolean {
  const keys = Object.keys(a);
  const other = Object.keys(b);
  if (keys.length !== other.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key !== other[i]) return false;
    const x = (a as Record<string, unknown>)[key];
    const y = (b as Record<string, unknown>)[key];
    if (x === y) continue;
    if (!nested || typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (!sameShift(x, y, false)) return false;
  }
  return true;
}

/**
 * The full schema's parse; where a parsed shift equals its input (same keys, same order, same values) the input
 * object is kept, so that a plan validated again keeps the shift objects every cache is keyed on.
 */
function parseFully(input: unknown): z.ZodSafeParseResult<Plan> {
  const full = fullPlanSchema.safeParse(input);
  if (!full.success) return full;
  const given = (input as { shifts: object[] }).shifts;
  const shifts = full.data.shifts.map((s, i) => (sameShift(given[i]!, s) ? (given[i] as typeof s) : s));
  const plan = { ...full.data, shifts };
  remember(plan);
  return { success: true, data: plan };
}

/**
 * Marks the shifts of a plan that a full validation passed elsewhere (main, before handing the plan over IPC) as
 * valid, so the first edit in the renderer judges only what it changed.
 * Why: the renderer receives plans main has validated; judging 36,000 unchanged shifts again on the first edit
 * costs half a second. Only for plans that come out of `validatePlan` on the other side of the boundary. The shift
 * objects are frozen: a known-valid shift can never change afterwards.
 */
export function markShiftsValidated(plan: Plan): void {
  remember(plan);
}

/**
 * `fullPlanSchema.safeParse`, skipping the shifts it already judged: a shift object from a plan it passed whose
 * fields are unchanged is kept as it is (same object), and only the other shifts go through zod. Anything short of
 * a clean pass is parsed again in full, so the problems reported are exactly the full schema's.
 * Why: a pure edit changes a few of a big plan's 36,000 shifts, yet every edit is validated; zod rebuilt every
 * shift (~0.3 s per edit) and the new objects defeated every cache keyed on a shift.
 */
function safeParsePlan(input: unknown): z.ZodSafeParseResult<Plan> {
  const shifts = (input as { shifts?: unknown } | null)?.shifts;
  const reuse = Array.isArray(shifts) ? shifts.map(knownValidShift) : [];
  if (!reuse.includes(true)) return parseFully(input);
  const rest = (shifts as unknown[]).filter((_, i) => !reuse[i]);
  const shape = planShapeSchema.safeParse({ ...(input as object), shifts: rest });
  if (shape.success) {
    let next = 0;
    const merged = (shifts as Plan['shifts']).map((s, i) => (reuse[i] ? s : shape.data.shifts[next++]!));
    const plan = { ...shape.data, shifts: merged };
    if (referencesOnly.safeParse(plan).success) {
      remember(plan);
      return { success: true, data: plan };
    }
  }
  return parseFully(input);
}

/**
 * The full plan schema: shape plus cross-references. Use it for every plan that crosses a boundary.
 * Its `safeParse` gives the full schema's result; shifts it passed before and that are unchanged are not judged
 * again (see `safeParsePlan`), so validating an edited big plan costs what the edit changed.
 */
export const planSchema = { safeParse: safeParsePlan };

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
 * current, and a plan from a newer Rotaplan is refused instead of being silently downgraded.
 */
export function validatePlan(raw: unknown): PlanValidation {
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
  const parsed = planSchema.safeParse(migrated.value);
  if (!parsed.success) return { ok: false, kind: 'invalid', problems: problemsFromZod(parsed.error) };
  return { ok: true, plan: parsed.data, migratedFrom: version === CURRENT_SCHEMA_VERSION ? null : version };
}
