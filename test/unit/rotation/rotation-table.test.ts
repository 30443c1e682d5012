import { describeCover } from '../../../shared/rotation/describe-cover';
import { applyEdit } from '../../../shared/plan/edits';
import {
  generateRotationShifts,
  rotationHorizon,
  rotationSlots,
} from '../../../shared/rotation/generate-shifts';
import { generateShifts } from '../../../shared/rotation/schedule-shifts';
import { member, NOW, planWith, rows, sample } from './plan-fixtures';

// Rotation tables in the style of Actual Budget's recurrence tests: literal instants, one row per shift.

describe('the sample plan (weekly, Monday 09:00, America/Los_Angeles)', () => {
  const primary = rows(sample().shifts, 'primary');

  it('starts with the configured order and the conference swap the seed policy asks for', () => {
    expect(primary.slice(0, 7)).toEqual([
      ['2027-01-04T17:00:00Z', '2027-01-11T17:00:00Z', 'maya', 'generated'],
      ['2027-01-11T17:00:00Z', '2027-01-18T17:00:00Z', 'diego', 'generated'],
      ['2027-01-18T17:00:00Z', '2027-01-25T17:00:00Z', 'priya', 'generated'],
      ['2027-01-25T17:00:00Z', '2027-02-01T17:00:00Z', 'diego', 'swap'],
      ['2027-02-01T17:00:00Z', '2027-02-08T17:00:00Z', 'maya', 'generated'],
      ['2027-02-08T17:00:00Z', '2027-02-15T17:00:00Z', 'sam', 'swap'],
      ['2027-02-15T17:00:00Z', '2027-02-22T17:00:00Z', 'priya', 'generated'],
    ]);
  });

  it('keeps 09:00 local across both clock changes (167 and 169 hour weeks)', () => {
    const around = (start: string) => primary.find((r) => r[0] === start);
    expect(around('2027-03-08T17:00:00Z')).toEqual([
      '2027-03-08T17:00:00Z',
      '2027-03-15T16:00:00Z',
      'diego',
      'generated',
    ]);
    expect(around('2027-03-15T16:00:00Z')?.[1]).toBe('2027-03-22T16:00:00Z');
    expect(around('2027-11-01T16:00:00Z')).toEqual([
      '2027-11-01T16:00:00Z',
      '2027-11-08T17:00:00Z',
      'sam',
      'generated',
    ]);
  });

  it('ends with the handoff on the end date', () => {
    expect(primary).toHaveLength(52);
    expect(primary[51]).toEqual(['2027-12-27T17:00:00Z', '2028-01-03T17:00:00Z', 'sam', 'generated']);
    expect(rotationHorizon(sample().rotation)).toEqual({
      start: '2027-01-04T17:00:00Z',
      end: '2028-01-03T17:00:00Z',
    });
  });

  it('lists every swap the time off causes, with its pay-back, as covers rendered with today’s names', () => {
    const plan = sample();
    const swaps = plan.shifts
      .filter((s) => s.source === 'swap')
      .map((s) => [s.id, s.memberId, s.note, describeCover(plan, s)]);
    expect(swaps).toEqual([
      [
        'primary-2027-01-25',
        'diego',
        undefined,
        'Covers Sam Okafor (time off); Sam Okafor takes Feb 8 09:00 – Feb 15 09:00 in return',
      ],
      [
        'primary-2027-02-08',
        'sam',
        undefined,
        'Swap: Sam Okafor takes this shift from Diego Alvarez, who has Jan 25 09:00 – Feb 1 09:00 instead',
      ],
      [
        'primary-2027-04-12',
        'maya',
        undefined,
        'Covers Priya Raman (time off); Priya Raman takes Apr 26 09:00 – May 3 09:00 in return',
      ],
      [
        'primary-2027-04-26',
        'priya',
        undefined,
        'Swap: Priya Raman takes this shift from Maya Chen, who has Apr 12 09:00 – Apr 19 09:00 instead',
      ],
      [
        'primary-2027-09-06',
        'diego',
        undefined,
        'Covers Sam Okafor (time off); Sam Okafor takes Sep 20 09:00 – Sep 27 09:00 in return',
      ],
      [
        'primary-2027-09-20',
        'sam',
        undefined,
        'Swap: Sam Okafor takes this shift from Diego Alvarez, who has Sep 6 09:00 – Sep 13 09:00 instead',
      ],
      [
        'primary-2027-12-13',
        'sam',
        undefined,
        'Covers Diego Alvarez (time off); no later shift of theirs to swap back in the horizon',
      ],
    ]);
    expect(plan.shifts.find((s) => s.id === 'primary-2027-01-25')!.cover).toEqual({
      kind: 'cover',
      originalMemberId: 'sam',
      originalStart: '2027-01-25T17:00:00Z',
      originalEnd: '2027-02-01T17:00:00Z',
      reason: 'time-off',
      pairedStart: '2027-02-08T17:00:00Z',
    });
  });

  it('keeps the cover words true after a rename and after the pay-back week moves', () => {
    const plan = sample();
    const renamed = {
      ...plan,
      members: plan.members.map((m) => (m.id === 'sam' ? { ...m, name: 'Samuel Okafor' } : m)),
    };
    const cover = renamed.shifts.find((s) => s.id === 'primary-2027-01-25')!;
    expect(describeCover(renamed, cover)).toBe(
      'Covers Samuel Okafor (time off); Samuel Okafor takes Feb 8 09:00 – Feb 15 09:00 in return',
    );
    // The pay-back week handed to someone else: the cover no longer promises it.
    const handed = applyEdit(
      renamed,
      { kind: 'shift:reassign', shiftId: 'primary-2027-02-08', memberId: 'priya' },
      NOW,
    );
    if (!handed.ok) throw new Error(handed.reason);
    expect(describeCover(handed.plan, cover)).toBe(
      'Covers Samuel Okafor (time off); the shift they were to take in return has changed since',
    );
    expect(
      describeCover(
        handed.plan,
        handed.plan.shifts.find((s) => s.id === 'primary-2027-02-08')!,
      ),
    ).toBe('Handed over: Diego Alvarez was scheduled');
    // The covering shift itself moved by a day: its cover is no longer true and is not shown.
    const moved = applyEdit(
      plan,
      { kind: 'shift:move', shiftId: 'primary-2027-01-25', start: '2027-01-26T17:00:00Z' },
      NOW,
    );
    if (!moved.ok) throw new Error(moved.reason);
    expect(
      describeCover(
        moved.plan,
        moved.plan.shifts.find((s) => s.id === 'primary-2027-01-25')!,
      ),
    ).toBeNull();
  });
});

