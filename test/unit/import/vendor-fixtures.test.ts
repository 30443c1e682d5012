import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importIcs, type IcsImportResult } from '../../../shared/import/ics-import';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

const PLAN = createSamplePlan('2027-01-01T00:00:00.000Z');
const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../fixtures/ics', name)));

/** Entries as rows: start, end, layer, member (null when unknown). */
const rows = (r: IcsImportResult) => r.entries.map((e) => [e.start, e.end, e.layerId, e.memberId]);
const people = (r: IcsImportResult) => r.people.map((p) => [p.key, p.entryCount, p.memberId, p.matchedBy]);

describe('vendor exports import with exact entries, members and instants', () => {
  it('PagerDuty: schedule feed, e-mail from attendee or description, name-only falls back to the name', () => {
    const r = importIcs(fixture('pagerduty.ics'), PLAN);
    expect(r.ok).toBe(true);
    expect(r.vendor).toBe('pagerduty');
    expect(r.calendar.name).toBe('On Call Schedule for Data Platform');
    expect(rows(r)).toEqual([
      ['2027-03-01T17:00:00Z', '2027-03-08T17:00:00Z', 'primary', 'maya'],
      ['2027-03-01T17:00:00Z', '2027-03-08T17:00:00Z', 'secondary', 'sam'],
      ['2027-03-08T17:00:00Z', '2027-03-15T16:00:00Z', 'primary', 'diego'],
      ['2027-03-08T17:00:00Z', '2027-03-15T16:00:00Z', 'secondary', null],
      ['2027-03-15T16:00:00Z', '2027-03-22T16:00:00Z', 'primary', null],
      ['2027-03-22T16:00:00Z', '2027-03-29T16:00:00Z', 'primary', 'priya'],
      ['2027-03-29T16:00:00Z', '2027-04-05T16:00:00Z', 'primary', 'maya'],
    ]);
    expect(people(r)).toEqual([
      ['maya.chen@pacificinfra.example', 2, 'maya', 'email'],
      ['diego.alvarez@pacificinfra.example', 1, 'diego', 'email'],
      ['alex.kim@contractors.example', 2, null, null],
      ['name:priya raman', 1, 'priya', 'name'],
      ['sam.okafor@pacificinfra.example', 1, 'sam', 'email'],
    ]);
    expect(r.unknown.map((p) => [p.label, p.entryCount])).toEqual([
      ['Alex Kim <alex.kim@contractors.example>', 2],
    ]);
    expect(r.window).toEqual({ start: '2027-03-01T17:00:00Z', end: '2027-04-05T16:00:00Z' });
    expect(r.warnings).toEqual([]);
  });

  it('Opsgenie: zoned times through the file VTIMEZONE, rotation names as layers', () => {
    const r = importIcs(fixture('opsgenie.ics'), PLAN);
    expect(r.vendor).toBe('opsgenie');
    expect(rows(r)).toEqual([
      ['2027-04-05T16:00:00Z', '2027-04-12T16:00:00Z', 'primary', 'diego'],
      ['2027-04-05T16:00:00Z', '2027-04-12T16:00:00Z', 'secondary', 'sam'],
      ['2027-04-12T16:00:00Z', '2027-04-19T16:00:00Z', 'primary', 'priya'],
      ['2027-04-12T16:00:00Z', '2027-04-19T16:00:00Z', 'secondary', 'maya'],
    ]);
    expect(r.unknown).toEqual([]);
    expect(r.people.every((p) => p.matchedBy === 'email')).toBe(true);
  });

  it('Grafana OnCall: [L1]/[L2] as layers, usernames matched by first name, e-mail local part or full name', () => {
    const r = importIcs(fixture('grafana-oncall.ics'), PLAN);
    expect(r.vendor).toBe('grafana-oncall');
    expect(rows(r)).toEqual([
      ['2027-05-03T16:00:00Z', '2027-05-10T16:00:00Z', 'primary', 'maya'],
      ['2027-05-03T16:00:00Z', '2027-05-10T16:00:00Z', 'secondary', 'sam'],
      ['2027-05-10T16:00:00Z', '2027-05-17T16:00:00Z', 'primary', 'diego'],
      ['2027-05-10T16:00:00Z', '2027-05-17T16:00:00Z', 'secondary', null],
      ['2027-05-17T16:00:00Z', '2027-05-24T16:00:00Z', 'secondary', null],
    ]);
    expect(r.unknown.map((p) => [p.key, p.label, p.entryCount])).toEqual([
      ['name:ops robot', 'ops-robot', 2],
    ]);
    expect(r.window).toEqual({ start: '2027-05-03T16:00:00Z', end: '2027-05-17T16:00:00Z' });
  });

  it('GoAlert: full-schedule names; a personal entry without a name is the calendar owner to map', () => {
    const r = importIcs(fixture('goalert.ics'), PLAN);
    expect(r.vendor).toBe('goalert');
    expect(rows(r)).toEqual([
      ['2027-06-07T16:00:00Z', '2027-06-14T16:00:00Z', 'primary', 'priya'],
      ['2027-06-07T16:00:00Z', '2027-06-14T16:00:00Z', 'secondary', 'diego'],
      ['2027-06-14T16:00:00Z', '2027-06-21T16:00:00Z', 'primary', 'sam'],
      ['2027-06-21T16:00:00Z', '2027-06-28T16:00:00Z', 'primary', null],
    ]);
    expect(r.unknown.map((p) => [p.key, p.label, p.entryCount])).toEqual([
      ['(no name)', 'the calendar owner (no name in the file)', 1],
    ]);
    const mapped = importIcs(fixture('goalert.ics'), PLAN, { map: { '(no name)': 'maya' } });
    expect(mapped.entries[3]!.memberId).toBe('maya');
    expect(mapped.unknown).toEqual([]);
    expect(mapped.window).toEqual({ start: '2027-06-07T16:00:00Z', end: '2027-06-28T16:00:00Z' });
  });

  it('Google Calendar: weekly repeats across the DST change keep 09:00 handoffs, EXDATE and a moved repeat honoured, all-day skipped', () => {
    const r = importIcs(fixture('google.ics'), PLAN);
    expect(r.vendor).toBe('google');
    expect(rows(r)).toEqual([
      ['2027-03-01T17:00:00Z', '2027-03-08T17:00:00Z', 'primary', 'priya'],
      ['2027-03-08T17:00:00Z', '2027-03-15T16:00:00Z', 'primary', 'sam'],
      ['2027-03-15T16:00:00Z', '2027-03-22T16:00:00Z', 'primary', 'priya'],
      ['2027-03-29T16:00:00Z', '2027-04-05T16:00:00Z', 'primary', 'priya'],
      ['2027-04-06T16:00:00Z', '2027-04-12T16:00:00Z', 'primary', 'sam'],
      ['2027-04-12T16:00:00Z', '2027-04-19T16:00:00Z', 'primary', 'priya'],
      ['2027-04-19T16:00:00Z', '2027-04-26T16:00:00Z', 'primary', 'sam'],
    ]);
    expect(r.entries[4]!.summary).toBe('On call: Sam (primary) — starts Tuesday');
    expect(r.warnings).toEqual([
      {
        code: 'all-day-skipped',
        message:
          'the event "César Chávez Day" is an all-day event and was skipped (shifts need start and end times)',
      },
    ]);
    expect(people(r)).toEqual([
      ['priya.raman@pacificinfra.example', 4, 'priya', 'email'],
      ['sam.okafor@pacificinfra.example', 3, 'sam', 'email'],
    ]);
  });

  it('a user mapping by e-mail or by name ties an unknown person to a member', () => {
    const byEmail = importIcs(fixture('pagerduty.ics'), PLAN, {
      map: { 'Alex.Kim@contractors.example': 'sam' },
    });
    expect(byEmail.unknown).toEqual([]);
    expect(byEmail.people.find((p) => p.key === 'alex.kim@contractors.example')).toMatchObject({
      memberId: 'sam',
      matchedBy: 'map',
    });
    const byName = importIcs(fixture('grafana-oncall.ics'), PLAN, { map: { 'Ops Robot': 'priya' } });
    expect(byName.entries.filter((e) => e.memberId === 'priya')).toHaveLength(2);
  });
});
