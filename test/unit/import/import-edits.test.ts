import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importEditOf } from '../../../shared/import/import-edit';
import { importIcs } from '../../../shared/import/ics-import';
import { applyEdit } from '../../../shared/plan/edits';
import { createSamplePlan } from '../../../shared/plan/sample-plan';

const PLAN = createSamplePlan('2027-01-01T00:00:00.000Z');
const NOW = '2027-02-01T00:00:00.000Z';
const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../fixtures/ics', name)));
const inWindow = (s: { start: string; end: string }, from: string, to: string) =>
  s.start < to && s.end > from;

describe('import:replaceWindow', () => {
  it('replaces the covered layers inside the window with the imported shifts (source manual), nothing else', () => {
    const result = importIcs(fixture('pagerduty.ics'), PLAN, {
      map: { 'alex.kim@contractors.example': 'sam' },
    });
    const edit = importEditOf(result)!;
    expect(edit.from).toBe('2027-03-01T17:00:00Z');
    expect(edit.to).toBe('2027-04-05T16:00:00Z');
    expect(edit.shifts).toHaveLength(7);
    const applied = applyEdit(PLAN, edit, NOW);
    if (!applied.ok) throw new Error(applied.reason);
    const plan = applied.plan;
    const primary = plan.shifts.filter((s) => s.layerId === 'primary' && inWindow(s, edit.from, edit.to));
    expect(primary.map((s) => [s.start, s.end, s.memberId, s.source])).toEqual([
      ['2027-03-01T17:00:00Z', '2027-03-08T17:00:00Z', 'maya', 'manual'],
      ['2027-03-08T17:00:00Z', '2027-03-15T16:00:00Z', 'diego', 'manual'],
      ['2027-03-15T16:00:00Z', '2027-03-22T16:00:00Z', 'sam', 'manual'],
      ['2027-03-22T16:00:00Z', '2027-03-29T16:00:00Z', 'priya', 'manual'],
      ['2027-03-29T16:00:00Z', '2027-04-05T16:00:00Z', 'maya', 'manual'],
    ]);
    expect(primary[0]!.note).toBe('Imported from PagerDuty: On Call - Maya Chen - Data Platform Primary');
    expect(primary[0]!.id).toBe('import-primary-20270301T1700');
    // Secondary was imported for two weeks only: its own span is replaced, the weeks after stay generated.
    const secondary = plan.shifts.filter(
      (s) => s.layerId === 'secondary' && s.start >= '2027-02-22' && s.start < '2027-04-12',
    );
    expect(secondary.map((s) => [s.start, s.end, s.memberId, s.source])).toEqual([
      ['2027-02-22T17:00:00Z', '2027-03-01T17:00:00Z', 'maya', 'generated'],
      ['2027-03-01T17:00:00Z', '2027-03-08T17:00:00Z', 'sam', 'manual'],
      ['2027-03-08T17:00:00Z', '2027-03-15T16:00:00Z', 'sam', 'manual'],
      ['2027-03-15T16:00:00Z', '2027-03-22T16:00:00Z', 'sam', 'generated'],
      ['2027-03-22T16:00:00Z', '2027-03-29T16:00:00Z', 'maya', 'generated'],
      ['2027-03-29T16:00:00Z', '2027-04-05T16:00:00Z', 'diego', 'generated'],
      ['2027-04-05T16:00:00Z', '2027-04-12T16:00:00Z', 'priya', 'generated'],
    ]);
    // Outside the window every shift is as it was.
    const outside = (p: typeof PLAN) => p.shifts.filter((s) => s.end <= edit.from || s.start >= edit.to);
    expect(outside(plan)).toEqual(outside(PLAN));
    expect(plan.shifts).toHaveLength(PLAN.shifts.length - 7 + 7);
  });

  it('a window inside one shift splits it in two around the import', () => {
    const edit = {
      kind: 'import:replaceWindow' as const,
      from: '2027-01-06T17:00:00Z',
      to: '2027-01-07T17:00:00Z',
      shifts: [
        { layerId: 'primary', memberId: 'sam', start: '2027-01-06T17:00:00Z', end: '2027-01-07T17:00:00Z' },
      ],
    };
    const applied = applyEdit(PLAN, edit, NOW);
    if (!applied.ok) throw new Error(applied.reason);
    expect(
      applied.plan.shifts
        .filter((s) => s.layerId === 'primary' && s.start < '2027-01-11')
        .map((s) => [s.id, s.start, s.end, s.memberId]),
    ).toEqual([
      ['primary-2027-01-04', '2027-01-04T17:00:00Z', '2027-01-06T17:00:00Z', 'maya'],
      ['import-primary-20270106T1700', '2027-01-06T17:00:00Z', '2027-01-07T17:00:00Z', 'sam'],
      ['import-primary-20270107T1700', '2027-01-07T17:00:00Z', '2027-01-11T17:00:00Z', 'maya'],
    ]);
  });

  it('refuses an unknown member, an unknown layer, a shift outside the window and an empty import', () => {
    const base = {
      kind: 'import:replaceWindow' as const,
      from: '2027-03-01T17:00:00Z',
      to: '2027-03-08T17:00:00Z',
    };
    const shift = {
      layerId: 'primary',
      memberId: 'maya',
      start: '2027-03-01T17:00:00Z',
      end: '2027-03-08T17:00:00Z',
    };
    const reason = (edit: Parameters<typeof applyEdit>[1]) => {
      const r = applyEdit(PLAN, edit, NOW);
      return r.ok ? null : r.reason;
    };
    expect(reason({ ...base, shifts: [{ ...shift, memberId: 'nobody' }] })).toBe(
      'no team member has id "nobody"',
    );
    expect(reason({ ...base, shifts: [{ ...shift, layerId: 'tertiary' }] })).toBe(
      'no rotation layer has id "tertiary"',
    );
    expect(reason({ ...base, shifts: [{ ...shift, end: '2027-03-09T17:00:00Z' }] })).toBe(
      'an imported shift (2027-03-01T17:00:00Z) lies outside the import window',
    );
    expect(reason({ ...base, shifts: [] })).toBe(
      'there are no imported shifts to apply (map at least one person)',
    );
  });

  it('no edit when nobody is mapped or the import failed', () => {
    expect(importEditOf(importIcs('junk', PLAN))).toBeNull();
    const nobody = importIcs(fixture('pagerduty.ics'), {
      ...PLAN,
      members: PLAN.members.map((m) => ({ ...m, email: `x-${m.email}`, name: `X ${m.name}` })),
    });
    expect(nobody.window).toBeNull();
    expect(importEditOf(nobody)).toBeNull();
  });
});
