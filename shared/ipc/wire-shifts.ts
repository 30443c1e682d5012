import type { Shift, ShiftCover } from '../plan/schema';

/**
 * A plan's shifts as columns, the form the browser preview sends them in: one array per field instead of one keyed
 * object per shift, repeated values (layers, members, sources) as indexes into a table, notes only where present.
 */
export type ShiftColumns = {
  ids: string[];
  layers: string[];
  layer: number[];
  members: string[];
  member: number[];
  starts: string[];
  ends: string[];
  sources: string[];
  source: number[];
  /** Indexes of the pinned shifts. */
  pinned: number[];
  /** Notes by shift index. */
  notes: Record<string, string>;
  /** Who a shift stands in for, by shift index (absent in older messages). */
  covers?: Record<string, ShiftCover>;
  /** Indexes of the shadow shifts (absent in older messages). */
  shadows?: number[];
};

/** The key under which a plan carries its shifts as columns on the wire (instead of `shifts`). */
export const SHIFT_COLUMNS_KEY = 'shiftColumns';

function table(values: readonly string[]): { names: string[]; index: number[] } {
  const at = new Map<string, number>();
  const names: string[] = [];
  const index = values.map((v) => {
    let i = at.get(v);
    if (i === undefined) {
      i = names.length;
      names.push(v);
      at.set(v, i);
    }
    return i;
  });
  return { names, index };
}

/**
 * Shifts as columns (see ShiftColumns).
 * Why: a 36,000-shift plan is 6 MB of JSON as objects, half of it the same six key names again and again; as
 * columns it is about half the size, and the page reads, decodes and parses it in half the time.
 */
export function shiftsToColumns(shifts: readonly Shift[]): ShiftColumns {
  const layers = table(shifts.map((s) => s.layerId));
  const members = table(shifts.map((s) => s.memberId));
  const sources = table(shifts.map((s) => s.source));
  const notes: Record<string, string> = {};
  const covers: Record<string, ShiftCover> = {};
  const pinned: number[] = [];
  const shadows: number[] = [];
  shifts.forEach((s, i) => {
    if (s.pinned) pinned.push(i);
    if (s.shadow !== undefined) shadows.push(s.shadow ? i : -1 - i);
    if (s.note !== undefined) notes[i] = s.note;
    if (s.cover !== undefined) covers[i] = s.cover;
  });
  return {
    ids: shifts.map((s) => s.id),
    layers: layers.names,
    layer: layers.index,
    members: members.names,
    member: members.index,
    starts: shifts.map((s) => s.start),
    ends: shifts.map((s) => s.end),
    sources: sources.names,
    source: sources.index,
    pinned,
    notes,
    covers,
    shadows,
  };
}

/**
 * The shifts back from columns, equal to the ones encoded (same fields, `note`, `cover` and `shadow` only where there were).
 * Why a check: a malformed message must fail loudly here, not as a plan with holes later.
 */
export function shiftsFromColumns(columns: ShiftColumns): Shift[] {
  const n = columns.ids.length;
  for (const field of ['layer', 'member', 'starts', 'ends', 'source'] as const) {
    if (columns[field].length !== n)
      throw new Error(`shift columns disagree: ${field} has ${columns[field].length} of ${n}`);
  }
  const pinned = new Set(columns.pinned);
  // A shadow flag travels as its index, `false` as -1 - index, so the shift comes back with the same fields.
  const shadows = new Map((columns.shadows ?? []).map((x) => (x >= 0 ? [x, true] : [-1 - x, false])));
  return columns.ids.map((id, i) => {
    const shift: Shift = {
      id,
      layerId: columns.layers[columns.layer[i]!]!,
      memberId: columns.members[columns.member[i]!]!,
      start: columns.starts[i]!,
      end: columns.ends[i]!,
      source: columns.sources[columns.source[i]!] as Shift['source'],
      pinned: pinned.has(i),
    };
    const note = columns.notes[i];
    if (note !== undefined) shift.note = note;
    const cover = columns.covers?.[i];
    if (cover !== undefined) shift.cover = cover;
    const shadow = shadows.get(i);
    if (shadow !== undefined) shift.shadow = shadow;
    return shift;
  });
}

/**
 * A value about to be sent, with every `plan` in it (at `value.plan`) carrying its shifts as columns; anything
 * else unchanged. The inverse is `withShiftObjects`.
 */
export function withShiftColumns(value: unknown): unknown {
  const plan = (value as { plan?: { shifts?: unknown } } | null)?.plan;
  if (!plan || !Array.isArray(plan.shifts)) return value;
  const { shifts, ...rest } = plan as { shifts: Shift[] };
  return { ...(value as object), plan: { ...rest, [SHIFT_COLUMNS_KEY]: shiftsToColumns(shifts) } };
}

/** A received value with its plan's shift columns turned back into shift objects (see `withShiftColumns`). */
export function withShiftObjects(value: unknown): unknown {
  const plan = (value as { plan?: Record<string, unknown> } | null)?.plan;
  const columns = plan?.[SHIFT_COLUMNS_KEY] as ShiftColumns | undefined;
  if (!plan || !columns) return value;
  const { [SHIFT_COLUMNS_KEY]: _columns, ...rest } = plan;
  return { ...(value as object), plan: { ...rest, shifts: shiftsFromColumns(columns) } };
}
