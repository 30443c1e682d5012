import type { FairnessTables } from '../../../../shared/fairness/fairness-tables';
import { swapCandidates } from '../../../../shared/optimize/swap-candidates';
import type { Plan, Shift } from '../../../../shared/plan/schema';
import { timeOffConflicts, type TimeOffConflict } from '../../../../shared/rotation/availability';
import {
  investorWeekFindings,
  type InvestorWeekFinding,
} from '../../../../shared/rotation/investor-staffing';
import { investorWeeks, type DateRange } from '../../../../shared/rotation/investor-weeks';
import { whoIsOnCallAt, type LayerOnCall } from '../../../../shared/rotation/on-call-at';
import { calendarHolidays, type CalendarHoliday, type HolidayLookup } from '../../../../shared/time/holidays';
import { addDays, instantMs, localDate, msToInstant } from '../../../../shared/time/zoned';
import { rotationHorizon } from '../../../../shared/rotation/generate-shifts';
import { isShadowShift } from '../../../../shared/rotation/shadow-shifts';
import { localDateOf, localDaySpan } from './calendar-format';

/**
 * Investor-week findings of the weeks around some local dates. Only those weeks are checked: on a two-year plan
 * of 36,000 shifts, checking the whole horizon after every drop is slow (`npm run bench:ui` times drops), and a
 * week that touches the dates always starts within 7 days of them.
 */
function findingsNear(plan: Plan, from: string, to: string): InvestorWeekFinding[] {
  // Kept inside the rotation's horizon, the range the whole-plan check uses.
  const horizon = rotationHorizon(plan.rotation);
  const zone = plan.rotation.timeZone;
  const first = [addDays(from, -7), localDate(horizon.start, zone)].sort()[1]!;
  const last = [addDays(to, 7), localDate(horizon.end, zone)].sort()[0]!;
  return first > last ? [] : investorWeekFindings(plan, { from: first, to: last });
}

const spansOverlap = (a: { start: string; end: string }, b: { start: string; end: string }) =>
  instantMs(a.start) < instantMs(b.end) && instantMs(b.start) < instantMs(a.end);

/** Everyone's time off that overlaps a span, with the overlapping part. */
function timeOffDuring(plan: Plan, start: string, end: string): TimeOffConflict[] {
  return plan.members.flatMap((m) => timeOffConflicts(plan, m.id, start, end));
}

/** What the side panel says about one shift. */
export type ShiftDetails = {
  shift: Shift;
  /** Plan-local dates the shift touches, first and last. */
  from: string;
  to: string;
  holidays: CalendarHoliday[];
  /** Holidays in the shift that are the on-call person's own day off. */
  ownHolidays: CalendarHoliday[];
  timeOff: TimeOffConflict[];
  investorWeeks: DateRange[];
  findings: InvestorWeekFinding[];
};

/**
 * The context of a shift: holidays and time off during it (the on-call person's own first in mind), the investor
 * weeks it touches and the investor-week findings about its time, layer or person.
 */
export function shiftDetails(holidayLookup: HolidayLookup, plan: Plan, shiftId: string): ShiftDetails | null {
  const shift = plan.shifts.find((s) => s.id === shiftId);
  if (!shift) return null;
  const zone = plan.rotation.timeZone;
  const from = localDateOf(shift.start, zone);
  // The end is exclusive: a shift ending Monday 00:00 does not touch Monday.
  const to = localDateOf(msToInstant(instantMs(shift.end) - 1), zone);
  const holidays = calendarHolidays(holidayLookup, plan, from, to);
  const findings = findingsNear(plan, from, to).filter(
    (f) =>
      spansOverlap(f, shift) &&
      (f.layerId === undefined || f.layerId === shift.layerId || f.memberId === shift.memberId),
  );
  return {
    shift,
    from,
    to,
    holidays,
    ownHolidays: holidays.filter((h) => h.memberIds.includes(shift.memberId)),
    timeOff: timeOffDuring(plan, shift.start, shift.end),
    investorWeeks: investorWeeks(plan.coverage.investorWeek.rule, from, to),
    findings,
  };
}

/** What the side panel says about a clicked moment and its day. */
export type MomentDetails = {
  instant: string;
  date: string;
  allDay: boolean;
  /** Who is on call at the instant, per layer. */
  onCall: LayerOnCall[];
  /** Every shift that touches the day, per layer (a handoff day has two). */
  dayShifts: { layerId: string; layerName: string; shifts: Shift[] }[];
  holidays: CalendarHoliday[];
  timeOff: TimeOffConflict[];
  investorWeek: DateRange | null;
  findings: InvestorWeekFinding[];
};

/** Who is on call at a moment, and what else is true of its plan-local day. */
export function momentDetails(
  holidays: HolidayLookup,
  plan: Plan,
  instant: string,
  allDay: boolean,
): MomentDetails {
  const zone = plan.rotation.timeZone;
  const date = localDateOf(instant, zone);
  const day = localDaySpan(date, zone);
  return {
    instant,
    date,
    allDay,
    onCall: whoIsOnCallAt(plan, instant),
    dayShifts: plan.rotation.layers.map((l) => ({
      layerId: l.id,
      layerName: l.name,
      // Handoffs are between people on call: a learner's shadow is not one.
      shifts: plan.shifts.filter((s) => s.layerId === l.id && !isShadowShift(s) && spansOverlap(s, day)),
    })),
    holidays: calendarHolidays(holidays, plan, date, date),
    timeOff: timeOffDuring(plan, day.start, day.end),
    investorWeek: investorWeeks(plan.coverage.investorWeek.rule, date, date)[0] ?? null,
    findings: findingsNear(plan, date, date).filter((f) => spansOverlap(f, day)),
  };
}

/** One teammate as the inline "find a swap" list shows them: eligible or not, and the rules that stop them. */
export type SwapChoice = { memberId: string; eligible: boolean; reasons: string[] };

/**
 * Who could take a shift, straight from the swap assistant's `swapCandidates` (eligible people first, fairest
 * first; then the others with the hard rules they would break), reduced to what the side panel shows. Returns the
 * assistant's sentence when the shift cannot be given away (pinned or unknown).
 * Why shared: the panel once judged "free" by its own rules and missed back-to-back runs the assistant refuses.
 * `tables` are the panel's fairness tables, kept while it is open (fresh ones when absent).
 */
export function swapChoices(plan: Plan, shiftId: string, tables?: FairnessTables): SwapChoice[] | string {
  const out = swapCandidates(plan, shiftId, {}, tables);
  if (typeof out === 'string') return out;
  return out.candidates.map((c) => ({
    memberId: c.memberId,
    eligible: c.eligible,
    reasons: c.blocks.map((b) => b.message),
  }));
}
