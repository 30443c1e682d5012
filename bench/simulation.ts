// `npx tsx bench/simulation.ts`: 10,000 Monte Carlo runs of the sample plan's year on one core, and the figures
// they give. Target: under 2 s. Also checks that the same seed gives the same result.
import { FairnessTables } from '../shared/fairness/fairness-tables';
import { createSamplePlan } from '../shared/plan/sample-plan';
import { simulateIncidents } from '../shared/simulation/simulate';

const RUNS = Number(process.env.RUNS ?? 10_000);
const TARGET_MS = 2000;

const plan = createSamplePlan('2026-11-27T00:00:00.000Z');
const tables = new FairnessTables();
simulateIncidents(plan, { runs: 10, seed: 99, tables }); // load the zone tables once, so the figure is the runs'

const cpu = process.cpuUsage();
const started = performance.now();
let progressCalls = 0;
const result = simulateIncidents(plan, { runs: RUNS, seed: 1, tables, onProgress: () => progressCalls++ });
const wall = performance.now() - started;
const used = process.cpuUsage(cpu);
const cpuMs = (used.user + used.system) / 1000;

const incidents = result.pipelines.reduce((s, p) => s + p.incidents.mean, 0);
console.log(`${RUNS} runs of ${plan.meta.name} (${result.from} → ${result.to}), seed 1`);
console.log(
  `  ${wall.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU; ${((RUNS * incidents) / (cpuMs / 1000) / 1e6).toFixed(2)} M incidents/s CPU; ${progressCalls} progress calls`,
);
console.log(`  target < ${TARGET_MS} ms on one core (CPU time): ${cpuMs < TARGET_MS ? 'met' : 'MISSED'}`);
for (const m of result.members) {
  console.log(
    `  ${m.name.padEnd(14)} pages mean ${m.pages.mean.toFixed(1)} (p50 ${m.pages.p50}, p95 ${m.pages.p95}), night ${m.nightPages.mean.toFixed(1)} (p95 ${m.nightPages.p95})`,
  );
}
for (const p of result.pipelines) {
  console.log(
    `  ${p.name.padEnd(36)} ${p.incidents.mean.toFixed(1)} incidents/year, P(breach) ${(p.slaBreachProbability * 100).toFixed(1)} % per incident, ${(p.anyBreachProbability * 100).toFixed(1)} % of years with one`,
  );
}
const again = simulateIncidents(plan, { runs: 500, seed: 1 });
const same = JSON.stringify(again) === JSON.stringify(simulateIncidents(plan, { runs: 500, seed: 1 }));
console.log(`  same seed, same result: ${same ? 'yes' : 'NO'}`);
