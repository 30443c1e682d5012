import type { RosterAssignment, RosterModel } from './roster-model';

/** What an independent check finds: every hard rule broken (one sentence each) and the soft objective. */
export type RosterCheck = { violations: string[]; objective: number; fairness: RosterFairnessValue | null };

/** The fairness terms of an assignment: per person load and deviation from fair share, max |deviation|, spread. */
export type RosterFairnessValue = {
  load: number[];
  deviation: (number | null)[];
  /** Mean fair share of the people who owe one. */
  meanShare: number;
  maxDeviation: number;
  spread: number;
};

/**
 * Checks an assignment against every hard rule of a roster model and recomputes its objective, without the MILP.
 * Why separate code: a solver's answer (or a baseline's) is only trusted once code that shares nothing with the
 * formulation agrees — runs are found by scanning, not by the start-up variables the MILP uses.
 */
export function checkRoster(model: RosterModel, assignment: RosterAssignment): RosterCheck {
  const v: string[] = [];
  const D = model.days;
  const T = model.shiftTypes.length;
  const S = model.staff.length;
  const at = (s: number, d: number) => (d < 0 || d >= D ? -1 : (assignment[s]?.[d] ?? -1));
  const works = (s: number, d: number) => at(s, d) >= 0;
  const sid = (s: number) => model.staff[s]?.id ?? String(s);
  let softCost = 0;

  for (let s = 0; s < S; s++) {
    for (let d = 0; d < D; d++) {
      const t = at(s, d);
      if (t < -1 || t >= T) v.push(`${sid(s)} day ${d}: unknown shift ${t}`);
    }
  }
  for (const u of model.unavailable) {
    const t = at(u.staff, u.day);
    if (t >= 0 && (u.shift < 0 || u.shift === t))
      v.push(`${sid(u.staff)} works day ${u.day} but is unavailable`);
  }
  for (const c of model.clashes ?? []) {
    if (at(c.staff, c.first.day) === c.first.shift && at(c.staff, c.second.day) === c.second.shift)
      v.push(
        `${sid(c.staff)} holds shift ${c.first.shift} on day ${c.first.day} and shift ${c.second.shift} on day ${c.second.day}, which overlap`,
      );
  }
  for (const f of model.fixed) {
    if (at(f.staff, f.day) !== f.shift)
      v.push(`${sid(f.staff)} day ${f.day}: fixed shift ${f.shift} not kept`);
  }
  for (const c of model.cover) {
    let n = 0;
    for (let s = 0; s < S; s++) if (at(s, c.day) === c.shift) n++;
    if (c.underWeight === null && n < c.requirement)
      v.push(`day ${c.day} shift ${c.shift}: ${n} < ${c.requirement}`);
    if (c.overWeight === null && n > c.requirement)
      v.push(`day ${c.day} shift ${c.shift}: ${n} > ${c.requirement}`);
  }

  for (let s = 0; s < S; s++) {
    const st = model.staff[s]!;
    const counts = new Array<number>(T).fill(0);
    let minutes = 0;
    for (let d = 0; d < D; d++) {
      const t = at(s, d);
      if (t < 0) continue;
      counts[t]!++;
      minutes += model.shiftTypes[t]!.minutes;
      if (d + 1 < D && at(s, d + 1) >= 0 && model.shiftTypes[t]!.forbiddenNext.includes(at(s, d + 1))) {
        v.push(`${st.id}: shift ${at(s, d + 1)} on day ${d + 1} may not follow shift ${t}`);
      }
    }
    counts.forEach((n, t) => {
      const max = st.maxShifts[t];
      if (max !== null && max !== undefined && n > max) v.push(`${st.id}: ${n} shifts of type ${t} > ${max}`);
    });
    if (st.maxMinutes !== null && minutes > st.maxMinutes)
      v.push(`${st.id}: ${minutes} min > ${st.maxMinutes}`);
    if (st.minMinutes !== null && minutes < st.minMinutes)
      v.push(`${st.id}: ${minutes} min < ${st.minMinutes}`);

    for (const [a, b] of runs(D, (d) => works(s, d))) {
      const length = b - a + 1;
      if (st.maxConsecutive !== null && length > st.maxConsecutive) {
        v.push(`${st.id}: ${length} days in a row from day ${a} > ${st.maxConsecutive}`);
      }
      const atEdge = a === 0 || b === D - 1;
      if (
        st.minConsecutive !== null &&
        length < st.minConsecutive &&
        !(atEdge && model.waiveMinRunsAtEdges)
      ) {
        v.push(`${st.id}: ${length} days in a row from day ${a} < ${st.minConsecutive}`);
      }
    }
    for (const [a, b] of runs(D, (d) => !works(s, d))) {
      const length = b - a + 1;
      if (st.minConsecutiveOff !== null && length < st.minConsecutiveOff && a > 0 && b < D - 1) {
        v.push(`${st.id}: ${length} days off from day ${a} < ${st.minConsecutiveOff}`);
      }
    }
    if (st.maxWeekends !== null) {
      const worked = new Set<number>(st.weekendsHeld ?? []);
      if (model.weekendCells) {
        for (const c of model.weekendCells) if (at(s, c.day) === c.shift) worked.add(c.weekend);
      } else {
        for (let d = 0; d < D; d++)
          if (works(s, d) && model.weekendOf[d]! >= 0) worked.add(model.weekendOf[d]!);
      }
      if (worked.size > st.maxWeekends) {
        if (st.weekendPenalty !== undefined) softCost += st.weekendPenalty * (worked.size - st.maxWeekends);
        else v.push(`${st.id}: ${worked.size} weekends > ${st.maxWeekends}`);
      }
    }
    for (const limit of st.runLimits) {
      const excess = runExcess(D, limit, (d) => limit.shiftTypes.includes(at(s, d)));
      if (excess.length === 0) continue;
      if (limit.penalty !== undefined) softCost += limit.penalty * excess.reduce((acc, e) => acc + e.over, 0);
      else {
        for (const e of excess) {
          v.push(
            `${st.id}: ${e.length} periods in a row on ${limit.shiftTypes.join('/')} from day ${e.first} > ${limit.max}`,
          );
        }
      }
    }
  }

  let objective = softCost;
  for (const r of model.requests) {
    const worked = r.shift < 0 ? works(r.staff, r.day) : at(r.staff, r.day) === r.shift;
    if ((r.kind === 'on' && !worked) || (r.kind === 'off' && worked)) objective += r.weight;
  }
  for (const c of model.cover) {
    let n = 0;
    for (let s = 0; s < S; s++) if (at(s, c.day) === c.shift) n++;
    if (c.underWeight !== null) objective += c.underWeight * Math.max(0, c.requirement - n);
    if (c.overWeight !== null) objective += c.overWeight * Math.max(0, n - c.requirement);
  }
  if (model.current) {
    const { assignment: before, changeWeight } = model.current;
    for (let s = 0; s < S; s++) {
      for (let d = 0; d < D; d++) {
        const t = before[s]?.[d] ?? -1;
        if (t >= 0 && at(s, d) !== t) objective += changeWeight;
      }
    }
  }
  const fairness = model.fairness ? fairnessValue(model, at) : null;
  if (fairness && model.fairness) {
    const f = model.fairness;
    objective +=
      f.meanWeight * fairness.meanShare +
      f.deviationWeight * fairness.maxDeviation +
      f.spreadWeight * fairness.spread;
  }
  return { violations: v, objective, fairness };
}

