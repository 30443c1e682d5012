import { applyEdit, type PlanEdit } from '../../../shared/plan/edits';
import type { Plan } from '../../../shared/plan/schema';
import { timeOffConflicts } from '../../../shared/rotation/availability';
import { checkCoverage } from '../../../shared/rotation/coverage';
import { regenerate } from '../../../shared/rotation/regenerate';
import { NOW, sample } from './plan-fixtures';

function apply(plan: Plan, ...edits: PlanEdit[]): Plan {
  return edits.reduce((p, edit) => {
    const result = applyEdit(p, edit, NOW);
    if (!result.ok) throw new Error(result.reason);
    return result.plan;
  }, plan);
}

function refusal(plan: Plan, edit: PlanEdit): string {
  const result = applyEdit(plan, edit, NOW);
  if (result.ok) throw new Error(`expected ${edit.kind} to be refused`);
  return result.reason;
}

const window = (plan: Plan, layerId: string, from: string, to: string) =>
  plan.shifts
    .filter(
      (s) =>
        s.layerId === layerId && Date.parse(s.end) > Date.parse(from) && Date.parse(s.start) < Date.parse(to),
    )
    .map((s) => [s.id, s.start, s.end, s.memberId, s.source] as const);

const whole = (plan: Plan) =>
  checkCoverage(plan).map((c) => ({ layerId: c.layerId, gaps: c.gaps.length, overlaps: c.overlaps.length }));
const WHOLE = [
  { layerId: 'primary', gaps: 0, overlaps: 0 },
  { layerId: 'secondary', gaps: 0, overlaps: 0 },
];

describe('shift:move', () => {
  it('by less than its length moves the neighbouring handoffs with it', () => {
    const plan = apply(sample(), {
      kind: 'shift:move',
      shiftId: 'primary-2027-01-11',
      start: '2027-01-12T17:00:00Z',
    });
    expect(window(plan, 'primary', '2027-01-04T17:00:00Z', '2027-02-01T17:00:00Z')).toEqual([
      ['primary-2027-01-04', '2027-01-04T17:00:00Z', '2027-01-12T17:00:00Z', 'maya', 'override'],
      ['primary-2027-01-11', '2027-01-12T17:00:00Z', '2027-01-19T17:00:00Z', 'diego', 'override'],
      ['primary-2027-01-18', '2027-01-19T17:00:00Z', '2027-01-25T17:00:00Z', 'priya', 'generated'],
      ['primary-2027-01-25', '2027-01-25T17:00:00Z', '2027-02-01T17:00:00Z', 'diego', 'swap'],
    ]);
    expect(whole(plan)).toEqual(WHOLE);
    expect(plan.meta.updatedAt).toBe(NOW);
  });

  it('onto another whole shift trades places with it', () => {
    const plan = apply(sample(), {
      kind: 'shift:move',
      shiftId: 'primary-2027-01-11',
      start: '2027-01-18T17:00:00Z',
    });
    expect(window(plan, 'primary', '2027-01-11T17:00:00Z', '2027-01-25T17:00:00Z')).toEqual([
      ['primary-2027-01-18', '2027-01-11T17:00:00Z', '2027-01-18T17:00:00Z', 'priya', 'swap'],
      ['primary-2027-01-11', '2027-01-18T17:00:00Z', '2027-01-25T17:00:00Z', 'diego', 'swap'],
    ]);
    expect(whole(plan)).toEqual(WHOLE);
  });

  it('keeps the wall-clock length across DST, so a week dropped after the change still lines up', () => {
    // Maya's 168-hour week of 2027-03-01 onto Priya's week of 2027-03-15 (after spring forward: 16:00Z).
    const plan = apply(sample(), {
      kind: 'shift:move',
      shiftId: 'primary-2027-03-01',
      start: '2027-03-15T16:00:00Z',
    });
    expect(plan.shifts.find((s) => s.id === 'primary-2027-03-01')).toMatchObject({
      start: '2027-03-15T16:00:00Z',
      end: '2027-03-22T16:00:00Z',
      memberId: 'maya',
    });
    expect(plan.shifts.find((s) => s.id === 'primary-2027-03-15')).toMatchObject({
      start: '2027-03-01T17:00:00Z',
      end: '2027-03-08T17:00:00Z',
      memberId: 'priya',
    });
    expect(whole(plan)).toEqual(WHOLE);
  });

  it('refuses, saying why, when the new time straddles two shifts', () => {
    expect(
      refusal(sample(), { kind: 'shift:move', shiftId: 'primary-2027-01-11', start: '2027-01-20T17:00:00Z' }),
    ).toBe(
      "2027-01-20 09:00 – 2027-01-27 09:00 does not line up with one shift (it meets Priya Raman's Primary shift 2027-01-18 09:00 – 2027-01-25 09:00 and Diego Alvarez's Primary shift 2027-01-25 09:00 – 2027-02-01 09:00); drop it onto a whole shift to trade places, or move it by less than its length to move the handoffs",
    );
  });

  it('refuses to move a shift out of the rotation, leaving its week empty', () => {
    expect(
      refusal(sample(), { kind: 'shift:move', shiftId: 'primary-2027-12-27', start: '2028-01-10T17:00:00Z' }),
    ).toBe(
      "nobody is on call 2028-01-10 09:00 – 2028-01-17 09:00 to trade places with, and moving Sam Okafor's Primary shift 2027-12-27 09:00 – 2028-01-03 09:00 there would leave its own time uncovered",
    );
  });

  it('refuses to change a pinned neighbour or a pinned shift', () => {
    const pinned = apply(sample(), { kind: 'shift:pin', shiftId: 'primary-2027-01-04' });
    expect(
      refusal(pinned, { kind: 'shift:move', shiftId: 'primary-2027-01-11', start: '2027-01-12T17:00:00Z' }),
    ).toBe("Maya Chen's Primary shift 2027-01-04 09:00 – 2027-01-11 09:00 is pinned; unpin it first");
    expect(
      refusal(pinned, { kind: 'shift:move', shiftId: 'primary-2027-01-04', start: '2027-01-05T17:00:00Z' }),
    ).toBe("Maya Chen's Primary shift 2027-01-04 09:00 – 2027-01-11 09:00 is pinned; unpin it first");
    const unpinned = apply(pinned, { kind: 'shift:unpin', shiftId: 'primary-2027-01-04' });
    expect(unpinned.shifts.find((s) => s.id === 'primary-2027-01-04')?.pinned).toBe(false);
  });

  it('refuses an unknown shift and a time that is not an instant', () => {
    expect(refusal(sample(), { kind: 'shift:move', shiftId: 'nope', start: '2027-01-12T17:00:00Z' })).toBe(
      'no shift has id "nope"',
    );
    expect(
      refusal(sample(), { kind: 'shift:move', shiftId: 'primary-2027-01-11', start: 'next monday' }),
    ).toBe('"next monday" is not an ISO 8601 date-time with Z or an offset');
  });
});

