/**
 * The relative optimality gap between an incumbent objective and a proven lower bound (minimisation):
 * (objective − bound) / max(|objective|, 1), never negative; null when either is missing.
 * Why max(…, 1): an objective of 0 proven by a bound of 0 reads 0 rather than NaN, and a tiny objective does not turn
 * a fraction of a unit into a huge percentage.
 */
export function relativeGap(objective: number | null, bound: number | null): number | null {
  if (objective === null || bound === null) return null;
  return Math.max(0, objective - bound) / Math.max(Math.abs(objective), 1);
}
