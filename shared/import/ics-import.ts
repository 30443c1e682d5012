import { Temporal } from 'temporal-polyfill';
import type { Plan } from '../plan/schema';
import { zonedToInstant } from '../time/zoned';
import { decodeIcsInput } from './ics-decode';
import { readIcsEvents, type IcsCalendarInfo, type IcsPerson } from './ics-events';
import type { ImportProblem, ImportWarningCode } from './import-problem';
import { guessLayer, mappingKey, matchMember, personKey, personLabel, type MatchedBy } from './match-members';
import { detectVendor, readOnCall, type Vendor } from './vendors';

/** One on-call entry read from the file: when, who (as the file says and as matched), and on which layer. */
export type ImportEntry = {
  uid: string;
  summary: string;
  start: string;
  end: string;
  personKey: string;
  layerId: string;
  /** The member this entry belongs to; null while the person is unknown. */
  memberId: string | null;
  /**
   * A learner's shadow shift, not on call: the summary ends in "(shadow)", as Rotaplan's iCalendar export marks
   * them. Imported as a shadow shift, never as coverage.
   */
  shadow: boolean;
};

/** A person the file names, with how many entries they hold and the member they were matched to. */
export type ImportPerson = {
  key: string;
  label: string;
  name: string | null;
  email: string | null;
  entryCount: number;
  memberId: string | null;
  matchedBy: MatchedBy | null;
};

/** The outcome of importing a schedule file. `ok` is false when `errors` is not empty; nothing is ever thrown. */
export type IcsImportResult = {
  ok: boolean;
  errors: ImportProblem[];
  warnings: ImportProblem<ImportWarningCode>[];
  vendor: Vendor;
  calendar: IcsCalendarInfo;
  entries: ImportEntry[];
  people: ImportPerson[];
  /** People no member matched (the user maps them or their entries are left out), most entries first. */
  unknown: ImportPerson[];
  /** The span of the entries that will become shifts; null when none can (no entry is mapped). */
  window: { start: string; end: string } | null;
};

/** Options: the user's mappings (e-mail, name or person key → member id) and where recurrences stop. */
export type IcsImportOptions = {
  map?: Readonly<Record<string, string>>;
  /** Recurring events are expanded up to this instant; default: the plan's rotation end. */
  expandUntil?: string;
};

const failed = (
  errors: ImportProblem[],
  warnings: ImportProblem<ImportWarningCode>[] = [],
  calendar?: IcsCalendarInfo,
): IcsImportResult => ({
  ok: false,
  errors,
  warnings,
  vendor: 'generic',
  calendar: calendar ?? { prodId: '', name: null, timeZone: null },
  entries: [],
  people: [],
  unknown: [],
  window: null,
});

/** The plan's rotation end as an instant: where recurring events stop by default. */
function rotationEnd(plan: Plan): string {
  try {
    return zonedToInstant(plan.rotation.endDate, plan.rotation.handoff.time, plan.rotation.timeZone);
  } catch {
    return Temporal.Instant.from('2100-01-01T00:00:00Z').toString();
  }
}

/**
 * Imports an on-call schedule exported as iCalendar (PagerDuty, Opsgenie, Grafana OnCall, GoAlert, Google Calendar
 * or any calendar) against a plan: reads and expands the events, tells which tool made it, matches each person to
 * a member (mapping, e-mail, name), guesses each entry's layer, and lists who is unknown with their entry counts.
 * Why a result and never a throw: the input is whatever file the user dropped; every way it can be wrong comes
 * back as a named problem the dialog and the CLI can show, and the plan is never touched here.
 */
export function importIcs(
  input: string | Uint8Array,
  plan: Plan,
  options: IcsImportOptions = {},
): IcsImportResult {
  try {
    return importUnsafe(input, plan, options);
  } catch (error) {
    // The readers name every expected problem; this is the net under the library for what nobody foresaw.
    return failed([
      { code: 'parse-error', message: `the file could not be read: ${(error as Error).message}` },
    ]);
  }
}

/** How Rotaplan's iCalendar export ends the summary of a shadow shift ("On call (Primary): Dana (shadow)"). */
const SHADOW_MARK = /\s*\(shadow\)\s*$/i;

