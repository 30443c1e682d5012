import { simulateIncidents, type SimulationResult } from '../../../shared/simulation/simulate';
import { isoDateFlag, parseFlags, UsageError, type Command } from '../cli-io';
import { loadPlanFile } from '../load-plan';
import { table } from './analyze';

const DEFAULT_RUNS = 1000;
const DEFAULT_SEED = 1;
const MAX_RUNS = 1_000_000;

function wholeNumber(name: string, value: unknown, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} expects a whole number from ${min} to ${max}`);
  }
  return Number(value);
}

function render(r: SimulationResult, elapsedMs: number): string {
  const lines = [
    `Monte Carlo incidents — ${r.runs} runs, seed ${r.seed}, ${r.from} to ${r.to} (${Math.round(elapsedMs)} ms)`,
    '',
    table([
      ['Member', 'Pages mean', 'p50', 'p95', 'Night mean', 'Night p95'],
      ...r.members.map((m) => [
        m.name,
        m.pages.mean.toFixed(1),
        String(m.pages.p50),
        String(m.pages.p95),
        m.nightPages.mean.toFixed(1),
        String(m.nightPages.p95),
      ]),
    ]),
    '',
    table([
      ['Pipeline', 'Rate/week', 'Incidents mean', 'P(breach) per incident', 'P(any breach)', 'Model'],
      ...r.pipelines.map((p) => [
        p.name,
        p.ratePerWeek.toFixed(2),
        p.incidents.mean.toFixed(1),
        `${(p.slaBreachProbability * 100).toFixed(1)} %`,
        `${(p.anyBreachProbability * 100).toFixed(1)} %`,
        p.model,
      ]),
    ]),
  ];
  if (r.unpaged.mean > 0)
    lines.push('', `Incidents with nobody on call: ${r.unpaged.mean.toFixed(2)} per run`);
  return `${lines.join('\n')}\n`;
}

export const simulateCommand: Command = {
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      runs: { type: 'string' },
      seed: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('simulate takes exactly one FILE');
    const runs = wholeNumber('runs', values.runs, DEFAULT_RUNS, 1, MAX_RUNS);
    const seed = wholeNumber('seed', values.seed, DEFAULT_SEED, 0, 4_294_967_295);
    const from = isoDateFlag('from', values.from);
    const to = isoDateFlag('to', values.to);
    if (from && to && to < from) throw new UsageError('--to is before --from');
    const { plan } = await loadPlanFile(positionals[0]!, io);
    const started = performance.now();
    let result: SimulationResult;
    try {
      result = simulateIncidents(plan, { runs, seed, from, to });
    } catch (error) {
      if (error instanceof RangeError) throw new UsageError(error.message);
      throw error;
    }
    const elapsedMs = Math.round(performance.now() - started);
    io.stdout(
      values.json ? `${JSON.stringify({ ...result, elapsedMs }, null, 2)}\n` : render(result, elapsedMs),
    );
    return 0;
  },
};
