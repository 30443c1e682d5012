import { FairnessTables } from '../fairness/fairness-tables';
import { buildLedger, type Ledger } from '../fairness/ledger';
import { resolveWindow } from '../fairness/window';
import { applyShiftEdit } from '../plan/edits/shift-edits';
import { isRefusal } from '../plan/edits/edit-outcome';
import type { Layer, LayerRotation, Plan, Shift } from '../plan/schema';
import { isPlainLayer, layerRotations } from '../rotation/layer-rotations';
import { isShadowShift } from '../rotation/shadow-shifts';
import { shadowShiftRefusal } from '../rotation/shift-adjust';
import { TurnsTable } from '../rotation/turns';
import { overlaps } from '../time/intervals';
import { timeOffConflicts, type TimeOffConflict } from '../rotation/availability';
import { addDays, instantMs, localDate } from '../time/zoned';
import { checkPlanShifts } from './check-plan-shifts';

/** A hard rule that keeps someone from taking a shift. */
export type SwapRule =
  'time-off' | 'other-layer' | 'back-to-back' | 'investor-week' | 'not-in-layer' | 'other';

/** One broken hard rule: which, and a sentence with the dates. */
export type SwapBlock = { rule: SwapRule; message: string };

/**
 * The team's fairness at a glance: the largest distance of anyone's weighted load from their fair share, and the
 * max−min spread of (availability-adjusted) weighted loads, both in weighted hours, as the Fairness view shows them.
 */
export type FairnessSnapshot = { maxDeviation: number; spread: number };

/** One person who could (or could not) take the shift, with what their taking it does to fairness. */
export type SwapCandidate = {
  memberId: string;
  /** True when no hard rule stops them; ineligible people are listed with `blocks`. */
  eligible: boolean;
  blocks: SwapBlock[];
  /** The candidate's own weighted load in the window, before and after taking the shift. */
  loadBefore: number;
  loadAfter: number;
  fairShare: number;
  after: FairnessSnapshot;
};

/** The swap assistant's answer for one shift: who holds it, whether they are away, and the ranked candidates. */
export type SwapSuggestions = {
  shift: Shift;
  window: { from: string; to: string };
  /** The current holder's time off during the shift (the conflict the assistant is often asked to solve). */
  holderAway: TimeOffConflict[];
  before: FairnessSnapshot;
  /** Eligible people first, fairest outcome first; then the ineligible ones with their reasons. */
  candidates: SwapCandidate[];
};

/** Fairness of a ledger as the assistant ranks by it. */
export function fairnessSnapshot(ledger: Ledger): FairnessSnapshot {
  const inTeam = ledger.members.filter((m) => ledger.participants.includes(m.id));
  const maxDeviation = inTeam.reduce((max, m) => Math.max(max, Math.abs(m.weightedLoad - m.fairShare)), 0);
  return { maxDeviation, spread: ledger.fairness.maxMinSpread };
}

/** Which hard rule a sentence of `checkPlanShifts` is about (its wording is that module's). */
function ruleOf(problem: string): SwapRule {
  if (problem.includes('during time off')) return 'time-off';
  if (problem.includes('is not in that rotation')) return 'not-in-layer';
  if (problem.includes(' at once ')) return 'other-layer';
  if (problem.includes(' in a row ')) return 'back-to-back';
  if (problem.includes('investor')) return 'investor-week';
  return 'other';
}

/**
 * The rotations of a layer with rotations of its own whose turns hold on-call time during the shift: only their
 * members may take it. Empty for a plain layer.
 */
function rotationsOfShift(plan: Plan, layer: Layer, shift: Shift, turns: TurnsTable): LayerRotation[] {
  if (isPlainLayer(layer)) return [];
  const span = { start: instantMs(shift.start), end: instantMs(shift.end) };
  const rotations = layerRotations(plan.rotation, layer);
  const ids = new Set(
    turns
      .layerTurns(plan.rotation, layer)
      .turns.filter((t) => t.allowed.some((a) => overlaps(a, span)))
      .map((t) => t.rotationIndex),
  );
  return rotations.filter((_, i) => ids.has(i));
}

function byFairness(a: SwapCandidate, b: SwapCandidate): number {
  const EPS = 1e-6;
  if (Math.abs(a.after.maxDeviation - b.after.maxDeviation) > EPS)
    return a.after.maxDeviation - b.after.maxDeviation;
  if (Math.abs(a.after.spread - b.after.spread) > EPS) return a.after.spread - b.after.spread;
  return 0;
}

