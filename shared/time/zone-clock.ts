import { Temporal } from 'temporal-polyfill';
import { instantMs, plainEpochDay } from './zoned';

const SECOND_MS = 1000;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** The stretch of time one table of clock changes covers. */
const CHUNK_MS = 365 * DAY_MS;
/** Tables are kept for these years only (earlier and later instants go to Temporal): ISO years print as 4 digits. */
const FIRST_MS = Date.UTC(1900, 0, 1);
const LAST_MS = Date.UTC(2200, 0, 1);
/**
 * Questions about a zone Temporal answers alone before its clock changes are tabulated: a clock asked a few times
 * (a fresh one for one call) costs no more than Temporal.
 */
const TABULATE_AFTER = 8;
/** Answers kept before the memory starts again. */
const MEMO_LIMIT = 50_000;

/** A wall-clock time as plans write it: HH:MM or HH:MM:SS. */
const PLAIN_TIME = /^\d\d:\d\d(:\d\d)?$/;

/**
 * The UTC offsets of one zone over [start, start + CHUNK_MS), as Temporal has them: `offsets[0]` at `start`,
 * `offsets[i + 1]` from the clock change `changes[i]` (epoch ms, ascending) on.
 */
type Chunk = { start: number; offsets: number[]; changes: number[] };

/** Two digits at `at` as a number. */
const twoDigits = (s: string, at: number) => (s.charCodeAt(at) - 48) * 10 + s.charCodeAt(at + 1) - 48;

/**
 * Wall-clock times in time zones, exactly as Temporal gives them ('compatible' disambiguation: a time a clock change
 * skips moves forward, a repeated time takes the earlier instant), remembered for as long as the caller keeps
 * this object: each zone's clock changes, year by year, and the answers given (up to a bound).
 * Why an object the caller owns: the Temporal polyfill reads zone rules slowly, and a rotation converts thousands
 * of handoffs and day starts on every regeneration, mostly the same ones again. Away from a clock change a zone's
 * offset is constant, so the answer is arithmetic on a table of its changes (found with Temporal's
 * `getTimeZoneTransition`); within a day of one, and for a zone asked about only a few times, Temporal itself
 * answers. The app's holiday calendar, the analysis worker and each CLI run hold one (see `HolidayCalendar.clock`),
 * so nothing is shared behind their backs and a test starts clean.
 */
export class ZoneClock {
  /** Per zone, its tables by chunk number; null for a zone Temporal does not know (it keeps answering with errors). */
  private readonly zones = new Map<string, Map<number, Chunk> | null>();
  /** Questions asked about each zone not tabulated yet. */
  private readonly asked = new Map<string, number>();
  private readonly memo = new Map<string, string>();

  /** The UTC instant (ISO string, `Z`) of a wall-clock date and time in a zone; see `zonedToInstant` in zoned.ts. */
  zonedToInstant(date: string, time: string, timeZone: string): string {
    return this.remember(`${date}T${time}@${timeZone}`, () => {
      const local = localMs(date, time);
      const offset = local === null ? null : this.steadyOffset(timeZone, local - DAY_MS, local + DAY_MS);
      if (offset !== null) return isoInstant(local! - offset);
      return Temporal.PlainDateTime.from(`${date}T${time}`)
        .toZonedDateTime(timeZone, { disambiguation: 'compatible' })
        .toInstant()
        .toString();
    });
  }

  /**
   * `zonedToInstant` as epoch milliseconds.
   * Why: the engine compares handoffs and windows as numbers; away from a clock change no string is made or read.
   */
  zonedMs(date: string, time: string, timeZone: string): number {
    const local = localMs(date, time);
    const offset = local === null ? null : this.steadyOffset(timeZone, local - DAY_MS, local + DAY_MS);
    return offset !== null ? local! - offset : instantMs(this.zonedToInstant(date, time, timeZone));
  }

