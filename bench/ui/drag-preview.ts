// `npx tsx bench/ui/drag-preview.ts [--per-day N] [--targets T]`: the cost of the calendar's drag preview on the big
// plan of bench/ui/run.ts (35,040 shifts with the default 24 per day). FullCalendar reports a new target each time
// the hovered date changes; for each, the preview dry-runs the edit and lists what it changes. Prints the median
// time per hovered target of the preview (neighbours looked up through the shift index) next to the same answer
// got by making the edit on the whole plan and diffing it (what the preview did before), and checks both agree.
import { parseArgs } from 'node:util';
import { previewShiftEdit } from '../../renderer/src/features/calendar/edit-preview';
import type { ShiftEdit } from '../../shared/plan/edits/shift-edits';
import type { Plan } from '../../shared/plan/schema';
import { editConsequences } from '../../shared/rotation/edit-consequences';
import { moveShift } from '../../shared/rotation/shift-adjust';
import { instantMs, msToInstant } from '../../shared/time/zoned';
import { bigPlan } from './big-plan';

const { values } = parseArgs({
  options: { 'per-day': { type: 'string', default: '24' }, targets: { type: 'string', default: '28' } },
});
const perDay = Number(values['per-day']);
const targets = Number(values.targets);
if (!Number.isInteger(perDay) || perDay < 1 || perDay > 48) {
  process.stderr.write(`--per-day must be a whole number from 1 to 48, not "${values['per-day']}"\n`);
  process.exit(2);
}
if (!Number.isInteger(targets) || targets < 1) {
  process.stderr.write(`--targets must be a whole number of at least 1, not "${values.targets}"\n`);
  process.exit(2);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const plan: Plan = bigPlan(perDay);
const zone = plan.rotation.timeZone;
// The dragged shift: the first one on the run.ts drag's Wednesday; targets are whole days from it, both ways, as a
// drag across the month grid passes them (swaps onto another shift, or refusals).
const from = instantMs('2027-03-10T12:00:00Z');
const shift = plan.shifts.find((s) => instantMs(s.end) > from && plan.rotation.layers[0]!.id === s.layerId)!;
const edits: ShiftEdit[] = Array.from({ length: targets }, (_, i) => {
  const days = (i % 2 === 0 ? 1 : -1) * (Math.floor(i / 2) + 1);
  const start = msToInstant(instantMs(shift.start) + days * 86_400_000);
  return { kind: 'shift:move', shiftId: shift.id, start };
});

/** The old way: the edit made on the whole plan (every shift scanned, the list copied), then the plans diffed. */
function wholePlanPreview(edit: Extract<ShiftEdit, { kind: 'shift:move' }>) {
  const adjusted = moveShift(plan, edit.shiftId, edit.start, edit.end);
  return adjusted.ok ? editConsequences(plan, { ...plan, shifts: adjusted.shifts }) : adjusted.reason;
}

const time = (run: () => unknown) => {
  const started = performance.now();
  const out = run();
  return { ms: performance.now() - started, out };
};
// Warm both paths as the calendar has by the time a drag starts: it has indexed the plan's shifts (to find the
// month's events) and parsed their instants. A move a hundred days away, which no target repeats.
const warm = {
  kind: 'shift:move',
  shiftId: shift.id,
  start: msToInstant(instantMs(shift.start) + 100 * 86_400_000),
} as const;
previewShiftEdit(plan, warm);
wholePlanPreview(warm);
const fast: number[] = [];
const slow: number[] = [];
for (const edit of edits) {
  if (edit.kind !== 'shift:move') continue;
  const a = time(() => previewShiftEdit(plan, edit));
  const b = time(() => wholePlanPreview(edit));
  const preview = a.out as ReturnType<typeof previewShiftEdit>;
  const same = preview.ok
    ? JSON.stringify(preview.consequences) === JSON.stringify(b.out)
    : preview.reason === b.out;
  if (!same) throw new Error(`the preview and the whole-plan edit disagree for a move to ${edit.start}`);
  fast.push(a.ms);
  slow.push(b.ms);
}
const repeat = time(() => previewShiftEdit(plan, edits[0]!)).ms;
process.stdout.write(
  `Drag preview on ${plan.shifts.length} shifts (2027-03-10, ${zone}), ${fast.length} hovered targets:\n` +
    `  preview (neighbours by the shift index): median ${median(fast).toFixed(2)} ms, worst ${Math.max(...fast).toFixed(2)} ms\n` +
    `  whole-plan edit and diff (the old dry run): median ${median(slow).toFixed(2)} ms, worst ${Math.max(...slow).toFixed(2)} ms\n` +
    `  a target hovered again: ${repeat.toFixed(3)} ms\n`,
);
