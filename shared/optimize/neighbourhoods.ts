import { mulberry32 } from '../simulation/prng';
import type { RosterMilp } from './roster-milp';
import type { RosterModel } from './roster-model';

/**
 * Fix-and-optimise neighbourhoods of a MILP: `fixable` are the decision columns (sorted); each group lists the
 * columns left free while every other fixable column is held at the incumbent (sorted, a subset of fixable).
 */
export type Neighbourhoods = { fixable: Int32Array; groups: Int32Array[] };

/**
 * Neighbourhoods of a roster MILP for fix-and-optimise: windows of consecutive days for everyone, and groups of
 * people over the whole horizon, each sized to about `size` free binaries, in a seeded order that alternates the
 * two kinds. Why both: a day window repairs cover and local sequences, a group of people trades whole patterns
 * between them (what balances load and minutes); together they reach most improving moves of a large roster.
 */
export function rosterNeighbourhoods(
  model: RosterModel,
  milp: RosterMilp,
  options: { size: number; seed: number },
): Neighbourhoods {
  const S = model.staff.length;
  const D = model.days;
  const T = model.shiftTypes.length;
  const rng = mulberry32(options.seed);
  const fixable = Int32Array.from([...milp.x].filter((c) => c >= 0).sort((a, b) => a - b));
  if (fixable.length === 0) return { fixable, groups: [] };
  const perDay = fixable.length / Math.max(1, D);
  const perStaff = fixable.length / Math.max(1, S);
  const cols = (staff: readonly number[], from: number, to: number) => {
    const out: number[] = [];
    for (const s of staff) {
      for (let d = from; d < to; d++) {
        for (let t = 0; t < T; t++) {
          const c = milp.x[(s * D + d) * T + t]!;
          if (c >= 0) out.push(c);
        }
      }
    }
    return Int32Array.from(out.sort((a, b) => a - b));
  };
  const everyone = Array.from({ length: S }, (_, s) => s);
  const shuffled = () => {
    const order = [...everyone];
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order;
  };

  const windows: Int32Array[] = [];
  const length = Math.max(2, Math.min(D, Math.round(options.size / Math.max(perDay, 1e-9))));
  if (length < D) {
    const step = Math.max(1, Math.floor(length / 2));
    for (let from = 0; from < D; from += step) {
      windows.push(cols(everyone, from, Math.min(D, from + length)));
      if (from + length >= D) break;
    }
  }

  const teams: Int32Array[] = [];
  const k = Math.max(2, Math.min(S, Math.round(options.size / Math.max(perStaff, 1e-9))));
  if (k < S) {
    for (let round = 0; round < 2; round++) {
      const order = shuffled();
      for (let i = 0; i < S; i += k) {
        const team = order.slice(i, i + k);
        if (team.length < k) team.push(...order.slice(0, k - team.length));
        teams.push(cols(team, 0, D));
      }
    }
  } else if (k >= S && length >= D) {
    // The whole model fits one neighbourhood: nothing to decompose.
    return { fixable, groups: [] };
  }

  // Windows of a few people when one person's horizon alone is larger than a neighbourhood.
  const mixed: Int32Array[] = [];
  if (perStaff > options.size && S > 1) {
    const perCell = Math.max(perStaff / Math.max(1, D), 1e-9);
    const people = Math.max(2, Math.min(S, Math.round(Math.sqrt(options.size / perCell))));
    const span = Math.max(2, Math.min(D, Math.round(options.size / (perCell * people))));
    for (let i = 0; i < 2 * Math.ceil(S / people) * Math.ceil(D / span); i++) {
      const team = shuffled().slice(0, people);
      const from = Math.floor(rng() * Math.max(1, D - span + 1));
      mixed.push(cols(team, from, Math.min(D, from + span)));
    }
  }

  const groups: Int32Array[] = [];
  const lists = [windows, teams, mixed].filter((l) => l.length > 0);
  for (let i = 0; lists.some((l) => i < l.length); i++) {
    for (const l of lists) if (i < l.length) groups.push(l[i]!);
  }
  return { fixable, groups };
}