describe('other shapes of rotation', () => {
  const abc = [member('a'), member('b'), member('c')];

  it('daily in Europe/Berlin: 23 hours on the spring-forward day', () => {
    const plan = planWith(abc, {
      layers: [{ id: 'primary', name: 'Primary', memberOrder: ['a', 'b', 'c'] }],
      shiftLengthDays: 1,
      handoff: { weekday: 1, time: '09:00' },
      timeZone: 'Europe/Berlin',
      startDate: '2027-03-26',
      endDate: '2027-04-01',
    });
    expect(rows(generateShifts(plan))).toEqual([
      ['2027-03-26T08:00:00Z', '2027-03-27T08:00:00Z', 'a', 'generated'],
      ['2027-03-27T08:00:00Z', '2027-03-28T07:00:00Z', 'b', 'generated'],
      ['2027-03-28T07:00:00Z', '2027-03-29T07:00:00Z', 'c', 'generated'],
      ['2027-03-29T07:00:00Z', '2027-03-30T07:00:00Z', 'a', 'generated'],
      ['2027-03-30T07:00:00Z', '2027-03-31T07:00:00Z', 'b', 'generated'],
      ['2027-03-31T07:00:00Z', '2027-04-01T07:00:00Z', 'c', 'generated'],
    ]);
  });

  it('every 3 days from the start date in Asia/Kolkata, with a short last shift up to the end date', () => {
    const plan = planWith(abc, {
      layers: [{ id: 'primary', name: 'Primary', memberOrder: ['a', 'b'] }],
      shiftLengthDays: 3,
      handoff: { weekday: 1, time: '18:30' },
      timeZone: 'Asia/Kolkata',
      startDate: '2027-06-02',
      endDate: '2027-06-12',
    });
    expect(rows(generateShifts(plan))).toEqual([
      ['2027-06-02T13:00:00Z', '2027-06-05T13:00:00Z', 'a', 'generated'],
      ['2027-06-05T13:00:00Z', '2027-06-08T13:00:00Z', 'b', 'generated'],
      ['2027-06-08T13:00:00Z', '2027-06-11T13:00:00Z', 'a', 'generated'],
      ['2027-06-11T13:00:00Z', '2027-06-12T13:00:00Z', 'b', 'generated'],
    ]);
  });

  it('weekly from a Friday: a short first shift up to the first Monday handoff', () => {
    const plan = planWith(abc, {
      layers: [{ id: 'primary', name: 'Primary', memberOrder: ['a', 'b', 'c'] }],
      shiftLengthDays: 7,
      handoff: { weekday: 1, time: '09:00' },
      timeZone: 'America/Los_Angeles',
      startDate: '2027-01-01',
      endDate: '2027-01-20',
    });
    expect(rotationSlots(plan.rotation).map((s) => s.startDate)).toEqual([
      '2027-01-01',
      '2027-01-04',
      '2027-01-11',
      '2027-01-18',
    ]);
    expect(rows(generateShifts(plan))).toEqual([
      ['2027-01-01T17:00:00Z', '2027-01-04T17:00:00Z', 'a', 'generated'],
      ['2027-01-04T17:00:00Z', '2027-01-11T17:00:00Z', 'b', 'generated'],
      ['2027-01-11T17:00:00Z', '2027-01-18T17:00:00Z', 'c', 'generated'],
      ['2027-01-18T17:00:00Z', '2027-01-20T17:00:00Z', 'a', 'generated'],
    ]);
  });

  it('every two weeks on Wednesday 10:30 in America/St_Johns (a half-hour zone)', () => {
    const plan = planWith(abc, {
      layers: [{ id: 'primary', name: 'Primary', memberOrder: ['a', 'b'] }],
      shiftLengthDays: 14,
      handoff: { weekday: 3, time: '10:30' },
      timeZone: 'America/St_Johns',
      startDate: '2027-02-24',
      endDate: '2027-04-07',
    });
    expect(rows(generateShifts(plan))).toEqual([
      ['2027-02-24T14:00:00Z', '2027-03-10T14:00:00Z', 'a', 'generated'],
      ['2027-03-10T14:00:00Z', '2027-03-24T13:00:00Z', 'b', 'generated'],
      ['2027-03-24T13:00:00Z', '2027-04-07T13:00:00Z', 'a', 'generated'],
    ]);
  });

  it('two layers cycle their own orders; a layer with nobody in it gets no shifts', () => {
    const plan = planWith(abc, {
      layers: [
        { id: 'primary', name: 'Primary', memberOrder: ['a', 'b', 'c'] },
        { id: 'secondary', name: 'Secondary', memberOrder: ['c', 'a', 'b'] },
        { id: 'shadow', name: 'Shadow', memberOrder: [] },
      ],
      shiftLengthDays: 7,
      handoff: { weekday: 1, time: '09:00' },
      startDate: '2027-01-04',
      endDate: '2027-01-25',
    });
    const shifts = generateShifts(plan);
    expect(shifts.map((s) => `${s.id}:${s.memberId}`)).toEqual([
      'primary-2027-01-04:a',
      'primary-2027-01-11:b',
      'primary-2027-01-18:c',
      'secondary-2027-01-04:c',
      'secondary-2027-01-11:a',
      'secondary-2027-01-18:b',
    ]);
    expect(generateRotationShifts(plan.rotation)).toEqual(shifts);
  });
});