describe('shift:resize', () => {
  it('moves the next handoff with a longer end, and the next shift becomes shorter', () => {
    const plan = apply(sample(), {
      kind: 'shift:resize',
      shiftId: 'primary-2027-01-11',
      end: '2027-01-19T17:00:00Z',
    });
    expect(window(plan, 'primary', '2027-01-11T17:00:00Z', '2027-01-25T17:00:00Z')).toEqual([
      ['primary-2027-01-11', '2027-01-11T17:00:00Z', '2027-01-19T17:00:00Z', 'diego', 'override'],
      ['primary-2027-01-18', '2027-01-19T17:00:00Z', '2027-01-25T17:00:00Z', 'priya', 'generated'],
    ]);
    expect(whole(plan)).toEqual(WHOLE);
  });

  it('gives the time it drops to the neighbour, which becomes an override so regeneration keeps it', () => {
    const plan = apply(sample(), {
      kind: 'shift:resize',
      shiftId: 'primary-2027-01-11',
      start: '2027-01-13T17:00:00Z',
    });
    expect(window(plan, 'primary', '2027-01-04T17:00:00Z', '2027-01-18T17:00:00Z')).toEqual([
      ['primary-2027-01-04', '2027-01-04T17:00:00Z', '2027-01-13T17:00:00Z', 'maya', 'override'],
      ['primary-2027-01-11', '2027-01-13T17:00:00Z', '2027-01-18T17:00:00Z', 'diego', 'override'],
    ]);
    expect(
      window(
        apply(plan, { kind: 'rotation:regenerate' }),
        'primary',
        '2027-01-04T17:00:00Z',
        '2027-01-18T17:00:00Z',
      ),
    ).toEqual(window(plan, 'primary', '2027-01-04T17:00:00Z', '2027-01-18T17:00:00Z'));
  });

  it('refuses to swallow the neighbour, to open a gap at the start of the rotation, or to end before it starts', () => {
    expect(
      refusal(sample(), { kind: 'shift:resize', shiftId: 'primary-2027-01-11', end: '2027-01-26T17:00:00Z' }),
    ).toBe(
      "the new end would swallow Priya Raman's Primary shift 2027-01-18 09:00 – 2027-01-25 09:00; move by less or swap the shifts",
    );
    expect(
      refusal(sample(), {
        kind: 'shift:resize',
        shiftId: 'primary-2027-01-04',
        start: '2027-01-05T17:00:00Z',
      }),
    ).toBe(
      "nobody would be on call 2027-01-04 09:00 – 2027-01-05 09:00: no shift of the layer ends where Maya Chen's Primary shift 2027-01-04 09:00 – 2027-01-11 09:00 starts",
    );
    expect(
      refusal(sample(), { kind: 'shift:resize', shiftId: 'primary-2027-01-11', end: '2027-01-10T17:00:00Z' }),
    ).toBe('a shift must end after it starts (2027-01-10 09:00 is not after 2027-01-11 09:00)');
  });
});

