// Prints how long diffing and merging two edited copies of a big plan take: `npx tsx bench/git/merge-diff.ts`.
import { diffPlans } from '../../shared/git/plan-diff';
import { mergePlans } from '../../shared/git/plan-merge';
import type { Plan } from '../../shared/plan/schema';
import { bigPlan } from '../ui/big-plan';

const base = bigPlan(24);
const reassign = (plan: Plan, index: number, memberId: string): Plan => ({
  ...plan,
  shifts: plan.shifts.map((s, i) => (i === index ? { ...s, memberId } : s)),
});
const ours = reassign(base, 100, 'm03');
const theirs = reassign(base, 5_000, 'm07');

function time(label: string, run: () => unknown): void {
  const started = performance.now();
  run();
  console.log(`${label}: ${(performance.now() - started).toFixed(0)} ms (${base.shifts.length} shifts)`);
}
time('diffPlans, one shift changed (with fairness before and after)', () => diffPlans(base, ours));
time('mergePlans, one shift changed on each side (with validation)', () => mergePlans(base, ours, theirs));
