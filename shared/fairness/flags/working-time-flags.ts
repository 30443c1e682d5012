import { coverMember } from '../plan-context';
import type { ShiftInfo } from '../ledger';
import { dateOfEpochDay, dayIndexAt, HOUR_MS } from '../zone-days';
import type { Flag } from './flag';
import { describeShift, iso, nameOf, planDateTime, type AnalysisContext } from './analysis-context';
import { describeMove, proposeMove } from './swap-search';

const DAY = 24 * HOUR_MS;
const WEEK = 7 * DAY;
/** The EU directive's daily rest and average week, and the reference period it averages over. */
const EU_DAILY_REST_H = 11;
const EU_AVERAGE_WEEK_H = 48;
const EU_REFERENCE_WEEKS = 17;
const EU_NOTE =
  ' (EU Working Time Directive preset, counting on-call time as working time: a check of the plan, not legal advice)';

/** A stretch a member is on call without a break (touching or overlapping shifts on any layer merged). */
type Block = { start: number; end: number; shifts: ShiftInfo[] };

function blocksOf(list: readonly ShiftInfo[]): Block[] {
  const sorted = [...list].sort((a, b) => a.clipStartMs - b.clipStartMs);
  const out: Block[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.clipStartMs <= last.end) {
      last.end = Math.max(last.end, s.clipEndMs);
      last.shifts.push(s);
    } else out.push({ start: s.clipStartMs, end: s.clipEndMs, shifts: [s] });
  }
  return out;
}

/** Milliseconds of [a, b) covered by the blocks. */
function coveredMs(blocks: readonly Block[], a: number, b: number): number {
  let total = 0;
  for (const k of blocks) total += Math.max(0, Math.min(b, k.end) - Math.max(a, k.start));
  return total;
}

/** The fix sentence and action for giving away `target`: the move search of the other rules. */
function fixFor(ac: AnalysisContext, target: ShiftInfo): Pick<Flag, 'fix' | 'action'> {
  const move = target.shift.pinned ? null : proposeMove(ac, target);
  return move
    ? { fix: describeMove(ac, move), action: move }
    : { fix: `nobody is free to take ${describeShift(ac, target)}: add a member to the rotation` };
}

/** The member's shift overlapping [a, b) that starts last (giving it away relieves that stretch most often). */
function lastShiftIn(blocks: readonly Block[], a: number, b: number): ShiftInfo | undefined {
  let best: ShiftInfo | undefined;
  for (const k of blocks) {
    for (const s of k.shifts)
      if (s.clipStartMs < b && s.clipEndMs > a && (!best || s.clipStartMs > best.clipStartMs)) best = s;
  }
  return best;
}

/**
 * working-hours (warning): more on-call hours in a rolling window than the plan allows — `maxHoursPer7Days` in any
 * 7 days, and with `euDirective` more than 48 h a week on average over 17 weeks (or the whole window when shorter).
 * One flag per member and limit at the first window over it, with a move of the last shift in that window.
 */
function hoursFlags(ac: AnalysisContext, memberId: string, blocks: Block[]): Flag[] {
  const wt = ac.plan.workingTime!;
  const win = ac.ledger.window;
  const limits: { span: number; maxMs: number; label: (h: number) => string; note: string }[] = [];
  if (wt.maxHoursPer7Days !== undefined) {
    limits.push({
      span: WEEK,
      maxMs: wt.maxHoursPer7Days * HOUR_MS,
      label: (h) => `${Math.round(h * 10) / 10} h on call in the 7 days`,
      note: ` (the plan allows ${wt.maxHoursPer7Days} h)`,
    });
  }
  if (wt.euDirective) {
    const span = Math.min(EU_REFERENCE_WEEKS * WEEK, win.endMs - win.startMs);
    const weeks = span / WEEK;
    limits.push({
      span,
      maxMs: EU_AVERAGE_WEEK_H * HOUR_MS * weeks,
      label: (h) =>
        `${Math.round((h / weeks) * 10) / 10} h a week on average over the ${Math.round(weeks * 10) / 10} weeks`,
      note: ` (at most ${EU_AVERAGE_WEEK_H} h)${EU_NOTE}`,
    });
  }
  const flags: Flag[] = [];
  for (const limit of limits) {
    for (const k of blocks) {
      const end = Math.min(k.start + limit.span, win.endMs);
      const ms = coveredMs(blocks, k.start, end);
      if (ms <= limit.maxMs) continue;
      const target = lastShiftIn(blocks, k.start, end)!;
      flags.push({
        kind: 'working-hours',
        severity: 'warning',
        message: `${nameOf(ac, memberId)} has ${limit.label(ms / HOUR_MS)} from ${planDateTime(ac, k.start)}${limit.note}`,
        start: iso(k.start),
        end: iso(end),
        memberId,
        shiftId: target.shift.id,
        layerId: target.shift.layerId,
        ...fixFor(ac, target),
      });
      break;
    }
  }
  return flags;
}

