import { sweepOverlaps } from '../../plan/layer-overlaps';
import type { Interval } from '../../time/intervals';
import { rotationHorizon } from '../window';
import type { ShiftInfo } from '../ledger';
import { shiftLoadIn } from '../shift-load';
import { HOUR_MS } from '../zone-days';
import type { Flag } from './flag';
import {
  hoursText,
  iso,
  isFree,
  layerName,
  nameOf,
  planDateTime,
  describeShift,
  type AnalysisContext,
} from './analysis-context';
import { describeMove, proposeMove, spreadEffect, spreadWith } from './swap-search';

/** Uncovered stretches of one layer inside [a, b), from its shifts sorted by start. */
export function gapsIn(list: readonly ShiftInfo[], a: number, b: number): Interval[] {
  const gaps: Interval[] = [];
  let cursor = a;
  for (const s of list) {
    if (s.startMs >= b) break;
    if (s.startMs > cursor) gaps.push({ start: cursor, end: Math.min(s.startMs, b) });
    cursor = Math.max(cursor, s.endMs);
  }
  if (cursor < b) gaps.push({ start: cursor, end: b });
  return gaps;
}

function gapFix(ac: AnalysisContext, layerIndex: number, a: number, b: number): string {
  const layer = ac.plan.rotation.layers[layerIndex]!;
  const free = layer.memberOrder.filter((id) => ac.ctx.members.has(id) && isFree(ac, id, a, b, layerIndex));
  if (free.length === 0)
    return `nobody in the ${layer.name} order is free then: add a member or move time off`;
  const options = free.map((id) => {
    const load = shiftLoadIn(ac.ctx, layer.id, id, a, b).weightedLoad;
    return { id, after: spreadWith(ac, new Map([[id, load]])) };
  });
  options.sort((x, y) => x.after - y.after);
  const pick = options[0]!;
  return `add a ${layer.name} shift for ${nameOf(ac, pick.id)} (free then): ${spreadEffect(ac.ledger.fairness.maxMinSpread, pick.after)}`;
}

/**
 * coverage-gap: a stretch of the rotation horizon (inside the window) with nobody on call on a layer — an error on
 * the primary layer, a warning on the others. The fix names the free member whose taking it keeps the spread
 * smallest.
 */
export function coverageGapFlags(ac: AnalysisContext): Flag[] {
  const horizon = rotationHorizon(ac.plan);
  const a = Math.max(ac.ledger.window.startMs, horizon.startMs);
  const b = Math.min(ac.ledger.window.endMs, horizon.endMs);
  if (b <= a) return [];
  const flags: Flag[] = [];
  ac.plan.rotation.layers.forEach((layer, li) => {
    for (const { start: s, end: e } of gapsIn(ac.byLayer[li]!, a, b)) {
      flags.push({
        kind: 'coverage-gap',
        severity: li === 0 ? 'error' : 'warning',
        message: `Nobody is on call on the ${layer.name} layer from ${planDateTime(ac, s)} to ${planDateTime(ac, e)} (${hoursText((e - s) / HOUR_MS)})`,
        start: iso(s),
        end: iso(e),
        layerId: layer.id,
        fix: gapFix(ac, li, s, e),
      });
    }
  });
  return flags;
}

/**
 * overlap: two shifts of one layer at the same time (a warning; the hours count twice), and one member on two
 * layers at once (a warning: the backup is the person already paged).
 */
export function overlapFlags(ac: AnalysisContext): Flag[] {
  const flags: Flag[] = [];
  ac.byLayer.forEach((list, li) => {
    const overlaps = sweepOverlaps(
      list,
      (x) => x.startMs,
      (x) => x.endMs,
    );
    for (const { earlier: cover, later: s, endMs: end } of overlaps) {
      const same = cover.shift.memberId === s.shift.memberId;
      flags.push({
        kind: 'overlap',
        severity: 'warning',
        message: same
          ? `${nameOf(ac, s.shift.memberId)} holds two ${layerName(ac, li)} shifts at once from ${planDateTime(ac, s.startMs)} to ${planDateTime(ac, end)}`
          : `${nameOf(ac, cover.shift.memberId)} and ${nameOf(ac, s.shift.memberId)} are both on the ${layerName(ac, li)} layer from ${planDateTime(ac, s.startMs)} to ${planDateTime(ac, end)}`,
        start: iso(s.startMs),
        end: iso(end),
        memberId: s.shift.memberId,
        shiftId: s.shift.id,
        layerId: s.shift.layerId,
        fix: same
          ? `delete shift ${s.shift.id}, which repeats ${cover.shift.id}`
          : `start shift ${s.shift.id} at ${planDateTime(ac, cover.endMs)} or end ${cover.shift.id} at ${planDateTime(ac, s.startMs)}`,
      });
    }
  });
  for (const [memberId, list] of ac.byMember) {
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length && list[j]!.startMs < list[i]!.endMs; j++) {
        const [x, y] = [list[i]!, list[j]!];
        if (x.layerIndex === y.layerIndex) continue;
        const later = x.layerIndex > y.layerIndex ? x : y;
        const start = Math.max(x.startMs, y.startMs);
        const end = Math.min(x.endMs, y.endMs);
        const move = proposeMove(ac, later, { allowReassign: true });
        flags.push({
          kind: 'overlap',
          severity: 'warning',
          message: `${nameOf(ac, memberId)} is on ${layerName(ac, x.layerIndex)} and ${layerName(ac, y.layerIndex)} at the same time from ${planDateTime(ac, start)} to ${planDateTime(ac, end)}: nobody backs them up`,
          start: iso(start),
          end: iso(end),
          memberId,
          shiftId: later.shift.id,
          layerId: later.shift.layerId,
          fix: move
            ? describeMove(ac, move)
            : `give ${describeShift(ac, later)} to someone free; nobody is free then`,
          ...(move ? { action: move } : {}),
        });
      }
    }
  }
  return flags;
}
