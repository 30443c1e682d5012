import type { z } from 'zod';
import { planShapeSchema, type Plan } from './schema';

/** The key order of one object in the schema, and of what its keys hold. */
type KeyOrder = {
  keys: string[];
  known: Set<string>;
  index: Map<string, number>;
  children: Map<string, Order>;
};
/** What the schema says about a value's layout: an object's key order, an array's element order, or nothing. */
type Order = { object?: KeyOrder; element?: Order } | null;

type Def = {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
};

function keyOrder(keys: string[], children: Map<string, Order>): KeyOrder {
  return { keys, known: new Set(keys), index: new Map(keys.map((k, i) => [k, i])), children };
}

/** The order zod's definition of `schema` implies, looking through defaults, optionals, pipes and unions. */
function orderOf(schema: z.ZodType): Order {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case 'default':
    case 'prefault':
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'catch':
      return orderOf(def.innerType!);
    case 'pipe':
      return orderOf(def.in!);
    case 'array':
      return { element: orderOf(def.element!) };
    case 'object': {
      const shape = def.shape!;
      const keys = Object.keys(shape);
      const children = new Map<string, Order>();
      for (const key of keys) children.set(key, orderOf(shape[key]!));
      return { object: keyOrder(keys, children) };
    }
    case 'union': {
      // A discriminated union: each option's keys, in the order they first appear.
      const keys: string[] = [];
      const children = new Map<string, Order>();
      for (const option of def.options ?? []) {
        const o = orderOf(option)?.object;
        for (const key of o?.keys ?? []) {
          if (children.has(key)) continue;
          keys.push(key);
          children.set(key, o!.children.get(key) ?? null);
        }
      }
      return keys.length > 0 ? { object: keyOrder(keys, children) } : null;
    }
    default:
      return null;
  }
}

/** The plan schema's key order, derived once from the schema (which never changes). */
const PLAN_ORDER: Order = orderOf(planShapeSchema);

/** An object's keys to write: the schema's keys it has first, in schema order, then its other keys as they came. */
function orderedKeys(value: Record<string, unknown>, order: KeyOrder | undefined): string[] {
  if (!order) return Object.keys(value);
  const keys: string[] = [];
  for (const key of order.keys) if (Object.hasOwn(value, key)) keys.push(key);
  for (const key in value) if (Object.hasOwn(value, key) && !order.known.has(key)) keys.push(key);
  return keys;
}

/** True when an object's own keys already follow `order`: its known keys in schema order, unknown keys after. */
function inOrder(record: Record<string, unknown>, order: KeyOrder): boolean {
  let next = 0;
  let unknownSeen = false;
  for (const key in record) {
    const at = order.index.get(key);
    if (at === undefined) unknownSeen = true;
    else if (unknownSeen || at < next) return false;
    else next = at + 1;
  }
  return true;
}

/** A copy of an object with its keys in schema order (unknown keys after, as they came). */
function reordered(record: Record<string, unknown>, order: KeyOrder): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of orderedKeys(record, order)) copy[key] = record[key];
  return copy;
}

/**
 * An array of objects with one element a line, as compact JSON in schema key order.
 * Why this way: a big plan has tens of thousands of shifts and is saved after every edit; one native
 * JSON.stringify of the whole array, cut between elements, costs what the old layout did, where building each line
 * by hand cost four times as much. `},{"` cannot occur inside a JSON string (its quote would be escaped), so the
 * cut only falls between objects (or inside a nested object a shift carries, which then spans lines: still JSON).
 */
function oneElementALine(items: unknown[], order: Order, indent: string): string {
  const object = order?.element?.object;
  let ordered = items;
  if (object) {
    for (let i = 0; i < items.length; i += 1) {
      const item = items[i];
      if (item === null || typeof item !== 'object' || inOrder(item as Record<string, unknown>, object))
        continue;
      if (ordered === items) ordered = items.slice();
      ordered[i] = reordered(item as Record<string, unknown>, object);
    }
  }
  const inner = `${indent}  `;
  const json = JSON.stringify(ordered);
  return `[\n${inner}${json.slice(1, -1).replaceAll('},{"', `},\n${inner}{"`)}\n${indent}]`;
}

/** A value as two-space indented JSON, keys in schema order; arrays named `shifts` hold one element a line. */
function indented(value: unknown, order: Order, indent: string, oneLinePerElement: boolean): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (oneLinePerElement) return oneElementALine(value, order, indent);
    const element = order?.element ?? null;
    const parts = value.map((v) => (v === undefined ? 'null' : indented(v, element, inner, false)));
    return `[\n${inner}${parts.join(`,\n${inner}`)}\n${indent}]`;
  }
  const record = value as Record<string, unknown>;
  const object = order?.object;
  const parts: string[] = [];
  for (const key of orderedKeys(record, object)) {
    const v = record[key];
    if (v === undefined || typeof v === 'function') continue;
    const child = object?.children.get(key) ?? null;
    parts.push(`${JSON.stringify(key)}: ${indented(v, child, inner, key === 'shifts' && Array.isArray(v))}`);
  }
  return parts.length === 0 ? '{}' : `{\n${inner}${parts.join(`,\n${inner}`)}\n${indent}}`;
}

/**
 * The text of a plan file: two-space JSON with every object's keys in schema order (keys the schema does not know
 * follow, in the order they came) and one shift a line, ending in a newline.
 * Why: plans live in git. A fixed key order means saving an unchanged plan changes no byte, and one shift a line
 * means dragging a shift is a one-line diff, not a wall of instants; it is still plain JSON of the same schema, so
 * any reader (and older Rotaplan versions) loads it unchanged.
 */
export function layoutPlan(plan: Plan): string {
  return `${indented(plan, PLAN_ORDER, '', false)}\n`;
}