describe('shift:reassign and shift:swap', () => {
  it('reassigns a shift as an override, even onto time off (the caller asks first)', () => {
    const plan = sample();
    const shift = plan.shifts.find((s) => s.id === 'primary-2027-01-25')!;
    expect(timeOffConflicts(plan, 'sam', shift.start, shift.end)).toEqual([
      {
        memberId: 'sam',
        timeOff: plan.members[3]!.timeOff[0],
        start: '2027-01-26T07:00:00Z',
        end: '2027-01-30T07:00:00Z',
      },
    ]);
    expect(timeOffConflicts(plan, 'maya', shift.start, shift.end)).toEqual([]);
    const next = apply(plan, { kind: 'shift:reassign', shiftId: 'primary-2027-01-25', memberId: 'sam' });
    expect(next.shifts.find((s) => s.id === 'primary-2027-01-25')).toMatchObject({
      memberId: 'sam',
      source: 'override',
    });
  });

  it('refuses an unknown member, and leaves the plan alone when the member already has the shift', () => {
    expect(
      refusal(sample(), { kind: 'shift:reassign', shiftId: 'primary-2027-01-04', memberId: 'zoe' }),
    ).toBe('no team member has id "zoe"');
    const same = apply(sample(), { kind: 'shift:reassign', shiftId: 'primary-2027-01-04', memberId: 'maya' });
    expect(same.shifts).toEqual(sample().shifts);
  });

  it('swaps the members of two shifts, marking both as swaps', () => {
    const plan = apply(sample(), {
      kind: 'shift:swap',
      shiftId: 'primary-2027-01-04',
      otherShiftId: 'secondary-2027-01-04',
    });
    expect(
      plan.shifts.filter((s) => s.start === '2027-01-04T17:00:00Z').map((s) => [s.id, s.memberId, s.source]),
    ).toEqual([
      ['primary-2027-01-04', 'diego', 'swap'],
      ['secondary-2027-01-04', 'maya', 'swap'],
    ]);
  });

  it('refuses to swap a shift with itself or two shifts of the same person', () => {
    expect(
      refusal(sample(), {
        kind: 'shift:swap',
        shiftId: 'primary-2027-01-04',
        otherShiftId: 'primary-2027-01-04',
      }),
    ).toBe('a shift cannot be swapped with itself');
    expect(
      refusal(sample(), {
        kind: 'shift:swap',
        shiftId: 'primary-2027-01-04',
        otherShiftId: 'primary-2027-02-01',
      }),
    ).toBe(
      "Maya Chen's Primary shift 2027-01-04 09:00 – 2027-01-11 09:00 and Maya Chen's Primary shift 2027-02-01 09:00 – 2027-02-08 09:00 have the same person; nothing to swap",
    );
  });
});

describe('shift:create', () => {
  it('cuts a manual shift into the layer, splitting the shift it lands in', () => {
    const plan = apply(sample(), {
      kind: 'shift:create',
      shift: {
        layerId: 'primary',
        memberId: 'sam',
        start: '2027-01-06T17:00:00Z',
        end: '2027-01-08T17:00:00Z',
        note: 'Release night',
      },
    });
    expect(window(plan, 'primary', '2027-01-04T17:00:00Z', '2027-01-11T17:00:00Z')).toEqual([
      ['primary-2027-01-04', '2027-01-04T17:00:00Z', '2027-01-06T17:00:00Z', 'maya', 'generated'],
      ['manual-primary-2027-01-06T09:00', '2027-01-06T17:00:00Z', '2027-01-08T17:00:00Z', 'sam', 'manual'],
      ['primary-2027-01-08T09:00', '2027-01-08T17:00:00Z', '2027-01-11T17:00:00Z', 'maya', 'generated'],
    ]);
    expect(plan.shifts.find((s) => s.source === 'manual')?.note).toBe('Release night');
    expect(whole(plan)).toEqual(WHOLE);
  });

  it('refuses to cut into a pinned shift or to replace a whole hand-made one', () => {
    const pinned = apply(sample(), { kind: 'shift:pin', shiftId: 'primary-2027-01-04' });
    const draft = {
      layerId: 'primary',
      memberId: 'sam',
      start: '2027-01-06T17:00:00Z',
      end: '2027-01-08T17:00:00Z',
    };
    expect(refusal(pinned, { kind: 'shift:create', shift: draft })).toBe(
      "Maya Chen's Primary shift 2027-01-04 09:00 – 2027-01-11 09:00 is pinned; unpin it first",
    );
    const overridden = apply(sample(), {
      kind: 'shift:reassign',
      shiftId: 'primary-2027-01-11',
      memberId: 'sam',
    });
    expect(
      refusal(overridden, {
        kind: 'shift:create',
        shift: { ...draft, memberId: 'priya', start: '2027-01-11T17:00:00Z', end: '2027-01-18T17:00:00Z' },
      }),
    ).toBe(
      "the new shift would replace Sam Okafor's Primary shift 2027-01-11 09:00 – 2027-01-18 09:00, which was made by hand; change that one instead",
    );
    expect(refusal(sample(), { kind: 'shift:create', shift: { ...draft, layerId: 'tertiary' } })).toBe(
      'no rotation layer has id "tertiary"',
    );
  });
});

