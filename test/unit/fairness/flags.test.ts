import { analyzePlan } from '../../../shared/fairness/analyze';
import { FLAG_KINDS, type Flag, type FlagKind } from '../../../shared/fairness/flags/flag';
import type { Plan } from '../../../shared/plan/schema';
import { changed, cleanPlan, weeks } from './test-plans';

const flagsOf = (plan: Plan, kind: FlagKind): Flag[] =>
  analyzePlan(plan).flags.filter((f) => f.kind === kind);

// One minimal change of the clean plan per flag kind (clean plan: a, b, c on weekly Primary shifts from Monday
// 2027-04-05 09:00 PDT = 16:00Z to 2027-04-26 09:00; see test-plans.ts).
const raisers: Record<FlagKind, (p: Plan) => void> = {
  'coverage-gap': (p) => p.shifts.splice(1, 1),
  overlap: (p) => (p.shifts[0]!.end = '2027-04-12T17:00:00Z'),
  'time-off-conflict': (p) =>
    (p.members[1]!.timeOff = [
      { id: 'x', start: '2027-04-14', end: '2027-04-16', kind: 'vacation', note: '' },
    ]),
  'holiday-on-call': (p) =>
    (p.coverage.holidays.customHolidays = [
      { date: '2027-04-14', name: 'Founders Day', appliesTo: 'everyone' },
    ]),
  'holiday-gap': (p) =>
    (p.coverage.holidays.customHolidays = [
      { date: '2027-04-14', name: 'Founders Day', appliesTo: 'everyone' },
    ]),
  'uneven-rotation': (p) => {
    p.rotation.endDate = '2027-05-17';
    p.shifts = weeks('primary', '2027-04-05', ['a', 'b', 'a', 'c', 'a', 'b']);
  },
  'back-to-back': (p) => (p.shifts = weeks('primary', '2027-04-05', ['a', 'a', 'b'])),
  'on-call-share': (p) => (p.coverage.limits.maxOnCallShare = 0.25),
  'investor-week': (p) => {
    p.coverage.investorWeek.rule = { kind: 'last-days-of-month', days: 7 };
    p.coverage.investorWeek.requireInvestorOwnerAsPrimary = true;
    p.pipelines[0]!.reportsToInvestors = true;
  },
  'ownership-missing': (p) => (p.ownership[0]!.secondaryMemberId = null),
  'ownership-duplicate': (p) => (p.ownership[0]!.secondaryMemberId = 'a'),
  'ownership-overload': (p) => (p.coverage.limits.maxOwnershipLoad = 2),
  'owners-unavailable': (p) => {
    p.members[0]!.timeOff = [{ id: 'x', start: '2027-04-20', end: '2027-04-22', kind: 'vacation', note: '' }];
    p.members[1]!.timeOff = [{ id: 'y', start: '2027-04-21', end: '2027-04-23', kind: 'training', note: '' }];
  },
  'unqualified-on-call': (p) => (p.members[1]!.skills = []),
  'dst-handoff': (p) => {
    p.rotation.startDate = '2027-03-08';
    p.rotation.endDate = '2027-03-29';
    p.shifts = weeks('primary', '2027-03-08', ['a', 'b', 'c']);
  },
  'team-size': (p) => (p.coverage.limits.maxOnCallShare = 0.3),
  'working-hours': (p) => (p.workingTime = { maxHoursPer7Days: 100 }),
  'consecutive-days': (p) => (p.workingTime = { maxConsecutiveDays: 5 }),
  'short-rest': (p) => (p.workingTime = { euDirective: true }),
};

