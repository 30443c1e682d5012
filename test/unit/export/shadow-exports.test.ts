import ICAL from 'ical.js';
import { planToMarkdown } from '../../../shared/document/export-plan-document';
import { exportIcs } from '../../../shared/export/ics-export';
import { exportShiftsCsv } from '../../../shared/io/csv-shifts';
import { readShiftsCsv } from '../../../shared/io/csv-shifts-import';
import type { Plan } from '../../../shared/plan/schema';
import { scheduleShifts } from '../../../shared/rotation/schedule-shifts';
import { shadowPlan } from '../rotation/shadow-fixture';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';

const calendar = new HolidayCalendar();

const generated = (): Plan => ({
  ...shadowPlan(),
  shifts: scheduleShifts(shadowPlan(), {}, calendar).shifts,
});

describe('shadow shifts in exports', () => {
  it('CSV: one row per shift in the existing columns, with shadow true only on the learner’s rows', () => {
    const text = exportShiftsCsv(generated(), { from: '2027-01-11', to: '2027-01-17' });
    const lines = text.trimEnd().split('\n');
    expect(lines).toEqual([
      'start,end,layer,member_id,member_name,source,pinned,note,shadow',
      '2027-01-04T09:00:00-08:00,2027-01-11T09:00:00-08:00,primary,a,A,generated,false,,false',
      '2027-01-11T09:00:00-08:00,2027-01-18T09:00:00-08:00,primary,b,B,generated,false,,false',
      '2027-01-11T09:00:00-08:00,2027-01-13T00:00:00-08:00,primary,d,D,generated,false,,true',
      '2027-01-15T00:00:00-08:00,2027-01-18T00:00:00-08:00,primary,d,D,generated,false,,true',
    ]);
  });

  it('CSV: reads back with the shadows marked, not as overlapping on-call rows', () => {
    const plan = generated();
    const read = readShiftsCsv(plan, exportShiftsCsv(plan));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.shifts.filter((s) => s.shadow).map((s) => [s.memberId, s.start, s.end])).toEqual([
      ['d', '2027-01-11T17:00:00Z', '2027-01-13T08:00:00Z'],
      ['d', '2027-01-15T08:00:00Z', '2027-01-18T08:00:00Z'],
      ['d', '2027-01-19T08:00:00Z', '2027-01-25T17:00:00Z'],
    ]);
    const bad =
      'start,end,layer,member_id,member_name,source,pinned,note,shadow\n' +
      '2027-01-04T09:00:00-08:00,2027-01-11T09:00:00-08:00,primary,a,A,generated,false,,maybe\n';
    expect(readShiftsCsv(plan, bad)).toEqual({
      ok: false,
      problems: [{ line: 2, column: 'shadow', message: '"maybe" is not true or false' }],
    });
  });

  it('ICS: a shadow’s summary says "(shadow)" and its category is Shadow', () => {
    const text = exportIcs(generated(), { now: '2026-12-01T00:00:00Z', memberId: 'd' });
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.summary)).toEqual([
      'On call (Primary): D (shadow)',
      'On call (Primary): D (shadow)',
      'On call (Primary): D (shadow)',
    ]);
    expect(events[0]!.description).toContain('D shadows the person on call, Primary layer');
    expect(text).toContain('CATEGORIES:Shadow,Primary');
    const b = exportIcs(generated(), { now: '2026-12-01T00:00:00Z', memberId: 'b' });
    expect(b).toContain('SUMMARY:On call (Primary): B\r\n');
  });

  it('Markdown: the on-call schedule lists the shadows marked as such, and nobody is on call as a shadow', () => {
    const md = planToMarkdown(generated(), { generatedAt: '2026-12-01T00:00:00Z' });
    const section = md.slice(
      md.indexOf('### Shadow Shifts'),
      md.indexOf('\n#', md.indexOf('### Shadow Shifts') + 5),
    );
    expect(section).toContain('Learners shadow the person on call to learn the rotation.');
    expect(section.match(/\(shadow\)/g)).toHaveLength(3);
    expect(section).toContain('D (shadow) until');
    const none = planToMarkdown(
      { ...shadowPlan(), shifts: scheduleShifts(shadowPlan(), {}, calendar).shifts.filter((s) => !s.shadow) },
      {
        generatedAt: '2026-12-01T00:00:00Z',
      },
    );
    expect(none).not.toContain('Shadow Shifts');
  });
});
