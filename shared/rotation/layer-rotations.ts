import type { Layer, LayerRotation, Rotation } from '../plan/schema';
import { plainCadence } from './cadence';

/**
 * The rotations that cover a layer. A layer without `rotations` is one rotation of its member order with the
 * plan-wide shift length, handoff time and zone, on call all the time (night allowed: such a layer is 24/7 by
 * design); its id is the layer's.
 * Why one shape: the engine, the checks and the CLI read every layer the same way, and schema-1 plans keep their
 * meaning without being rewritten.
 */
export function layerRotations(rotation: Rotation, layer: Layer): LayerRotation[] {
  if (layer.rotations && layer.rotations.length > 0) return layer.rotations;
  if (layer.memberOrder.length === 0) return [];
  return [
    {
      id: layer.id,
      name: layer.name,
      members: layer.memberOrder,
      cadence: plainCadence(rotation.shiftLengthDays, rotation.handoff.weekday),
      handoffTime: rotation.handoff.time,
      timeZone: rotation.timeZone,
      allowNight: true,
    },
  ];
}

/** True when a layer is read from the plan-wide settings (no rotations of its own). */
export function isPlainLayer(layer: Layer): boolean {
  return !layer.rotations || layer.rotations.length === 0;
}
