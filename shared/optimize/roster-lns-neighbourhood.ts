import type { Rng } from '../simulation/prng';
import type { MilpIncumbent } from './lns';
import type { RosterMilp } from './roster-milp';
import type { RosterModel } from './roster-model';

/** The kinds of neighbourhood `rosterNeighbourhood` draws, in the order of `RosterNeighbourhood.stats`. */
export const NEIGHBOURHOOD_KINDS = [
  'window',
  'people',
  'mix',
  'coverWindow',
  'coverPeople',
  'coverMix',
] as const;

/** One kind of neighbourhood. */
export type NeighbourhoodKind = (typeof NEIGHBOURHOOD_KINDS)[number];

/**
 * A neighbourhood generator for the large-neighbourhood search that learns which kinds pay: call it for the free
 * columns of a round, then `record` whether that round improved the roster (and, for aimed draws, how long its
 * sub-solve took and whether it finished, from which each kind learns its own size).
 */
export type RosterNeighbourhood = ((rng: Rng, size: number, best?: MilpIncumbent) => Int32Array) & {
  record: (improved: boolean, round?: { seconds: number; complete: boolean }) => void;
  /** Rounds drawn and rounds that improved, per kind. */
  stats: () => Record<NeighbourhoodKind, { rounds: number; improved: number }>;
};

/** Smoothing of a kind's success score per round it is drawn, and the floor that keeps every kind in play. */
const LEARNING = 0.2;
const FLOOR = 0.1;
/** How far a kind's own size may move from the size asked for, either way. */
const MIN_SCALE = 0.2;
const MAX_SCALE = 6;

/**
 * Neighbourhoods of a roster MILP for the large-neighbourhood search, chosen by how often each kind has paid.
 * Random kinds: everybody over a window of days, a few people over the whole horizon, a few more people over a
 * window. Aimed kinds, drawn when the incumbent leaves cover short (or over): everybody over a window that holds a
 * short day, and the whole horizon of people who could fill that shift but do not (those still below their maximum
 * of it and of weekends first), next to people with time to spare or on an over-covered shift near it.
 * Why aimed: on nurse rosters most of the cost is cover, and a shortfall is closed only by someone who can take
 * that shift and gives up a day elsewhere; a random group holds such a pair rarely once the roster is good, so the
 * search stalls far above the optimum. Why adaptive: which kind still pays changes as the roster improves and
 * differs between instances; each kind's score is an exponentially smoothed success rate, with a floor so none is
 * ever dropped, divided by its smoothed seconds per round (a kind that pays as often in a tenth of the time is
 * worth ten times as much; gentler forms, the square root of the seconds or the floor added after the division,
 * drew fewer cheap cover rounds and left Instance8 a night short at +10 %). Each aimed kind also scales the size
 * asked for by its own factor (×1.15 after a sub-solve that finished without a gain, ×0.85 after one cut short,
 * within 0.2–6 and at most half the roster): a window of days over everybody stays easy at sizes where whole
 * horizons of a few people time out, and one shared size would time the one out or starve the other. Its only
 * state is its own scores and sizes (the generator is made per search). With `aimed: false` it draws the three
 * random kinds only, with fixed odds (0.4, 0.3, 0.3) and groups of two people or more: the draws the mid-sized
 * rosters were tuned on with one thread (Curtois & Qu Instances 5-7), where the aimed kinds cost the proof time.
 */
