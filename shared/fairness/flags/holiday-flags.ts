import { instantMs } from '../../time/zoned';
import { coverMember, holidayAt, type MemberContext } from '../plan-context';
import { resolveHolidayRule } from '../../time/major-holidays';
import { dateOfEpochDay, dayIndexAt } from '../zone-days';
import type { Flag } from './flag';
import {
  describeShift,
  iso,
  layerName,
  nameOf,
  onCallAt,
  onTimeOff,
  overlapping,
  type AnalysisContext,
} from './analysis-context';
import { describeMove, proposeMove } from './swap-search';
import type { ShiftInfo } from '../ledger';

function regionOf(mc: MemberContext): string {
  const r = mc.member.holidayRegion;
  return r.subdivision ? `${r.country}-${r.subdivision}` : r.country;
}

type HolidayHit = { day: number; name: string; start: number; end: number };

/** The member's own holidays that a shift touches (local days in their zone), clipped to the window. */
function holidaysIn(ac: AnalysisContext, mc: MemberContext, s: ShiftInfo): HolidayHit[] {
  coverMember(ac.ctx, mc, s.clipStartMs, s.clipEndMs);
  const days = mc.days;
  const out: HolidayHit[] = [];
  for (let i = dayIndexAt(days, s.clipStartMs); i < days.length && days.start[i]! < s.clipEndMs; i++) {
    const name = mc.holidays.get(days.firstDay + i);
    if (name === undefined) continue;
    const start = Math.max(days.start[i]!, s.clipStartMs);
    const end = Math.min(days.start[i + 1]!, s.clipEndMs);
    if (end > start) out.push({ day: days.firstDay + i, name, start, end });
  }
  return out;
}

/**
 * holiday-on-call (info): a member is on call on a public holiday of their own region. It is already weighted in
 * their load; the flag makes it visible. One flag per member and holiday, on the first shift that touches it.
 */
export function holidayOnCallFlags(ac: AnalysisContext): Flag[] {
  const flags: Flag[] = [];
  for (const [memberId, list] of ac.byMember) {
    const mc = ac.ctx.members.get(memberId)!;
    const seen = new Set<number>();
    for (const s of list) {
      for (const h of holidaysIn(ac, mc, s)) {
        if (seen.has(h.day)) continue;
        seen.add(h.day);
        flags.push({
          kind: 'holiday-on-call',
          severity: 'info',
          message: `${nameOf(ac, memberId)} is on call (${layerName(ac, s.layerIndex)}) on ${h.name}, ${dateOfEpochDay(h.day)}, a public holiday in ${regionOf(mc)}`,
          start: iso(h.start),
          end: iso(h.end),
          memberId,
          shiftId: s.shift.id,
          layerId: s.shift.layerId,
        });
      }
    }
  }
  return flags;
}

/**
 * holiday-on-call (warning): the same person is primary on a major holiday two years running, judged from
 * coverage.holidays.history plus the primary on call at 12:00 (plan zone) on each major holiday in the window.
 * The fix hands the shift to someone who did not cover that holiday the year before.
 */
