import { resolveWindow } from '../fairness/window';
import type { Plan, Shift } from '../plan/schema';
import { rotationSlots } from '../rotation/generate-shifts';
import { withoutShadows } from '../rotation/shadow-shifts';
import { investorWeeks } from '../rotation/investor-weeks';
import { isPlainLayer } from '../rotation/layer-rotations';
import { isKeptShift } from '../rotation/schedule-shifts';
import { TurnsTable } from '../rotation/turns';
import { intersectAll, mergeIntervals } from '../time/intervals';
import type { ZoneClock } from '../time/zone-clock';
import { addDays, instantMs, isoWeekday, msToInstant } from '../time/zoned';
import { spanIndex, type SpannedShift } from './span-index';

type Span = { start: number; end: number };

const cut = (a: Span, b: Span) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

/**
 * Checks a proposed plan's shifts against every hard rule the optimiser promises, straight from the plan and
 * without the roster model: over the rotation periods that start in the window, each layer is covered exactly
 * once (a layer of rotations within its rotations' windows), and each rotation's turns are held by its members; nobody is on call during their time off; nobody holds two layers at once; no run of consecutive periods
 * on a layer is longer than the plan allows; in a period touching an investor week the first layer is held by an
 * owner of an investor pipeline (when the plan asks); nobody holds more weekends than the plan's
 * `maxWeekendsPerMember` (or `options.maxWeekends`); every kept shift (pinned, manual, override) of `before` is
 * still there unchanged. Shadow shifts are no coverage and are left out of every rule but the last. Returns one sentence per broken rule, with dates; an empty list means all hold.
 * Why independent code: the tests trust a proposal only when this check, which shares nothing with the MILP,
 * agrees.
 */
