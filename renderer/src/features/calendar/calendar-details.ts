import type { Plan, Shift } from '../../../../shared/plan/schema';
import { timeOffConflicts, type TimeOffConflict } from '../../../../shared/rotation/availability';
import {
  investorWeekFindings,
  type InvestorWeekFinding,
} from '../../../../shared/rotation/investor-staffing';
import { investorWeeks, type DateRange } from '../../../../shared/rotation/investor-weeks';
import { whoIsOnCallAt, type LayerOnCall } from '../../../../shared/rotation/on-call-at';
import { calendarHolidays, type CalendarHoliday } from '../../../../shared/time/holidays';
import { instantMs, msToInstant } from '../../../../shared/time/zoned';
import { localDateOf, localDaySpan } from './calendar-format';
import { memoizeLast } from './calendar-events';

const allFindings = memoizeLast((plan: Plan) => investorWeekFindings(plan));

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
export function shiftDetails(plan: Plan, shiftId: string): ShiftDetails | null {
  const shift = plan.shifts.find((s) => s.id === shiftId);
  if (!shift) return null;
  const zone = plan.rotation.timeZone;
  const from = localDateOf(shift.start, zone);
  // The end is exclusive: a shift ending Monday 00:00 does not touch Monday.
  const to = localDateOf(msToInstant(instantMs(shift.end) - 1), zone);
  const holidays = calendarHolidays(plan, from, to);
  const findings = allFindings(plan).filter(
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
export function momentDetails(plan: Plan, instant: string, allDay: boolean): MomentDetails {
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
      shifts: plan.shifts.filter((s) => s.layerId === l.id && spansOverlap(s, day)),
    })),
    holidays: calendarHolidays(plan, date, date),
    timeOff: timeOffDuring(plan, day.start, day.end),
    investorWeek: investorWeeks(plan.coverage.investorWeek.rule, date, date)[0] ?? null,
    findings: allFindings(plan).filter((f) => spansOverlap(f, day)),
  };
}

/** Why someone cannot simply take a shift: away, or already on call in another layer then. */
function busyReason(plan: Plan, memberId: string, span: Shift): string | null {
  const away = timeOffConflicts(plan, memberId, span.start, span.end);
  if (away.length > 0) return `time off ${away[0]!.timeOff.start} – ${away[0]!.timeOff.end}`;
  const elsewhere = plan.shifts.find(
    (s) => s.memberId === memberId && s.layerId !== span.layerId && spansOverlap(s, span),
  );
  if (elsewhere) {
    const layer = plan.rotation.layers.find((l) => l.id === elsewhere.layerId)?.name ?? elsewhere.layerId;
    return `on call in ${layer} then`;
  }
  return null;
}

/**
 * One teammate as "find a swap" sees them: free to take the shift or not (and why not), and the nearest of their
 * own shifts in the same layer that the two could trade, when the shift's person is free for it.
 */
export type SwapCandidate = {
  memberId: string;
  busy: string | null;
  trade: Shift | null;
  tradeBusy: string | null;
};

/**
 * Who could take a shift: every other member, free ones first, each with the nearest shift of theirs in the same
 * layer to trade (the one closest in time, unpinned) and whether the shift's person could take that one back.
 * Why: the manager's question is "who is free, and what do they get in return?".
 */
export function swapCandidates(plan: Plan, shiftId: string): SwapCandidate[] {
  const shift = plan.shifts.find((s) => s.id === shiftId);
  if (!shift) return [];
  const at = instantMs(shift.start);
  const out = plan.members
    .filter((m) => m.id !== shift.memberId)
    .map((m): SwapCandidate => {
      const theirs = plan.shifts
        .filter((s) => s.layerId === shift.layerId && s.memberId === m.id && !s.pinned)
        .sort((a, b) => Math.abs(instantMs(a.start) - at) - Math.abs(instantMs(b.start) - at));
      const trade = theirs[0] ?? null;
      return {
        memberId: m.id,
        busy: busyReason(plan, m.id, shift),
        trade,
        tradeBusy: trade ? busyReason(plan, shift.memberId, trade) : null,
      };
    });
  const rank = (c: SwapCandidate) => (c.busy ? 2 : 0) + (c.tradeBusy || !c.trade ? 1 : 0);
  return out.sort((a, b) => rank(a) - rank(b));
}
