import type { Plan } from '../../../shared/plan/schema';
import { checkCoverage } from '../../../shared/rotation/coverage';
import { whoIsOnCallAt } from '../../../shared/rotation/on-call-at';
import { sample } from './plan-fixtures';

describe('checkCoverage', () => {
  it('finds neither gap nor overlap in the sample plan', () => {
    expect(checkCoverage(sample())).toEqual([
      { layerId: 'primary', gaps: [], overlaps: [] },
      { layerId: 'secondary', gaps: [], overlaps: [] },
    ]);
  });

  it('reports a missing week as a gap and a doubled stretch as an overlap, with their instants', () => {
    const base = sample();
    const plan: Plan = {
      ...base,
      shifts: [
        ...base.shifts.filter((s) => s.id !== 'primary-2027-03-01'),
        {
          id: 'extra',
          layerId: 'secondary',
          memberId: 'sam',
          start: '2027-06-01T00:00:00Z',
          end: '2027-06-02T00:00:00Z',
          source: 'manual',
          pinned: false,
        },
      ],
    };
    expect(checkCoverage(plan)).toEqual([
      {
        layerId: 'primary',
        gaps: [{ start: '2027-03-01T17:00:00Z', end: '2027-03-08T17:00:00Z' }],
        overlaps: [],
      },
      {
        layerId: 'secondary',
        gaps: [],
        overlaps: [
          {
            start: '2027-06-01T00:00:00Z',
            end: '2027-06-02T00:00:00Z',
            shiftIds: ['secondary-2027-05-31', 'extra'],
          },
        ],
      },
    ]);
  });

  it('judges only the window it is given, and an empty layer is one gap', () => {
    const plan = { ...sample(), shifts: sample().shifts.filter((s) => s.layerId === 'primary') };
    expect(checkCoverage(plan, { start: '2027-02-01T00:00:00Z', end: '2027-02-02T00:00:00Z' })).toEqual([
      { layerId: 'primary', gaps: [], overlaps: [] },
      {
        layerId: 'secondary',
        gaps: [{ start: '2027-02-01T00:00:00Z', end: '2027-02-02T00:00:00Z' }],
        overlaps: [],
      },
    ]);
  });
});

describe('whoIsOnCallAt', () => {
  const who = (instant: string) => whoIsOnCallAt(sample(), instant).map((l) => [l.layerId, l.memberIds]);

  it('names the incoming person at the handoff instant and the outgoing one a second before', () => {
    expect(who('2027-01-25T17:00:00Z')).toEqual([
      ['primary', ['diego']],
      ['secondary', ['maya']],
    ]);
    expect(who('2027-01-25T16:59:59Z')).toEqual([
      ['primary', ['priya']],
      ['secondary', ['sam']],
    ]);
  });

  it('accepts an instant with an offset and answers nobody outside the rotation', () => {
    expect(who('2027-07-05T09:00:00-07:00')).toEqual([
      ['primary', ['priya']],
      ['secondary', ['sam']],
    ]);
    expect(who('2026-12-31T12:00:00Z')).toEqual([
      ['primary', []],
      ['secondary', []],
    ]);
    expect(whoIsOnCallAt(sample(), '2027-07-05T16:00:00Z')[0]).toMatchObject({
      layerName: 'Primary',
      shifts: [{ id: 'primary-2027-07-05' }],
    });
  });
});
