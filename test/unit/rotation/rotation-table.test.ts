import {
  generateRotationShifts,
  rotationHorizon,
  rotationSlots,
} from '../../../shared/rotation/generate-shifts';
import { generateShifts } from '../../../shared/rotation/schedule-shifts';
import { member, planWith, rows, sample } from './plan-fixtures';

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

  it('lists every swap the time off causes, with its pay-back', () => {
    const swaps = sample()
      .shifts.filter((s) => s.source === 'swap')
      .map((s) => [s.id, s.memberId, s.note]);
    expect(swaps).toEqual([
      ['primary-2027-01-25', 'diego', 'Swap: covers Sam Okafor (time off); Sam Okafor takes 2027-02-08'],
      [
        'primary-2027-02-08',
        'sam',
        'Swap: Sam Okafor takes this shift back from Diego Alvarez, who covered 2027-01-25',
      ],
      ['primary-2027-04-12', 'maya', 'Swap: covers Priya Raman (time off); Priya Raman takes 2027-04-26'],
      [
        'primary-2027-04-26',
        'priya',
        'Swap: Priya Raman takes this shift back from Maya Chen, who covered 2027-04-12',
      ],
      ['primary-2027-09-06', 'diego', 'Swap: covers Sam Okafor (time off); Sam Okafor takes 2027-09-20'],
      [
        'primary-2027-09-20',
        'sam',
        'Swap: Sam Okafor takes this shift back from Diego Alvarez, who covered 2027-09-06',
      ],
      [
        'primary-2027-12-13',
        'sam',
        'Swap: covers Diego Alvarez (time off); no later shift of theirs to swap back in the horizon',
      ],
    ]);
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
