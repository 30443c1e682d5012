import type { Plan, Shift } from '../plan/schema';
import { slotShiftId } from '../rotation/generate-shifts';
import { sortShifts } from '../rotation/schedule-shifts';
import { uniqueShiftId } from '../rotation/shift-ids';
import { ZoneClock } from '../time/zone-clock';
import { msToInstant } from '../time/zoned';
import type { PlanRoster } from './plan-to-roster';
import type { RosterAssignment } from './roster-model';

/** One turn of a layer (a period, or a rotation's turn between its handoffs) whose person changes: before (null when nobody held it) and after. */
export type CellChange = {
  layerId: string;
  start: string;
  end: string;
  fromMemberId: string | null;
  toMemberId: string | null;
};

/** The proposal as shifts: the full new shift list, what changed, and the plan carrying it. */
export type RosterProposal = { plan: Plan; shifts: Shift[]; changes: CellChange[] };

/** The member index holding (day, shift type) in an assignment, or −1. */
export function holderOf(assignment: RosterAssignment, day: number, shift: number): number {
  for (let s = 0; s < assignment.length; s++) if (assignment[s]![day] === shift) return s;
  return -1;
}

/**
 * Writes an assignment back as the plan's shifts. A turn keeps its existing shifts (ids, sources, notes) when the
 * same person keeps it; a changed turn gets fresh shifts with source `generated` and the engine's stable ids
 * (`<layer>-<start date>` for a plain period, `<layer>-<local start>` for a rotation's on-call piece) when free. Kept shifts, shadows and everything outside the modelled periods stay as they were.
 * Why: the proposal is a diff against the current schedule that the user can apply (and undo) in one step.
 */
export function rosterToShifts(
  roster: PlanRoster,
  assignment: RosterAssignment,
  clock = new ZoneClock(),
): RosterProposal {
  const { plan, cells, members } = roster;
  const out: Shift[] = [...roster.untouched, ...roster.shadows];
  const taken = new Set(out.map((s) => s.id));
  const changes: CellChange[] = [];
  const fresh: { base: string; shift: Omit<Shift, 'id'> }[] = [];
  cells.forEach((row, d) =>
    row.forEach((cell, t) => {
      if (!cell) return;
      const s = holderOf(assignment, d, t);
      const memberId = s >= 0 ? members[s]!.id : null;
      if (memberId !== cell.currentMemberId) {
        changes.push({
          layerId: cell.layer.id,
          start: cell.start,
          end: cell.end,
          fromMemberId: cell.currentMemberId,
          toMemberId: memberId,
        });
      }
      if (memberId === null) return;
      if (cell.currentShifts.length > 0 && cell.currentShifts.every((x) => x.memberId === memberId)) {
        for (const x of cell.currentShifts) {
          out.push(x);
          taken.add(x.id);
        }
        return;
      }
      for (const piece of cell.pieces) {
        fresh.push({
          // The engine's ids: a plain period's `<layer>-<start date>`, a rotation's piece `<layer>-<local start>`.
          base: cell.turn.plain
            ? slotShiftId(cell.layer.id, cell.slot)
            : `${cell.layer.id}-${clock.localDateTime(msToInstant(piece.start), plan.rotation.timeZone)}`,
          shift: {
            layerId: cell.layer.id,
            memberId,
            start: msToInstant(piece.start),
            end: msToInstant(piece.end),
            source: 'generated',
            pinned: false,
          },
        });
      }
    }),
  );
  // Fresh ids last, so a kept shift never loses its id to a new one.
  for (const f of fresh) out.push({ id: uniqueShiftId(f.base, taken), ...f.shift });
  const shifts = sortShifts(plan, out);
  return { plan: { ...plan, shifts }, shifts, changes };
}
