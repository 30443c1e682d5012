import type { ShiftInfo } from '../ledger';
import { shiftLoadIn } from '../shift-load';
import { DAY_MS, HOUR_MS } from '../zone-days';
import type { Flag, FixAction } from './flag';
import {
  describeShift,
  hoursText,
  iso,
  isFree,
  layerName,
  nameOf,
  planDate,
  planDateTime,
  type AnalysisContext,
} from './analysis-context';
import { describeMove, proposeMove, spreadEffect, spreadWith } from './swap-search';

/**
 * The override that fixes a conflict at a shift's edge: the neighbour on the same layer (next shift's member for
 * the tail, previous shift's for the head) takes over the hours that fall on the time off.
 */
function edgeOverride(ac: AnalysisContext, s: ShiftInfo, start: number, end: number): FixAction | null {
  const list = ac.byLayer[s.layerIndex] ?? [];
  const tail = end === s.clipEndMs;
  const neighbour = tail ? list.find((o) => o.startMs === s.endMs) : list.find((o) => o.endMs === s.startMs);
  if (!neighbour) return null;
  const to = neighbour.shift.memberId;
  if (to === s.shift.memberId || !isFree(ac, to, start, end, s.layerIndex, [neighbour])) return null;
  const moved = shiftLoadIn(ac.ctx, s.shift.layerId, s.shift.memberId, start, end).weightedLoad;
  const taken = shiftLoadIn(ac.ctx, s.shift.layerId, to, start, end).weightedLoad;
  const deltas = new Map([
    [s.shift.memberId, -moved],
    [to, taken],
  ]);
  return {
    kind: 'split',
    shiftId: s.shift.id,
    fromMemberId: s.shift.memberId,
    toMemberId: to,
    splitAt: iso(tail ? start : end),
    part: tail ? 'tail' : 'head',
    spreadBefore: ac.ledger.fairness.maxMinSpread,
    spreadAfter: spreadWith(ac, deltas),
  };
}

/**
 * time-off-conflict: a member is on call while on time off. An error when it takes a day or more of the shift
 * (fixed by a swap with a free colleague, who hands back a nearby shift); a warning when only the first or last
 * hours of the shift fall on a day off (a vacation starting on handoff Monday), fixed by letting the neighbouring
 * shift's member take over those hours early or stay on late.
 */
export function timeOffFlags(ac: AnalysisContext): Flag[] {
  const flags: Flag[] = [];
  for (const s of ac.ledger.shifts) {
    const mc = ac.ctx.members.get(s.shift.memberId);
    if (!mc) continue;
    const member = mc.member;
    for (const { interval, item: off } of mc.timeOffItems) {
      const { start: a, end: b } = interval;
      if (a >= s.clipEndMs || b <= s.clipStartMs) continue;
      const start = Math.max(a, s.clipStartMs);
      const end = Math.min(b, s.clipEndMs);
      const atEdge = (end === s.clipEndMs || start === s.clipStartMs) && end - start < DAY_MS;
      const override = atEdge ? edgeOverride(ac, s, start, end) : null;
      const move = override ? null : proposeMove(ac, s);
      const action = override ?? move;
      const severity = atEdge ? 'warning' : s.layerIndex <= 0 ? 'error' : 'warning';
      const hours = hoursText((end - start) / HOUR_MS);
      let fix: string;
      if (override) {
        const who = nameOf(ac, override.toMemberId);
        fix =
          override.part === 'tail'
            ? `let ${who} (next on ${layerName(ac, s.layerIndex)}) take over at ${planDateTime(ac, start)}, ${hours} early: ${spreadEffect(override.spreadBefore, override.spreadAfter)}`
            : `let ${who} (previous on ${layerName(ac, s.layerIndex)}) stay on until ${planDateTime(ac, end)}, ${hours} longer: ${spreadEffect(override.spreadBefore, override.spreadAfter)}`;
      } else if (move) fix = describeMove(ac, move);
      else
        fix = `nobody is free to take it: move the ${off.kind} or split the shift (from ${planDate(ac, start)})`;
      flags.push({
        kind: 'time-off-conflict',
        severity,
        message: atEdge
          ? `${nameOf(ac, member.id)} is on ${off.kind} ${off.start} – ${off.end}, which takes the ${end === s.clipEndMs ? 'last' : 'first'} ${hours} of ${describeShift(ac, s)}`
          : `${nameOf(ac, member.id)} is on ${off.kind} ${off.start} – ${off.end} but holds ${describeShift(ac, s)} (${hours} of it)`,
        start: iso(start),
        end: iso(end),
        memberId: member.id,
        shiftId: s.shift.id,
        layerId: s.shift.layerId,
        fix,
        ...(action ? { action } : {}),
      });
    }
  }
  return flags;
}
