import { checkPlanShifts } from '../optimize/check-plan-shifts';
import type { Plan } from '../plan/schema';
import { shiftsOverlapping } from '../plan/shift-index';
import { ZoneClock } from '../time/zone-clock';
import { addDays, instantMs, isoWeekday, msToInstant } from '../time/zoned';
import type { EditConsequence } from './edit-consequences';
import { isShadowShift } from './shadow-shifts';
import { TurnsTable } from './turns';

/** Member and layer ids in a rule sentence replaced by their names, so the user reads "Maya Chen", not "maya". */
function withNames(plan: Plan, sentence: string): string {
  const names = new Map<string, string>([
    ...plan.members.map((m) => [m.id, m.name] as const),
    ...plan.rotation.layers.map((l) => [l.id, l.name] as const),
  ]);
  return sentence.replace(/[A-Za-z0-9][\w-]*/g, (word) => names.get(word) ?? word);
}

/** The Saturdays (plan-local dates) of the weekends a member is on call in any part of. */
function weekendsOf(plan: Plan, memberId: string, clock: ZoneClock): Set<string> {
  const zone = plan.rotation.timeZone;
  const out = new Set<string>();
  for (const s of plan.shifts) {
    if (s.memberId !== memberId || isShadowShift(s)) continue;
    const last = clock.localDate(msToInstant(instantMs(s.end) - 1), zone);
    for (let date = clock.localDate(s.start, zone); date <= last; date = addDays(date, 1)) {
      const weekday = isoWeekday(date);
      if (weekday === 6) out.add(date);
      else if (weekday === 7) out.add(addDays(date, -1));
    }
  }
  return out;
}

/**
 * The hard rules an edit newly breaks, in words with names: back-to-back runs longer than the plan allows, one
 * person on two layers at once, an investor week's first layer held by someone who owns no investor pipeline,
 * more weekends than `maxWeekendsPerMember` for someone whose shifts changed. Time off is left out (the calendar
 * asks about it in its own dialog), and so are the kept shifts the edit itself changes; a rule already broken
 * before counts only when the edit breaks it anew (a weekend count that grows).
 * Why: a drop that breaks a rule must say so when it happens, not only later in the Fairness view. The optimiser's
 * independent check is run only over the periods around the changed shifts (a drop on a two-year plan of hourly
 * shifts must not check the whole plan twice). `clock`: the caller's zone clock (the app's holiday calendar's).
 */
export function editRuleBreaks(
  before: Plan,
  after: Plan,
  changes: EditConsequence[],
  clock = new ZoneClock(),
): string[] {
  const sides = changes.flatMap((c) => [c.before, c.after]).filter((s) => s !== null);
  if (sides.length === 0) return [];
  const zone = after.rotation.timeZone;
  const limits = after.coverage.limits;
  const reach =
    after.rotation.shiftLengthDays * ((limits.allowBackToBack ? limits.maxConsecutiveShifts : 1) + 1);
  const from = addDays(
    clock.localDate(
      sides.reduce((a, s) => (instantMs(s.start) < instantMs(a) ? s.start : a), sides[0]!.start),
      zone,
    ),
    -reach,
  );
  const to = addDays(
    clock.localDate(
      sides.reduce((a, s) => (instantMs(s.end) > instantMs(a) ? s.end : a), sides[0]!.end),
      zone,
    ),
    reach,
  );
  const window = { from, to, maxWeekends: null };
  // Only the shifts around the window take part: the check indexes every shift it is given.
  const fromMs = instantMs(clock.startOfLocalDay(addDays(from, -reach), zone));
  const toMs = instantMs(clock.startOfLocalDay(addDays(to, reach), zone));
  const near = (plan: Plan): Plan => ({ ...plan, shifts: shiftsOverlapping(plan.shifts, fromMs, toMs) });
  const [was, now] = [near(before), near(after)];
  const turns = new TurnsTable(clock);
  const old = new Set(checkPlanShifts(was, was, window, turns));
  const breaks = checkPlanShifts(was, now, window, turns).filter(
    (p) => !old.has(p) && !p.startsWith('kept shift ') && !p.includes('during time off'),
  );
  const max = after.rotation.maxWeekendsPerMember;
  if (max !== undefined && max !== null) {
    for (const memberId of new Set(sides.map((s) => s.memberId))) {
      const now = weekendsOf(after, memberId, clock).size;
      if (now > max && now > weekendsOf(before, memberId, clock).size) {
        breaks.push(`${memberId} is on call on ${now} weekends (limit ${max})`);
      }
    }
  }
  return breaks.map((p) => withNames(after, p));
}
