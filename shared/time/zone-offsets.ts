import { Temporal } from 'temporal-polyfill';
import type { Plan } from '../plan/schema';

/** From `from` (epoch ms) until the next period (or the table's end) the zone is `offsetMinutes` ahead of UTC. */
export type OffsetPeriod = { from: number; offsetMinutes: number };

/**
 * The UTC offsets of one zone over [from, to) (epoch ms) as this runtime's time-zone data has them: one period
 * per stretch of constant offset, the first starting at `from`. `known` is false (and `periods` empty) when the
 * runtime does not know the zone at all.
 */
export type ZoneOffsetTable = {
  zone: string;
  known: boolean;
  from: number;
  to: number;
  periods: OffsetPeriod[];
};

/** Where two runtimes' rules disagree about one zone: [from, to) epoch ms, and the offset each side has. */
export type OffsetDisagreement = {
  zone: string;
  from: number;
  to: number;
  /** Minutes ahead of UTC on this side and on the other; null where that side does not know the zone. */
  here: number | null;
  there: number | null;
};

const MINUTE_NS = 60_000_000_000;

function knowsZone(zone: string): boolean {
  try {
    Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The offset periods of `zone` over [fromMs, toMs) from this runtime's rules (Temporal over its Intl data).
 * Why a table of periods: two runtimes (Node's ICU in the main process, Chromium's in a window) can carry
 * different tz data, and comparing two piecewise-constant offset functions is exact and cheap.
 */
export function zoneOffsetTable(zone: string, fromMs: number, toMs: number): ZoneOffsetTable {
  if (!knowsZone(zone)) return { zone, known: false, from: fromMs, to: toMs, periods: [] };
  let cursor = Temporal.Instant.fromEpochMilliseconds(fromMs).toZonedDateTimeISO(zone);
  const periods: OffsetPeriod[] = [{ from: fromMs, offsetMinutes: cursor.offsetNanoseconds / MINUTE_NS }];
  for (;;) {
    const next = cursor.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds >= toMs) break;
    const offsetMinutes = next.offsetNanoseconds / MINUTE_NS;
    if (offsetMinutes !== periods[periods.length - 1]!.offsetMinutes) {
      periods.push({ from: next.epochMilliseconds, offsetMinutes });
    }
    cursor = next;
  }
  return { zone, known: true, from: fromMs, to: toMs, periods };
}

function offsetAt(table: ZoneOffsetTable, ms: number): number | null {
  if (!table.known) return null;
  let offset = table.periods[0]!.offsetMinutes;
  for (const p of table.periods) {
    if (p.from > ms) break;
    offset = p.offsetMinutes;
  }
  return offset;
}

/**
 * Every stretch of time where two offset tables of the same zones disagree, in the order of `here`'s zones and
 * then by time; adjacent stretches with the same two offsets are joined. Only the span both tables cover counts.
 * Why: a window and the main process that disagree about a zone's offset place the same wall-clock time at
 * different instants; the user must be told which zone and which dates.
 */
export function compareOffsetTables(here: ZoneOffsetTable[], there: ZoneOffsetTable[]): OffsetDisagreement[] {
  const out: OffsetDisagreement[] = [];
  for (const mine of here) {
    const theirs = there.find((t) => t.zone === mine.zone);
    if (!theirs) continue;
    const from = Math.max(mine.from, theirs.from);
    const to = Math.min(mine.to, theirs.to);
    if (!(to > from)) continue;
    const cuts = [
      from,
      ...[...mine.periods, ...theirs.periods].map((p) => p.from).filter((ms) => ms > from && ms < to),
    ];
    const bounds = [...new Set(cuts)].sort((a, b) => a - b);
    bounds.forEach((start, i) => {
      const end = bounds[i + 1] ?? to;
      const a = offsetAt(mine, start);
      const b = offsetAt(theirs, start);
      if (a === b) return;
      const last = out[out.length - 1];
      if (last && last.zone === mine.zone && last.to === start && last.here === a && last.there === b) {
        last.to = end;
      } else {
        out.push({ zone: mine.zone, from: start, to: end, here: a, there: b });
      }
    });
  }
  return out;
}

/** An offset as people write it: `UTC−08:00`, `UTC+05:30`, `UTC±00:00`. */
export function formatUtcOffset(minutes: number): string {
  const sign = minutes > 0 ? '+' : minutes < 0 ? '−' : '±';
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * One disagreement as a sentence naming the zone, the dates (UTC, inclusive) and each side's offset, e.g.
 * "America/Vancouver from 2026-11-01 to 2027-03-14: this window says UTC−07:00, the main process says UTC−08:00".
 */
export function describeDisagreement(d: OffsetDisagreement, hereName: string, thereName: string): string {
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const side = (name: string, minutes: number | null) =>
    minutes === null ? `${name} does not know the zone` : `${name} says ${formatUtcOffset(minutes)}`;
  return `${d.zone} from ${day(d.from)} to ${day(d.to - 1)}: ${side(hereName, d.here)}, ${side(thereName, d.there)}`;
}

/**
 * The zones a plan's times are read in (the rotation's, each member's, each cron pipeline's), sorted, and the span
 * of dates to check them over: the rotation horizon and every shift, a day of margin on each side.
 * Why: these are the zones in which a wrong offset would move a handoff, a night or a local day.
 */
export function planZoneSpan(plan: Plan): { zones: string[]; from: string; to: string } {
  const zones = new Set<string>([plan.rotation.timeZone, ...plan.members.map((m) => m.timeZone)]);
  for (const p of plan.pipelines) if (p.schedule.timeZone) zones.add(p.schedule.timeZone);
  let from = plan.rotation.startDate;
  let to = plan.rotation.endDate;
  for (const s of plan.shifts) {
    if (s.start.slice(0, 10) < from) from = s.start.slice(0, 10);
    if (s.end.slice(0, 10) > to) to = s.end.slice(0, 10);
  }
  const shift = (date: string, days: number) => Temporal.PlainDate.from(date).add({ days }).toString();
  return { zones: [...zones].sort(), from: shift(from, -1), to: shift(to, 1) };
}