/**
 * consecutive-days (warning): a member is on call on more local days in a row (member's zone) than
 * `maxConsecutiveDays`. One flag per run, on the shift holding the first day over the limit.
 */
function consecutiveDayFlags(ac: AnalysisContext, memberId: string, blocks: Block[]): Flag[] {
  const max = ac.plan.workingTime!.maxConsecutiveDays;
  const mc = ac.ctx.members.get(memberId);
  if (max === undefined || !mc || blocks.length === 0) return [];
  coverMember(ac.ctx, mc, blocks[0]!.start, blocks[blocks.length - 1]!.end);
  const days = mc.days;
  const onCall = new Set<number>();
  for (const k of blocks) {
    for (let i = dayIndexAt(days, k.start); i < days.length && days.start[i]! < k.end; i++) onCall.add(i);
  }
  const sorted = [...onCall].sort((a, b) => a - b);
  const flags: Flag[] = [];
  let runStart = 0;
  for (let j = 1; j <= sorted.length; j++) {
    if (j < sorted.length && sorted[j] === sorted[j - 1]! + 1) continue;
    const length = j - runStart;
    if (length > max) {
      const first = sorted[runStart]!;
      const over = first + max;
      const a = days.start[over]!;
      const target = lastShiftIn(blocks, a, days.start[over + 1]!)!;
      flags.push({
        kind: 'consecutive-days',
        severity: 'warning',
        message: `${nameOf(ac, memberId)} is on call ${length} days in a row from ${dateOfEpochDay(days.firstDay + first)} (their zone; the plan allows ${max})`,
        start: iso(days.start[first]!),
        end: iso(days.start[sorted[j - 1]! + 1]!),
        memberId,
        shiftId: target.shift.id,
        layerId: target.shift.layerId,
        ...fixFor(ac, target),
      });
    }
    runStart = j;
  }
  return flags;
}

/**
 * short-rest (warning): too little time off call — fewer than `minRestAfterNightHours` between an on-call stretch
 * holding night hours and the next one, and with `euDirective` no 11 consecutive hours off call in the 24 hours
 * from the start of a stretch. The fix moves the shift that cuts the rest short.
 */
function restFlags(ac: AnalysisContext, memberId: string, blocks: Block[]): Flag[] {
  const wt = ac.plan.workingTime!;
  const flags: Flag[] = [];
  const name = nameOf(ac, memberId);
  blocks.forEach((k, i) => {
    const next = blocks[i + 1];
    const night = k.shifts.some((s) => s.load.nightHours > 0);
    if (wt.minRestAfterNightHours !== undefined && next && night) {
      const rest = (next.start - k.end) / HOUR_MS;
      if (rest < wt.minRestAfterNightHours) {
        const target = next.shifts[0]!;
        flags.push({
          kind: 'short-rest',
          severity: 'warning',
          message: `${name} has ${Math.round(rest * 10) / 10} h off call after a stretch with night hours ending ${planDateTime(ac, k.end)} (the plan asks for ${wt.minRestAfterNightHours} h)`,
          start: iso(k.end),
          end: iso(next.start),
          memberId,
          shiftId: target.shift.id,
          layerId: target.shift.layerId,
          ...fixFor(ac, target),
        });
      }
    }
    if (wt.euDirective) {
      const end = k.start + DAY;
      let longest = 0;
      let cursor = k.start;
      for (const o of blocks.slice(i)) {
        if (o.start >= end) break;
        longest = Math.max(longest, o.start - cursor);
        cursor = Math.max(cursor, o.end);
      }
      longest = Math.max(longest, end - Math.min(cursor, end));
      if (longest < EU_DAILY_REST_H * HOUR_MS) {
        const target = lastShiftIn(blocks, k.start, end)!;
        flags.push({
          kind: 'short-rest',
          severity: 'warning',
          message: `${name} has no ${EU_DAILY_REST_H} h off call in the 24 h from ${planDateTime(ac, k.start)}${EU_NOTE}`,
          start: iso(k.start),
          end: iso(end),
          memberId,
          shiftId: target.shift.id,
          layerId: target.shift.layerId,
          ...fixFor(ac, target),
        });
      }
    }
  });
  return flags;
}

/**
 * The working-time flags (working-hours, consecutive-days, short-rest) of the plan's optional `workingTime`
 * limits; none when the plan sets none. On-call time on every layer counts, merged where shifts touch.
 * Why flags: the same list, fixes and `--fail-on` as every other rule, so a plan that breaks a limit is caught
 * before the month happens.
 */
export function workingTimeFlags(ac: AnalysisContext): Flag[] {
  if (!ac.plan.workingTime) return [];
  const flags: Flag[] = [];
  for (const [memberId, list] of ac.byMember) {
    const blocks = blocksOf(list);
    flags.push(
      ...hoursFlags(ac, memberId, blocks),
      ...consecutiveDayFlags(ac, memberId, blocks),
      ...restFlags(ac, memberId, blocks),
    );
  }
  return flags;
}
