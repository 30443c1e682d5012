import ICAL from 'ical.js';
import { Temporal } from 'temporal-polyfill';
import { exportIcs, icsOptionsProblem, planKey, shiftUid } from '../../../shared/export/ics-export';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';

const NOW = '2026-11-27T00:00:00.000Z';

function events(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

const instant = (d: ICAL.Time) => d.toJSDate().toISOString();

let plan: Plan;
beforeAll(() => {
  plan = createSamplePlan(NOW);
});

describe('exportIcs parsed back by ical.js', () => {
  it('has one event per shift with the shift instants, PRODID and VERSION', () => {
    const text = exportIcs(plan, { now: NOW });
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//Rotaplan//Rotaplan on-call plan//EN');
    const evs = events(text);
    expect(plan.shifts.length).toBe(104);
    expect(evs.length).toBe(104);
    const byUid = new Map(evs.map((e) => [e.uid, e]));
    for (const s of plan.shifts) {
      const e = byUid.get(shiftUid(plan, s))!;
      expect(instant(e.startDate)).toBe(
        Temporal.Instant.from(s.start).toString({ smallestUnit: 'millisecond' }),
      );
      expect(instant(e.endDate)).toBe(Temporal.Instant.from(s.end).toString({ smallestUnit: 'millisecond' }));
    }
    const first = byUid.get(
      shiftUid(
        plan,
        plan.shifts.find((s) => s.id === 'primary-2027-01-04')!,
      ),
    )!;
    expect(first.summary).toBe('On call (Primary): Maya Chen');
    expect(instant(first.startDate)).toBe('2027-01-04T17:00:00.000Z');
    // The summer handoff is 09:00 PDT = 16:00 UTC: the instant carries DST, not a fixed offset.
    const summer = evs.find((e) => instant(e.startDate).startsWith('2027-07-05'))!;
    expect(instant(summer.startDate)).toBe('2027-07-05T16:00:00.000Z');
  });

  it('keeps UIDs across exports made at different times, and changes only DTSTAMP', () => {
    const a = exportIcs(plan, { now: NOW });
    const b = exportIcs(plan, { now: '2027-03-15T08:30:00Z' });
    expect(events(a).map((e) => e.uid)).toEqual(events(b).map((e) => e.uid));
    expect(new Set(events(a).map((e) => e.uid)).size).toBe(104);
    expect(a.match(/^DTSTAMP:.*$/gm)!.every((l) => l === 'DTSTAMP:20261127T000000Z')).toBe(true);
    expect(b).toContain('DTSTAMP:20270315T083000Z\r\n');
    expect(a.replace(/DTSTAMP:\w+/g, '')).toBe(b.replace(/DTSTAMP:\w+/g, ''));
    expect(shiftUid(plan, { id: 'primary-2027-01-04' })).toBe(
      `rotaplan-${planKey(plan)}-shift-primary-2027-01-04@rotaplan`,
    );
    const other = createSamplePlan('2026-12-01T00:00:00.000Z');
    expect(planKey(other)).not.toBe(planKey(plan));
  });

  it('ends every line with CRLF and folds at 75 octets, also for multi-byte names', () => {
    const p = structuredClone(plan);
    p.members[0]!.name = 'Zoë Łukasz-Østergård 東京 日本語の名前, with a long tail; really \\ long';
    const text = exportIcs(p, { now: NOW, reminderMinutes: 15, include: ['holidays', 'investor-weeks'] });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    const octets = lines.map((l) => new TextEncoder().encode(l).length);
    expect(Math.max(...octets)).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' '))).toBe(true);
  });

  it('escapes commas, semicolons, backslashes and newlines in names and notes', () => {
    const p = structuredClone(plan);
    p.members[0]!.name = 'Chen, Maya; "M\\C"';
    p.shifts[0]!.note = 'line one\nline two; with, commas';
    const text = exportIcs(p, { now: NOW });
    expect(text).toContain('SUMMARY:On call (Primary): Chen\\, Maya\\; "M\\\\C"\r\n');
    const e = events(text).find((x) => x.uid === shiftUid(p, p.shifts[0]!))!;
    expect(e.summary).toBe('On call (Primary): Chen, Maya; "M\\C"');
    expect(e.description).toContain('Note: line one\nline two; with, commas');
  });

  it('exports one member, one layer, or both, and a window', () => {
    const maya = events(exportIcs(plan, { now: NOW, memberId: 'maya' }));
    expect(maya.length).toBe(plan.shifts.filter((s) => s.memberId === 'maya').length);
    expect(maya.length).toBe(26);
    expect(maya.every((e) => e.summary.endsWith('Maya Chen'))).toBe(true);
    const secondary = events(exportIcs(plan, { now: NOW, layerId: 'secondary' }));
    expect(secondary.length).toBe(52);
    expect(secondary.every((e) => e.summary.startsWith('On call (Secondary)'))).toBe(true);
    expect(events(exportIcs(plan, { now: NOW, memberId: 'maya', layerId: 'primary' })).length).toBe(
      plan.shifts.filter((s) => s.memberId === 'maya' && s.layerId === 'primary').length,
    );
    // July 2027: the weeks starting 06-28, 07-05, 07-12, 07-19, 07-26 on each layer touch it.
    const july = events(exportIcs(plan, { now: NOW, from: '2027-07-01', to: '2027-07-31' }));
    expect(july.length).toBe(10);
    expect(july.map((e) => instant(e.startDate).slice(0, 10)).sort()[0]).toBe('2027-06-28');
  });

  it('adds a display reminder per shift when asked', () => {
    const text = exportIcs(plan, { now: NOW, memberId: 'sam', reminderMinutes: 30 });
    const cal = new ICAL.Component(ICAL.parse(text));
    const alarms = cal.getAllSubcomponents('vevent').map((v) => v.getAllSubcomponents('valarm'));
    expect(alarms.every((a) => a.length === 1)).toBe(true);
    expect(alarms[0]![0]!.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(String(alarms[0]![0]!.getFirstPropertyValue('trigger'))).toBe('-PT30M');
    expect(exportIcs(plan, { now: NOW })).not.toContain('BEGIN:VALARM');
  });

  it("adds holidays of the members' regions and investor weeks as all-day events", () => {
    const text = exportIcs(plan, { now: NOW, include: ['holidays', 'investor-weeks'] });
    const evs = events(text);
    const allDay = evs.filter((e) => e.startDate.isDate);
    const investor = allDay.filter((e) => e.summary === 'Investor-report week');
    expect(investor.length).toBe(12);
    const jan = investor.find((e) => e.startDate.toString() === '2027-01-25')!;
    expect(jan.endDate.toString()).toBe('2027-02-01');
    const july4 = allDay.find((e) => e.summary === 'Holiday: Independence Day')!;
    expect(july4.startDate.toString()).toBe('2027-07-04');
    expect(july4.description).toBe('Public holiday for Maya Chen, Diego Alvarez, Sam Okafor.');
    const canada = allDay.find((e) => e.summary === 'Holiday: Canada Day')!;
    expect(canada.description).toBe('Public holiday for Priya Raman.');
    expect(text).toContain('TRANSP:TRANSPARENT');
    // The same extra events keep their UIDs too.
    const again = events(
      exportIcs(plan, { now: '2030-01-01T00:00:00Z', include: ['holidays', 'investor-weeks'] }),
    );
    expect(again.map((e) => e.uid)).toEqual(evs.map((e) => e.uid));
    // One member: only their own region's holidays.
    const priya = events(exportIcs(plan, { now: NOW, memberId: 'priya', include: ['holidays'] }));
    expect(priya.some((e) => e.summary === 'Holiday: Canada Day')).toBe(true);
    expect(priya.some((e) => e.summary === 'Holiday: Independence Day')).toBe(false);
  });

  it('refuses unknown members and layers, bad reminders and reversed windows with a sentence', () => {
    expect(() => exportIcs(plan, { now: NOW, memberId: 'ghost' })).toThrow(
      'no team member has id "ghost" (known: maya, diego, priya, sam)',
    );
    expect(icsOptionsProblem(plan, { now: NOW, layerId: 'tertiary' })).toBe(
      'no rotation layer has id "tertiary" (known: primary, secondary)',
    );
    expect(icsOptionsProblem(plan, { now: NOW, reminderMinutes: -5 })).toBe(
      'the reminder must be a whole number of minutes from 0 to 10080 (one week), not -5',
    );
    expect(icsOptionsProblem(plan, { now: NOW, from: '2027-05-01', to: '2027-04-01' })).toBe(
      'the window ends (2027-04-01) before it starts (2027-05-01)',
    );
  });
});
