import { applyEdit } from '../../../shared/plan/edits';
import { createEmptyPlan, nextMonday } from '../../../shared/plan/empty-plan';
import { validatePlan } from '../../../shared/plan/validate';
import { validatePlanFully } from '../../../shared/plan/validate-full';

const NOW = '2027-03-10T18:30:00.000Z'; // a Wednesday

describe('createEmptyPlan', () => {
  it('validates (shape, references and holiday region) with no members, pipelines or shifts', () => {
    const plan = createEmptyPlan({
      now: NOW,
      name: 'Data on-call 2027',
      organisation: 'Northwind',
      timeZone: 'Europe/Berlin',
    });
    const result = validatePlanFully(plan);
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(plan.members).toEqual([]);
    expect(plan.pipelines).toEqual([]);
    expect(plan.ownership).toEqual([]);
    expect(plan.shifts).toEqual([]);
    expect(plan.scenarios).toEqual([]);
    expect(plan.meta).toEqual({
      name: 'Data on-call 2027',
      organisation: 'Northwind',
      description: '',
      createdAt: NOW,
      updatedAt: NOW,
    });
  });

  it('defaults to a weekly primary/secondary rotation from the next Monday, Monday 09:00, for 52 weeks', () => {
    const plan = createEmptyPlan({ now: NOW, name: 'P', organisation: '', timeZone: 'America/New_York' });
    expect(plan.rotation).toEqual({
      layers: [
        { id: 'primary', name: 'Primary', memberOrder: [] },
        { id: 'secondary', name: 'Secondary', memberOrder: [] },
      ],
      shiftLengthDays: 7,
      handoff: { weekday: 1, time: '09:00' },
      timeZone: 'America/New_York',
      startDate: '2027-03-15',
      endDate: '2028-03-13',
    });
    expect(plan.coverage.limits.maxOnCallShare).toBe(0.25);
    expect(plan.coverage.weights).toEqual({
      weekday: 1,
      weekend: 1.5,
      holiday: 2,
      nightBonus: 0.5,
      investorWeekBonus: 0.5,
      secondaryFactor: 0.5,
    });
    expect(plan.coverage.investorWeek.rule).toEqual({ kind: 'last-days-of-month', days: 7 });
  });

  it('takes the plan region it is given and trims the name', () => {
    const plan = createEmptyPlan({
      now: NOW,
      name: '  Berlin data team  ',
      organisation: ' Northwind ',
      timeZone: 'Europe/Berlin',
      planRegion: { country: 'DE', subdivision: 'BE' },
    });
    expect(plan.meta.name).toBe('Berlin data team');
    expect(plan.meta.organisation).toBe('Northwind');
    expect(plan.coverage.holidays.planRegion).toEqual({ country: 'DE', subdivision: 'BE' });
    expect(validatePlanFully(plan).ok).toBe(true);
  });

  it('refuses an empty name when validated, naming meta.name', () => {
    const plan = createEmptyPlan({ now: NOW, name: '   ', organisation: '', timeZone: 'UTC' });
    const result = validatePlan(plan);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ path: 'meta.name', message: 'a name cannot be empty' });
  });

  it('is a starting point for the pure edits: two members and a regenerated rotation give weekly shifts', () => {
    let plan = createEmptyPlan({ now: NOW, name: 'P', organisation: '', timeZone: 'America/Los_Angeles' });
    for (const [id, name] of [
      ['ana', 'Ana'],
      ['bo', 'Bo'],
    ] as const) {
      const added = applyEdit(
        plan,
        {
          kind: 'member:add',
          member: {
            id,
            name,
            email: `${id}@example.com`,
            role: '',
            seniority: 'mid',
            timeZone: 'America/Los_Angeles',
            holidayRegion: { country: 'US', subdivision: 'CA' },
            color: '#2563eb',
            skills: [],
            timeOff: [],
          },
        },
        NOW,
      );
      if (!added.ok) throw new Error(added.reason);
      plan = added.plan;
    }
    const rotated = applyEdit(
      plan,
      {
        kind: 'rotation:update',
        fields: {
          layers: [
            { id: 'primary', name: 'Primary', memberOrder: ['ana', 'bo'] },
            { id: 'secondary', name: 'Secondary', memberOrder: ['bo', 'ana'] },
          ],
          endDate: '2027-04-12',
        },
        regenerate: true,
      },
      NOW,
    );
    if (!rotated.ok) throw new Error(rotated.reason);
    const primary = rotated.plan.shifts.filter((s) => s.layerId === 'primary');
    expect(primary.map((s) => [s.memberId, s.start, s.end])).toEqual([
      ['ana', '2027-03-15T16:00:00Z', '2027-03-22T16:00:00Z'],
      ['bo', '2027-03-22T16:00:00Z', '2027-03-29T16:00:00Z'],
      ['ana', '2027-03-29T16:00:00Z', '2027-04-05T16:00:00Z'],
      ['bo', '2027-04-05T16:00:00Z', '2027-04-12T16:00:00Z'],
    ]);
    expect(rotated.plan.shifts).toHaveLength(8);
  });
});

describe('nextMonday', () => {
  it.each([
    ['2027-03-15T12:00:00Z', 'UTC', '2027-03-15'], // a Monday stays
    ['2027-03-14T23:30:00Z', 'UTC', '2027-03-15'], // Sunday
    ['2027-03-16T00:00:00Z', 'UTC', '2027-03-22'], // Tuesday
    // 2027-03-15T05:00Z is still Sunday evening in Los Angeles: the local date decides.
    ['2027-03-15T05:00:00Z', 'America/Los_Angeles', '2027-03-15'],
    ['2027-03-15T20:00:00Z', 'Asia/Tokyo', '2027-03-22'], // already Tuesday in Tokyo,
  ])('%s in %s → %s', (now, zone, expected) => {
    expect(nextMonday(now, zone)).toBe(expected);
  });
});
