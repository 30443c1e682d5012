import { coverPlan } from '../plan-context';
import type { ShiftInfo } from '../ledger';
import { dateOfEpochDay, dayIndexAt, HOUR_MS } from '../zone-days';
import type { Flag, FixAction } from './flag';
import {
  describeShift,
  iso,
  layerName,
  nameOf,
  planDateTime,
  type AnalysisContext,
} from './analysis-context';
import { describeMove, proposeMove } from './swap-search';

const EPS = 1e-9;

function pct(share: number): string {
  return `${(share * 100).toFixed(1).replace(/\.0$/, '')} %`;
}

function thousands(value: number): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The move between `from` and `to` (either direction of giving) that narrows the spread most, if any does. */
function bestRebalance(ac: AnalysisContext, giver: string, taker: string): FixAction | null {
  let best: FixAction | null = null;
  for (const s of ac.byMember.get(giver) ?? []) {
    if (s.shift.pinned || s.layerIndex < 0) continue;
    const move = proposeMove(ac, s, { candidates: [taker] });
    if (move && (!best || move.spreadAfter < best.spreadAfter - EPS)) best = move;
  }
  return best && best.spreadAfter < best.spreadBefore - EPS ? best : null;
}

/**
 * uneven-rotation (warning): a member's weighted load lies outside the best possible split of whole shifts
 * (13 weeks among 4 people: 3 or 4 weeks' worth each, in proportion to availability) widened by the plan's
 * `unevenThreshold` × their fair share. The fix is the single swap or move with the most relieved or most
 * under-loaded colleague that narrows the spread most, with its effect.
 */
export function unevenRotationFlags(ac: AnalysisContext): Flag[] {
  const { ledger } = ac;
  const threshold = ac.plan.coverage.limits.unevenThreshold;
  const team = ledger.participants
    .map((id) => ledger.members[ac.memberIndex.get(id)!]!)
    .filter((m) => m.fairShare > EPS);
  const relative = (m: (typeof team)[number]) => (m.weightedLoad - m.fairShare) / m.fairShare;
  const flags: Flag[] = [];
  for (const m of team) {
    const slack = threshold * m.fairShare;
    const over = m.weightedLoad - (m.fairShareRange.high + slack);
    const under = m.fairShareRange.low - slack - m.weightedLoad;
    if (over <= EPS && under <= EPS) continue;
    const heavy = over > EPS;
    const partner = [...team]
      .filter((o) => o.id !== m.id)
      .sort((a, b) => (heavy ? relative(a) - relative(b) : relative(b) - relative(a)))[0];
    const move = partner
      ? heavy
        ? bestRebalance(ac, m.id, partner.id)
        : bestRebalance(ac, partner.id, m.id)
      : null;
    const deviation = relative(m);
    flags.push({
      kind: 'uneven-rotation',
      severity: 'warning',
      message: `${nameOf(ac, m.id)} carries ${thousands(m.weightedLoad)} weighted h against a fair share of ${thousands(m.fairShare)} (${deviation >= 0 ? '+' : ''}${pct(deviation)}); whole shifts allow ${thousands(m.fairShareRange.low)}–${thousands(m.fairShareRange.high)} and the plan tolerates ${pct(threshold)} more`,
      start: ledger.window.start.replace('.000Z', 'Z'),
      end: ledger.window.end.replace('.000Z', 'Z'),
      memberId: m.id,
      fix: move
        ? describeMove(ac, move)
        : `no single swap with ${partner ? nameOf(ac, partner.id) : 'a colleague'} narrows the spread: rebalance the rotation (optimiser)`,
      ...(move ? { action: move } : {}),
    });
  }
  return flags;
}

/**
 * back-to-back (warning): a member holds more consecutive shifts on one layer (each starting when the last one
 * ends) than the plan allows — 1 when `allowBackToBack` is false, else `maxConsecutiveShifts`. One flag per run,
 * on its first shift over the limit, with a swap that breaks the run.
 */
