import fc from 'fast-check';
import type { PlanProblem } from '../../../shared/plan/validate';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';

/** The sample plan, fixed in time. */
export const SAMPLE: Plan = createSamplePlan('2027-03-01T10:00:00.000Z');

/**
 * The sample with only its first six shifts: every section and every kind of field is still there, but
 * validating it is twenty times cheaper, so thousands of mutations fit in a few seconds.
 */
export const SMALL_SAMPLE: Plan = { ...SAMPLE, shifts: SAMPLE.shifts.slice(0, 6) };

/** A JSON path as the validator writes it: `members[1].email`. */
export type Path = (string | number)[];

/** Every path in a JSON document (objects, arrays and leaves), the root excluded. */
export function jsonPaths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...jsonPaths(v, [...prefix, i])]);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...jsonPaths(v, [...prefix, k])]);
  }
  return [];
}

/** How a mutation breaks a document at one path. */
export type Mutation =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'wrong-type'; at: number };

/** A value of another JSON type than `value` (a string for a number, an object for an array …). */
export function otherType(value: unknown): unknown {
  if (typeof value === 'string') return 42;
  if (typeof value === 'number') return 'forty-two';
  if (typeof value === 'boolean') return 'yes';
  if (value === null) return [];
  if (Array.isArray(value)) return { length: value.length };
  return ['not', 'an', 'object'];
}

/** Mutations of one document: where (an index into its paths, wrapped) and what. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('wrong-type' as const), at: fc.nat() }),
);

const pathsOf = new WeakMap<object, Path[]>();

/** Applies a mutation to a copy of `doc`; returns the copy and the path it touched. */
export function mutate(doc: object, mutation: Mutation): { doc: unknown; path: Path } {
  const copy = structuredClone(doc);
  let paths = pathsOf.get(doc);
  if (!paths) pathsOf.set(doc, (paths = jsonPaths(doc)));
  const path = paths[mutation.at % paths.length]!;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- walking an arbitrary JSON document
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
  const key = path[path.length - 1]!;
  switch (mutation.kind) {
    case 'replace':
      parent[key] = mutation.value;
      break;
    case 'delete':
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
      break;
    case 'wrong-type':
      parent[key] = otherType(parent[key]);
      break;
  }
  return { doc: copy, path };
}

/** The validator's way of writing a path. */
export function formatted(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out === '' ? '(root)' : out;
}

/**
 * A problem list the user can act on: at least one problem, each naming a path and saying something.
 * Returns the reason it is not, or null.
 */
export function unclearProblems(problems: readonly PlanProblem[]): string | null {
  if (problems.length === 0) return 'no problem reported';
  for (const p of problems) {
    if (typeof p.path !== 'string' || p.path.length === 0)
      return `a problem without a path: ${JSON.stringify(p)}`;
    if (typeof p.message !== 'string' || p.message.trim().length < 3) {
      return `a problem without a message: ${JSON.stringify(p)}`;
    }
  }
  return null;
}
