// Prints how long the plan file layout takes for a big plan, against plain JSON.stringify: run with
// `npx tsx bench/git/layout.ts`.
import { layoutPlan } from '../../shared/plan/plan-layout';
import { bigPlan } from '../ui/big-plan';

const plan = bigPlan(24);
function time(label: string, run: () => string): void {
  run();
  const started = performance.now();
  const runs = 10;
  let bytes = 0;
  for (let i = 0; i < runs; i += 1) bytes = run().length;
  const ms = (performance.now() - started) / runs;
  console.log(
    `${label}: ${ms.toFixed(1)} ms per plan (${plan.shifts.length} shifts, ${(bytes / 1e6).toFixed(1)} MB)`,
  );
}
time('JSON.stringify(plan, null, 2)', () => JSON.stringify(plan, null, 2));
time('layoutPlan(plan)', () => layoutPlan(plan));
