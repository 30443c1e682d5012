import {
  DEFAULT_RELATIVE_GAP,
  OPTIMIZE_STRATEGIES,
  optimizePlan,
  type OptimizeResult,
  type OptimizeStrategy,
} from '../../../shared/optimize/optimize-plan';
import { layoutPlan } from '../../../shared/plan/plan-layout';
import type { Plan } from '../../../shared/plan/schema';
import { solveWithHighs } from '../../optimize/highs-solver';
import { isoDateFlag, parseFlags, UsageError, type Command } from '../cli-io';
import { loadPlanFile } from '../load-plan';
import { checkOutPath, describeWriteError } from '../out-path';
import { table } from './analyze';
import { writeFileDurably } from '../../files/durable-file';

const DEFAULT_TIME_LIMIT = 60;

function positiveNumber(name: string, value: unknown, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
  if (!(n > 0) || n > max)
    throw new UsageError(`--${name} expects a number greater than 0 and at most ${max}`);
  return n;
}

const round = (v: number | null, digits = 3) => (v === null ? null : Number(v.toFixed(digits)));

/** The `optimize --json` document: the CLI contract's keys first (docs/architecture.md), then what explains them. */
function toJson(r: OptimizeResult) {
  return {
    status: r.status,
    objective: round(r.objective),
    bound: round(r.bound),
    gap: round(r.gap, 6),
    members: r.members.map((m) => ({
      id: m.id,
      weightedLoad: round(m.weightedLoad),
      fairShare: round(m.fairShare),
      weightedLoadBefore: round(m.weightedLoadBefore),
    })),
    changedShifts: r.changedShifts,
    elapsedMs: Math.round(r.elapsedMs),
    ...(r.explanation !== undefined && { explanation: r.explanation }),
    strategy: r.strategy,
    fairness: r.fairness && {
      gini: round(r.fairness.gini, 6),
      cv: round(r.fairness.cv, 6),
      balance: round(r.fairness.balance, 6),
      maxMinSpread: round(r.fairness.maxMinSpread),
    },
    violations: r.violations,
    ...(r.conflicts && { conflicts: r.conflicts }),
    ...(r.cost && { cost: r.cost }),
  };
}

function render(plan: Plan, r: OptimizeResult): string {
  const names = new Map(plan.members.map((m) => [m.id, m.name]));
  const lines = [
    `${plan.meta.name} — ${r.strategy}: ${r.status}` +
      (r.objective !== null ? `, objective ${r.objective.toFixed(2)}` : '') +
      (r.bound !== null ? `, bound ${r.bound.toFixed(2)}` : '') +
      (r.gap !== null ? `, gap ${(r.gap * 100).toFixed(3)} %` : '') +
      ` (${Math.round(r.elapsedMs)} ms)`,
  ];
  if (r.members.length > 0) {
    lines.push(
      '',
      table([
        ['Member', 'Weighted before', 'Weighted after', 'Fair share'],
        ...r.members.map((m) => [
          names.get(m.id) ?? m.id,
          m.weightedLoadBefore.toFixed(1),
          m.weightedLoad.toFixed(1),
          m.fairShare.toFixed(1),
        ]),
      ]),
    );
  }
  if (r.fairness) {
    const f = r.fairness;
    lines.push(
      '',
      `Fairness: spread ${f.maxMinSpread.toFixed(1)} weighted h · Gini ${f.gini.toFixed(4)} · balance ${f.balance.toFixed(4)} · ${r.changedShifts} shift(s) change`,
    );
  }
  if (r.cost) lines.push(`On-call pay: ${r.cost.total.toFixed(2)} ${r.cost.currency}`);
  if (r.explanation) lines.push('', r.explanation);
  for (const v of r.violations.slice(0, 20)) lines.push(`  breaks: ${v}`);
  return `${lines.join('\n')}\n`;
}

const fixed = (v: number | null, digits: number) => (v === null ? '—' : v.toFixed(digits));

