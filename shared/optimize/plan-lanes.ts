import type { Layer, LayerRotation, Plan } from '../plan/schema';
import { rotationSlots, type RotationSlot } from '../rotation/generate-shifts';
import { isPlainLayer, layerRotations } from '../rotation/layer-rotations';
import { TurnsTable } from '../rotation/turns';
import type { Interval } from '../time/intervals';
import { instantMs, msToInstant } from '../time/zoned';

/**
 * One turn of a lane: the period between two handoffs (`start`, `end`, epoch ms), the on-call time inside it
 * (`allowed`: the rotation's windows; the whole period for a plain layer) and whose turn it is by the rotation's
 * own order. `plain`: the turn is a plan-wide period of a layer without rotations of its own.
 */
export type LaneTurn = {
  start: number;
  end: number;
  allowed: Interval[];
  memberId: string;
  plain: boolean;
};

/**
 * A shift type of the roster model: one rotation of one layer. A plain layer is one lane (its member order over
 * the plan's periods); a layer of regional or restricted rotations has one lane per rotation, whose turns only
 * its members may hold. `turns[i]` is the lane's turn in the plan's period i (null when it has none there).
 */
export type PlanLane = {
  layer: Layer;
  /** Index of the layer among the modelled layers (those with members). */
  layerIndex: number;
  /** The layer's rotation, or null for a plain layer. */
  rotation: LayerRotation | null;
  members: readonly string[];
  turns: (LaneTurn | null)[];
};

/** The lanes of a plan and the plan's periods (the rounds of the model), all in epoch ms. */
export type PlanLanes = {
  /** Layers with members, in plan order. */
  layers: Layer[];
  lanes: PlanLane[];
  slots: RotationSlot[];
  spans: Interval[];
};

/** The index of the period that contains `at`, or −1 (periods are sorted and contiguous). */
function periodAt(spans: readonly Interval[], at: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]!.start <= at ? lo : -1;
}

/**
 * The lanes of a plan: one per plain layer, one per rotation of a layer with rotations. A rotation's turn belongs
 * to the period in which its on-call time starts, so a week of Kolkata, Berlin and New York turns that start on
 * the same Monday share one period (one round of the model). Returns a sentence instead when a rotation has two
 * turns starting in one period (a cadence shorter than the plan's periods), which the model cannot hold.
 * Why periods as rounds: one person holds at most one shift type per round in the roster model, which is exactly
 * the plan's "one layer per person per period" for plain layers and "one regional turn per person per week" for
 * regional ones; overlaps across rounds are listed as clashes by the model builder.
 */
export function planLanes(plan: Plan, table: TurnsTable = new TurnsTable()): PlanLanes | string {
  const layers = plan.rotation.layers.filter(
    (l) => l.memberOrder.length > 0 || (l.rotations?.length ?? 0) > 0,
  );
  const slots = rotationSlots(plan.rotation, table.clock);
  const spans = slots.map((s) => ({ start: instantMs(s.start), end: instantMs(s.end) }));
  const lanes: PlanLane[] = [];
  for (const [layerIndex, layer] of layers.entries()) {
    if (isPlainLayer(layer)) {
      const order = layer.memberOrder;
      lanes.push({
        layer,
        layerIndex,
        rotation: null,
        members: order,
        turns: spans.map((span, i) => ({
          ...span,
          allowed: [span],
          memberId: order[i % order.length]!,
          plain: true,
        })),
      });
      continue;
    }
    const turns = table.layerTurns(plan.rotation, layer).turns;
    for (const [r, rotation] of layerRotations(plan.rotation, layer).entries()) {
      const byPeriod: (LaneTurn | null)[] = spans.map(() => null);
      for (const turn of turns) {
        if (turn.rotationIndex !== r) continue;
        const period = periodAt(spans, turn.allowed[0]!.start);
        if (period < 0) continue;
        if (byPeriod[period]) {
          return `The optimiser plans one turn per rotation and period; ${layer.name} (${rotation.name}) has two turns starting in the period from ${slots[period]!.startDate} (its cadence is shorter than the plan's ${plan.rotation.shiftLengthDays}-day periods): build the shifts with Regenerate or rotaplan generate.`;
        }
        byPeriod[period] = {
          start: turn.start,
          end: turn.end,
          allowed: turn.allowed,
          memberId: turn.memberId,
          plain: false,
        };
      }
      lanes.push({ layer, layerIndex, rotation, members: rotation.members, turns: byPeriod });
    }
  }
  return { layers, lanes, slots, spans };
}

/** A lane turn's bounds as ISO instants. */
export function turnBounds(turn: LaneTurn): { start: string; end: string } {
  return { start: msToInstant(turn.start), end: msToInstant(turn.end) };
}