export function backToBackFlags(ac: AnalysisContext): Flag[] {
  const limits = ac.plan.coverage.limits;
  const allowed = limits.allowBackToBack ? limits.maxConsecutiveShifts : 1;
  const flags: Flag[] = [];
  for (const [memberId, list] of ac.byMember) {
    const byLayer = new Map<number, ShiftInfo[]>();
    for (const s of list) byLayer.set(s.layerIndex, [...(byLayer.get(s.layerIndex) ?? []), s]);
    for (const [layerIndex, shifts] of byLayer) {
      let run: ShiftInfo[] = [];
      const close = () => {
        if (run.length > allowed) {
          const first = run[allowed]!;
          const last = run[run.length - 1]!;
          const move = proposeMove(ac, first);
          flags.push({
            kind: 'back-to-back',
            severity: 'warning',
            message: `${nameOf(ac, memberId)} holds ${run.length} ${layerName(ac, layerIndex)} shifts in a row from ${planDateTime(ac, run[0]!.startMs)} to ${planDateTime(ac, last.endMs)} (the plan allows ${allowed})`,
            start: iso(first.startMs),
            end: iso(last.endMs),
            memberId,
            shiftId: first.shift.id,
            layerId: first.shift.layerId,
            fix: move
              ? describeMove(ac, move)
              : `nobody is free to take ${describeShift(ac, first)}: add a member to the ${layerName(ac, layerIndex)} order`,
            ...(move ? { action: move } : {}),
          });
        }
      };
      for (const s of shifts) {
        const prev = run[run.length - 1];
        if (prev && s.startMs === prev.endMs) run.push(s);
        else {
          close();
          run = [s];
        }
      }
      close();
    }
  }
  return flags;
}

/**
 * on-call-share: the share of the window a member is on call on any layer (Google SRE counts primary and
 * secondary alike), against `maxOnCallShare`. Above it: a warning; within one percentage point below it: an info
 * that says plainly the rotation sits at the limit with no slack. The fix gives the team size that would fit.
 */
export function onCallShareFlags(ac: AnalysisContext): Flag[] {
  const { ledger } = ac;
  const limit = ac.plan.coverage.limits.maxOnCallShare;
  const windowHours = ledger.window.hours;
  const team = ledger.participants.map((id) => ledger.members[ac.memberIndex.get(id)!]!);
  const totalHours = team.reduce((s, m) => s + m.onCallHours, 0);
  const needed = limit > 0 ? Math.ceil(totalHours / (limit * windowHours) - 1e-6) : Infinity;
  const flags: Flag[] = [];
  for (const m of team) {
    const share = m.onCallShare;
    if (share <= 0) continue;
    const above = share > limit + 1e-6;
    if (!above && share < limit - 0.01) continue;
    const parts = m.layers
      .filter((l) => l.hours > 0)
      .map(
        (l, i) =>
          `${ac.plan.rotation.layers.find((x) => x.id === l.layerId)?.name ?? `layer ${i + 1}`} ${pct(l.hours / windowHours)}`,
      );
    const primaryAtLimit = Math.abs(m.primaryShare - limit) <= 0.01;
    const message = above
      ? `${nameOf(ac, m.id)} is on call ${pct(share)} of the window (${parts.join(', ')}), above the ${pct(limit)} limit${primaryAtLimit && parts.length > 1 ? `; the primary layer alone already sits at the limit with no slack` : ''}`
      : `${nameOf(ac, m.id)} is on call ${pct(share)} of the window: at the ${pct(limit)} limit with no slack — one extra week for anyone goes over`;
    const fix =
      needed > team.length
        ? `a rotation of ${needed} people keeps everyone at or under ${pct(limit)} (it has ${team.length})`
        : above
          ? `share the shifts evenly: ${team.length} people then hold ${pct(totalHours / team.length / windowHours)} each`
          : `one more person brings the average share to ${pct(totalHours / (team.length + 1) / windowHours)}`;
    flags.push({
      kind: 'on-call-share',
      severity: above ? 'warning' : 'info',
      message,
      start: ledger.window.start.replace('.000Z', 'Z'),
      end: ledger.window.end.replace('.000Z', 'Z'),
      memberId: m.id,
      fix,
    });
  }
  return flags;
}

