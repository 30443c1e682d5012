import { z } from 'zod';
import { checkPlanReferences } from './references';
import { planShapeSchema, type Plan } from './schema';
import { planSchema } from './validate';

const referencesOnly = z.custom<Plan>().superRefine(checkPlanReferences);

/**
 * True when two shift objects have the same own keys in the same order, each with the same value; a nested object
 * (a shift's `cover`) is compared the same way, one level deep.
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
 * The full plan schema with a memory of the shifts it passed: a shift object it passed is kept as it is (same
 * object), and only the other shifts go through zod. Anything short of a
 * clean pass is parsed again in full, so the problems reported are exactly the full schema's.
 * Why an object its owner creates: a pure edit changes a few of a big plan's shifts, yet every edit is validated;
 * judging every shift again is slow and new shift objects defeat every cache keyed on a shift. The memory belongs
 * to whoever validates a stream of plans (the plan store in main, the zustand store in the renderer), not to the
 * module: two owners never see each other's plans, and nothing the caller passes in is frozen or changed.
 * It relies on what the whole app relies on (undo, every cache keyed on a plan or a shift): a plan and its shifts
 * are never changed in place; an edit makes new objects for what it changes.
 */
export class PlanValidator {
  /** Each shift object this validator passed. */
  private readonly judged = new WeakSet<object>();

  /** `planSchema.safeParse`, judging again only the shifts that are new or changed since it passed them. */
  safeParse(input: unknown): z.ZodSafeParseResult<Plan> {
    const shifts = (input as { shifts?: unknown } | null)?.shifts;
    const reuse = Array.isArray(shifts) ? shifts.map((s) => this.knows(s)) : [];
    if (!reuse.includes(true)) return this.parseFully(input);
    const rest = (shifts as unknown[]).filter((_, i) => !reuse[i]);
    const shape = planShapeSchema.safeParse({ ...(input as object), shifts: rest });
    if (shape.success) {
      let next = 0;
      const merged = (shifts as Plan['shifts']).map((s, i) => (reuse[i] ? s : shape.data.shifts[next++]!));
      const plan = { ...shape.data, shifts: merged };
      if (referencesOnly.safeParse(plan).success) {
        this.remember(shape.data.shifts);
        return { success: true, data: plan };
      }
    }
    return this.parseFully(input);
  }

  /**
   * Takes the shifts of a plan that a full validation passed elsewhere (main, before handing the plan over IPC;
   * the store, for a file whose bytes it wrote itself) as judged, so the next edit judges only what it changed.
   */
  markValidated(plan: Plan): void {
    this.remember(plan.shifts);
  }

  private remember(shifts: readonly object[]): void {
    for (const shift of shifts) this.judged.add(shift);
  }

  /** True when `value` is a shift object this validator passed. */
  private knows(value: unknown): boolean {
    return typeof value === 'object' && value !== null && this.judged.has(value);
  }

  /**
   * The full schema's parse; where a parsed shift equals its input (same keys, same order, same values) the input
   * object is kept, so that a plan validated again keeps the shift objects every cache is keyed on.
   */
  private parseFully(input: unknown): z.ZodSafeParseResult<Plan> {
    const full = planSchema.safeParse(input);
    if (!full.success) return full;
    const given = (input as { shifts: object[] }).shifts;
    const shifts = full.data.shifts.map((s, i) => (sameShift(given[i]!, s) ? (given[i] as typeof s) : s));
    const plan = { ...full.data, shifts };
    this.markValidated(plan);
    return { success: true, data: plan };
  }
}