export function majorHolidayFlags(ac: AnalysisContext): Flag[] {
  const policy = ac.plan.coverage.holidays;
  const zone = ac.plan.rotation.timeZone;
  const duty = new Map<string, string>();
  for (const h of policy.history) duty.set(`${h.holidayId}|${h.year}`, h.memberId);
  const found: { holidayId: string; name: string; year: number; date: string; shift: ShiftInfo }[] = [];
  const firstYear = Number(ac.ledger.window.from.slice(0, 4));
  const lastYear = Number(ac.ledger.window.to.slice(0, 4));
  for (const h of policy.majorHolidays) {
    for (let year = firstYear; year <= lastYear; year++) {
      const date = resolveHolidayRule(ac.ctx.tables.calendar, h.rule, year);
      if (date === null || date < ac.ledger.window.from || date > ac.ledger.window.to) continue;
      const noon = instantMs(ac.ctx.tables.calendar.clock.zonedToInstant(date, '12:00', zone));
      const primary = onCallAt(ac, 0, noon)[0];
      if (!primary) continue;
      duty.set(`${h.id}|${year}`, primary.shift.memberId);
      found.push({ holidayId: h.id, name: h.name, year, date, shift: primary });
    }
  }
  const flags: Flag[] = [];
  for (const f of found) {
    const memberId = f.shift.shift.memberId;
    if (duty.get(`${f.holidayId}|${f.year - 1}`) !== memberId) continue;
    const move = proposeMove(ac, f.shift, {
      accept: (id) =>
        duty.get(`${f.holidayId}|${f.year - 1}`) !== id && duty.get(`${f.holidayId}|${f.year - 2}`) !== id,
    });
    flags.push({
      kind: 'holiday-on-call',
      severity: 'warning',
      message: `${nameOf(ac, memberId)} covered ${f.name} in ${f.year - 1} and is primary on call again on ${f.date}`,
      start: iso(f.shift.clipStartMs),
      end: iso(f.shift.clipEndMs),
      memberId,
      shiftId: f.shift.shift.id,
      layerId: f.shift.shift.layerId,
      fix: move
        ? describeMove(ac, move)
        : `nobody who skipped ${f.name} in ${f.year - 1} is free for ${describeShift(ac, f.shift)}: cover ${f.date} alone with a one-day override by someone else`,
      ...(move ? { action: move } : {}),
    });
  }
  return flags;
}

/**
 * holiday-gap (warning): the primary is on call on a public holiday of their own region and no backup is working:
 * every later-layer shift then belongs to someone also on holiday or on time off (or there is none). The fix names
 * a member for whom the day is a working day, when there is one.
 */
export function holidayGapFlags(ac: AnalysisContext): Flag[] {
  const flags: Flag[] = [];
  const seen = new Set<string>();
  const laterLayers = ac.byLayer.slice(1);
  for (const s of ac.byLayer[0] ?? []) {
    const memberId = s.shift.memberId;
    const mc = ac.ctx.members.get(memberId);
    if (!mc) continue;
    for (const h of holidaysIn(ac, mc, s)) {
      const key = `${memberId}|${h.day}`;
      if (seen.has(key)) continue;
      const mid = (h.start + h.end) / 2;
      const backups = laterLayers.flatMap((list) => overlapping(list, h.start, h.end));
      const working = backups.filter((b) => {
        const bc = ac.ctx.members.get(b.shift.memberId);
        return bc && !onTimeOff(ac, bc.member.id, h.start, h.end) && holidayAt(ac.ctx, bc, mid) === undefined;
      });
      if (working.length > 0) continue;
      seen.add(key);
      const date = dateOfEpochDay(h.day);
      const others = ac.plan.members.filter((m) => {
        if (m.id === memberId) return false;
        const oc = ac.ctx.members.get(m.id)!;
        return !onTimeOff(ac, m.id, h.start, h.end) && holidayAt(ac.ctx, oc, mid) === undefined;
      });
      const backupText =
        backups.length === 0
          ? 'and nobody is on a backup layer'
          : `and the backup ${[...new Set(backups.map((b) => nameOf(ac, b.shift.memberId)))].join(', ')} is off too`;
      flags.push({
        kind: 'holiday-gap',
        severity: 'warning',
        message: `${h.name} (${date}): ${nameOf(ac, memberId)} is primary on a public holiday in ${regionOf(mc)} ${backupText}`,
        start: iso(h.start),
        end: iso(h.end),
        memberId,
        shiftId: s.shift.id,
        layerId: s.shift.layerId,
        fix:
          others.length > 0
            ? `${others.map((m) => `${nameOf(ac, m.id)} (${regionOf(ac.ctx.members.get(m.id)!)})`).join(', ')} work${others.length === 1 ? 's' : ''} that day: make ${others.length === 1 ? 'them' : 'one of them'} the backup for ${date}`
            : `the whole team has ${date} off: agree holiday cover in advance and pay it back with a later week`,
      });
    }
  }
  return flags;
}
