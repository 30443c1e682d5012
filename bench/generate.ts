// `npx tsx bench/generate.ts`: how long `rotaplan generate` (the app's Regenerate engine) takes to build a
// 25-person, two-year follow-the-sun plan: three regional rotations per layer, two layers, time off covered by swaps.
// Prints the figures; the first run includes loading the zone rules, the later ones show the steady state.
import { createFollowTheSunPlan } from '../shared/plan/sample-follow-the-sun';
import { generatePlan } from '../shared/rotation/generate-plan';
import { scheduleShifts } from '../shared/rotation/schedule-shifts';
import { HolidayCalendar } from '../shared/time/holiday-calendar';

const TEAM = Number(process.env.TEAM ?? 25);
const RUNS = Number(process.env.RUNS ?? 5);

const time = <T>(work: () => T): [T, number] => {
  const started = performance.now();
  const value = work();
  return [value, performance.now() - started];
};

const [plan, firstMs] = time(() => createFollowTheSunPlan('2026-12-06T00:00:00.000Z', TEAM));
const empty = { ...plan, shifts: [] };
console.log(
  `${TEAM}-person follow-the-sun plan, ${plan.rotation.startDate} → ${plan.rotation.endDate}: ${plan.shifts.length} shifts`,
);
console.log(`  first build (zone rules loaded on the way): ${firstMs.toFixed(0)} ms`);
// One holiday calendar (and its zone clock) for every run, as the app's store holds one beside the plan.
const calendar = new HolidayCalendar();
const engine: number[] = [];
const engineFresh: number[] = [];
// A fresh copy of the rotation each run, so the turns are worked out again (a new plan after an edit).
for (let i = 0; i < RUNS; i++) {
  const fresh = { ...empty, rotation: structuredClone(empty.rotation) };
  engine.push(time(() => scheduleShifts(fresh, {}, calendar))[1]);
}
// The same without a calendar: every run starts with a fresh zone clock (a caller that keeps none).
for (let i = 0; i < RUNS; i++) {
  const fresh = { ...empty, rotation: structuredClone(empty.rotation) };
  engineFresh.push(time(() => scheduleShifts(fresh))[1]);
}
const [result, withChecks] = time(() =>
  generatePlan({ ...empty, rotation: structuredClone(empty.rotation) }, { holidays: calendar }),
);
const median = (runs: number[]) => [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
console.log(
  `  engine (shifts from rotations, ${RUNS} runs, the calendar's zone clock kept): median ${median(engine).toFixed(0)} ms, best ${Math.min(...engine).toFixed(0)} ms`,
);
console.log(
  `  engine with a fresh zone clock each run: median ${median(engineFresh).toFixed(0)} ms, best ${Math.min(...engineFresh).toFixed(0)} ms`,
);
console.log(
  `  generate with every check (coverage, windows, night, investor weeks, holidays): ${withChecks.toFixed(0)} ms, ${result.changed} shifts, ${result.warnings.length} warnings`,
);
