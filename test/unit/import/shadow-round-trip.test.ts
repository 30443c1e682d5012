import { exportIcs } from '../../../shared/export/ics-export';
import { importIcs } from '../../../shared/import/ics-import';
import { importEditOf, importShadowNote } from '../../../shared/import/import-edit';
import { applyEdit } from '../../../shared/plan/edits';
import type { Plan, Shift } from '../../../shared/plan/schema';
import { whoIsOnCallAt } from '../../../shared/rotation/on-call-at';
import { scheduleShifts } from '../../../shared/rotation/schedule-shifts';
import { isShadowShift } from '../../../shared/rotation/shadow-shifts';
import { shadowPlan } from '../rotation/shadow-fixture';
import { HolidayCalendar } from '../../../shared/time/holiday-calendar';

const calendar = new HolidayCalendar();

// A plan with a shadow pairing, exported to .ics and imported back: who is on call is unchanged and the learner's
// shadows come back as shadows, not as a second person on call.

const generated = (): Plan => ({
  ...shadowPlan(),
  shifts: scheduleShifts(shadowPlan(), {}, calendar).shifts,
});
const spans = (shifts: readonly Shift[]) =>
  shifts.map((s) => [s.memberId, s.start, s.end, isShadowShift(s)] as const);

describe('.ics round trip of a plan with shadows', () => {
  it('imports the "(shadow)" events as shadow shifts and leaves the coverage as it was', () => {
    const plan = generated();
    const text = exportIcs(plan, { now: '2026-12-01T00:00:00Z' });
    const result = importIcs(text, plan);
    expect(result.ok).toBe(true);
    expect(result.entries.map((e) => [e.memberId, e.start, e.shadow])).toEqual([
      ['a', '2027-01-04T17:00:00Z', false],
      ['b', '2027-01-11T17:00:00Z', false],
      ['d', '2027-01-11T17:00:00Z', true],
      ['d', '2027-01-15T08:00:00Z', true],
      ['c', '2027-01-18T17:00:00Z', false],
      ['d', '2027-01-19T08:00:00Z', true],
      ['a', '2027-01-25T17:00:00Z', false],
    ]);
    expect(importShadowNote(result)).toBe(
      '3 entries are marked "(shadow)": imported as shadow shifts, learners beside whoever is on call, not coverage.',
    );
    const edit = importEditOf(result)!;
    expect(edit.shifts.filter((s) => s.shadow === true)).toHaveLength(3);
    const applied = applyEdit(plan, edit, '2026-12-02T00:00:00.000Z');
    if (!applied.ok) throw new Error(applied.reason);
    const after = applied.plan.shifts;
    expect(after.filter((s) => !isShadowShift(s))).toHaveLength(4);
    expect(after.filter(isShadowShift)).toHaveLength(3);
    const byStart = (a: readonly unknown[], b: readonly unknown[]) =>
      String(a[1]).localeCompare(String(b[1])) || String(a[0]).localeCompare(String(b[0]));
    expect(spans(after).sort(byStart)).toEqual(spans(plan.shifts).sort(byStart));
    expect(after.every((s) => s.source === 'manual')).toBe(true);
    // Tuesday 12 January, while D shadows B: B alone is on call, before and after.
    const onCall = (p: Plan) => whoIsOnCallAt(p, '2027-01-12T20:00:00Z').map((l) => [l.layerId, l.memberIds]);
    expect(onCall(applied.plan)).toEqual([['primary', ['b']]]);
    expect(onCall(plan)).toEqual([['primary', ['b']]]);
  });
});
