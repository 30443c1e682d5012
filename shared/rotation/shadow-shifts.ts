import type { Member, Plan, ShadowPairing, Shift } from '../plan/schema';
import { memberHolidays, type HolidayLookup } from '../time/holidays';
import type { Interval } from '../time/intervals';
import { mergeIntervals, subtractIntervals } from '../time/intervals';
import { ZoneClock } from '../time/zone-clock';
import { addDays, instantMs, msToInstant } from '../time/zoned';
import { timeOffInterval } from './availability';
import { uniqueShiftId } from './shift-ids';

/**
 * True for a shadow shift: a learner next to whoever holds the layer, never coverage.
 * Why one predicate: coverage checks, "who is on call", the optimiser, fairness and exports all ask the same thing.
 */
export function isShadowShift(shift: { shadow?: boolean }): boolean {
  return shift.shadow === true;
}

/**
 * The shifts that hold a layer: every shift but the shadows, in their order (the same array when there are none).
 * Why: gaps, overlaps, "who is on call" and the optimiser read coverage; a learner beside the on-call person is
 * neither a second person on call nor a hole when they are away.
 */
export function onCallShifts<T extends { shadow?: boolean }>(shifts: readonly T[]): T[] {
  if (!shifts.some(isShadowShift)) return shifts as T[];
  return shifts.filter((s) => !isShadowShift(s));
}

/**
 * The plan with its shadow shifts left out (the same object when it has none).
 * Why: code that models or checks coverage (the optimiser, its independent check) reads the plan as a whole.
 */
export function withoutShadows(plan: Plan): Plan {
  const shifts = onCallShifts(plan.shifts);
  return shifts === plan.shifts ? plan : { ...plan, shifts };
}

/** Only the shadow shifts of a list, in their order. */
export function shadowShiftsOf<T extends { shadow?: boolean }>(shifts: readonly T[]): T[] {
  return shifts.filter(isShadowShift);
}

/** Where regeneration works ([from, to), epoch ms) and which existing shifts it keeps as they are. */
export type ShadowWindow = { from: number; to: number; isKept: (shift: Shift) => boolean };

/**
 * The instants a learner cannot shadow between two local dates (`until` exclusive): their time off and their public
 * holidays (their region's, and the plan's custom ones that apply to them), whole local days in their zone.
 */
function learnerAway(
  holidays: HolidayLookup | undefined,
  plan: Plan,
  member: Member,
  from: string,
  until: string,
  clock: ZoneClock,
): Interval[] {
  if (!holidays) {
    throw new Error(
      `the shadow shifts of ${member.name} need their public holidays, and no holiday lookup was passed in`,
    );
  }
  const days = memberHolidays(holidays, plan, member, from, addDays(until, -1)).map((h) => ({
    start: instantMs(clock.startOfLocalDay(h.date, member.timeZone)),
    end: instantMs(clock.startOfLocalDay(addDays(h.date, 1), member.timeZone)),
  }));
  return mergeIntervals([...member.timeOff.map((t) => timeOffInterval(member, t, clock)), ...days]);
}

/** True when `date` falls in one of the pairings ([from, until), local dates). */
const inPairings = (pairings: readonly ShadowPairing[], date: string) =>
  pairings.some((p) => p.from <= date && date < p.until);

/**
 * The shadow shifts of a plan: every existing shadow the window keeps, and, for each layer's pairings, a shadow of
 * each on-call shift in `coverage` that starts on a date of a pairing (the learner's local date) and is held by
 * someone else: the whole shift, less the learner's days away and any kept shadow of theirs. Shadows are
 * `generated` and marked `shadow`; ids read `<layer>-shadow-<member>-<plan-local start>`.
 * Why after the on-call engine: a shadow follows whoever ends up holding the turn (covers and swaps included) and
 * never changes who that is. `holidays` gives the learners' public holidays; it is only asked (and a plan without
 * pairings needs none) when a learner has a shift to shadow. `clock`: the caller's zone clock (by default the one
 * `holidays` carries).
 */
export function scheduleShadows(
  plan: Plan,
  coverage: readonly Shift[],
  shadows: readonly Shift[],
  window: ShadowWindow,
  holidays?: HolidayLookup,
  clock: ZoneClock = holidays?.clock ?? new ZoneClock(),
): Shift[] {
  const kept = shadows.filter(window.isKept);
  const taken = new Set([...coverage, ...kept].map((s) => s.id));
  const out: Shift[] = [...kept];
  for (const layer of plan.rotation.layers) {
    const pairings = layer.shadows ?? [];
    const learners = [...new Set(pairings.map((p) => p.memberId))];
    const holders = coverage.filter((s) => s.layerId === layer.id && !isShadowShift(s));
    for (const learnerId of learners) {
      const member = plan.members.find((m) => m.id === learnerId);
      if (!member) continue;
      const own = pairings.filter((p) => p.memberId === learnerId);
      const chosen = holders.filter(
        (h) => h.memberId !== learnerId && inPairings(own, clock.localDate(h.start, member.timeZone)),
      );
      if (chosen.length === 0) continue;
      const firstStart = chosen.reduce((m, h) => Math.min(m, instantMs(h.start)), Number.POSITIVE_INFINITY);
      const lastEnd = chosen.reduce((m, h) => Math.max(m, instantMs(h.end)), 0);
      const away = learnerAway(
        holidays,
        plan,
        member,
        clock.localDate(msToInstant(firstStart), member.timeZone),
        addDays(clock.localDate(msToInstant(lastEnd), member.timeZone), 1),
        clock,
      );
      const ownKept = kept
        .filter((s) => s.layerId === layer.id && s.memberId === learnerId)
        .map((s) => ({ start: instantMs(s.start), end: instantMs(s.end) }));
      const cuts = [...away, ...ownKept];
      for (const holder of chosen) {
        const held = { start: Math.max(instantMs(holder.start), window.from), end: instantMs(holder.end) };
        if (held.end <= held.start) continue;
        for (const piece of subtractIntervals(held, cuts)) {
          if (piece.start >= window.to) continue;
          const start = msToInstant(piece.start);
          out.push({
            id: uniqueShiftId(
              `${layer.id}-shadow-${learnerId}-${clock.localDateTime(start, plan.rotation.timeZone)}`,
              taken,
            ),
            layerId: layer.id,
            memberId: learnerId,
            start,
            end: msToInstant(piece.end),
            source: 'generated',
            pinned: false,
            shadow: true,
          });
        }
      }
    }
  }
  return out;
}
