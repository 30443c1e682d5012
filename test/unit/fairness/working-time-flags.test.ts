import { analyzePlan } from '../../../shared/fairness/analyze';
import type { Flag } from '../../../shared/fairness/flags/flag';
import type { Plan } from '../../../shared/plan/schema';
import { changed, cleanPlan, week } from './test-plans';

const workingFlags = (plan: Plan): Flag[] =>
  analyzePlan(plan).flags.filter((f) => ['working-hours', 'consecutive-days', 'short-rest'].includes(f.kind));

// The clean plan: a, b, c on weekly Primary shifts from Monday 2027-04-05 09:00 PDT (16:00Z) to 2027-04-26.
describe('working-time flags', () => {
  it('a plan without workingTime raises none, and the same analysis is unchanged by the new rule', () => {
    expect(analyzePlan(cleanPlan()).flags).toEqual([]);
  });

  it('at most 100 h in 7 days: each weekly shift (168 h) is flagged once, with a move', () => {
    const flags = workingFlags(changed((p) => (p.workingTime = { maxHoursPer7Days: 100 })));
    expect(flags.map((f) => [f.kind, f.memberId, f.start, f.end, f.message])).toEqual([
      [
        'working-hours',
        'a',
        '2027-04-05T16:00:00Z',
        '2027-04-12T16:00:00Z',
        'A has 168 h on call in the 7 days from 2027-04-05 09:00 (the plan allows 100 h)',
      ],
      [
        'working-hours',
        'b',
        '2027-04-12T16:00:00Z',
        '2027-04-19T16:00:00Z',
        'B has 168 h on call in the 7 days from 2027-04-12 09:00 (the plan allows 100 h)',
      ],
      [
        'working-hours',
        'c',
        '2027-04-19T16:00:00Z',
        '2027-04-26T16:00:00Z',
        'C has 168 h on call in the 7 days from 2027-04-19 09:00 (the plan allows 100 h)',
      ],
    ]);
    expect(flags[0]!.shiftId).toBe('primary-2027-04-05');
    expect(flags.every((f) => f.severity === 'warning' && typeof f.fix === 'string')).toBe(true);
  });

  it('at most 5 days in a row: a Monday-to-Monday week touches 8 local days', () => {
    const flags = workingFlags(changed((p) => (p.workingTime = { maxConsecutiveDays: 5 })));
    expect(flags[0]).toMatchObject({
      kind: 'consecutive-days',
      memberId: 'a',
      // 2027-04-05 00:00 PDT → 2027-04-13 00:00 PDT.
      start: '2027-04-05T07:00:00Z',
      end: '2027-04-13T07:00:00Z',
      message: 'A is on call 8 days in a row from 2027-04-05 (their zone; the plan allows 5)',
      shiftId: 'primary-2027-04-05',
    });
    expect(flags).toHaveLength(3);
  });

  it('minimum rest after night hours: 12 h between two stretches when 24 h are asked for', () => {
    const plan = changed((p) => {
      p.workingTime = { minRestAfterNightHours: 24 };
      // a: Mon 09:00 → Tue 09:00 (holds a night), then Tue 21:00 → Wed 09:00 on a day shift of its own.
      p.shifts = [week('primary', 'a', '2027-04-05', 1), { ...week('primary', 'b', '2027-04-06', 1) }];
      p.shifts[1] = {
        ...p.shifts[1]!,
        memberId: 'a',
        start: '2027-04-07T04:00:00Z',
        end: '2027-04-07T16:00:00Z',
      };
      p.rotation.endDate = '2027-04-07';
    });
    expect(workingFlags(plan).map((f) => [f.kind, f.start, f.end, f.message])).toEqual([
      [
        'short-rest',
        '2027-04-06T16:00:00Z',
        '2027-04-07T04:00:00Z',
        'A has 12 h off call after a stretch with night hours ending 2027-04-06 09:00 (the plan asks for 24 h)',
      ],
    ]);
  });

  it('the EU preset flags a week on call as no 11 h rest in 24 h and over 48 h a week on average', () => {
    const flags = workingFlags(changed((p) => (p.workingTime = { euDirective: true })));
    const a = flags.filter((f) => f.memberId === 'a').map((f) => [f.kind, f.message]);
    expect(a).toEqual([
      [
        'working-hours',
        'A has 56 h a week on average over the 3 weeks from 2027-04-05 09:00 (at most 48 h) (EU Working Time Directive preset, counting on-call time as working time: a check of the plan, not legal advice)',
      ],
      [
        'short-rest',
        'A has no 11 h off call in the 24 h from 2027-04-05 09:00 (EU Working Time Directive preset, counting on-call time as working time: a check of the plan, not legal advice)',
      ],
    ]);
  });
});
