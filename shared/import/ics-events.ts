import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { isKnownTimeZone } from '../plan/schema';
import { MAX_ICS_EVENTS } from './ics-decode';
import { problem, type ImportProblem, type ImportWarningCode } from './import-problem';

/** A person an event names: an attendee, the organizer, or a name read from the summary. */
export type IcsPerson = { email: string | null; name: string | null };

/** One occurrence of one event, with its times as UTC instants (recurrences already expanded). */
export type IcsOccurrence = {
  uid: string;
  summary: string;
  description: string;
  start: string;
  end: string;
  attendees: IcsPerson[];
  organizer: IcsPerson | null;
};

/** What the calendar says about itself: who made it (PRODID) and its display name. */
export type IcsCalendarInfo = { prodId: string; name: string | null; timeZone: string | null };

/** Everything read from one file: the occurrences, the calendar's own facts, what was wrong and what was skipped. */
export type IcsReading = {
  calendar: IcsCalendarInfo;
  occurrences: IcsOccurrence[];
  /** Problems that make the file unusable (an import with any of these is refused). */
  errors: ImportProblem[];
  warnings: ImportProblem<ImportWarningCode>[];
};

/** Options for reading: where recurrences stop and which zone floating times are in. */
export type IcsReadOptions = {
  /** Recurring events are expanded up to this instant (or a year after their first start, when later). */
  expandUntil: string;
  /** Floating times (no zone, no Z) are read in this IANA zone, with a warning. */
  floatingZone: string;
};

/** Most occurrences one recurring event may produce, and most occurrences in all. */
export const MAX_OCCURRENCES_PER_EVENT = 2_000;
export const MAX_OCCURRENCES = 100_000;

const YEAR_MIN = 1970;
const YEAR_MAX = 2200;
const SUPPORTED_FREQUENCIES: readonly string[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];

type Zones = Map<string, InstanceType<typeof ICAL.Timezone>>;
type Time = InstanceType<typeof ICAL.Time>;
type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;

/** How a DTSTART/DTEND is zoned: UTC, a named zone, or floating. */
type Zoning = { kind: 'utc' } | { kind: 'zone'; tzid: string } | { kind: 'floating' };

function zoningOf(prop: Property | null): Zoning {
  if (!prop) return { kind: 'floating' };
  const tzid = prop.getParameter('tzid');
  const value = prop.getFirstValue() as Time | null;
  if (value && value.zone === ICAL.Timezone.utcTimezone) return { kind: 'utc' };
  if (typeof tzid === 'string' && tzid !== '') return { kind: 'zone', tzid };
  return { kind: 'floating' };
}

class ReadError extends Error {
  constructor(readonly problem: ImportProblem) {
    super(problem.message);
  }
}

/** The UTC instant of an ical.js wall-clock time in its zoning; Temporal does the zone arithmetic. */
type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** The wall-clock fields of an ical.js time (a leap second reads as :59). */
const wallOf = (t: Time): Wall => ({
  year: t.year,
  month: t.month,
  day: t.day,
  hour: t.hour,
  minute: t.minute,
  second: t.second,
});

function toInstant(time: Wall, zoning: Zoning, zones: Zones, options: IcsReadOptions, what: string): string {
  const fields = [time.year, time.month, time.day, time.hour, time.minute, time.second];
  if (!fields.every((f) => Number.isInteger(f))) {
    throw new ReadError(problem('no-times', `${what} has a date-time that is not a real time`));
  }
  if (time.year < YEAR_MIN || time.year > YEAR_MAX) {
    throw new ReadError(
      problem('out-of-range', `${what} is in the year ${time.year}; only ${YEAR_MIN}-${YEAR_MAX} is read`),
    );
  }
  const wall = clampWall(time);
  let zone: string;
  switch (zoning.kind) {
    case 'utc':
      zone = 'UTC';
      break;
    case 'floating':
      zone = options.floatingZone;
      break;
    case 'zone': {
      if (isKnownTimeZone(zoning.tzid)) {
        zone = zoning.tzid;
        break;
      }
      const defined = zones.get(zoning.tzid);
      if (!defined) {
        throw new ReadError(
          problem(
            'unknown-zone',
            `${what} uses the time zone "${zoning.tzid}", which is neither an IANA zone nor defined in the file`,
          ),
        );
      }
      // A zone the file defines itself (Outlook's "Pacific Standard Time"): its own VTIMEZONE rules decide.
      const seconds = ICAL.Time.fromData(wall, defined).toUnixTime();
      if (!Number.isFinite(seconds))
        throw new ReadError(problem('no-times', `${what} has a time its zone cannot place`));
      return Temporal.Instant.fromEpochMilliseconds(seconds * 1000).toString();
    }
  }
  try {
    return Temporal.PlainDateTime.from(wall, { overflow: 'reject' })
      .toZonedDateTime(zone, { disambiguation: 'compatible' })
      .toInstant()
      .toString();
  } catch {
    throw new ReadError(problem('no-times', `${what} has a date-time that is not a real time`));
  }
}

