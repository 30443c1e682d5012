import { applyOk, refusal, samplePlan } from './edit-helpers';

const priyaTimeOff = (plan: ReturnType<typeof samplePlan>) =>
  plan.members.find((m) => m.id === 'priya')!.timeOff.map((t) => `${t.id} ${t.start}..${t.end} ${t.kind}`);

describe('time off edits', () => {
  it('adds an absence and keeps the list in date order', () => {
    const plan = applyOk(samplePlan(), {
      kind: 'timeoff:add',
      memberId: 'priya',
      timeOff: {
        id: 'to-priya-summer',
        start: '2027-07-05',
        end: '2027-07-09',
        kind: 'vacation',
        note: 'Lakes',
      },
    });
    expect(priyaTimeOff(plan)).toEqual([
      'to-priya-spring 2027-04-19..2027-04-23 vacation',
      'to-priya-summer 2027-07-05..2027-07-09 vacation',
      'to-priya-course 2027-10-05..2027-10-07 training',
    ]);
  });

  it('updates dates and kind of an absence', () => {
    const plan = applyOk(samplePlan(), {
      kind: 'timeoff:update',
      memberId: 'priya',
      timeOffId: 'to-priya-course',
      fields: { start: '2027-03-01', end: '2027-03-02', kind: 'conference' },
    });
    expect(priyaTimeOff(plan)).toEqual([
      'to-priya-course 2027-03-01..2027-03-02 conference',
      'to-priya-spring 2027-04-19..2027-04-23 vacation',
    ]);
    expect(plan.members[2]!.timeOff[0]!.note).toBe('Streaming course');
  });

  it('removes an absence', () => {
    const plan = applyOk(samplePlan(), {
      kind: 'timeoff:remove',
      memberId: 'priya',
      timeOffId: 'to-priya-spring',
    });
    expect(priyaTimeOff(plan)).toEqual(['to-priya-course 2027-10-05..2027-10-07 training']);
  });

  it.each([
    [
      {
        kind: 'timeoff:add',
        memberId: 'priya',
        timeOff: { id: 'x', start: '2027-05-10', end: '2027-05-03', kind: 'sick', note: '' },
      },
      'time off of Priya Raman ends (2027-05-03) before it starts (2027-05-10)',
    ],
    [
      {
        kind: 'timeoff:add',
        memberId: 'priya',
        timeOff: { id: 'x', start: '2027-04-22', end: '2027-04-26', kind: 'sick', note: '' },
      },
      'Priya Raman is already away 2027-04-19 to 2027-04-23 (Spring break); change that absence instead',
    ],
    [
      {
        kind: 'timeoff:add',
        memberId: 'priya',
        timeOff: { id: 'to-priya-spring', start: '2027-06-01', end: '2027-06-02', kind: 'sick', note: '' },
      },
      'Priya Raman already has time off with id "to-priya-spring"',
    ],
    [
      {
        kind: 'timeoff:add',
        memberId: 'priya',
        timeOff: { id: 'x', start: '2027-6-1', end: '2027-06-02', kind: 'sick', note: '' },
      },
      'time off start "2027-6-1" is not a date as YYYY-MM-DD',
    ],
    [
      {
        kind: 'timeoff:update',
        memberId: 'priya',
        timeOffId: 'to-priya-course',
        fields: { start: '2027-04-23' },
      },
      'Priya Raman is already away 2027-04-19 to 2027-04-23 (Spring break); change that absence instead',
    ],
    [
      { kind: 'timeoff:remove', memberId: 'priya', timeOffId: 'nope' },
      'Priya Raman has no time off with id "nope"',
    ],
    [{ kind: 'timeoff:remove', memberId: 'ghost', timeOffId: 'nope' }, 'no team member has id "ghost"'],
  ] as const)('refuses %j', (edit, reason) => {
    expect(refusal(samplePlan(), edit)).toBe(reason);
  });
});
