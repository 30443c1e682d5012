import type { ShiftInfo } from '../ledger';
import type { FixAction } from './flag';
import {
  describeShift,
  hoursText,
  isFree,
  loadFor,
  nameOf,
  near,
  onTimeOff,
  type AnalysisContext,
} from './analysis-context';

const EPS = 1e-9;

/** What a rule allows when it looks for a fix. */
export type MoveOptions = {
  /** Only these members may take the shift (default: every participant of the shift's layer). */
  candidates?: readonly string[];
  /** May this member take the shift? (skills, holiday history, investor ownership). */
  accept?: (memberId: string) => boolean;
  /** May the shift's member take this shift of the candidate in return? */
  acceptPayback?: (payback: ShiftInfo) => boolean;
  /** Payback shifts from any layer (default: the same layer only). */
  anyLayer?: boolean;
  /** Also try giving the shift away with nothing in return (default true). */
  allowReassign?: boolean;
};

/** How many of a candidate's shifts, nearest in time first, are tried as the payback. */
const PAYBACK_CANDIDATES = 8;
/** How far (in lengths of the shift to move) a payback may lie: about two months for a weekly rotation. */
const PAYBACK_REACH = 8;

/** `spreadWith` for the common case of two members' loads changing (no allocation on the hot path). */
export function spreadAfterMove(ac: AnalysisContext, a: string, da: number, b: string, db: number): number {
  const { ledger } = ac;
  let lo = Infinity;
  let hi = -Infinity;
  for (const id of ledger.participants) {
    const m = ledger.members[ac.memberIndex.get(id)!]!;
    if (m.fairShare <= EPS) continue;
    const delta = id === a ? da : id === b ? db : 0;
    const adjusted = ((m.weightedLoad + delta) * ledger.meanFairShare) / m.fairShare;
    if (adjusted < lo) lo = adjusted;
    if (adjusted > hi) hi = adjusted;
  }
  return hi >= lo ? hi - lo : 0;
}

/**
 * The team's max-min spread of availability-adjusted load after adding `deltas` (member id → change of weighted
 * load). Why adjusted: the same number the ledger reports as `maxMinSpread`, so "falls from 38 h to 6 h" reads
 * against the headline figure.
 */
export function spreadWith(ac: AnalysisContext, deltas: ReadonlyMap<string, number>): number {
  const { ledger } = ac;
  let lo = Infinity;
  let hi = -Infinity;
  for (const id of ledger.participants) {
    const m = ledger.members[ac.memberIndex.get(id)!]!;
    if (m.fairShare <= EPS) continue;
    const adjusted = ((m.weightedLoad + (deltas.get(id) ?? 0)) * ledger.meanFairShare) / m.fairShare;
    lo = Math.min(lo, adjusted);
    hi = Math.max(hi, adjusted);
  }
  return hi >= lo ? hi - lo : 0;
}

/**
 * The best way to take `target` off its member: give it to a free colleague, either as a swap (they hand back one
 * of their shifts nearby, which the member is free to take) or as a plain reassignment, choosing the move that
 * leaves the smallest load spread (a swap wins ties: it keeps shift counts). Null when nobody can take it.
 * Why search instead of a rule of thumb: the fix then states its real effect on the team's numbers.
 */
export function proposeMove(
  ac: AnalysisContext,
  target: ShiftInfo,
  options: MoveOptions = {},
): FixAction | null {
  const from = target.shift.memberId;
  const before = ac.ledger.fairness.maxMinSpread;
  const pool = options.candidates ?? ac.layerMembers[target.layerIndex] ?? [];
  let best: FixAction | null = null;
  let bestRank = Infinity;
  const consider = (action: FixAction, rank: number) => {
    if (
      !best ||
      action.spreadAfter < best.spreadAfter - EPS ||
      (Math.abs(action.spreadAfter - best.spreadAfter) <= EPS && rank < bestRank)
    ) {
      best = action;
      bestRank = rank;
    }
  };
  const reach = PAYBACK_REACH * (target.endMs - target.startMs);
  for (const to of pool) {
    if (to === from || !ac.ctx.members.has(to)) continue;
    if (options.accept && !options.accept(to)) continue;
    if (onTimeOff(ac, to, target.startMs, target.endMs)) continue;
    // Free as things stand, or only once a payback that touches the target is handed back (adjacent weeks).
    const freeAlready = isFree(ac, to, target.startMs, target.endMs, target.layerIndex);
    const paybacks = near(ac, ac.byMember.get(to) ?? [], target.startMs - reach, target.startMs + reach)
      .filter((p) => p !== target && !p.shift.pinned && Math.abs(p.startMs - target.startMs) <= reach)
      .filter((p) => freeAlready || (p.endMs >= target.startMs && p.startMs <= target.endMs))
      .filter((p) => options.anyLayer || p.layerIndex === target.layerIndex)
      .filter((p) => !options.acceptPayback || options.acceptPayback(p))
      .sort((a, b) => Math.abs(a.startMs - target.startMs) - Math.abs(b.startMs - target.startMs));
    if (!freeAlready && paybacks.length === 0) continue;
    const give = loadFor(ac, target, to);
    let tried = 0;
    for (const p of paybacks) {
      if (tried >= PAYBACK_CANDIDATES) break;
      if (!freeAlready && !isFree(ac, to, target.startMs, target.endMs, target.layerIndex, [p])) continue;
      if (!isFree(ac, from, p.startMs, p.endMs, p.layerIndex, [target])) continue;
      tried++;
      consider(
        {
          kind: 'swap',
          shiftId: target.shift.id,
          fromMemberId: from,
          toMemberId: to,
          paybackShiftId: p.shift.id,
          spreadBefore: before,
          spreadAfter: spreadAfterMove(
            ac,
            from,
            loadFor(ac, p, from) - target.load.weightedLoad,
            to,
            give - p.load.weightedLoad,
          ),
        },
        Math.abs(p.startMs - target.startMs),
      );
    }
    if (options.allowReassign !== false && freeAlready) {
      consider(
        {
          kind: 'reassign',
          shiftId: target.shift.id,
          fromMemberId: from,
          toMemberId: to,
          spreadBefore: before,
          spreadAfter: spreadAfterMove(ac, from, -target.load.weightedLoad, to, give),
        },
        Infinity,
      );
    }
  }
  return best;
}

/**
 * The fix as a sentence with its effect, e.g. "swap the Primary week of 2027-12-20 (Priya) with Sam's Primary week
 * of 2028-01-03: spread falls from 38 h to 6 h".
 */
export function describeMove(ac: AnalysisContext, action: FixAction): string {
  const target = ac.shiftById.get(action.shiftId)!;
  const payback = action.paybackShiftId ? ac.shiftById.get(action.paybackShiftId) : undefined;
  const what = payback
    ? `swap ${describeShift(ac, target)} (${nameOf(ac, action.fromMemberId)}) with ${nameOf(ac, action.toMemberId)}'s ${describeShift(ac, payback).replace(/^the /, '')}`
    : `give ${describeShift(ac, target)} to ${nameOf(ac, action.toMemberId)}`;
  return `${what}: ${spreadEffect(action.spreadBefore, action.spreadAfter)}`;
}

/** "spread falls from 38 h to 6 h" (weighted hours, the ledger's max-min spread). */
export function spreadEffect(before: number, after: number): string {
  const a = hoursText(before);
  const b = hoursText(after);
  if (a === b) return `spread stays at ${a}`;
  return `spread ${after < before ? 'falls' : 'rises'} from ${a} to ${b}`;
}
