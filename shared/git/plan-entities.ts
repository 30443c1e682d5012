/**
 * The identity of an element of a plan array, or null when the array is compared by position.
 * Why: diff and merge both work on the plan's own entities: members, pipelines, layers, shifts, wishes and common
 * issues by `id`, ownership cells by `pipelineId`; an array of plain values (skills, monitoring lines) is one value.
 */
export function entityKey(item: unknown): string | null {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return null;
  const record = item as Record<string, unknown>;
  if (typeof record.id === 'string') return record.id;
  if (typeof record.pipelineId === 'string' && 'primaryMemberId' in record) return record.pipelineId;
  return null;
}

/** True when every element of `items` has an entity key, so the array is merged and compared by key. */
export function isEntityArray(items: readonly unknown[]): boolean {
  return items.length > 0 && items.every((item) => entityKey(item) !== null);
}

/** Structural equality of two JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i += 1) if (!sameJson(a[i], bb[i])) return false;
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!sameJson(ra[k], rb[k])) return false;
  return true;
}

/** A plain (non-array) object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A path segment for an entity: `members[diego]`, `ownership[orders-etl]`. */
export function entitySegment(array: string, key: string): string {
  return `${array}[${key}]`;
}

/** One changed value under a path (`members[diego].name`); undefined stands for absent. */
export type FieldChange = { path: string; before: unknown; after: unknown };

/**
 * Every changed leaf between two JSON values: objects key by key, entity arrays by key, other arrays whole.
 * Why: the diff names what changed in a member or a setting (`name "Diego" → "Diego A."`), not that a blob moved.
 */
export function fieldChanges(before: unknown, after: unknown, path = ''): FieldChange[] {
  if (sameJson(before, after)) return [];
  const join = (key: string) => (path === '' ? key : `${path}.${key}`);
  if (isRecord(before) && isRecord(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((k) => !(k in before))];
    return keys.flatMap((k) => fieldChanges(before[k], after[k], join(k)));
  }
  if (Array.isArray(before) && Array.isArray(after) && isEntityArray([...before, ...after])) {
    const left = new Map(before.map((item) => [entityKey(item)!, item]));
    const right = new Map(after.map((item) => [entityKey(item)!, item]));
    const keys = [...left.keys(), ...[...right.keys()].filter((k) => !left.has(k))];
    return keys.flatMap((k) => fieldChanges(left.get(k), right.get(k), `${path}[${k}]`));
  }
  return [{ path, before, after }];
}

/** A value as a diff prints it: strings quoted, lists and objects as short JSON, absent as "(none)". */
export function showValue(value: unknown): string {
  if (value === undefined) return '(none)';
  const text = JSON.stringify(value);
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}
