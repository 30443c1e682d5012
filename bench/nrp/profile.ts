// Profiles the roster MILP against the textbook one on an instance: size, build time, root LP bound (the LP
// relaxation) and a short MIP run with HiGHS's own log, to see where the time goes (presolve, root, search).
//   npx tsx bench/nrp/profile.ts FILE [--mip-seconds S] [--log]
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import loadHighs from 'highs';
import { toHighsModelData } from '../../electron/optimize/highs-solver';
import type { MilpProblem } from '../../shared/optimize/milp-model';
import { parseNrpInstance } from '../../shared/optimize/nrp-format';
import { buildRosterMilp } from '../../shared/optimize/roster-milp';
import { buildPlainMilp } from './plain-milp';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'mip-seconds': { type: 'string' }, log: { type: 'boolean' } },
});
const file = positionals[0];
if (!file) {
  process.stderr.write('usage: npx tsx bench/nrp/profile.ts FILE [--mip-seconds S] [--log]\n');
  process.exit(2);
}
const parsed = parseNrpInstance(await readFile(file, 'utf8'), basename(file));
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const model = parsed.model;
let log: string[] = [];
const highs = await loadHighs({ print: (m: string) => log.push(m) });
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function solve(problem: MilpProblem, relax: boolean, seconds: number) {
  log = [];
  const data = toHighsModelData(problem, highs);
  const m = highs.createModel(relax ? { ...data, integrality: undefined } : data);
  try {
    m.options.set({ output_flag: true, time_limit: seconds, mip_abs_gap: 0.99 });
    const c0 = cpu();
    m.run();
    const ms = cpu() - c0;
    const info = (key: string) => {
      try {
        return Number(m.info.get(key));
      } catch {
        return NaN;
      }
    };
    const bound = relax ? m.getObjectiveValue() : info('mip_dual_bound');
    const primal = relax ? null : info('objective_function_value');
    return { ms: Math.round(ms), bound, primal, log: [...log] };
  } finally {
    m.dispose();
  }
}

const mipSeconds = Number(values['mip-seconds'] ?? 30);
for (const [name, build] of [
  ['ours', () => buildRosterMilp(model).problem],
  ['plain', () => buildPlainMilp(model).problem],
] as const) {
  const c0 = cpu();
  const problem = build();
  const buildMs = Math.round(cpu() - c0);
  const lp = solve(problem, true, 600);
  const mip = solve(problem, false, mipSeconds);
  const presolved = mip.log.find((l) => l.startsWith('Presolve reductions') || l.includes('Presolve :'));
  process.stdout.write(
    `${basename(file)} ${name}: ${problem.numCols} cols ${problem.numRows} rows ${problem.values.length} nz; build ${buildMs} ms; ` +
      `LP ${lp.bound.toFixed(2)} in ${lp.ms} ms cpu; MIP ${mipSeconds}s: primal ${mip.primal} dual ${mip.bound.toFixed(2)} (${mip.ms} ms cpu)` +
      `${presolved ? `\n  ${presolved.trim()}` : ''}\n`,
  );
  if (values.log) process.stdout.write(mip.log.join('\n') + '\n');
}