describe('flags', () => {
  it('the clean plan raises none', () => {
    expect(analyzePlan(cleanPlan()).flags).toEqual([]);
  });

  it.each(FLAG_KINDS.map((k) => [k]))('a minimal plan raises %s', (kind) => {
    expect(flagsOf(changed(raisers[kind as FlagKind]), kind as FlagKind).length).toBeGreaterThan(0);
  });

  it('coverage-gap: the missing week, as an error with the free member who keeps the spread smallest', () => {
    expect(flagsOf(changed(raisers['coverage-gap']), 'coverage-gap')).toEqual([
      {
        kind: 'coverage-gap',
        severity: 'error',
        message: 'Nobody is on call on the Primary layer from 2027-04-12 09:00 to 2027-04-19 09:00 (168 h)',
        start: '2027-04-12T16:00:00Z',
        end: '2027-04-19T16:00:00Z',
        layerId: 'primary',
        // a and c carry 223.5 each, b 0: giving b the week takes the spread from 223.5 to 0.
        fix: 'add a Primary shift for B (free then): spread falls from 224 h to 0 h',
      },
    ]);
  });

  it('overlap: the hour two Primary shifts share', () => {
    expect(flagsOf(changed(raisers.overlap), 'overlap')).toMatchObject([
      {
        severity: 'warning',
        start: '2027-04-12T16:00:00Z',
        end: '2027-04-12T17:00:00Z',
        shiftId: 'primary-2027-04-12',
        message: 'A and B are both on the Primary layer from 2027-04-12 09:00 to 2027-04-12 10:00',
      },
    ]);
  });

  it('time-off-conflict: three days inside a week is an error, fixed by a swap', () => {
    const [flag] = flagsOf(changed(raisers['time-off-conflict']), 'time-off-conflict');
    expect(flag).toMatchObject({
      severity: 'error',
      memberId: 'b',
      shiftId: 'primary-2027-04-12',
      // 2027-04-14 00:00 PDT → 2027-04-17 00:00 PDT: 72 h.
      start: '2027-04-14T07:00:00Z',
      end: '2027-04-17T07:00:00Z',
      message:
        'B is on vacation 2027-04-14 – 2027-04-16 but holds the Primary week of 2027-04-12 (72 h of it)',
      action: { kind: 'swap', fromMemberId: 'b', toMemberId: 'a', paybackShiftId: 'primary-2027-04-05' },
    });
    expect(flag!.fix).toMatch(
      /^swap the Primary week of 2027-04-12 \(B\) with A's Primary week of 2027-04-05: /,
    );
  });

  it('time-off-conflict: a vacation starting on handoff Monday costs the last 9 h, fixed by an early handover', () => {
    const plan = changed((p) => {
      p.members[1]!.timeOff = [
        { id: 'x', start: '2027-04-19', end: '2027-04-23', kind: 'vacation', note: '' },
      ];
    });
    expect(flagsOf(plan, 'time-off-conflict')).toMatchObject([
      {
        severity: 'warning',
        start: '2027-04-19T07:00:00Z',
        end: '2027-04-19T16:00:00Z',
        message:
          'B is on vacation 2027-04-19 – 2027-04-23, which takes the last 9 h of the Primary week of 2027-04-12',
        action: { kind: 'split', toMemberId: 'c', splitAt: '2027-04-19T07:00:00Z', part: 'tail' },
      },
    ]);
    expect(flagsOf(plan, 'time-off-conflict')[0]!.fix).toMatch(
      /^let C \(next on Primary\) take over at 2027-04-19 00:00, 9 h early: spread falls from /,
    );
  });

  it('holiday-on-call (info) and holiday-gap (no backup layer) on a company holiday', () => {
    const plan = changed(raisers['holiday-on-call']);
    expect(flagsOf(plan, 'holiday-on-call')).toEqual([
      {
        kind: 'holiday-on-call',
        severity: 'info',
        message: 'B is on call (Primary) on Founders Day, 2027-04-14, a public holiday in US-CA',
        start: '2027-04-14T07:00:00Z',
        end: '2027-04-15T07:00:00Z',
        memberId: 'b',
        shiftId: 'primary-2027-04-12',
        layerId: 'primary',
      },
    ]);
    expect(flagsOf(plan, 'holiday-gap')).toMatchObject([
      {
        severity: 'warning',
        memberId: 'b',
        message:
          'Founders Day (2027-04-14): B is primary on a public holiday in US-CA and nobody is on a backup layer',
        fix: 'the whole team has 2027-04-14 off: agree holiday cover in advance and pay it back with a later week',
      },
    ]);
  });

  it('holiday-gap is absent when the backup works that day (a Canadian secondary on a US holiday)', () => {
    const plan = changed((p) => {
      p.coverage.holidays.customHolidays = [
        { date: '2027-04-14', name: 'Founders Day', appliesTo: 'plan-region' },
      ];
      p.members[2]!.holidayRegion = { country: 'CA', subdivision: 'BC' };
      p.rotation.layers.push({ id: 'secondary', name: 'Secondary', memberOrder: ['c'] });
      p.shifts.push(...weeks('secondary', '2027-04-12', ['c']));
    });
    expect(flagsOf(plan, 'holiday-gap')).toEqual([]);
    expect(flagsOf(plan, 'holiday-on-call').map((f) => f.memberId)).toEqual(['b']);
  });

  it('holiday-on-call (warning): the same person on a major holiday two years running, from the history', () => {
    const plan = changed((p) => {
      p.coverage.holidays.majorHolidays = [{ id: 'founders', name: 'Founders Day', rule: '04-14' }];
      p.coverage.holidays.history = [{ holidayId: 'founders', year: 2026, memberId: 'b' }];
    });
    expect(flagsOf(plan, 'holiday-on-call')).toMatchObject([
      {
        severity: 'warning',
        memberId: 'b',
        message: 'B covered Founders Day in 2026 and is primary on call again on 2027-04-14',
        action: { kind: 'swap', toMemberId: 'a' },
      },
    ]);
    const other = changed((p) => {
      p.coverage.holidays.majorHolidays = [{ id: 'founders', name: 'Founders Day', rule: '04-14' }];
      p.coverage.holidays.history = [{ holidayId: 'founders', year: 2026, memberId: 'c' }];
    });
    expect(flagsOf(other, 'holiday-on-call')).toEqual([]);
  });

  it('uneven-rotation: the heavy and the light member, with the move that closes the spread', () => {
    // Flat weights (1 per hour), threshold 0: a holds 3 of 6 weeks (504 h), b 2 (336), c 1 (168); fair 336 each.
    // Giving a's week of 2027-04-05 to c evens all three (c's week of 04-26 is not next to it): 336 → 0.
    const plan = changed((p) => {
      raisers['uneven-rotation'](p);
      p.coverage.limits.unevenThreshold = 0;
      p.coverage.weights = {
        weekday: 1,
        weekend: 1,
        holiday: 1,
        nightBonus: 0,
        investorWeekBonus: 0,
        secondaryFactor: 0.5,
      };
    });
    const flags = flagsOf(plan, 'uneven-rotation');
    expect(flags.map((f) => [f.memberId, f.message])).toEqual([
      [
        'a',
        'A carries 504 weighted h against a fair share of 336 (+50 %); whole shifts allow 336–336 and the plan tolerates 0 % more',
      ],
      [
        'c',
        'C carries 168 weighted h against a fair share of 336 (-50 %); whole shifts allow 336–336 and the plan tolerates 0 % more',
      ],
    ]);
    expect(flags[0]!.fix).toBe('give the Primary week of 2027-04-05 to C: spread falls from 336 h to 0 h');
    expect(flags[0]!.action).toEqual({
      kind: 'reassign',
      shiftId: 'primary-2027-04-05',
      fromMemberId: 'a',
      toMemberId: 'c',
      spreadBefore: 336,
      spreadAfter: 0,
    });
  });

  it('back-to-back: two Primary weeks in a row', () => {
    expect(flagsOf(changed(raisers['back-to-back']), 'back-to-back')).toMatchObject([
      {
        severity: 'warning',
        memberId: 'a',
        shiftId: 'primary-2027-04-12',
        message:
          'A holds 2 Primary shifts in a row from 2027-04-05 09:00 to 2027-04-19 09:00 (the plan allows 1)',
        fix: 'give the Primary week of 2027-04-12 to C: spread falls from 447 h to 0 h',
      },
    ]);
  });

  it('back-to-back is allowed up to maxConsecutiveShifts when the plan allows it', () => {
    const plan = changed((p) => {
      raisers['back-to-back'](p);
      p.coverage.limits.allowBackToBack = true;
      p.coverage.limits.maxConsecutiveShifts = 2;
    });
    expect(flagsOf(plan, 'back-to-back')).toEqual([]);
  });

  it('on-call-share: above the limit is a warning; exactly at it, an info saying there is no slack', () => {
    const above = flagsOf(changed(raisers['on-call-share']), 'on-call-share');
    expect(above.map((f) => [f.memberId, f.severity])).toEqual([
      ['a', 'warning'],
      ['b', 'warning'],
      ['c', 'warning'],
    ]);
    expect(above[0]!.message).toBe(
      'A is on call 33.3 % of the window (Primary 33.3 %), above the 25 % limit',
    );
    expect(above[0]!.fix).toBe('a rotation of 4 people keeps everyone at or under 25 % (it has 3)');
    // Four people on a weekly rotation: 25 % each, exactly the limit.
    const atLimit = changed((p) => {
      p.coverage.limits.maxOnCallShare = 0.25;
      p.members.push({ ...p.members[0]!, id: 'd', name: 'D Person', email: 'd@example.com' });
      p.rotation.layers[0]!.memberOrder = ['a', 'b', 'c', 'd'];
      p.rotation.endDate = '2027-05-03';
      p.shifts = weeks('primary', '2027-04-05', ['a', 'b', 'c', 'd']);
    });
    const flags = analyzePlan(atLimit).flags;
    expect(flags.filter((f) => f.kind === 'on-call-share').map((f) => f.severity)).toEqual([
      'info',
      'info',
      'info',
      'info',
    ]);
    expect(flags.find((f) => f.kind === 'on-call-share')!.message).toBe(
      'A is on call 25 % of the window: at the 25 % limit with no slack — one extra week for anyone goes over',
    );
    expect(flags.filter((f) => f.kind === 'team-size').map((f) => f.severity)).toEqual(['info']);
  });

  it('investor-week: a primary who owns no investor pipeline, and an owner away that week', () => {
    const plan = changed((p) => {
      raisers['investor-week'](p);
      p.coverage.investorWeek.forbidTimeOffForInvestorOwners = true;
      p.members[1]!.timeOff = [
        { id: 'x', start: '2027-04-26', end: '2027-04-28', kind: 'conference', note: '' },
      ];
    });
    expect(flagsOf(plan, 'investor-week')).toMatchObject([
      {
        severity: 'warning',
        memberId: 'c',
        // The investor week 2027-04-24 … 04-30 starts 04-24 00:00 PDT; the window ends 04-26 09:00.
        start: '2027-04-24T07:00:00Z',
        end: '2027-04-26T16:00:00Z',
        message: 'C is Primary in the investor week 2027-04-24 – 2027-04-30 but owns no investor pipeline',
        action: { kind: 'swap', toMemberId: 'a' },
      },
      {
        severity: 'warning',
        memberId: 'b',
        pipelineId: 'p1',
        message:
          'B owns Pipeline One and is on conference 2027-04-26 – 2027-04-28, during the investor week 2027-04-24 – 2027-04-30',
        fix: 'move the conference outside 2027-04-24 – 2027-04-30, or brief A to stand in that week',
      },
    ]);
  });

  it('investor-week: a required layer uncovered is an error', () => {
    const plan = changed((p) => {
      p.coverage.investorWeek.rule = { kind: 'last-days-of-month', days: 7 };
      p.coverage.investorWeek.requireBothLayers = true;
      p.rotation.layers.push({ id: 'secondary', name: 'Secondary', memberOrder: ['a'] });
      p.shifts.push(...weeks('secondary', '2027-04-05', ['c']));
    });
    expect(flagsOf(plan, 'investor-week')).toMatchObject([
      {
        severity: 'error',
        layerId: 'secondary',
        start: '2027-04-24T07:00:00Z',
        end: '2027-04-26T16:00:00Z',
      },
    ]);
  });

  it('ownership flags name the pipeline and a member who knows it', () => {
    expect(flagsOf(changed(raisers['ownership-missing']), 'ownership-missing')).toEqual([
      {
        kind: 'ownership-missing',
        severity: 'warning',
        message: 'Pipeline One (critical) has no secondary owner to back up A',
        pipelineId: 'p1',
        fix: 'make B secondary owner (knows Pipeline One, owns 0 of 8 points)',
      },
    ]);
    const noPrimary = changed((p) => (p.ownership[0]!.primaryMemberId = null));
    expect(flagsOf(noPrimary, 'ownership-missing').map((f) => f.severity)).toEqual(['error']);
    expect(flagsOf(changed(raisers['ownership-duplicate']), 'ownership-duplicate')[0]!.message).toBe(
      'A is both primary and secondary owner of Pipeline One: nobody backs them up',
    );
    expect(flagsOf(changed(raisers['ownership-overload']), 'ownership-overload')).toMatchObject([
      {
        memberId: 'a',
        message:
          'A owns 3 criticality points of pipelines (critical 3, high 2, medium 1, low 0.5; secondary half), above the limit of 2',
        fix: 'hand the primary ownership of Pipeline One to C: A 3 → 0, C 0 → 3 points',
      },
    ]);
  });

  it('owners-unavailable: both owners away on the same days', () => {
    expect(flagsOf(changed(raisers['owners-unavailable']), 'owners-unavailable')).toEqual([
      {
        kind: 'owners-unavailable',
        severity: 'warning',
        message: 'Both owners of Pipeline One, A and B, are away 2027-04-21 – 2027-04-22',
        start: '2027-04-21T07:00:00Z',
        end: '2027-04-23T07:00:00Z',
        pipelineId: 'p1',
        fix: 'name C (knows Pipeline One) stand-in owner for 2027-04-21 – 2027-04-22, or move one of the absences',
      },
    ]);
  });

  it('unqualified-on-call: an error when nobody on call knows the critical pipeline', () => {
    expect(flagsOf(changed(raisers['unqualified-on-call']), 'unqualified-on-call')).toMatchObject([
      {
        severity: 'error',
        memberId: 'b',
        pipelineId: 'p1',
        message:
          'B is primary for the Primary week of 2027-04-12 without the skill for Pipeline One; nobody else on call knows it either',
      },
    ]);
  });

  it('unqualified-on-call: a warning when the secondary knows it', () => {
    const plan = changed((p) => {
      p.members[1]!.skills = [];
      p.rotation.layers.push({ id: 'secondary', name: 'Secondary', memberOrder: ['c'] });
      p.shifts.push(...weeks('secondary', '2027-04-12', ['c']));
      p.coverage.limits.maxOnCallShare = 1;
    });
    expect(flagsOf(plan, 'unqualified-on-call').map((f) => [f.severity, f.message])).toEqual([
      [
        'warning',
        'B is primary for the Primary week of 2027-04-12 without the skill for Pipeline One; Secondary C knows it',
      ],
    ]);
  });

  it('dst-handoff: the 167-hour week of the spring change', () => {
    expect(flagsOf(changed(raisers['dst-handoff']), 'dst-handoff')).toEqual([
      {
        kind: 'dst-handoff',
        severity: 'info',
        message:
          'The Primary week of 2027-03-08 lasts 167 h (A): the clocks change on 2027-03-14 (America/Los_Angeles)',
        start: '2027-03-08T17:00:00Z',
        end: '2027-03-15T16:00:00Z',
        memberId: 'a',
        shiftId: 'primary-2027-03-08',
        layerId: 'primary',
      },
    ]);
  });

  it('team-size: fewer people than layers ÷ limit', () => {
    expect(flagsOf(changed(raisers['team-size']), 'team-size')).toEqual([
      {
        kind: 'team-size',
        severity: 'warning',
        message:
          '3 people run a continuous Primary rotation, which needs at least 4 to keep everyone at or under 30 % on call (Google SRE, ch. 11: 8 for a single-site 24/7 primary + secondary rotation at 25 %); each person is on call about 33.3 % of the time',
        fix: 'add 1 person',
      },
    ]);
  });

  it('sorts team-wide flags first, then by start', () => {
    const flags = analyzePlan(
      changed((p) => {
        raisers['coverage-gap'](p);
        raisers['team-size'](p);
      }),
    ).flags;
    expect(flags[0]!.kind).toBe('team-size');
    const starts = flags.filter((f) => f.start).map((f) => f.start!);
    expect([...starts].sort()).toEqual(starts);
  });
});