export function rosterNeighbourhood(
  model: RosterModel,
  milp: Pick<RosterMilp, 'x'> & { aux?: Pick<RosterMilp['aux'], 'slack'> },
  { aimed = true }: { aimed?: boolean } = {},
): RosterNeighbourhood {
  const S = model.staff.length;
  const D = model.days;
  const T = model.shiftTypes.length;
  const decisions = milp.x.reduce((n, c) => (c >= 0 ? n + 1 : n), 0);
  const perStaffDay = decisions / Math.max(1, S * D);
  const slack = milp.aux?.slack ?? [];
  const score = NEIGHBOURHOOD_KINDS.map(() => 0.5);
  const counts = NEIGHBOURHOOD_KINDS.map(() => ({ rounds: 0, improved: 0 }));
  let last = -1;
  // Aimed draws only: each kind's size relative to the size asked for, and its smoothed seconds per round.
  const scale = NEIGHBOURHOOD_KINDS.map(() => 1);
  const seconds = NEIGHBOURHOOD_KINDS.map(() => null as number | null);

  const cols = (staff: Iterable<number>, from: number, to: number) => {
    const out: number[] = [];
    for (const s of staff)
      for (let d = from; d < to; d++)
        for (let t = 0; t < T; t++) {
          const c = milp.x[(s * D + d) * T + t]!;
          if (c >= 0) out.push(c);
        }
    return Int32Array.from(out.sort((a, b) => a - b));
  };
  /** `k` distinct people: first from `preferred` (in random order), then from everybody. */
  const pickStaff = (rng: Rng, k: number, preferred: readonly number[] = []) => {
    const chosen = new Set<number>();
    const pool = [...preferred];
    while (chosen.size < Math.min(k, S) && pool.length > 0) {
      const j = Math.floor(rng() * pool.length);
      chosen.add(pool[j]!);
      pool[j] = pool[pool.length - 1]!;
      pool.pop();
    }
    const order = Array.from({ length: S }, (_, s) => s);
    for (let i = 0; chosen.size < Math.min(k, S); i++) {
      const j = i + Math.floor(rng() * (S - i));
      [order[i], order[j]] = [order[j]!, order[i]!];
      chosen.add(order[i]!);
    }
    return [...chosen];
  };
  /** A window of `length` days, holding `day` when given. */
  const window = (rng: Rng, length: number, day?: number) => {
    const len = Math.max(1, Math.min(D, length));
    const lowest = day === undefined ? 0 : Math.max(0, day - len + 1);
    const highest = day === undefined ? D - len : Math.min(D - len, day);
    const from = lowest + Math.floor(rng() * (highest - lowest + 1));
    return [from, from + len] as const;
  };
  /** A cover entry the incumbent pays for, drawn by what it costs; null when cover costs nothing. */
  const costlyCover = (rng: Rng, best: MilpIncumbent | undefined) => {
    if (!best) return null;
    let total = 0;
    const costs = model.cover.map((c, i) => {
      const [under, over] = slack[i] ?? [-1, -1];
      const cost =
        (under >= 0 ? (c.underWeight ?? 0) * best.colValues[under]! : 0) +
        (over >= 0 ? (c.overWeight ?? 0) * best.colValues[over]! : 0);
      total += cost > 1e-6 ? cost : 0;
      return cost > 1e-6 ? cost : 0;
    });
    if (total <= 0) return null;
    let pick = rng() * total;
    for (const [i, cost] of costs.entries()) {
      pick -= cost;
      if (pick < 0 && cost > 0) return model.cover[i]!;
    }
    return model.cover.find((_, i) => costs[i]! > 0) ?? null;
  };

  /** Minutes a person may still work under their maximum (Infinity without one). */
  const spareMinutes = (s: number, best: MilpIncumbent) => {
    const max = model.staff[s]!.maxMinutes;
    if (max === null) return Infinity;
    let worked = 0;
    for (let k = s * D * T; k < (s + 1) * D * T; k++) {
      const c = milp.x[k]!;
      if (c >= 0 && best.colValues[c]! > 0.5) worked += model.shiftTypes[k % T]!.minutes;
    }
    return max - worked;
  };

  /** Whether a person works fewer of shift `t` than their maximum of it (true without one). */
  const below = (s: number, t: number, best: MilpIncumbent) => {
    const max = model.staff[s]!.maxShifts[t];
    if (max === null || max === undefined) return true;
    let worked = 0;
    for (let d = 0; d < D; d++) {
      const c = milp.x[(s * D + d) * T + t]!;
      if (c >= 0 && best.colValues[c]! > 0.5) worked++;
    }
    return worked < max;
  };

  /**
   * Whether working on `day` needs no weekend beyond a person's maximum: a weekday, a weekend they already work, or
   * one to spare (true without a maximum, or when the model counts weekends per shift: `weekendCells`).
   */
  const weekendRoom = (s: number, day: number, best: MilpIncumbent) => {
    const weekend = model.weekendOf[day]!;
    const staff = model.staff[s]!;
    if (weekend < 0 || staff.maxWeekends === null || model.weekendCells) return true;
    const worked = new Set(staff.weekendsHeld ?? []);
    for (let d = 0; d < D; d++)
      for (let t = 0; t < T; t++) {
        const c = milp.x[(s * D + d) * T + t]!;
        if (c >= 0 && best.colValues[c]! > 0.5 && model.weekendOf[d]! >= 0) worked.add(model.weekendOf[d]!);
      }
    return worked.has(weekend) || worked.size < staff.maxWeekends;
  };

  /**
   * People who work a shift the incumbent over-covers within `reach` days of `day`: giving that shift up costs
   * little, so they can take the short one or free a day for someone who does.
   */
  const overWorkers = (best: MilpIncumbent, day: number, reach: number) => {
    const out = new Set<number>();
    model.cover.forEach((c, i) => {
      const over = slack[i]?.[1] ?? -1;
      if (over < 0 || best.colValues[over]! < 0.5 || Math.abs(c.day - day) > reach) return;
      for (let s = 0; s < S; s++) {
        const col = milp.x[(s * D + c.day) * T + c.shift]!;
        if (col >= 0 && best.colValues[col]! > 0.5) out.add(s);
      }
    });
    return [...out];
  };

  const draw = (rng: Rng, size: number, best?: MilpIncumbent): Int32Array => {
    const everyone = Array.from({ length: S }, (_, s) => s);
    const target = aimed ? costlyCover(rng, best) : null;
    if (aimed) {
      const known = seconds.filter((v) => v !== null);
      const typical = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : 1;
      const usable = NEIGHBOURHOOD_KINDS.map((kind, k) =>
        target || !kind.startsWith('cover') ? (FLOOR + score[k]!) / Math.max(0.05, seconds[k] ?? typical) : 0,
      );
      let pick = rng() * usable.reduce((a, b) => a + b, 0);
      last = Math.max(
        0,
        usable.findIndex((w) => (pick -= w) < 0),
      );
    } else {
      const pick = rng();
      last = pick < 0.4 ? 0 : pick < 0.7 ? 1 : 2;
    }
    counts[last]!.rounds++;
    // At most half the roster: a neighbourhood is a part of it, whatever a kind's own size has grown to.
    const wanted = aimed ? Math.min(size * scale[last]!, decisions / 2) : size;
    const cells = Math.max(1, wanted / Math.max(perStaffDay, 1e-9));
    const people = Math.max(aimed ? 3 : 2, Math.round(cells / D));
    switch (NEIGHBOURHOOD_KINDS[last]!) {
      case 'window': {
        const [from, to] = window(rng, Math.round(cells / S));
        return cols(everyone, from, to);
      }
      case 'people':
        return cols(pickStaff(rng, people), 0, D);
      case 'mix': {
        const group = Math.max(2, Math.min(S, Math.round(Math.sqrt(cells * (S / D)))));
        const [from, to] = window(rng, Math.max(2, Math.round(cells / group)));
        return cols(pickStaff(rng, group), from, to);
      }
      case 'coverWindow': {
        const [from, to] = window(rng, Math.max(2, Math.round(cells / S)), target!.day);
        return cols(everyone, from, to);
      }
      case 'coverMix':
      case 'coverPeople': {
        // Half the group: people who may work that shift on that day and do not; one of them taking it closes the
        // shortfall. The rest: people with minutes to spare, or who work an over-covered shift within a week of it,
        // who can take over a day a filler gives up (random others when there are too few).
        const { day, shift } = target!;
        const spare = everyone.filter((s) => spareMinutes(s, best!) >= model.shiftTypes[shift]!.minutes);
        const idle = everyone.filter((s) => {
          const c = milp.x[(s * D + day) * T + shift]!;
          return c >= 0 && best!.colValues[c]! < 0.5;
        });
        const group = Math.max(4, people);
        // Fillers who may still work one more of that shift (below their maximum of it, and on a weekend day one
        // who works the other day of that weekend or has a weekend to spare) first: when cover is short by capacity
        // (Instance8: 86 nights wanted, 74 allowed; Instance12: every shortfall on a weekend), a filler whose
        // nights or weekends are used up only moves the shortfall elsewhere.
        const canAdd = idle.filter((s) => below(s, shift, best!) && weekendRoom(s, day, best!));
        const half = Math.ceil(group / 2);
        const fillers = [
          ...new Set([
            ...pickStaff(rng, half, canAdd).filter((s) => canAdd.includes(s)),
            ...pickStaff(rng, half, idle).filter((s) => idle.includes(s)),
          ]),
        ].slice(0, half);
        const others = [...new Set([...spare, ...overWorkers(best!, day, 7)])].filter(
          (s) => !fillers.includes(s),
        );
        const helpers = [...new Set([...fillers, ...pickStaff(rng, group, others)])].slice(0, group);
        if (NEIGHBOURHOOD_KINDS[last] === 'coverPeople') return cols(helpers, 0, D);
        // Twice the group over a week or more around the short day: longer chains, with room to rebuild runs.
        const wider = [...new Set([...helpers, ...pickStaff(rng, 2 * group, idle)])].slice(0, 2 * group);
        const [from, to] = window(rng, Math.max(7, Math.round(cells / (2 * group))), day);
        return cols(wider, from, to);
      }
    }
  };
  return Object.assign(draw, {
    record: (improved: boolean, round?: { seconds: number; complete: boolean }) => {
      if (last < 0) return;
      score[last] = (1 - LEARNING) * score[last]! + LEARNING * (improved ? 1 : 0);
      if (aimed && round) {
        const before = seconds[last];
        seconds[last] = before === null ? round.seconds : (1 - LEARNING) * before! + LEARNING * round.seconds;
        if (!improved)
          scale[last] = Math.min(
            MAX_SCALE,
            Math.max(MIN_SCALE, scale[last]! * (round.complete ? 1.15 : 0.85)),
          );
      }
      if (improved) counts[last]!.improved++;
      last = -1;
    },
    stats: () =>
      Object.fromEntries(NEIGHBOURHOOD_KINDS.map((kind, k) => [kind, { ...counts[k]! }])) as Record<
        NeighbourhoodKind,
        { rounds: number; improved: number }
      >,
  });
}