function fairnessValue(model: RosterModel, at: (s: number, d: number) => number): RosterFairnessValue {
  const f = model.fairness!;
  const T = model.shiftTypes.length;
  const load = model.staff.map((_, s) => f.baseLoad[s] ?? 0);
  const total = model.shiftTypes.map((_, t) => f.baseTotal[t] ?? 0);
  for (let s = 0; s < model.staff.length; s++) {
    for (let d = 0; d < model.days; d++) {
      const t = at(s, d);
      if (t < 0) continue;
      const a = f.load[s]![d * T + t] ?? 0;
      load[s]! += a;
      total[t]! += a;
    }
  }
  const deviation = model.staff.map((_, s) => {
    const shares = f.share[s] ?? [];
    if (!shares.some((x) => x > 0)) return null;
    return load[s]! - shares.reduce((acc, x, t) => acc + x * total[t]!, 0);
  });
  const devs = deviation.filter((x): x is number => x !== null);
  const totalLoad = total.reduce((acc, x) => acc + x, 0);
  return {
    load,
    deviation,
    meanShare: devs.length === 0 ? 0 : totalLoad / devs.length,
    maxDeviation: devs.length === 0 ? 0 : Math.max(...devs.map(Math.abs)),
    spread: devs.length === 0 ? 0 : Math.max(...devs) - Math.min(...devs),
  };
}

/**
 * Runs on a set of shift types longer than a limit, counting the days worked right outside the horizon
 * (`before`, `after`); `over` is what the sliding windows of the MILP pay for: one unit per window of max + 1 days
 * that is fully worked.
 */
function runExcess(
  D: number,
  limit: { max: number; before: number; after: number },
  on: (d: number) => boolean,
): { first: number; length: number; over: number }[] {
  const from = -limit.before;
  const inside = (k: number) => {
    const d = k + from;
    if (d < 0) return true;
    if (d >= D) return d - D + 1 <= limit.after;
    return on(d);
  };
  const out: { first: number; length: number; over: number }[] = [];
  for (const [a, b] of runs(D + limit.after - from, inside)) {
    const length = b - a + 1;
    if (b + from >= 0 && a + from < D && length > limit.max) {
      out.push({ first: a + from, length, over: length - limit.max });
    }
  }
  return out;
}

/** Maximal runs [first, last] of consecutive indices 0 … n − 1 where `on` holds. */
function runs(n: number, on: (i: number) => boolean): [number, number][] {
  const out: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= n; i++) {
    if (i < n && on(i)) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      out.push([start, i - 1]);
      start = -1;
    }
  }
  return out;
}
