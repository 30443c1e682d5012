import type { OptimizeResult, OptimizeStatus } from '../../../../shared/optimize/optimize-plan';

/** Mantine colours per optimiser status, the same in the comparison and the proposal. */
export const STATUS_COLOR: Record<OptimizeStatus, string> = {
  optimal: 'green',
  feasible: 'blue',
  infeasible: 'red',
  timeout: 'orange',
};

/** A relative gap as a percentage with three decimals, or a dash when unknown. */
export function formatGap(gap: number | null): string {
  return gap === null ? '—' : `${(gap * 100).toFixed(3)} %`;
}

/** Weighted hours with one decimal, or a dash. */
export function formatLoad(value: number | null): string {
  return value === null
    ? '—'
    : value.toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
}

/** Seconds with one decimal from milliseconds. */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The largest distance of anyone's weighted load from their fair share in a result (0 without members). */
export function maxDeviation(result: OptimizeResult): number {
  return result.members.reduce((max, m) => Math.max(max, Math.abs(m.weightedLoad - m.fairShare)), 0);
}
