import type { z } from 'zod';
import { planShapeSchema } from './schema';
import { formatPath } from './validate';

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
};

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The object schema behind wrappers (default, optional, nullable, pipe), or the schema itself. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = defOf(current);
    const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
    if (!inner) return current;
    current = inner;
  }
}

function walk(schema: z.ZodType, value: unknown, path: (string | number)[], found: string[]): void {
  const def = defOf(unwrap(schema));
  if (def.type === 'array' && def.element && Array.isArray(value)) {
    value.forEach((item, i) => walk(def.element!, item, [...path, i], found));
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  if (def.type === 'union' && def.options) {
    const tag = def.discriminator ? (value as Record<string, unknown>)[def.discriminator] : undefined;
    const option = def.options.find((o) => {
      const shape = defOf(unwrap(o)).shape;
      const literal = def.discriminator && shape?.[def.discriminator];
      return literal && (defOf(literal) as { values?: unknown[] }).values?.includes(tag);
    });
    if (option) walk(option, value, path, found);
    return;
  }
  if (def.type !== 'object' || !def.shape) return;
  for (const [key, child] of Object.entries(value)) {
    const known = Object.hasOwn(def.shape, key) ? def.shape[key] : undefined;
    if (known) walk(known, child, [...path, key], found);
    else found.push(formatPath([...path, key]));
  }
}

/**
 * The JSON paths of every key in a (validated) plan that the plan schema does not know, in document order, such as
 * `members[0].pagerHandle`. Why: such keys are kept through load, edit and save (a newer Rotaplan, another tool or
 * a hand edit wrote them), and `rotaplan validate` names them so nobody wonders whether they were read.
 */
export function unknownPlanKeys(plan: unknown): string[] {
  const found: string[] = [];
  walk(planShapeSchema, plan, [], found);
  return found;
}