export function checkPlanShifts(
  before: Plan,
  proposed: Plan,
  options: { from?: string; to?: string; maxWeekends?: number | null } = {},
  turns: TurnsTable = new TurnsTable(),
): string[] {
  const after = withoutShadows(proposed);
  const problems: string[] = [];
  const zone = after.rotation.timeZone;
  const window = resolveWindow(after, options);
  const clock = turns.clock;
  const allSlots = rotationSlots(after.rotation, clock).map((s) => ({
    ...s,
    span: { start: instantMs(s.start), end: instantMs(s.end) },
  }));
  const inWindow = allSlots.filter((s) => s.span.start >= window.startMs && s.span.start < window.endMs);
  const inWindowSet = new Set(inWindow);
  const windowStart = inWindow[0]?.span.start ?? 0;
  const windowEnd = inWindow[inWindow.length - 1]?.span.end ?? 0;
  const day = (ms: number) => clock.localDate(msToInstant(ms), zone);
  const layers = after.rotation.layers.filter((l) => l.memberOrder.length > 0);
  const limits = after.coverage.limits;
  const maxRun = limits.allowBackToBack ? limits.maxConsecutiveShifts : 1;
  const indexOf = new Map(
    layers.map((l) => [l.id, spanIndex(after.shifts.filter((s) => s.layerId === l.id))]),
  );

  for (const layer of layers) {
    const index = indexOf.get(layer.id)!;
    // A layer of rotations is on call in its rotations' windows only; a plain layer all the time.
    const ruled = isPlainLayer(layer) ? null : turns.layerTurns(after.rotation, layer).turns;
    const onCall = ruled ? mergeIntervals(ruled.flatMap((t) => t.allowed)) : null;
    for (const slot of inWindow) {
      const parts = index
        .overlapping(slot.span.start, slot.span.end)
        .map((x) => ({ x, start: Math.max(x.start, slot.span.start), end: Math.min(x.end, slot.span.end) }))
        .sort((a, b) => a.start - b.start);
      const needed = onCall ? intersectAll([slot.span], onCall) : [slot.span];
      for (const need of needed) {
        let at = need.start;
        for (const p of parts) {
          const start = Math.max(p.start, need.start);
          const end = Math.min(p.end, need.end);
          if (end <= start) continue;
          if (start > at) problems.push(`${layer.id} ${day(at)}: nobody on call from ${msToInstant(at)}`);
          if (start < at) problems.push(`${layer.id} ${day(start)}: ${p.x.shift.id} overlaps another shift`);
          at = Math.max(at, end);
        }
        if (at < need.end) problems.push(`${layer.id} ${day(at)}: nobody on call until the handoff`);
      }
    }
    // Each rotation's turn goes to members of that rotation only (kept shifts are a person's own decision).
    for (const turn of ruled ?? []) {
      if (!turn.allowed.some((a) => a.end > windowStart && a.start < windowEnd)) continue;
      for (const a of turn.allowed) {
        for (const x of index.overlapping(a.start, a.end)) {
          if (turn.members.includes(x.shift.memberId) || isKeptShift(x.shift)) continue;
          problems.push(
            `${layer.id} ${day(Math.max(a.start, x.start))}: ${x.shift.memberId} holds a turn of ${turn.rotationId} but is not in that rotation`,
          );
        }
      }
    }
    // Runs of consecutive periods held by one member (more than half of each period).
    const holder = allSlots.map((slot) => {
      const byMember = new Map<string, number>();
      for (const x of index.overlapping(slot.span.start, slot.span.end)) {
        byMember.set(x.shift.memberId, (byMember.get(x.shift.memberId) ?? 0) + cut(x, slot.span));
      }
      for (const [id, ms] of byMember) if (ms * 2 > slot.span.end - slot.span.start) return id;
      return null;
    });
    let runStart = 0;
    for (let i = 1; i <= allSlots.length; i++) {
      if (i < allSlots.length && holder[i] !== null && holder[i] === holder[i - 1]) continue;
      const length = i - runStart;
      const touches = allSlots.slice(runStart, i).some((s) => inWindowSet.has(s));
      if (holder[runStart] !== null && length > maxRun && touches) {
        problems.push(
          `${layer.id}: ${holder[runStart]} holds ${length} periods in a row from ${allSlots[runStart]!.startDate} (limit ${maxRun})`,
        );
      }
      runStart = i;
    }
  }

  const windowSpan = inWindow.length
    ? { start: inWindow[0]!.span.start, end: inWindow[inWindow.length - 1]!.span.end }
    : { start: 0, end: 0 };
  const relevant = spanIndex(after.shifts.filter((s) => indexOf.has(s.layerId))).overlapping(
    windowSpan.start,
    windowSpan.end,
  );
  const byMember = new Map<string, SpannedShift[]>();
  for (const x of relevant) byMember.set(x.shift.memberId, [...(byMember.get(x.shift.memberId) ?? []), x]);

  for (const member of after.members) {
    const mine = byMember.get(member.id) ?? [];
    const index = spanIndex(mine.map((x) => x.shift));
    for (const off of member.timeOff) {
      const away = {
        start: instantMs(clock.startOfLocalDay(off.start, member.timeZone)),
        end: instantMs(clock.startOfLocalDay(addDays(off.end, 1), member.timeZone)),
      };
      for (const x of index.overlapping(away.start, away.end)) {
        problems.push(
          `${x.shift.layerId} ${day(x.start)}: ${member.id} is on call during time off ${off.start} – ${off.end}`,
        );
      }
    }
    // Sorted by start: each shift can only overlap the ones that start before it ends.
    const sorted = index.all;
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length && sorted[j]!.start < sorted[i]!.end; j++) {
        if (sorted[i]!.shift.layerId !== sorted[j]!.shift.layerId) {
          problems.push(
            `${member.id} holds ${sorted[i]!.shift.layerId} and ${sorted[j]!.shift.layerId} at once from ${day(sorted[j]!.start)}`,
          );
        }
      }
    }
  }

  const rules = after.coverage.investorWeek;
  const first = after.rotation.layers[0];
  if (rules.requireInvestorOwnerAsPrimary && first && indexOf.has(first.id)) {
    const investor = new Set(after.pipelines.filter((p) => p.reportsToInvestors).map((p) => p.id));
    const owners = new Set(
      after.ownership
        .filter((o) => investor.has(o.pipelineId))
        .flatMap((o) => [o.primaryMemberId, o.secondaryMemberId])
        .filter((id): id is string => id !== null),
    );
    const index = indexOf.get(first.id)!;
    const weeks = investorWeeks(rules.rule, addDays(window.from, -7), addDays(window.to, 7)).map((w) => ({
      ...w,
      span: {
        start: instantMs(clock.startOfLocalDay(w.start, zone)),
        end: instantMs(clock.startOfLocalDay(addDays(w.end, 1), zone)),
      },
    }));
    for (const slot of inWindow) {
      const week = weeks.find((w) => cut(w.span, slot.span) > 0);
      if (!week) continue;
      for (const x of index.overlapping(slot.span.start, slot.span.end)) {
        if (owners.has(x.shift.memberId)) continue;
        problems.push(
          `${first.id} ${slot.startDate}: ${x.shift.memberId} owns no investor pipeline in the investor week ${week.start} – ${week.end}`,
        );
      }
    }
  }

  const maxWeekends =
    options.maxWeekends !== undefined ? options.maxWeekends : (after.rotation.maxWeekendsPerMember ?? null);
  if (maxWeekends !== null) problems.push(...weekendProblems(after, window, maxWeekends, clock));

  const now = new Map(proposed.shifts.map((s) => [s.id, s]));
  const same = (a: Shift, b: Shift) =>
    a.memberId === b.memberId &&
    instantMs(a.start) === instantMs(b.start) &&
    instantMs(a.end) === instantMs(b.end);
  for (const s of before.shifts) {
    if (!(s.pinned || s.source === 'manual' || s.source === 'override')) continue;
    const kept = now.get(s.id);
    if (!kept || !same(kept, s))
      problems.push(`kept shift ${s.id} (${s.memberId}, ${s.layerId}) was changed or removed`);
  }
  return problems;
}

/**
 * Members on call (any layer, any part) on more weekends of the window than `max`: a weekend is Saturday 00:00 to
 * Monday 00:00 in the plan's zone, clipped to the window, walked day by day here rather than shared with the model.
 */
function weekendProblems(
  plan: Plan,
  window: ReturnType<typeof resolveWindow>,
  max: number,
  clock: ZoneClock,
): string[] {
  const zone = plan.rotation.timeZone;
  const weekends: { saturday: string; span: Span }[] = [];
  for (let date = addDays(window.from, -1); date <= window.to; date = addDays(date, 1)) {
    if (isoWeekday(date) !== 6) continue;
    const span = {
      start: Math.max(window.startMs, instantMs(clock.startOfLocalDay(date, zone))),
      end: Math.min(window.endMs, instantMs(clock.startOfLocalDay(addDays(date, 2), zone))),
    };
    if (span.end > span.start) weekends.push({ saturday: date, span });
  }
  const problems: string[] = [];
  for (const member of plan.members) {
    const mine = plan.shifts
      .filter((s) => s.memberId === member.id)
      .map((s) => ({ start: instantMs(s.start), end: instantMs(s.end) }));
    const held = weekends.filter((w) => mine.some((s) => cut(s, w.span) > 0)).map((w) => w.saturday);
    if (held.length > max) {
      problems.push(`${member.id} is on call on ${held.length} weekends (limit ${max}): ${held.join(', ')}`);
    }
  }
  return problems;
}
