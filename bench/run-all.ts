// `npm run bench`: runs every benchmark script listed here, one after another, and prints their figures.
// Each script prints its own figures; targets live in the scripts, not in unit tests.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const BENCHMARKS: string[] = [
  'bench/analysis.ts',
  'bench/simulation.ts',
  'bench/optimize/run.ts',
  'bench/cli.ts',
  'bench/generate.ts',
];

let failed = 0;
for (const script of BENCHMARKS) {
  if (!existsSync(script)) {
    console.log(`- ${script}: not present in this checkout`);
    continue;
  }
  console.log(`\n## ${script}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
if (BENCHMARKS.length === 0) console.log('No benchmarks yet.');
process.exitCode = failed === 0 ? 0 : 1;
