import type { Analysis } from '../fairness/analyze';
import { FLAG_KINDS, type FlagKind } from '../fairness/flags/flag';

/** Whether a value moved the good way against the first column (the baseline, usually the live plan). */
export type Direction = 'better' | 'worse' | 'same';

/** One column of a comparison: a plan (live or scenario) and its analysis. */
export type CompareEntry = { id: string; name: string; analysis: Analysis };

/** The headline numbers compared, in the order the compare screen lists them. */
export const COMPARE_METRICS = [
  { key: 'balance', label: 'Pairwise balance', higherIsBetter: true },
  { key: 'gini', label: 'Gini', higherIsBetter: false },
  { key: 'cv', label: 'Coefficient of variation', higherIsBetter: false },
  { key: 'maxMinSpread', label: 'Max-min spread (weighted h)', higherIsBetter: false },
  { key: 'maxOnCallShare', label: 'Highest share on call', higherIsBetter: false },
  { key: 'errors', label: 'Error flags', higherIsBetter: false },
  { key: 'warnings', label: 'Warning flags', higherIsBetter: false },
  { key: 'flags', label: 'All flags', higherIsBetter: false },
] as const;

/** The key of a compared headline number. */
export type CompareMetricKey = (typeof COMPARE_METRICS)[number]['key'];

/**
 * One row of a comparison: a value per column and, from the second column on, its difference to the first and
 * whether that is better or worse (null in the first column, and where the value is missing).
 */
export type CompareRow = {
  values: (number | null)[];
  deltas: (number | null)[];
  directions: (Direction | null)[];
};

/** A headline number across the columns. */
export type MetricComparison = CompareRow & { key: CompareMetricKey; label: string; higherIsBetter: boolean };

/**
 * A member's weighted load across the columns (null where the member is not in that plan), with their fair share.
 * Directions judge the distance to fair share: a load that moves towards what the member owes is better, whether
 * it rises or falls; a change of that distance within 1 % of the fair share (at least 1 weighted hour) is `same`.
 */
export type MemberComparison = CompareRow & { id: string; name: string; fairShares: (number | null)[] };

/** How many flags of one kind each column raises. */
export type FlagKindComparison = CompareRow & { kind: FlagKind };

/** Side by side: headline metrics, load per member, flag counts by kind — each with the difference to column 0. */
export type Comparison = {
  columns: { id: string; name: string; from: string; to: string }[];
  metrics: MetricComparison[];
  members: MemberComparison[];
  flagKinds: FlagKindComparison[];
};

const EPS = 1e-9;

function direction(delta: number, tolerance: number): Direction {
  if (Math.abs(delta) <= tolerance) return 'same';
  return delta > 0 ? 'better' : 'worse';
}

/** Rounds away float noise from differences of rounded inputs (0.1 + 0.2), keeping 4 decimals. */
const tidy = (v: number) => {
  const r = Math.round(v * 10_000) / 10_000;
  return Object.is(r, -0) ? 0 : r;
};

/**
 * A row of values with their differences to column 0; `score` maps a value to "higher is better" terms, and a score
 * change within `tolerance` counts as the same.
 * Why exported: every comparison of the compare screen (fairness here, cost in `comparePay`) judges alike.
 */
export function compareRow(
  values: (number | null)[],
  score: (value: number, column: number) => number,
  tolerance = EPS,
): CompareRow {
  const base = values[0];
  const deltas = values.map((v, i) =>
    i === 0 || v === null || base === null || base === undefined ? null : tidy(v - base),
  );
  const directions = values.map((v, i) =>
    i === 0 || v === null || base === null || base === undefined
      ? null
      : direction(score(v, i) - score(base, 0), tolerance),
  );
  return { values, deltas, directions };
}

function metricValue(a: Analysis, key: CompareMetricKey): number {
  switch (key) {
    case 'balance':
    case 'gini':
    case 'cv':
    case 'maxMinSpread':
      return a.fairness[key];
    case 'maxOnCallShare':
      return a.members.reduce((m, x) => Math.max(m, x.onCallShare), 0);
    case 'errors':
      return a.flags.filter((f) => f.severity === 'error').length;
    case 'warnings':
      return a.flags.filter((f) => f.severity === 'warning').length;
    case 'flags':
      return a.flags.length;
  }
}

/**
 * Compares the analyses of several plans (the live plan first, then one or two scenarios): headline metrics, each
 * member's weighted load against fair share, and flag counts by kind, with the difference to the first column and
 * whether it is better or worse.
 * Why pure and on analyses: the compare screen, a test and a future `rotaplan compare` read the same numbers, and
 * the analyses are already memoised per plan.
 */
export function compareAnalyses(entries: readonly CompareEntry[]): Comparison {
  const metrics = COMPARE_METRICS.map((m) => {
    const values = entries.map((e) => metricValue(e.analysis, m.key));
    const sign = m.higherIsBetter ? 1 : -1;
    return {
      key: m.key,
      label: m.label,
      higherIsBetter: m.higherIsBetter,
      ...compareRow(values, (v) => sign * v),
    };
  });
  const memberIds: { id: string; name: string }[] = [];
  for (const e of entries) {
    for (const m of e.analysis.members) {
      if (!memberIds.some((x) => x.id === m.id)) memberIds.push({ id: m.id, name: m.name });
    }
  }
  const members = memberIds.map(({ id, name }) => {
    const lines = entries.map((e) => e.analysis.members.find((m) => m.id === id) ?? null);
    const values = lines.map((l) => l?.weightedLoad ?? null);
    const fairShares = lines.map((l) => l?.fairShare ?? null);
    // Closer to fair share scores higher; a change of the distance within 1 % of the fair share (at least one
    // weighted hour) is rounding of whole shifts, not a change in fairness.
    const distance = (value: number, column: number) => -Math.abs(value - (fairShares[column] ?? value));
    const tolerance = Math.max(1, 0.01 * Math.max(...fairShares.map((f) => f ?? 0)));
    return { id, name, fairShares, ...compareRow(values, distance, tolerance) };
  });
  const flagKinds = FLAG_KINDS.filter((kind) =>
    entries.some((e) => e.analysis.flags.some((f) => f.kind === kind)),
  ).map((kind) => {
    const values = entries.map((e) => e.analysis.flags.filter((f) => f.kind === kind).length);
    return { kind, ...compareRow(values, (v) => -v) };
  });
  return {
    columns: entries.map((e) => ({ id: e.id, name: e.name, from: e.analysis.from, to: e.analysis.to })),
    metrics,
    members,
    flagKinds,
  };
}