/** A wall time Temporal accepts as given (a leap second reads as :59; other out-of-range fields stay to be refused). */
function clampWall(wall: Wall): Wall {
  return { ...wall, second: Math.min(wall.second, 59) };
}

/** A person from an ATTENDEE or ORGANIZER property: `mailto:` address and CN. */
function personOf(prop: Property): IcsPerson {
  const value = String(prop.getFirstValue() ?? '').trim();
  const address = value.replace(/^mailto:/i, '').trim();
  const cn = prop.getParameter('cn');
  const name = typeof cn === 'string' && cn.trim() !== '' ? cn.trim() : null;
  const email = /^[^\s@]+@[^\s@]+$/.test(address)
    ? address
    : name && /^[^\s@]+@[^\s@]+$/.test(name)
      ? name
      : null;
  return { email, name: name && name !== email ? name : null };
}

const text = (component: Component, name: string): string => {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : '';
};

/** Reads one VEVENT (with the exceptions that share its UID) into occurrences; throws ReadError when unusable. */
function readEvent(
  master: Component,
  exceptions: Component[],
  zones: Zones,
  options: IcsReadOptions,
  warn: (code: ImportWarningCode, message: string) => void,
  budget: { left: number },
): IcsOccurrence[] {
  const uid = text(master, 'uid') || '(no UID)';
  const summary = text(master, 'summary');
  const what = `the event "${summary || uid}"`;
  if (text(master, 'status').toUpperCase() === 'CANCELLED') {
    warn('cancelled-skipped', `${what} is cancelled and was skipped`);
    return [];
  }
  const dtstart = master.getFirstProperty('dtstart');
  if (!dtstart) throw new ReadError(problem('no-times', `${what} has no start time (DTSTART)`));
  const start = dtstart.getFirstValue() as Time | null;
  if (!start || typeof start !== 'object' || typeof start.isDate !== 'boolean') {
    throw new ReadError(problem('no-times', `${what} has a start time that is not a date-time`));
  }
  if (start.isDate) {
    warn('all-day-skipped', `${what} is an all-day event and was skipped (shifts need start and end times)`);
    return [];
  }
  const dtend = master.getFirstProperty('dtend');
  if (!dtend && !master.hasProperty('duration')) {
    throw new ReadError(problem('no-times', `${what} has no end time (DTEND or DURATION)`));
  }
  const startZoning = zoningOf(dtstart);
  const endZoning = dtend ? zoningOf(dtend) : startZoning;
  if (startZoning.kind === 'floating') {
    warn('floating-time', `some events have no time zone; they were read in ${options.floatingZone}`);
  }
  const event = new ICAL.Event(master, { exceptions, strictExceptions: true });
  const attendees = master.getAllProperties('attendee').map(personOf);
  const organizerProp = master.getFirstProperty('organizer');
  const base = {
    uid,
    summary,
    description: text(master, 'description'),
    attendees,
    organizer: organizerProp ? personOf(organizerProp) : null,
  };

  const occurrence = (
    startWall: Wall,
    endWall: Wall,
    zonings: [Zoning, Zoning],
    item: InstanceType<typeof ICAL.Event>,
  ): IcsOccurrence => {
    const s = toInstant(startWall, zonings[0], zones, options, what);
    const e = toInstant(endWall, zonings[1], zones, options, what);
    const order = Temporal.Instant.compare(e, s);
    if (order < 0)
      throw new ReadError(problem('end-before-start', `${what} ends (${e}) before it starts (${s})`));
    if (order === 0) throw new ReadError(problem('end-before-start', `${what} ends when it starts (${s})`));
    const own = item.component === master ? base : { ...base, summary: item.summary || base.summary };
    return { ...own, start: s, end: e };
  };

  if (!event.isRecurring()) {
    const end = event.endDate;
    if (!end || end.isDate !== false)
      throw new ReadError(problem('no-times', `${what} has an end that is not a date-time`));
    budget.left -= 1;
    return [occurrence(wallOf(start), wallOf(end), [startZoning, endZoning], event)];
  }

  const rule = master.getFirstPropertyValue('rrule') as { freq?: string } | null;
  if (rule && !SUPPORTED_FREQUENCIES.includes(String(rule.freq).toUpperCase())) {
    throw new ReadError(
      problem(
        'bad-recurrence',
        `${what} repeats ${String(rule.freq ?? 'without a frequency').toLowerCase()}; only daily, weekly, monthly and yearly repeats are read`,
      ),
    );
  }
  // Every repeat keeps the master's wall-clock length (09:00 Monday to 09:00 Monday across a DST change), as
  // calendar apps show it; ical.js would add the exact length and move the handoff by an hour.
  const masterEnd = event.endDate;
  if (!masterEnd || masterEnd.isDate !== false)
    throw new ReadError(problem('no-times', `${what} has an end that is not a date-time`));
  let length: Temporal.Duration;
  try {
    length = Temporal.PlainDateTime.from(clampWall(wallOf(start))).until(
      Temporal.PlainDateTime.from(clampWall(wallOf(masterEnd))),
      { largestUnit: 'days' },
    );
  } catch {
    throw new ReadError(problem('no-times', `${what} has a date-time that is not a real time`));
  }
  const limit = Temporal.Instant.from(options.expandUntil);
  const firstStart = Temporal.Instant.from(toInstant(wallOf(start), startZoning, zones, options, what));
  const oneYearOn = firstStart.add({ hours: 24 * 366 });
  const until = Temporal.Instant.compare(oneYearOn, limit) > 0 ? oneYearOn : limit;
  const out: IcsOccurrence[] = [];
  const iterator = event.iterator();
  for (;;) {
    let next: Time | null;
    try {
      next = iterator.next();
    } catch (error) {
      throw new ReadError(
        problem(
          'bad-recurrence',
          `${what} has a repeat rule that cannot be expanded (${(error as Error).message})`,
        ),
      );
    }
    if (!next) break;
    const details = event.getOccurrenceDetails(next);
    if (text(details.item.component, 'status').toUpperCase() === 'CANCELLED') continue;
    const exception = details.item.component !== master;
    let o: IcsOccurrence;
    if (exception) {
      const own = details.item.component;
      const ownStart = own.getFirstProperty('dtstart');
      const ownEnd = own.getFirstProperty('dtend');
      const zoning = ownStart ? zoningOf(ownStart) : startZoning;
      o = occurrence(
        wallOf(details.startDate),
        wallOf(details.endDate),
        [zoning, ownEnd ? zoningOf(ownEnd) : zoning],
        details.item,
      );
    } else {
      let endWall: Wall;
      try {
        const end = Temporal.PlainDateTime.from(clampWall(wallOf(details.startDate))).add(length);
        endWall = {
          year: end.year,
          month: end.month,
          day: end.day,
          hour: end.hour,
          minute: end.minute,
          second: end.second,
        };
      } catch {
        throw new ReadError(problem('out-of-range', `${what} repeats beyond the dates Rotaplan reads`));
      }
      o = occurrence(wallOf(details.startDate), endWall, [startZoning, endZoning], details.item);
    }
    if (Temporal.Instant.compare(o.start, until) >= 0) {
      warn(
        'recurrence-cut',
        `${what} repeats beyond ${until.toString().slice(0, 10)}; later repeats were not read`,
      );
      break;
    }
    out.push(o);
    budget.left -= 1;
    if (out.length >= MAX_OCCURRENCES_PER_EVENT) {
      warn(
        'recurrence-cut',
        `${what} repeats more than ${MAX_OCCURRENCES_PER_EVENT} times; later repeats were not read`,
      );
      break;
    }
    if (budget.left <= 0) {
      throw new ReadError(
        problem('too-many-events', `the file expands to more than ${MAX_OCCURRENCES} shifts`),
      );
    }
  }
  return out;
}

