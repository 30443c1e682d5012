import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';
import { formatPath, validatePlan, type PlanProblem } from '../../../shared/plan/validate';
import { validatePlanFully } from '../../../shared/plan/validate-full';

const NOW = '2026-11-27T00:00:00.000Z';
const sample = () => createSamplePlan(NOW);

/** A deep copy of the sample with one change, so each row below breaks exactly one thing. */
function broken(change: (plan: Plan) => void): Plan {
  const plan = structuredClone(sample());
  change(plan);
  return plan;
}

describe('the sample plan', () => {
  it('is valid, unchanged by validation and not migrated', () => {
    const result = validatePlan(sample());
    expect(result).toEqual({ ok: true, plan: sample(), migratedFrom: null });
  });

  it('is valid with the holiday-region checks too', () => {
    expect(validatePlanFully(sample()).ok).toBe(true);
  });

  it('has the figures the other issues rely on', () => {
    const plan = sample();
    expect(plan.meta.createdAt).toBe(NOW);
    expect(plan.members.map((m) => m.id)).toEqual(['maya', 'diego', 'priya', 'sam']);
    expect(plan.pipelines.map((p) => p.id)).toEqual([
      'profit',
      'growth',
      'engagement',
      'agg-exec',
      'agg-exp',
    ]);
    expect(plan.shifts).toHaveLength(104);
    expect(plan.shifts[3]).toMatchObject({
      id: 'primary-2027-01-25',
      memberId: 'diego',
      start: '2027-01-25T17:00:00Z',
      end: '2027-02-01T17:00:00Z',
      source: 'swap',
    });
  });
});

