import type { SearchState } from './search-state';

/** Decides whether the state after a move is kept (the annealing's acceptance); a refused move is undone. */
export type Keep = () => boolean;

/**
 * Swaps everything two people hold in days [from, to): their runs inside the window move together, so the
 * spacing rules mostly hold and only the window's edges need checking; the load change is the difference of two
 * sums, which gives the fine steps that balancing needs. Returns true when the move was kept.
 */
export function swapWindow(
  st: SearchState,
  a: number,
  b: number,
  from: number,
  to: number,
  keep: Keep,
): boolean {
  const { asg } = st;
  const { fixed, T } = st.m;
  for (let d = from; d < to; d++) {
    const ta = asg[a]![d]!;
    const tb = asg[b]![d]!;
    if ((ta >= 0 && fixed[d * T + ta]) || (tb >= 0 && fixed[d * T + tb])) return false;
  }
  const lifted: [number, number, number][] = [];
  for (let d = from; d < to; d++) {
    const ta = asg[a]![d]!;
    const tb = asg[b]![d]!;
    if (ta >= 0) st.lift(a, d, ta);
    if (tb >= 0) st.lift(b, d, tb);
    lifted.push([d, ta, tb]);
  }
  let ok = true;
  for (const [d, ta, tb] of lifted) {
    if (tb >= 0) {
      if (!st.isOpen(a, d, tb)) ok = false;
      st.place(a, d, tb);
    }
    if (ta >= 0) {
      if (!st.isOpen(b, d, ta)) ok = false;
      st.place(b, d, ta);
    }
  }
  if (ok) {
    for (const [d, ta, tb] of lifted) {
      if ((tb >= 0 && !st.runOkHeld(a, d, tb)) || (ta >= 0 && !st.runOkHeld(b, d, ta))) {
        ok = false;
        break;
      }
    }
  }
  if (ok && keep()) return true;
  for (const [d, ta, tb] of lifted) {
    if (tb >= 0) st.lift(a, d, tb);
    if (ta >= 0) st.lift(b, d, ta);
  }
  for (const [d, ta, tb] of lifted) {
    if (ta >= 0) st.place(a, d, ta);
    if (tb >= 0) st.place(b, d, tb);
  }
  return false;
}

/** Gives cell (d, t), held by a, to b. */
export function giveCell(st: SearchState, a: number, d: number, t: number, b: number, keep: Keep): void {
  st.lift(a, d, t);
  if (st.canTake(b, d, t)) {
    st.place(b, d, t);
    if (keep()) return;
    st.lift(b, d, t);
  }
  st.place(a, d, t);
}

/** Trades cell (d1, t), held by a, with cell (d2, t), held by b: two periods of the same shift type. */
export function tradeCells(
  st: SearchState,
  a: number,
  d1: number,
  t1: number,
  b: number,
  d2: number,
  t2: number,
  keep: Keep,
): void {
  st.lift(a, d1, t1);
  st.lift(b, d2, t2);
  if (st.canTake(a, d2, t2)) {
    st.place(a, d2, t2);
    if (st.canTake(b, d1, t1)) {
      st.place(b, d1, t1);
      if (keep()) return;
      st.lift(b, d1, t1);
    }
    st.lift(a, d2, t2);
  }
  st.place(a, d1, t1);
  st.place(b, d2, t2);
}

/**
 * A balancing trade between a person above fair share (a) and one below (b): of a's period (d1, t1) and each
 * period b holds on a day a is free and may take it, the pair whose load difference comes closest to half the gap between their
 * deviations is traded (when the rules allow). Why: random trades seldom hit the one pair that evens two loads out
 * to the quarter hour, which is what a min-max objective over a year of periods asks for at the end.
 */
export function balanceTrade(
  st: SearchState,
  a: number,
  d1: number,
  b: number,
  gap: number,
  keep: Keep,
): void {
  const { fixed, T, D } = st.m;
  const t1 = st.asg[a]![d1]!;
  if (t1 < 0 || fixed[d1 * T + t1] || st.asg[b]![d1]! >= 0 || !st.isOpen(b, d1, t1)) return;
  const wanted = gap / 2;
  const rowA = st.asg[a]!;
  const rowB = st.asg[b]!;
  let best = -1;
  let bestMiss = Infinity;
  for (let d2 = 0; d2 < D; d2++) {
    const t2 = rowB[d2]!;
    if (t2 < 0 || d2 === d1 || rowA[d2]! >= 0 || fixed[d2 * T + t2] || !st.isOpen(a, d2, t2)) continue;
    // Runs as they stand (the traded periods still held): the trade itself checks them exactly.
    if (!st.runOk(a, d2, t2) || !st.runOk(b, d1, t1)) continue;
    const moved = st.cellLoad(a, d1, t1) - st.cellLoad(a, d2, t2);
    // A trade that raises the team's total (a holiday to someone it weighs more for) is worth less.
    const raised = st.cellLoad(b, d1, t1) - st.cellLoad(b, d2, t2) - moved;
    const miss = Math.abs(moved - wanted) + Math.max(0, raised);
    if (miss < bestMiss) [best, bestMiss] = [d2, miss];
  }
  if (best >= 0) tradeCells(st, a, d1, t1, b, best, rowB[best]!, keep);
}