describe('rotation edits', () => {
  it('regenerates from new settings, keeping overrides and dropping unpinned swaps', () => {
    const edited = apply(
      sample(),
      { kind: 'shift:reassign', shiftId: 'primary-2027-03-01', memberId: 'sam' },
      { kind: 'shift:swap', shiftId: 'primary-2027-05-03', otherShiftId: 'primary-2027-05-10' },
    );
    const preview = regenerate(edited);
    expect(preview.diff.added).toEqual([]);
    expect(preview.diff.removed).toEqual([]);
    expect(
      preview.diff.changed.map((c) => [c.after.id, c.before.memberId, c.after.memberId, c.after.source]),
    ).toEqual([
      ['primary-2027-05-03', 'priya', 'diego', 'generated'],
      ['primary-2027-05-10', 'diego', 'priya', 'generated'],
    ]);
    const later = apply(edited, {
      kind: 'rotation:update',
      fields: { handoff: { weekday: 1, time: '10:00' } },
      regenerate: true,
    });
    expect(later.shifts.find((s) => s.id === 'primary-2027-01-04')).toMatchObject({
      start: '2027-01-04T18:00:00Z',
      end: '2027-01-11T18:00:00Z',
    });
    // The override keeps its 09:00 times; the rotation fills around it.
    expect(window(later, 'primary', '2027-02-22T18:00:00Z', '2027-03-08T18:00:00Z')).toEqual([
      ['primary-2027-02-22', '2027-02-22T18:00:00Z', '2027-03-01T17:00:00Z', 'sam', 'generated'],
      ['primary-2027-03-01', '2027-03-01T17:00:00Z', '2027-03-08T17:00:00Z', 'sam', 'override'],
      ['primary-2027-03-08T09:00', '2027-03-08T17:00:00Z', '2027-03-08T18:00:00Z', 'maya', 'generated'],
    ]);
    expect(whole(later)).toEqual(WHOLE);
  });

  it('refuses settings the schema rejects, naming the path', () => {
    const result = applyEdit(
      sample(),
      { kind: 'rotation:update', fields: { timeZone: 'Mars/Olympus' }, regenerate: true },
      NOW,
    );
    expect(result).toEqual({
      ok: false,
      reason: 'rotation.timeZone: unknown IANA time zone',
      problems: [{ path: 'rotation.timeZone', message: 'unknown IANA time zone' }],
    });
  });

  it('removes a layer only together with its shifts', () => {
    const layers = sample().rotation.layers.slice(0, 1);
    expect(refusal(sample(), { kind: 'rotation:update', fields: { layers }, regenerate: false })).toBe(
      'layer Secondary cannot be removed while it has 52 shifts; regenerate with the change',
    );
    const plan = apply(sample(), { kind: 'rotation:update', fields: { layers }, regenerate: true });
    expect(plan.shifts.filter((s) => s.layerId === 'secondary')).toEqual([]);
    expect(plan.shifts).toHaveLength(52);
  });

  it('records who covers a major holiday, replacing an earlier entry for the same year', () => {
    const plan = apply(sample(), {
      kind: 'rotation:record-holiday-duty',
      entries: [
        { holidayId: 'christmas', year: 2027, memberId: 'sam' },
        { holidayId: 'new-year', year: 2027, memberId: 'maya' },
      ],
    });
    expect(plan.coverage.holidays.history.filter((h) => h.year === 2027)).toEqual([
      { holidayId: 'christmas', year: 2027, memberId: 'sam' },
      { holidayId: 'new-year', year: 2027, memberId: 'maya' },
    ]);
    expect(
      refusal(sample(), {
        kind: 'rotation:record-holiday-duty',
        entries: [{ holidayId: 'easter', year: 2027, memberId: 'sam' }],
      }),
    ).toBe('no major holiday has id "easter"');
  });
});
