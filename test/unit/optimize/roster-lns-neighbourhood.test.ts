import { solveWithHighs } from '../../../electron/optimize/highs-solver';
import type { MilpIncumbent } from '../../../shared/optimize/lns';
import { rosterNeighbourhood } from '../../../shared/optimize/roster-lns-neighbourhood';
import { mulberry32 } from '../../../shared/simulation/prng';
import { instance1 } from './nrp-instance1';

/** Columns of every x cell of the given people over days [from, to), sorted. */
function cellsOf(
  milp: { x: Int32Array },
  days: number,
  types: number,
  people: Iterable<number>,
  from: number,
  to: number,
) {
  const out: number[] = [];
  for (const s of people)
    for (let d = from; d < to; d++)
      for (let t = 0; t < types; t++) {
        const c = milp.x[(s * days + d) * types + t]!;
        if (c >= 0) out.push(c);
      }
  return out.sort((a, b) => a - b);
}

/** The kind a draw used: the one whose count of rounds went up. */
function drawnKind(before: Record<string, { rounds: number }>, after: Record<string, { rounds: number }>) {
  return Object.keys(after).find((kind) => after[kind]!.rounds > before[kind]!.rounds)!;
}

describe('rosterNeighbourhood on Curtois & Qu Instance1', () => {
  it('aims its cover kinds at short days, learns which kinds pay, and draws no cover kind when cover is met', async () => {
    const { model, milp } = await instance1();
    const S = model.staff.length;
    const D = model.days;
    const T = model.shiftTypes.length;
    // The proven optimum leaves cover short on days 5 (2 people), 6 (3) and 12 (1).
    const optimum = await solveWithHighs(milp.problem, { absoluteGap: 0.99 });
    expect(Math.round(optimum.objective!)).toBe(607);
    const shortDays = model.cover
      .filter((_, i) => optimum.colValues![milp.aux.slack[i]![0]]! > 0.5)
      .map((c) => c.day);
    expect(shortDays).toEqual([5, 6, 12]);
    const best: MilpIncumbent = { objective: optimum.objective!, colValues: optimum.colValues! };
    const everyone = Array.from({ length: S }, (_, s) => s);
    const dayOf = (c: number) => Number(milp.problem.colNames[c]!.split('_')[2]);
    const personOf = (c: number) => Number(milp.problem.colNames[c]!.split('_')[1]);

    const draw = rosterNeighbourhood(model, milp);
    const rng = mulberry32(11);
    const seen = new Set<string>();
    for (let k = 0; k < 200; k++) {
      const before = draw.stats();
      const free = Array.from(draw(rng, 40, best));
      const kind = drawnKind(before, draw.stats());
      seen.add(kind);
      const days = [...new Set(free.map(dayOf))].sort((a, b) => a - b);
      const people = [...new Set(free.map(personOf))].sort((a, b) => a - b);
      const span = [days[0]!, days.at(-1)! + 1] as const;
      // Every kind frees whole cells: all shift types of each person and day it touches, over consecutive days.
      expect(days.length).toBe(span[1] - span[0]);
      expect(free).toEqual(cellsOf(milp, D, T, people, span[0], span[1]));
      if (kind === 'coverWindow') {
        expect(people).toEqual(everyone);
        expect(days.some((d) => shortDays.includes(d))).toBe(true);
      }
      if (kind === 'coverPeople') {
        expect(people.length).toBeGreaterThanOrEqual(4);
        expect(span).toEqual([0, D]);
      }
      if (kind === 'coverMix') {
        expect(days.length).toBeGreaterThanOrEqual(7);
        expect(days.some((d) => shortDays.includes(d))).toBe(true);
      }
      // Only the aimed kinds pay in this test.
      draw.record(kind.startsWith('cover'));
    }
    expect(seen).toEqual(new Set(['window', 'people', 'mix', 'coverWindow', 'coverPeople', 'coverMix']));
    const stats = draw.stats();
    const rounds = (kinds: (keyof typeof stats)[]) => kinds.reduce((n, kind) => n + stats[kind].rounds, 0);
    expect(rounds(['window', 'people', 'mix', 'coverWindow', 'coverPeople', 'coverMix'])).toBe(200);
    expect(rounds(['coverWindow', 'coverPeople', 'coverMix'])).toBeGreaterThan(150);
    expect(stats.coverPeople.improved).toBe(stats.coverPeople.rounds);
    expect(stats.window.improved).toBe(0);

    // Every cover slack at zero: nothing to aim at, so only the random kinds are drawn.
    const met = Float64Array.from(optimum.colValues!);
    for (const [under, over] of milp.aux.slack) {
      if (under >= 0) met[under] = 0;
      if (over >= 0) met[over] = 0;
    }
    const random = rosterNeighbourhood(model, milp);
    for (let k = 0; k < 50; k++) {
      random(rng, 40, { objective: 7, colValues: met });
      random.record(true);
    }
    const randomStats = random.stats();
    expect(
      randomStats.coverWindow.rounds + randomStats.coverPeople.rounds + randomStats.coverMix.rounds,
    ).toBe(0);
    expect(randomStats.window.rounds + randomStats.people.rounds + randomStats.mix.rounds).toBe(50);
  }, 60_000);
});
