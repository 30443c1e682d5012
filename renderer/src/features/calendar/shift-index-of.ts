import { ShiftIndex } from '../../../../shared/plan/shift-index';
import type { Shift } from '../../../../shared/plan/schema';

// The calendar's indexes, one per shifts array it has shown: plans are immutable, so an array never changes after
// it is indexed, and an index goes with its plan.
const indexes = new WeakMap<readonly Shift[], ShiftIndex>();

/**
 * The calendar's index of a plan's shifts, built once per array. Why kept here: the calendar asks about the same
 * plan for every window it paints and every drag over it, and building the index is a pass over every shift.
 */
export function shiftIndexOf(shifts: readonly Shift[]): ShiftIndex {
  let index = indexes.get(shifts);
  if (!index) {
    index = new ShiftIndex(shifts);
    indexes.set(shifts, index);
  }
  return index;
}
