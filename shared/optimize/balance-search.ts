import { supportsLocalSearch } from './local-search';
import type { RosterAssignment, RosterModel } from './roster-model';
import { giveCell, tradeCells } from './search-moves';
import { SearchState, searchModel, type Score } from './search-state';

/** Limits of `polishBalance`. */
export type PolishOptions = {
  /** Improving moves made at most. */
  maxMoves: number;
  /** Stop once this returns true (checked between moves): a deadline. */
  shouldStop?: () => boolean;
  /** Refuse moves that raise the team's total load or the penalties (keep the cheapest holders' choices). */
  keepLinear?: boolean;
  /** Lower the sum of squared deviations first, moving everyone in turn (not only the extremes). */
  squares?: boolean;
};

const better = (a: Score, b: Score) => a[0] < b[0] - 1e-9 || (a[0] <= b[0] + 1e-9 && a[1] < b[1] - 1e-9);
const fewerSquares = (a: Score, b: Score) => a[1] < b[1] - 1e-9;

/**
 * Best-improvement descent on the fairness extremes: each step tries every move of the most and the least loaded
 * person — give one of their periods to anyone free, or trade it for any period anyone else holds — and makes the
 * one that lowers (objective, sum of squared deviations) most, until none does. Keeps every hard rule.
 * Why besides the annealing: on a large roster the annealing leaves deviations of about a period's hour steps,
 * while the objective's max |deviation| and spread reward evening loads out to the quarter hour; a trade whose two
 * periods differ by that much is one among tens of thousands, which a full scan finds and random sampling seldom
 * does. Returns the start unchanged for models outside `supportsLocalSearch`.
 */
export function polishBalance(
  model: RosterModel,
  start: RosterAssignment,
  options: PolishOptions,
): RosterAssignment {
  if (!supportsLocalSearch(model)) return start;
  const m = searchModel(model);
  const { S, D, T } = m;
  const st = new SearchState(m, start);
  if (st.who.length < 2) return start;
  const devs = new Float64Array(S);
  let current = st.score();
  const linear = () => st.total.reduce((acc, v) => acc + v, 0) * 1e-6 + st.penalty;
  const limit = linear() + 1e-9;
  const improves = options.squares ? fewerSquares : better;
  let idle = 0;
  for (let moves = 0; moves < options.maxMoves && !(options.shouldStop?.() ?? false); moves++) {
    const [hi, lo] = st.extremes(devs);
    let best: Score = current;
    let apply: (() => void) | null = null;
    // Scores the move as made, then the move undoes itself; the best is made again at the end of the scan.
    const consider = (move: (keep: () => boolean) => void) => {
      move(() => {
        if (st.weekendExcess > st.allowedExcess) return false;
        if (options.keepLinear && linear() > limit) return false;
        const next = st.score();
        if (improves(next, best)) [best, apply] = [next, () => move(() => true)];
        return false;
      });
    };
    const movers = options.squares ? [st.who[moves % st.who.length]!] : hi === lo ? [hi] : [hi, lo];
    for (const a of movers) {
      const rowA = st.asg[a]!;
      for (let d1 = 0; d1 < D; d1++) {
        const t1 = rowA[d1]!;
        if (t1 < 0 || m.fixed[d1 * T + t1]) continue;
        for (let b = 0; b < S; b++) {
          if (b === a) continue;
          const rowB = st.asg[b]!;
          if (rowB[d1]! < 0) consider((keep) => giveCell(st, a, d1, t1, b, keep));
          for (let d2 = 0; d2 < D; d2++) {
            const t2 = rowB[d2]!;
            if (t2 < 0 || m.fixed[d2 * T + t2]) continue;
            // Both free on the other's day, or one day's two lanes swapped.
            if (d2 === d1 ? t2 === t1 : rowA[d2]! >= 0 || rowB[d1]! >= 0) continue;
            if (!st.isOpen(a, d2, t2) || !st.isOpen(b, d1, t1)) continue;
            consider((keep) => tradeCells(st, a, d1, t1, b, d2, t2, keep));
          }
        }
      }
    }
    if (!apply) {
      // Squares: a full round of people without a move ends it; extremes: the first step without one.
      if (!options.squares || ++idle >= st.who.length) break;
      continue;
    }
    idle = 0;
    (apply as () => void)();
    current = st.score();
  }
  return st.snapshot();
}