  /** The instant a local date begins (its first moment, usually 00:00) in a zone; see `startOfLocalDay` in zoned.ts. */
  startOfLocalDay(date: string, timeZone: string): string {
    return this.remember(`${date}@${timeZone}`, () => {
      const local = localMs(date, '00:00');
      const offset = local === null ? null : this.steadyOffset(timeZone, local - DAY_MS, local + DAY_MS);
      if (offset !== null) return isoInstant(local! - offset);
      return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).toInstant().toString();
    });
  }

  /** The local date (YYYY-MM-DD) of an instant in a zone; see `localDate` in zoned.ts. */
  localDate(instant: string, timeZone: string): string {
    return this.remember(`${instant}#date@${timeZone}`, () => {
      const local = this.localOf(instant, timeZone);
      if (local !== null) return new Date(local).toISOString().slice(0, 10);
      return Temporal.Instant.from(instant).toZonedDateTimeISO(timeZone).toPlainDate().toString();
    });
  }

  /** The local date and time of an instant in a zone as `YYYY-MM-DDTHH:MM`; see `localDateTime` in zoned.ts. */
  localDateTime(instant: string, timeZone: string): string {
    return this.remember(`${instant}#datetime@${timeZone}`, () => {
      const local = this.localOf(instant, timeZone);
      if (local !== null) return new Date(local).toISOString().slice(0, 16);
      return Temporal.Instant.from(instant)
        .toZonedDateTimeISO(timeZone)
        .toPlainDateTime()
        .toString({ smallestUnit: 'minute' });
    });
  }

  /** Wall-clock epoch ms (local fields read as if UTC) of an instant in a zone, or null when Temporal must answer. */
  private localOf(instant: string, timeZone: string): number | null {
    let ms: number;
    try {
      ms = instantMs(instant);
    } catch {
      return null;
    }
    const offset = this.steadyOffset(timeZone, ms, ms);
    return offset === null ? null : ms + offset;
  }

  /**
   * The UTC offset (ms) the zone has at every instant of [from, to], or null when it changes in between, the span
   * lies outside the tables' years, or Temporal does not know the zone.
   */
  private steadyOffset(timeZone: string, from: number, to: number): number | null {
    if (!(from >= FIRST_MS && to < LAST_MS)) return null;
    let offset: number | null = null;
    for (let k = Math.floor(from / CHUNK_MS); k <= Math.floor(to / CHUNK_MS); k++) {
      const chunk = this.chunk(timeZone, k);
      if (!chunk) return null;
      // The offset at max(from, chunk start), then no change may fall in (that, to].
      const at = Math.max(from, chunk.start);
      let i = 0;
      while (i < chunk.changes.length && chunk.changes[i]! <= at) i++;
      const here = chunk.offsets[i]!;
      if (offset !== null && here !== offset) return null;
      if (i < chunk.changes.length && chunk.changes[i]! <= to) return null;
      offset = here;
    }
    return offset;
  }

  /**
   * The table of chunk `k` of a zone, worked out once; null when Temporal does not know the zone or the zone is
   * not tabulated yet.
   */
  private chunk(timeZone: string, k: number): Chunk | null {
    let chunks = this.zones.get(timeZone);
    if (chunks === undefined) {
      const asked = (this.asked.get(timeZone) ?? 0) + 1;
      this.asked.set(timeZone, asked);
      if (asked <= TABULATE_AFTER) return null;
      this.asked.delete(timeZone);
      try {
        Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone);
        chunks = new Map();
      } catch {
        chunks = null;
      }
      this.zones.set(timeZone, chunks);
    }
    if (chunks === null) return null;
    let chunk = chunks.get(k);
    if (!chunk) {
      chunk = clockChanges(timeZone, k * CHUNK_MS);
      chunks.set(k, chunk);
    }
    return chunk;
  }

  private remember(key: string, compute: () => string): string {
    let value = this.memo.get(key);
    if (value === undefined) {
      if (this.memo.size > MEMO_LIMIT) this.memo.clear();
      value = compute();
      this.memo.set(key, value);
    }
    return value;
  }
}

/** A zone's offset at `start` and its clock changes in [start, start + CHUNK_MS), from Temporal. */
function clockChanges(timeZone: string, start: number): Chunk {
  let cursor = Temporal.Instant.fromEpochMilliseconds(start).toZonedDateTimeISO(timeZone);
  const offsets = [cursor.offsetNanoseconds / 1e6];
  const changes: number[] = [];
  for (;;) {
    const next = cursor.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds >= start + CHUNK_MS) break;
    changes.push(next.epochMilliseconds);
    offsets.push(next.offsetNanoseconds / 1e6);
    cursor = next;
  }
  return { start, offsets, changes };
}

/**
 * Wall-clock epoch ms of a plain YYYY-MM-DD date and an HH:MM[:SS] time (fields read as if UTC), or null for any
 * other form (Temporal reads those, and refuses what is not real).
 */
function localMs(date: string, time: string): number | null {
  const day = plainEpochDay(date);
  if (day === null || !PLAIN_TIME.test(time)) return null;
  const hours = twoDigits(time, 0);
  const minutes = twoDigits(time, 3);
  const seconds = time.length === 8 ? twoDigits(time, 6) : 0;
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return day * DAY_MS + hours * HOUR_MS + minutes * MINUTE_MS + seconds * SECOND_MS;
}

/** Temporal's form of a whole-second instant: `YYYY-MM-DDTHH:MM:SSZ`. */
function isoInstant(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19) + 'Z';
}