const emptyReading = (errors: ImportProblem[]): IcsReading => ({
  calendar: { prodId: '', name: null, timeZone: null },
  occurrences: [],
  errors,
  warnings: [],
});

/**
 * Reads iCalendar text with ical.js into occurrences with UTC instants: recurrences expanded within a bounded
 * window, exceptions (RECURRENCE-ID) and EXDATEs honoured, all-day and cancelled events skipped with a warning.
 * Why it never throws: a hostile or broken file is the user's input, and the answer is a list of named problems.
 */
export function readIcsEvents(icsText: string, options: IcsReadOptions): IcsReading {
  const veventCount = (icsText.match(/^BEGIN:VEVENT\s*$/gim) ?? []).length;
  if (veventCount > MAX_ICS_EVENTS) {
    return emptyReading([
      problem(
        'too-many-events',
        `the file holds ${veventCount.toLocaleString('en-US')} events; at most ${MAX_ICS_EVENTS.toLocaleString('en-US')} are read`,
      ),
    ]);
  }
  let root: Component;
  try {
    const parsed: unknown = ICAL.parse(icsText);
    // Several VCALENDARs in one file come back as an array; the first one is read.
    const first = Array.isArray(parsed) && Array.isArray(parsed[0]) ? parsed[0] : parsed;
    root = new ICAL.Component(first as never);
  } catch (error) {
    return emptyReading([
      problem('parse-error', `the file is not valid iCalendar: ${(error as Error).message}`),
    ]);
  }
  if (root.name !== 'vcalendar') {
    return emptyReading([
      problem('not-icalendar', `the file holds a ${root.name.toUpperCase()}, not a VCALENDAR`),
    ]);
  }
  const calendar: IcsCalendarInfo = {
    prodId: text(root, 'prodid'),
    name: text(root, 'x-wr-calname') || null,
    timeZone: text(root, 'x-wr-timezone') || null,
  };
  const errors: ImportProblem[] = [];
  const warnings: ImportProblem<ImportWarningCode>[] = [];
  const warned = new Set<string>();
  const warn = (code: ImportWarningCode, message: string) => {
    if (warned.has(message)) return;
    warned.add(message);
    if (warnings.length < 50) warnings.push(problem(code, message));
  };

  const zones: Zones = new Map();
  for (const vtimezone of root.getAllSubcomponents('vtimezone')) {
    try {
      const tzid = text(vtimezone, 'tzid');
      if (tzid) zones.set(tzid, new ICAL.Timezone(vtimezone));
    } catch {
      // A broken VTIMEZONE only matters if an event uses it; that event then names the zone as unknown.
    }
  }

  const vevents = root.getAllSubcomponents('vevent');
  if (vevents.length === 0) {
    return {
      calendar,
      occurrences: [],
      errors: [problem('no-events', 'the calendar has no events (VEVENT)')],
      warnings,
    };
  }
  // Exceptions (RECURRENCE-ID) belong to the master event with the same UID.
  const masters: Component[] = [];
  const exceptionsByUid = new Map<string, Component[]>();
  for (const v of vevents) {
    if (v.hasProperty('recurrence-id')) {
      const uid = text(v, 'uid');
      exceptionsByUid.set(uid, [...(exceptionsByUid.get(uid) ?? []), v]);
    } else masters.push(v);
  }
  const occurrences: IcsOccurrence[] = [];
  const budget = { left: MAX_OCCURRENCES };
  for (const master of masters) {
    try {
      occurrences.push(
        ...readEvent(master, exceptionsByUid.get(text(master, 'uid')) ?? [], zones, options, warn, budget),
      );
    } catch (error) {
      const p =
        error instanceof ReadError
          ? error.problem
          : problem(
              'parse-error',
              `the event "${text(master, 'summary') || text(master, 'uid') || '(no UID)'}" cannot be read: ${(error as Error).message}`,
            );
      errors.push(p);
      if (p.code === 'too-many-events' || errors.length >= 20) break;
    }
  }
  return { calendar, occurrences, errors, warnings };
}