describe('invalid plans name the JSON path of each problem', () => {
  const rows: { what: string; input: unknown; full?: boolean; problems: PlanProblem[] }[] = [
    {
      what: 'a bad e-mail address',
      input: broken((p) => void (p.members[1]!.email = 'diego-at-pacificinfra')),
      problems: [{ path: 'members[1].email', message: 'expected an e-mail address' }],
    },
    {
      what: 'an unknown time zone',
      input: broken((p) => void (p.members[0]!.timeZone = 'Mars/Olympus_Mons')),
      problems: [{ path: 'members[0].timeZone', message: 'unknown IANA time zone' }],
    },
    {
      what: 'a shift that ends before it starts',
      input: broken((p) => void (p.shifts[3]!.end = '2027-01-24T17:00:00Z')),
      problems: [{ path: 'shifts[3].end', message: 'a shift must end after it starts' }],
    },
    {
      what: 'ownership pointing at a missing member',
      input: broken((p) => void (p.ownership[0]!.primaryMemberId = 'ghost')),
      problems: [{ path: 'ownership[0].primaryMemberId', message: 'no team member has id "ghost"' }],
    },
    {
      what: 'a duplicate member id',
      input: broken((p) => void p.members.push({ ...p.members[0]!, name: 'Maya Again' })),
      problems: [{ path: 'members[4].id', message: 'duplicate member id "maya" (first used at members[0])' }],
    },
    {
      what: 'a holiday region date-holidays does not know',
      input: broken((p) => void (p.members[2]!.holidayRegion = { country: 'CA', subdivision: 'ZZ' })),
      full: true,
      problems: [
        { path: 'members[2].holidayRegion', message: 'date-holidays knows no subdivision "ZZ" of Canada' },
      ],
    },
    {
      what: 'time off that ends before it starts',
      input: broken((p) => void (p.members[0]!.timeOff[0]!.end = '2027-07-26')),
      problems: [{ path: 'members[0].timeOff[0].end', message: 'time off ends before it starts' }],
    },
    {
      what: 'a date the calendar does not have (reported once, not also as an order problem)',
      input: broken((p) => void (p.members[0]!.timeOff[0]!.start = '2027-02-30')),
      problems: [{ path: 'members[0].timeOff[0].start', message: 'not a real calendar date' }],
    },
    {
      what: 'a shift start at hour 25 (reported once, not also as an order problem)',
      input: broken((p) => void (p.shifts[3]!.start = '2027-01-25T25:00:00Z')),
      problems: [{ path: 'shifts[3].start', message: 'not a real date and time' }],
    },
    {
      what: 'a date that is not YYYY-MM-DD',
      input: broken((p) => void (p.rotation.startDate = '4 Jan 2027')),
      problems: [{ path: 'rotation.startDate', message: 'expected a date as YYYY-MM-DD' }],
    },
    {
      what: 'a rotation that ends before it starts',
      input: broken((p) => void (p.rotation.endDate = '2026-12-28')),
      problems: [{ path: 'rotation.endDate', message: 'the rotation ends before it starts' }],
    },
    {
      what: 'an array instead of an object',
      input: [sample()],
      problems: [{ path: '(root)', message: 'expected a JSON object' }],
    },
    {
      what: 'a string instead of an object',
      input: 'plan',
      problems: [{ path: '(root)', message: 'expected a JSON object' }],
    },
    {
      what: 'a missing schemaVersion',
      input: broken((p) => void delete (p as Partial<Plan>).schemaVersion),
      problems: [
        {
          path: 'schemaVersion',
          message: 'missing or not a positive whole number: is this a Rotaplan plan?',
        },
      ],
    },
  ];

  it.each(rows)('$what', ({ input, full, problems }) => {
    const result = full ? validatePlanFully(input) : validatePlan(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(problems);
  });

  it('a holiday region is only checked by validatePlanFully (validatePlan lets it pass)', () => {
    const plan = broken((p) => void (p.members[2]!.holidayRegion = { country: 'CA', subdivision: 'ZZ' }));
    expect(validatePlan(plan).ok).toBe(true);
  });

  it('an unknown country is named too', () => {
    const plan = broken((p) => void (p.coverage.holidays.planRegion = { country: 'QQ' }));
    expect(validatePlanFully(plan)).toEqual({
      ok: false,
      kind: 'invalid',
      problems: [{ path: 'coverage.holidays.planRegion', message: 'date-holidays knows no country "QQ"' }],
    });
  });

  it('reports every problem, not only the first', () => {
    const plan = broken((p) => {
      p.members[1]!.email = 'nope';
      p.shifts[3]!.end = p.shifts[3]!.start;
    });
    const result = validatePlan(plan);
    expect(result.ok ? [] : result.problems.map((x) => x.path)).toEqual([
      'members[1].email',
      'shifts[3].end',
    ]);
  });

  it('tells "not a plan" from "invalid" by kind', () => {
    expect(validatePlan(null)).toMatchObject({ ok: false, kind: 'not-a-plan' });
    expect(validatePlan({ schemaVersion: '1' })).toMatchObject({ ok: false, kind: 'not-a-plan' });
    expect(validatePlan({ schemaVersion: 0 })).toMatchObject({ ok: false, kind: 'not-a-plan' });
    expect(validatePlan(broken((p) => void (p.members[1]!.email = 'x')))).toMatchObject({
      ok: false,
      kind: 'invalid',
    });
  });

  it('refuses a plan from a newer Rotaplan with kind newer-version', () => {
    const result = validatePlan({ ...sample(), schemaVersion: 99 });
    expect(result).toEqual({
      ok: false,
      kind: 'newer-version',
      problems: [
        {
          path: 'schemaVersion',
          message:
            'this plan was written by a newer Rotaplan (schema 99; this version reads up to 2); update Rotaplan to open it',
        },
      ],
    });
  });
});

describe('formatPath', () => {
  it.each([
    [[], '(root)'],
    [['schemaVersion'], 'schemaVersion'],
    [['members', 1, 'email'], 'members[1].email'],
    [['rotation', 'layers', 0, 'memberOrder', 2], 'rotation.layers[0].memberOrder[2]'],
    [[0], '[0]'],
    [[0, 'id'], '[0].id'],
    [['grid', 2, 3], 'grid[2][3]'],
  ] as [PropertyKey[], string][])('%j → %s', (path, expected) => {
    expect(formatPath(path)).toBe(expected);
  });
});