/**
 * team-size: fewer people than a continuous rotation with this many layers needs to keep everyone under the
 * on-call limit — Google SRE (ch. 11): 8 for a single-site 24/7 rotation with primary and secondary, i.e. layers ÷
 * maxOnCallShare. Below: a warning; exactly at it: an info (no slack for vacations or attrition).
 */
export function teamSizeFlags(ac: AnalysisContext): Flag[] {
  const limit = ac.plan.coverage.limits.maxOnCallShare;
  const layers = ac.plan.rotation.layers.filter(
    (l, i) => l.memberOrder.length > 0 || ac.byLayer[i]!.length > 0,
  );
  if (layers.length === 0 || limit <= 0) return [];
  const people = ac.ledger.participants.length;
  const required = Math.ceil(layers.length / limit - 1e-9);
  if (people > required) return [];
  const layerText = layers.map((l) => l.name).join(' + ');
  const perPerson = pct(Math.min(1, layers.length / Math.max(1, people)));
  const single = Math.ceil(1 / limit - 1e-9);
  return [
    {
      kind: 'team-size',
      severity: people < required ? 'warning' : 'info',
      message:
        people < required
          ? `${people} people run a continuous ${layerText} rotation, which needs at least ${required} to keep everyone at or under ${pct(limit)} on call (Google SRE, ch. 11: 8 for a single-site 24/7 primary + secondary rotation at 25 %); each person is on call about ${perPerson} of the time`
          : `${people} people is exactly the minimum for a continuous ${layerText} rotation at ${pct(limit)} on call each (Google SRE, ch. 11): no slack for vacations, sickness or someone leaving`,
      fix:
        people < required
          ? `add ${required - people} ${required - people === 1 ? 'person' : 'people'}${layers.length > 1 && people >= single ? `, or run a single layer (${people} people then sit at ${pct(1 / people)})` : ''}`
          : `add one person to get below ${pct(limit)}`,
    },
  ];
}

/**
 * dst-handoff (info): a shift that spans a daylight-saving change of the plan's zone (a week of 167 or 169 h), or
 * a handoff within an hour of the change (the local handoff time is skipped or happens twice).
 */
export function dstHandoffFlags(ac: AnalysisContext): Flag[] {
  const { window } = ac.ledger;
  coverPlan(ac.ctx, window.startMs, window.endMs);
  const days = ac.ctx.planDays;
  const transitions = days.transitions;
  const zone = ac.plan.rotation.timeZone;
  const flags: Flag[] = [];
  for (const s of ac.ledger.shifts) {
    for (const t of transitions) {
      if (t <= s.startMs - HOUR_MS || t >= s.endMs + HOUR_MS) continue;
      const date = dateOfEpochDay(days.firstDay + dayIndexAt(days, t));
      const nearHandoff = Math.abs(t - s.startMs) < HOUR_MS || Math.abs(t - s.endMs) < HOUR_MS;
      const inside = t > s.startMs && t < s.endMs;
      if (!inside && !nearHandoff) continue;
      const hours = (s.endMs - s.startMs) / HOUR_MS;
      flags.push({
        kind: 'dst-handoff',
        severity: 'info',
        message: nearHandoff
          ? `A handoff of ${describeShift(ac, s)} falls within the hour the clocks change on ${date} (${zone}): the local handoff time is skipped or happens twice`
          : `${describeShift(ac, s).replace(/^the/, 'The')} lasts ${hours} h (${nameOf(ac, s.shift.memberId)}): the clocks change on ${date} (${zone})`,
        start: iso(s.startMs),
        end: iso(s.endMs),
        memberId: s.shift.memberId,
        shiftId: s.shift.id,
        layerId: s.shift.layerId,
      });
      break;
    }
  }
  return flags;
}
