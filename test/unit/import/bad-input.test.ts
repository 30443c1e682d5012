import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importIcs } from '../../../shared/import/ics-import';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

const PLAN = createSamplePlan('2027-01-01T00:00:00.000Z');
const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../fixtures/ics', name)));
const errorsOf = (input: string | Uint8Array) => {
  const r = importIcs(input, PLAN);
  expect(r.ok).toBe(false);
  expect(r.entries).toEqual([]);
  return r.errors.map((e) => [e.code, e.message]);
};

const CAL = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Test//EN', ...lines, 'END:VCALENDAR', ''].join('\r\n');
const EVENT = (...lines: string[]) => [
  'BEGIN:VEVENT',
  'UID:t-1',
  'SUMMARY:On call: Maya',
  ...lines,
  'END:VEVENT',
];

describe('bad schedule files give named errors, never a throw', () => {
  it.each([
    [
      'junk-not-ics.ics',
      'not-icalendar',
      'not an iCalendar file: it starts with "Name,Start,End" instead of BEGIN:VCALENDAR',
    ],
    [
      'junk-utf16.ics',
      'utf-16',
      'the file is UTF-16 text; iCalendar files are UTF-8 (save it again as UTF-8)',
    ],
    [
      'junk-binary.ics',
      'binary',
      'the file contains NUL bytes: it is a binary file (or UTF-16), not iCalendar text',
    ],
    ['junk-invalid-utf8.ics', 'invalid-utf8', 'the file is not valid UTF-8 text; iCalendar files are UTF-8'],
    ['junk-no-events.ics', 'no-events', 'the calendar has no events (VEVENT)'],
    ['junk-no-times.ics', 'no-times', 'the event "On call: Maya" has no start time (DTSTART)'],
    [
      'junk-end-before-start.ics',
      'end-before-start',
      'the event "On call: Maya" ends (2027-03-01T17:00:00Z) before it starts (2027-03-08T17:00:00Z)',
    ],
    [
      'junk-truncated.ics',
      'parse-error',
      'the file is not valid iCalendar: invalid ical body. component began but did not end',
    ],
  ])('%s → %s', (file, code, message) => {
    expect(errorsOf(fixture(file))).toEqual([[code, message]]);
  });

  it('an empty file and a file over 20 MB', () => {
    expect(errorsOf('')).toEqual([
      ['not-icalendar', 'the file is empty; expected an iCalendar file starting with BEGIN:VCALENDAR'],
    ]);
    const huge = new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41);
    expect(errorsOf(huge)).toEqual([
      ['too-large', 'the file is 20.0 MB; schedule files over 20 MB are refused'],
    ]);
  });

  it('text a browser decoded from bad UTF-8 (replacement characters) is refused as invalid UTF-8', () => {
    expect(
      errorsOf(
        CAL(...EVENT('DTSTART:20270301T170000Z', 'DTEND:20270308T170000Z')).replace('Maya', 'Ma\uFFFDya'),
      ),
    ).toEqual([
      [
        'invalid-utf8',
        'the file is not valid UTF-8 text (it holds replacement characters); iCalendar files are UTF-8',
      ],
    ]);
  });

  it('more than 100,000 events is refused before parsing', () => {
    const one = EVENT('DTSTART:20270301T170000Z', 'DTEND:20270308T170000Z').join('\r\n');
    const text = CAL(Array.from({ length: 100_001 }, () => one).join('\r\n'));
    expect(errorsOf(text)).toEqual([
      ['too-many-events', 'the file holds 100,001 events; at most 100,000 are read'],
    ]);
  });

  it('an event without an end, one ending when it starts, an unknown zone, a minutely repeat', () => {
    expect(errorsOf(CAL(...EVENT('DTSTART:20270301T170000Z')))).toEqual([
      ['no-times', 'the event "On call: Maya" has no end time (DTEND or DURATION)'],
    ]);
    expect(errorsOf(CAL(...EVENT('DTSTART:20270301T170000Z', 'DTEND:20270301T170000Z')))).toEqual([
      ['end-before-start', 'the event "On call: Maya" ends when it starts (2027-03-01T17:00:00Z)'],
    ]);
    expect(
      errorsOf(
        CAL(...EVENT('DTSTART;TZID=Mars/Olympus:20270301T090000', 'DTEND;TZID=Mars/Olympus:20270308T090000')),
      ),
    ).toEqual([
      [
        'unknown-zone',
        'the event "On call: Maya" uses the time zone "Mars/Olympus", which is neither an IANA zone nor defined in the file',
      ],
    ]);
    expect(
      errorsOf(CAL(...EVENT('DTSTART:20270301T170000Z', 'DTEND:20270301T180000Z', 'RRULE:FREQ=MINUTELY'))),
    ).toEqual([
      [
        'bad-recurrence',
        'the event "On call: Maya" repeats minutely; only daily, weekly, monthly and yearly repeats are read',
      ],
    ]);
    expect(errorsOf(CAL(...EVENT('DTSTART:30270301T170000Z', 'DTEND:30270308T170000Z')))).toEqual([
      ['out-of-range', 'the event "On call: Maya" is in the year 3027; only 1970-2200 is read'],
    ]);
  });

  it('only all-day events: nothing to import, and it says why', () => {
    expect(errorsOf(CAL(...EVENT('DTSTART;VALUE=DATE:20270301', 'DTEND;VALUE=DATE:20270302')))).toEqual([
      [
        'no-events',
        'the calendar has no timed events to import (the event "On call: Maya" is an all-day event and was skipped (shifts need start and end times))',
      ],
    ]);
  });

  it('an endless daily repeat is cut at the plan horizon (or a year on) with a warning', () => {
    const r = importIcs(
      CAL(...EVENT('DTSTART:20270104T170000Z', 'DTEND:20270105T170000Z', 'RRULE:FREQ=DAILY')),
      PLAN,
    );
    expect(r.ok).toBe(true);
    // The rotation ends 2028-01-03 17:00Z; a year on from the first start (366 days) is later: 2028-01-05 17:00Z.
    expect(r.entries).toHaveLength(366);
    expect(r.entries.at(-1)!.start).toBe('2028-01-04T17:00:00Z');
    expect(r.warnings.map((w) => w.code)).toEqual(['recurrence-cut']);
  });

  it('floating times are read in the plan zone with a warning', () => {
    const r = importIcs(CAL(...EVENT('DTSTART:20270301T090000', 'DTEND:20270308T090000')), PLAN);
    expect(r.entries.map((e) => [e.start, e.end])).toEqual([
      ['2027-03-01T17:00:00Z', '2027-03-08T17:00:00Z'],
    ]);
    expect(r.warnings).toEqual([
      {
        code: 'floating-time',
        message: 'some events have no time zone; they were read in America/Los_Angeles',
      },
    ]);
  });
});