/**
 * Ranks who could take a shift instead of its holder (for a swap request, or a time-off conflict where the holder
 * is away). Each other member is tried by really reassigning the shift: the hard rules are the optimiser's own
 * independent check (`checkPlanShifts`: time off, one layer at a time, no longer runs than the plan allows,
 * investor-week staffing), compared before and after so only what the change breaks counts; someone outside the
 * layer's rotation is not eligible either, nor, on a layer of regional or restricted rotations, anyone outside
 * the rotation whose turn the shift is. The fairness change is the analysis ledger's over the window (default:
 * the plan's horizon). Returns a sentence when the shift cannot be reassigned at all (unknown, pinned, or a
 * learner's shadow, which is not on call and so has no turn to hand over).
 * Why real edits: the assistant then agrees exactly with what "Give to X" will do and what the Fairness view shows.
 * `tables` are the caller's zone, holiday and investor-week tables: every candidate's ledger reads the same ones.
 */
export function swapCandidates(
  plan: Plan,
  shiftId: string,
  options: { from?: string; to?: string } = {},
  tables: FairnessTables = new FairnessTables(),
): SwapSuggestions | string {
  const shift = plan.shifts.find((s) => s.id === shiftId);
  if (!shift) return `no shift has id "${shiftId}"`;
  if (shift.pinned) return `the shift ${shiftId} is pinned; unpin it before giving it to someone else`;
  if (isShadowShift(shift)) return shadowShiftRefusal(plan, shift);
  const window = resolveWindow(plan, options);
  const beforeLedger = buildLedger(plan, window, tables);
  const before = fairnessSnapshot(beforeLedger);
  const loadOf = (ledger: Ledger, id: string) => ledger.members.find((m) => m.id === id);
  const zone = plan.rotation.timeZone;
  // The rule check only needs the periods around the shift: a period's length before it (runs) to its end.
  const around = {
    from: addDays(localDate(shift.start, zone), -plan.rotation.shiftLengthDays),
    to: localDate(shift.end, zone),
  };
  // Every candidate keeps the plan's rotation: its turns are worked out once for all of them.
  const turns = new TurnsTable(tables.calendar.clock);
  const existing = new Set(checkPlanShifts(plan, plan, around, turns));
  const layer = plan.rotation.layers.find((l) => l.id === shift.layerId);
  const rotations = layer ? rotationsOfShift(plan, layer, shift, turns) : [];

  const candidates: SwapCandidate[] = [];
  for (const member of plan.members) {
    if (member.id === shift.memberId) continue;
    const changed = applyShiftEdit(plan, { kind: 'shift:reassign', shiftId, memberId: member.id });
    if (isRefusal(changed)) return changed.reason;
    const blocks: SwapBlock[] = checkPlanShifts(plan, changed, around, turns)
      .filter((p) => !existing.has(p) && !p.startsWith(`kept shift ${shiftId} `))
      .map((message) => ({ rule: ruleOf(message), message }));
    if (layer && layer.memberOrder.length > 0 && !layer.memberOrder.includes(member.id)) {
      blocks.push({
        rule: 'not-in-layer',
        message: `${member.id} is not in the ${layer.name} rotation`,
      });
    } else {
      for (const r of rotations.filter((r) => !r.members.includes(member.id))) {
        blocks.push({
          rule: 'not-in-layer',
          message: `${member.id} is not in the ${r.name} rotation of ${layer?.name ?? shift.layerId}`,
        });
      }
    }
    const afterLedger = buildLedger(changed, window, tables);
    candidates.push({
      memberId: member.id,
      eligible: blocks.length === 0,
      blocks,
      loadBefore: loadOf(beforeLedger, member.id)?.weightedLoad ?? 0,
      loadAfter: loadOf(afterLedger, member.id)?.weightedLoad ?? 0,
      fairShare: loadOf(afterLedger, member.id)?.fairShare ?? 0,
      after: fairnessSnapshot(afterLedger),
    });
  }
  const eligible = candidates.filter((c) => c.eligible).sort(byFairness);
  const blocked = candidates.filter((c) => !c.eligible).sort(byFairness);
  return {
    shift,
    window: { from: window.from, to: window.to },
    holderAway: timeOffConflicts(plan, shift.memberId, shift.start, shift.end),
    before,
    candidates: [...eligible, ...blocked],
  };
}
