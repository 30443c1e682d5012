import type { OptimizeResult, OptimizeStatus } from '../../../../shared/optimize/optimize-plan';

/** Mantine colours per optimiser status, the same in the comparison and the proposal. */
export const STATUS_COLOR: Record<OptimizeStatus, string> = {
  optimal: 'green',
  feasible: 'blue',
  infeasible: 'red',
  timeout: 'orange',
};

/**
 * How a result's status reads on screen: a schedule that exists but breaks rules (a baseline such as round-robin
 * that ignores time off) says "breaks N rules" in orange, not a red "infeasible" that reads as a failure to find
 * anything; the data keeps the `optimize --json` status.
 */
export function statusLabel(result: Pick<OptimizeResult, 'status' | 'proposal' | 'violations'>): {
  text: string;
  color: string;
} {
  const n = result.violations.length;
  if (result.proposal && n > 0) return { text: `breaks ${n} rule${n === 1 ? '' : 's'}`, color: 'orange' };
  return { text: result.status, color: STATUS_COLOR[result.status] };
}

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
