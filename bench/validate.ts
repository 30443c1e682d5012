// `npx tsx bench/validate.ts`: how long a big plan (25 members, two years, 35,040 shifts) takes to validate and
// load. Prints medians of 5 runs: JSON text -> validated plan (the first load of a file), validating a small edit
// of a validated plan (what every edit in the app pays), and the store opening the plan file from disk.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyEdit } from '../shared/plan/edits';
import { layoutPlan } from '../shared/plan/plan-layout';
import { PlanValidator } from '../shared/plan/plan-validator';
import { createSamplePlan } from '../shared/plan/sample-plan';
import type { Plan } from '../shared/plan/schema';
import { validatePlanFully } from '../shared/plan/validate-full';
import { createPlanStore } from '../electron/store/plan-store';
import { bigPlan } from './ui/big-plan';

const RUNS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(run: () => unknown): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function main(): Promise<void> {
  const text = layoutPlan(bigPlan(24));
  // The renderer's store owns one of these: it has passed the plan, so an edit judges only what it changed.
  const validator = new PlanValidator();
  const first = validatePlanFully(JSON.parse(text), validator);
  if (!first.ok)
    throw new Error(`the bench plan is not valid: ${JSON.stringify(first.problems.slice(0, 3))}`);
  const plan: Plan = first.plan;

  const parseAndValidate: number[] = [];
  const editValidate: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    parseAndValidate.push(await timed(() => validatePlanFully(JSON.parse(text))));
    editValidate.push(
      await timed(() => {
        const edit = { kind: 'meta:rename', name: `Run ${i}` } as const;
        const result = applyEdit(plan, edit, '2027-01-01T00:00:00Z', validator);
        if (!result.ok) throw new Error(result.reason);
      }),
    );
  }

  const dir = await mkdtemp(join(tmpdir(), 'rotaplan-bench-validate-'));
  const storeOpen: number[] = [];
  try {
    const file = join(dir, 'big.rotaplan.json');
    await writeFile(file, text);
    const store = createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan });
    for (let i = 0; i < RUNS; i++) storeOpen.push(await timed(() => store.open(file)));
  } finally {
    await rm(dir, { recursive: true, force: true, maxRetries: 5 });
  }

  console.log(
    `plan: ${plan.shifts.length} shifts, ${(text.length / 1e6).toFixed(1)} MB of JSON; medians of ${RUNS}`,
  );
  console.log(`parse + validate (a file's first load): ${median(parseAndValidate).toFixed(0)} ms`);
  console.log(`validate an edit (meta:rename):         ${median(editValidate).toFixed(1)} ms`);
  console.log(`store open from disk (read, validate, backup): ${median(storeOpen).toFixed(0)} ms`);
}

await main();
