import { Temporal } from 'temporal-polyfill';
import { sortShifts } from '../../rotation/schedule-shifts';
import type { Plan, Shift } from '../schema';
import { refuse, type EditOutcome } from './edit-outcome';

/**
 * One imported shift: who, on which layer, from when to when (UTC instants), a note saying where it came from, and
 * whether it is a learner's shadow (never coverage).
 */
export type ImportedShift = {
  layerId: string;
  memberId: string;
  start: string;
  end: string;
  note?: string;
  shadow?: boolean;
};

/**
 * Edits that bring an outside schedule in.
 * - `import:replaceWindow`: for each layer the import covers, the plan's shifts inside that layer's imported span
 *   (first imported start to last imported end, within [from, to)) give way to the imported ones (source
 *   `manual`); shifts that straddle an edge are cut at it, so nothing outside changes. Per layer, because a
 *   secondary schedule exported for two weeks must not wipe five weeks of secondary shifts. One edit, so one undo
 *   brings the old schedule back.
 */
export type ImportEdit = { kind: 'import:replaceWindow'; from: string; to: string; shifts: ImportedShift[] };

const ms = (iso: string) => Temporal.Instant.from(iso).epochMilliseconds;
const iso = (epochMs: number) => Temporal.Instant.fromEpochMilliseconds(epochMs).toString();

/** A shift id not used yet: `import-<layer>-<yyyymmddThhmm>`, numbered if taken. */
function freshId(taken: Set<string>, layerId: string, start: string): string {
  const stem = `import-${layerId}-${start.slice(0, 16).replace(/[-:]/g, '')}`.slice(0, 76);
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

/** The parts of `shift` outside [from, to): none, one (cut at an edge) or two (the window lies inside it). */
function outside(shift: Shift, from: number, to: number, taken: Set<string>): Shift[] {
  const s = ms(shift.start);
  const e = ms(shift.end);
  if (e <= from || s >= to) return [shift];
  const parts: Shift[] = [];
  if (s < from) parts.push({ ...shift, end: iso(from) });
  if (e > to) {
    const id = parts.length === 0 ? shift.id : freshId(taken, shift.layerId, iso(to));
    parts.push({ ...shift, id, start: iso(to) });
  }
  return parts;
}

function replaceWindow(plan: Plan, edit: ImportEdit): EditOutcome {
  let from: number;
  let to: number;
  try {
    from = ms(edit.from);
    to = ms(edit.to);
  } catch {
    return refuse('the import window is not a pair of ISO instants');
  }
  if (to <= from) return refuse('the import window ends before it starts');
  if (edit.shifts.length === 0)
    return refuse('there are no imported shifts to apply (map at least one person)');
  const layers = new Set(plan.rotation.layers.map((l) => l.id));
  const members = new Set(plan.members.map((m) => m.id));
  for (const s of edit.shifts) {
    if (!layers.has(s.layerId)) return refuse(`no rotation layer has id "${s.layerId}"`);
    if (!members.has(s.memberId)) return refuse(`no team member has id "${s.memberId}"`);
    if (ms(s.start) < from || ms(s.end) > to)
      return refuse(`an imported shift (${s.start}) lies outside the import window`);
  }
  const spans = new Map<string, { from: number; to: number }>();
  for (const s of edit.shifts) {
    const span = spans.get(s.layerId);
    spans.set(s.layerId, {
      from: Math.min(span?.from ?? Infinity, ms(s.start)),
      to: Math.max(span?.to ?? -Infinity, ms(s.end)),
    });
  }
  const taken = new Set(plan.shifts.map((s) => s.id));
  const kept = plan.shifts.flatMap((s) => {
    const span = spans.get(s.layerId);
    return span ? outside(s, span.from, span.to, taken) : [s];
  });
  const imported: Shift[] = edit.shifts.map((s) => ({
    id: freshId(taken, s.layerId, s.start),
    layerId: s.layerId,
    memberId: s.memberId,
    start: Temporal.Instant.from(s.start).toString(),
    end: Temporal.Instant.from(s.end).toString(),
    source: 'manual',
    pinned: false,
    ...(s.note ? { note: s.note.slice(0, 500) } : {}),
    ...(s.shadow === true ? { shadow: true } : {}),
  }));
  return { ...plan, shifts: sortShifts(plan, [...kept, ...imported]) };
}

/** Applies an import edit (unvalidated; `applyEdit` validates the result). */
export function applyImportEdit(plan: Plan, edit: ImportEdit): EditOutcome {
  switch (edit.kind) {
    case 'import:replaceWindow':
      return replaceWindow(plan, edit);
  }
}
