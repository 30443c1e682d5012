/** The four team fairness numbers of the fairness model (docs/architecture.md), each over the same list of loads. */
export type FairnessMetrics = { gini: number; cv: number; balance: number; maxMinSpread: number };

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length;
}

/**
 * Gini coefficient: the mean absolute difference between all ordered pairs over twice the mean (0 equal, towards
 * 1 when one person carries everything). Why: the standard inequality measure, comparable across team sizes.
 * 0 for an empty list or when every load is 0.
 */
export function gini(values: readonly number[]): number {
  const m = mean(values);
  if (values.length === 0 || m === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  // Σ_i Σ_j |x_i − x_j| = 2 Σ_i (2i − n + 1) x_(i) for sorted values: O(n log n) instead of O(n²).
  let acc = 0;
  sorted.forEach((x, i) => (acc += (2 * i - sorted.length + 1) * x));
  return (2 * acc) / (2 * sorted.length * sorted.length * m);
}

/**
 * Coefficient of variation: population standard deviation over the mean.
 * Why: a scale-free spread that reads as "loads vary by 12 %". 0 when the mean is 0.
 */
export function cv(values: readonly number[]): number {
  const m = mean(values);
  if (values.length === 0 || m === 0) return 0;
  const variance = values.reduce((s, v) => s + (v - m) * (v - m), 0) / values.length;
  return Math.sqrt(variance) / m;
}

/** Largest load minus smallest load, in the loads' own unit (weighted hours); 0 for an empty list. */
export function maxMinSpread(values: readonly number[]): number {
  if (values.length === 0) return 0;
  return Math.max(...values) - Math.min(...values);
}

/**
 * Pairwise balance as Grafana OnCall scores it: the mean over all pairs of min(load)/max(load), 1 when everyone
 * carries the same. A pair of two zero loads counts 1 (0/0 is "equal"); a list of fewer than two loads is 1.
 * Why: users can compare Rotaplan's number with a tool they know.
 */
export function balance(values: readonly number[]): number {
  if (values.length < 2) return 1;
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < values.length; i++) {
    for (let j = i + 1; j < values.length; j++) {
      const a = values[i]!;
      const b = values[j]!;
      const hi = Math.max(a, b);
      sum += hi === 0 ? 1 : Math.min(a, b) / hi;
      pairs++;
    }
  }
  return sum / pairs;
}

/** All four metrics over one list of loads. */
export function fairnessMetrics(values: readonly number[]): FairnessMetrics {
  return { gini: gini(values), cv: cv(values), balance: balance(values), maxMinSpread: maxMinSpread(values) };
}