function importUnsafe(input: string | Uint8Array, plan: Plan, options: IcsImportOptions): IcsImportResult {
  const decoded = decodeIcsInput(input);
  if (!decoded.ok) return failed([decoded.problem]);
  const reading = readIcsEvents(decoded.text, {
    expandUntil: options.expandUntil ?? rotationEnd(plan),
    floatingZone: plan.rotation.timeZone,
  });
  if (reading.errors.length > 0) return failed(reading.errors, reading.warnings, reading.calendar);
  if (reading.occurrences.length === 0) {
    const why =
      reading.warnings.length > 0
        ? ` (${reading.warnings
            .map((w) => w.message)
            .slice(0, 2)
            .join('; ')})`
        : '';
    return failed(
      [{ code: 'no-events', message: `the calendar has no timed events to import${why}` }],
      reading.warnings,
      reading.calendar,
    );
  }
  const vendor = detectVendor(reading.calendar, reading.occurrences);
  const map = new Map(Object.entries(options.map ?? {}).map(([k, v]) => [mappingKey(k), v]));
  const people = new Map<string, ImportPerson>();
  const entries: ImportEntry[] = [];
  for (const o of reading.occurrences) {
    const shadow = SHADOW_MARK.test(o.summary);
    // The mark is no part of the person's name.
    const read = shadow ? { ...o, summary: o.summary.replace(SHADOW_MARK, '') } : o;
    const { person, layerText } = readOnCall(vendor, read, reading.calendar);
    const key = personKey(person);
    let known = people.get(key);
    if (!known) {
      known = newPerson(plan, person, key, map);
      people.set(key, known);
    }
    known.entryCount += 1;
    entries.push({
      uid: o.uid,
      summary: o.summary,
      start: o.start,
      end: o.end,
      personKey: key,
      layerId: guessLayer(plan.rotation.layers, `${layerText} ${o.summary}`),
      memberId: known.memberId,
      shadow,
    });
  }
  entries.sort((a, b) => Temporal.Instant.compare(a.start, b.start) || a.layerId.localeCompare(b.layerId));
  const list = [...people.values()];
  const window = windowOf(entries);
  return {
    ok: true,
    errors: [],
    warnings: reading.warnings,
    vendor,
    calendar: reading.calendar,
    entries,
    people: list,
    unknown: list
      .filter((p) => p.memberId === null)
      .sort((a, b) => b.entryCount - a.entryCount || a.label.localeCompare(b.label)),
    window,
  };
}

/** The span of the mapped entries (those that become shifts); null when none is mapped. */
function windowOf(entries: readonly ImportEntry[]): IcsImportResult['window'] {
  let window: IcsImportResult['window'] = null;
  for (const e of entries) {
    if (e.memberId === null) continue;
    if (!window) window = { start: e.start, end: e.end };
    else {
      if (Temporal.Instant.compare(e.start, window.start) < 0) window.start = e.start;
      if (Temporal.Instant.compare(e.end, window.end) > 0) window.end = e.end;
    }
  }
  return window;
}

function newPerson(
  plan: Plan,
  person: IcsPerson,
  key: string,
  map: ReadonlyMap<string, string>,
): ImportPerson {
  const match = matchMember(plan.members, person, map);
  return {
    key,
    label: personLabel(person),
    name: person.name,
    email: person.email,
    entryCount: 0,
    memberId: match?.memberId ?? null,
    matchedBy: match?.by ?? null,
  };
}

/** The same import with more mappings (the dialog's mapping table): re-matched without reading the file again. */
export function remapImport(
  result: IcsImportResult,
  plan: Plan,
  map: Readonly<Record<string, string>>,
): IcsImportResult {
  if (!result.ok) return result;
  const lookup = new Map(Object.entries(map).map(([k, v]) => [mappingKey(k), v]));
  const people = result.people.map((p) => {
    const match = matchMember(plan.members, { name: p.name, email: p.email }, lookup);
    return { ...p, memberId: match?.memberId ?? null, matchedBy: match?.by ?? null };
  });
  const byKey = new Map(people.map((p) => [p.key, p]));
  const entries = result.entries.map((e) => ({ ...e, memberId: byKey.get(e.personKey)?.memberId ?? null }));
  return {
    ...result,
    people,
    entries,
    unknown: people
      .filter((p) => p.memberId === null)
      .sort((a, b) => b.entryCount - a.entryCount || a.label.localeCompare(b.label)),
    window: windowOf(entries),
  };
}
