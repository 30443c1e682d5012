import type { Plan } from '../plan/schema';
import { addDays, instantMs, localDate, zonedToInstant } from '../time/zoned';
import { HOUR_MS } from './zone-days';

/**
 * The stretch of time an analysis covers: `from`/`to` are local dates in the plan's zone (both inclusive, as the
 * user typed them), `start`/`end` the instants [start, end) they stand for.
 */
export type AnalysisWindow = {
  from: string;
  to: string;
  start: string;
  end: string;
  startMs: number;
  endMs: number;
  hours: number;
};

/** The rotation's horizon as instants: [handoff on the start date, handoff on the end date). */
export type Horizon = { startMs: number; endMs: number };

/**
 * The rotation horizon as instants: from the handoff time on `rotation.startDate` to the handoff time on
 * `rotation.endDate` (plan zone).
 * Why this rule: the rotation engine covers exactly this span (a short first or last period when the dates are not
 * handoff days), so coverage gaps and the default window are judged over the same stretch.
 */
export function rotationHorizon(plan: Plan): Horizon {
  const { startDate, endDate, handoff, timeZone } = plan.rotation;
  return {
    startMs: instantMs(zonedToInstant(startDate, handoff.time, timeZone)),
    endMs: instantMs(zonedToInstant(endDate, handoff.time, timeZone)),
  };
}

/**
 * The analysis window for optional `from`/`to` dates (plan zone, inclusive): a missing side takes the rotation
 * horizon's. Throws a RangeError naming the problem when `to` is before `from`.
 * Why the horizon by default: a weekly rotation hands off at 09:00, so "the plan's year" is handoff to handoff,
 * and four people on a weekly rotation then hold exactly 25 % each, not 24.9 %.
 */
export function resolveWindow(plan: Plan, options: { from?: string; to?: string } = {}): AnalysisWindow {
  const zone = plan.rotation.timeZone;
  const horizon = rotationHorizon(plan);
  const startMs =
    options.from === undefined ? horizon.startMs : instantMs(zonedToInstant(options.from, '00:00', zone));
  const endMs =
    options.to === undefined
      ? horizon.endMs
      : instantMs(zonedToInstant(addDays(options.to, 1), '00:00', zone));
  const start = new Date(startMs).toISOString();
  const end = new Date(endMs).toISOString();
  const from = options.from ?? localDate(start, zone);
  const to = options.to ?? localDate(new Date(endMs - 1).toISOString(), zone);
  if (to < from || endMs <= startMs) {
    throw new RangeError(`the window ends (${to}) before it starts (${from})`);
  }
  return { from, to, start, end, startMs, endMs, hours: (endMs - startMs) / HOUR_MS };
}
