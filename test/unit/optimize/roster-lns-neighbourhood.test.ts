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

  it('sizes each kind by its own rounds and draws the kinds that pay per second more often', async () => {
    const { model, milp } = await instance1();
    const optimum = await solveWithHighs(milp.problem, { absoluteGap: 0.99 });
    const best: MilpIncumbent = { objective: optimum.objective!, colValues: optimum.colValues! };
    const dayOf = (c: number) => Number(milp.problem.colNames[c]!.split('_')[2]);
    const span = (free: Int32Array) => new Set(Array.from(free, dayOf)).size;

    const draw = rosterNeighbourhood(model, milp);
    const rng = mulberry32(4);
    const windows: number[] = [];
    const mixes: number[] = [];
    for (let k = 0; k < 300; k++) {
      const before = draw.stats();
      const free = draw(rng, 40, best);
      const kind = drawnKind(before, draw.stats());
      if (kind === 'window') {
        windows.push(span(free));
        // Solved to the end in a tenth of a second without a gain: the next window is larger.
        draw.record(false, { seconds: 0.1, complete: true });
      } else {
        if (kind === 'mix') mixes.push(free.length);
        // Cut short after two seconds: the next neighbourhood of that kind is smaller.
        draw.record(false, { seconds: 2, complete: false });
      }
    }
    // 40 columns are 5 of the 14 days for everybody at first; a window grows to half the roster (7 days) at most.
    expect(windows[0]).toBe(5);
    expect(windows.every((days, k) => k === 0 || days >= windows[k - 1]!)).toBe(true);
    expect(windows.at(-1)).toBe(7);
    expect(mixes.at(-1)!).toBeLessThan(mixes[0]!);
    // None paid; a window costs a twentieth of the others' time, so it is drawn most.
    const stats = draw.stats();
    expect(stats.window.rounds).toBeGreaterThan(200);
    for (const kind of ['people', 'mix', 'coverWindow', 'coverPeople', 'coverMix'] as const)
      expect(stats[kind].rounds).toBeGreaterThan(0);
  }, 60_000);

  it('brings in people who work an over-covered shift within a week of the short one', async () => {
    const { model, milp } = await instance1();
    const S = model.staff.length;
    const D = model.days;
    const optimum = await solveWithHighs(milp.problem, { absoluteGap: 0.99 });
    const everyone = Array.from({ length: S }, (_, s) => s);
    const personOf = (c: number) => Number(milp.problem.colNames[c]!.split('_')[1]);
    const works = (s: number, d: number) => {
      const c = milp.x[s * D + d]!;
      return c >= 0 && optimum.colValues![c]! > 0.5;
    };
    // Instance1 has one shift type. Its optimum with the shortfalls on days 5 and 6 wiped from the slacks: day 12
    // is the one short day left. People on 8 shifts or fewer have time to spare for one more (a maximum of 4,320
    // minutes, 9 shifts).
    const cover = (day: number) => model.cover.findIndex((c) => c.day === day);
    const shortOn12 = Float64Array.from(optimum.colValues!);
    shortOn12[milp.aux.slack[cover(5)]![0]] = 0;
    shortOn12[milp.aux.slack[cover(6)]![0]] = 0;
    const days = Array.from({ length: D }, (_, d) => d);
    const spare = everyone.filter((s) => days.filter((d) => works(s, d)).length <= 8);
    // Day 8's workers who also work day 12 and have no time to spare: only an over-cover on day 8 brings them in.
    const onlyByOver = everyone.filter((s) => works(s, 8) && works(s, 12) && !spare.includes(s));
    expect(onlyByOver).toEqual([0, 1, 5]);
    const overOn8 = Float64Array.from(shortOn12);
    overOn8[milp.aux.slack[cover(8)]![1]] = 1;
    const drawn = (values: Float64Array) => {
      const draw = rosterNeighbourhood(model, milp);
      const rng = mulberry32(21);
      let count = 0;
      for (let k = 0; k < 300; k++) {
        const before = draw.stats().coverPeople.rounds;
        const free = draw(rng, 40, { objective: optimum.objective!, colValues: values });
        draw.record(draw.stats().coverPeople.rounds > before);
        if (draw.stats().coverPeople.rounds === before) continue;
        const people = new Set(Array.from(free, personOf));
        if (onlyByOver.some((s) => people.has(s))) count++;
      }
      return count;
    };
    expect(drawn(shortOn12)).toBe(0);
    expect(drawn(overOn8)).toBeGreaterThan(10);
  }, 60_000);

  it('fills a short weekend day first with someone who may still work that weekend and that shift', async () => {
    const { model, milp } = await instance1();
    const optimum = await solveWithHighs(milp.problem, { absoluteGap: 0.99 });
    const personOf = (c: number) => Number(milp.problem.colNames[c]!.split('_')[1]);
    // Only Sunday (day 6) short. Everybody may work one weekend of the two. Of the six people off that Sunday,
    // person 7 works the Saturday before it; the other five work the second weekend: only person 7 can take it.
    const cover = (day: number) => model.cover.findIndex((c) => c.day === day);
    const shortOn6 = Float64Array.from(optimum.colValues!);
    shortOn6[milp.aux.slack[cover(5)]![0]] = 0;
    shortOn6[milp.aux.slack[cover(12)]![0]] = 0;
    expect(model.staff.every((staff) => staff.maxWeekends === 1)).toBe(true);
    const drawsWith7 = (m: typeof model) => {
      const draw = rosterNeighbourhood(m, milp);
      const rng = mulberry32(8);
      let drawn = 0;
      let with7 = 0;
      for (let k = 0; k < 300; k++) {
        const before = draw.stats().coverPeople.rounds;
        const free = draw(rng, 40, { objective: optimum.objective!, colValues: shortOn6 });
        draw.record(draw.stats().coverPeople.rounds > before);
        if (draw.stats().coverPeople.rounds === before) continue;
        drawn++;
        if (Array.from(free, personOf).includes(7)) with7++;
      }
      return { drawn, with7 };
    };
    const { drawn, with7 } = drawsWith7(model);
    expect(drawn).toBeGreaterThan(20);
    expect(with7).toBe(drawn);
    // At their maximum of day shifts (their count in the optimum), person 7 is no longer the one to add a shift.
    const worked = optimum.colValues!.filter(
      (_, c) =>
        personOf(c) === 7 && milp.problem.colNames[c]!.startsWith('x_') && optimum.colValues![c]! > 0.5,
    ).length;
    const capped = {
      ...model,
      staff: model.staff.map((staff, s) => (s === 7 ? { ...staff, maxShifts: [worked] } : staff)),
    };
    const after = drawsWith7(capped);
    expect(after.with7).toBeLessThan(after.drawn);
  }, 60_000);
});