/** `--strategy all`: the three strategies side by side on the same window (the CLI contract's comparison). */
function renderAll(plan: Plan, results: OptimizeResult[]): string {
  const deviation = (r: OptimizeResult) =>
    r.members.length === 0 ? null : Math.max(...r.members.map((m) => Math.abs(m.weightedLoad - m.fairShare)));
  const withCost = results.some((r) => r.cost);
  const rows = [
    [
      'Strategy',
      'Status',
      'Objective',
      'Bound',
      'Gap %',
      'Spread',
      'Gini',
      'Max deviation',
      'Rule breaks',
      'Changes',
      ...(withCost ? ['Cost'] : []),
      'ms',
    ],
    ...results.map((r) => [
      r.strategy,
      r.status,
      fixed(r.objective, 1),
      fixed(r.bound, 1),
      r.gap === null ? '—' : (r.gap * 100).toFixed(3),
      fixed(r.fairness?.maxMinSpread ?? null, 1),
      fixed(r.fairness?.gini ?? null, 4),
      fixed(deviation(r), 1),
      String(r.violations.length),
      String(r.changedShifts),
      ...(withCost ? [r.cost ? `${r.cost.total.toFixed(2)} ${r.cost.currency}` : '—'] : []),
      String(Math.round(r.elapsedMs)),
    ]),
  ];
  const notes = results.flatMap((r) => (r.explanation ? [`${r.strategy}: ${r.explanation}`] : []));
  return `${plan.meta.name} — all strategies\n\n${table(rows)}\n${notes.length ? `\n${notes.join('\n')}\n` : ''}`;
}

export const optimizeCommand: Command = {
  async run(args, io) {
    const { values, positionals } = parseFlags(args, {
      from: { type: 'string' },
      to: { type: 'string' },
      strategy: { type: 'string' },
      'time-limit': { type: 'string' },
      gap: { type: 'string' },
      'change-weight': { type: 'string' },
      'cost-weight': { type: 'string' },
      out: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (positionals.length !== 1) throw new UsageError('optimize takes exactly one FILE');
    const from = isoDateFlag('from', values.from);
    const to = isoDateFlag('to', values.to);
    if (from && to && to < from) throw new UsageError('--to is before --from');
    const all = values.strategy === 'all';
    const strategy = (all ? 'optimal' : (values.strategy ?? 'optimal')) as OptimizeStrategy;
    if (!OPTIMIZE_STRATEGIES.includes(strategy)) {
      throw new UsageError(`--strategy must be one of ${OPTIMIZE_STRATEGIES.join(', ')}, all`);
    }
    if (all && values.out !== undefined) {
      throw new UsageError('--out writes one proposal: pick one --strategy, not all');
    }
    const timeLimitSeconds = positiveNumber('time-limit', values['time-limit'], DEFAULT_TIME_LIMIT, 86_400);
    const relativeGap = positiveNumber('gap', values.gap, DEFAULT_RELATIVE_GAP, 1);
    const changeWeight =
      values['change-weight'] === undefined
        ? 0
        : positiveNumber('change-weight', values['change-weight'], 0, 1e6);
    const costWeight =
      values['cost-weight'] === undefined ? 0 : positiveNumber('cost-weight', values['cost-weight'], 0, 1e6);
    const file = positionals[0]!;
    const outPath = typeof values.out === 'string' ? await checkOutPath(values.out, 'plan', [file]) : null;
    const { plan } = await loadPlanFile(file, io);
    const solveWith = async (which: OptimizeStrategy): Promise<OptimizeResult> => {
      try {
        return await optimizePlan(
          plan,
          {
            strategy: which,
            from,
            to,
            timeLimitSeconds,
            relativeGap,
            changeWeight,
            costWeight,
            now: () => performance.now(),
          },
          solveWithHighs,
        );
      } catch (error) {
        if (error instanceof RangeError) throw new UsageError(error.message);
        throw error;
      }
    };
    if (all) {
      const results: OptimizeResult[] = [];
      for (const which of OPTIMIZE_STRATEGIES) results.push(await solveWith(which));
      io.stdout(values.json ? `${JSON.stringify(results.map(toJson), null, 2)}\n` : renderAll(plan, results));
      const optimal = results[0]!;
      return optimal.proposal !== null && optimal.violations.length === 0 ? 0 : 1;
    }
    const result = await solveWith(strategy);
    io.stdout(values.json ? `${JSON.stringify(toJson(result), null, 2)}\n` : render(plan, result));
    const usable = result.proposal !== null && result.violations.length === 0;
    if (outPath !== null && typeof values.out === 'string') {
      const out = values.out;
      if (!result.proposal) {
        io.stderr(
          `rotaplan optimize: no schedule to write (${result.status}); ${values.out} was not written\n`,
        );
      } else {
        const next: Plan = {
          ...result.proposal.plan,
          meta: { ...plan.meta, updatedAt: io.now().toISOString() },
        };
        await writeFileDurably(outPath, layoutPlan(next)).catch((error: unknown) => {
          throw new Error(describeWriteError(out, error));
        });
        io.stderr(`Wrote the plan with ${result.changedShifts} changed shift(s) to ${values.out}\n`);
      }
    }
    return usable ? 0 : 1;
  },
};
