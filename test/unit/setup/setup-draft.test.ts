import { validatePlan } from '../../../shared/plan/validate';
import {
  balancedOwnership,
  blankMember,
  blankPipeline,
  buildPlanFromDraft,
  initialDraft,
  stepProblems,
  type SetupDraft,
} from '../../../shared/setup/setup-draft';
import { PIPELINE_SUGGESTIONS } from '../../../renderer/src/features/setup/pipeline-suggestions';

const NOW = '2027-03-10T18:30:00.000Z';

const PEOPLE = [
  ['Ana Lima', 'ana@example.com', 'US', 'CA', 'America/Los_Angeles'],
  ['Ben Okoro', 'ben@example.com', 'US', 'CA', 'America/Los_Angeles'],
  ['Chloé Martin', 'chloe@example.com', 'CA', 'BC', 'America/Vancouver'],
  ['Dev Patel', 'dev@example.com', 'US', 'CO', 'America/Denver'],
] as const;

function fullDraft(): SetupDraft {
  const draft = initialDraft(NOW, 'America/Los_Angeles', 'US', ['m0', 'm1']);
  draft.name = 'Data on-call';
  draft.organisation = 'Northwind';
  draft.members = PEOPLE.map(([name, email, country, subdivision, timeZone], i) => ({
    key: `m${i}`,
    name,
    email,
    country,
    subdivision,
    timeZone,
  }));
  draft.pipelines = PIPELINE_SUGGESTIONS.map((s, i) => ({ key: `p${i}`, ...s }));
  draft.ownership = balancedOwnership(draft.members, draft.pipelines);
  return draft;
}
describe('guided setup: the draft and the plan built from it', () => {
  it('splits ownership by criticality, most critical first, to whoever carries least', () => {
    const draft = fullDraft();
    const byName = (key: string | null) => draft.members.find((m) => m.key === key)?.name.split(' ')[0];
    expect(
      draft.pipelines.map((p) => [
        p.name,
        byName(draft.ownership[p.key]!.primary),
        byName(draft.ownership[p.key]!.secondary),
      ]),
    ).toEqual([
      ['Profit', 'Ana', 'Ben'],
      ['Growth', 'Ben', 'Dev'],
      ['Engagement', 'Dev', 'Ana'],
      ['Aggregated (Executives & investors)', 'Chloé', 'Dev'],
      ['Aggregated (Experiments)', 'Chloé', 'Ana'],
    ]);
  });

  it('names what is missing on each step', () => {
    const draft = initialDraft(NOW, 'America/Los_Angeles', 'US', ['m0', 'm1']);
    expect(stepProblems(draft, 'plan')).toEqual(['Give the plan a name.']);
    expect(stepProblems({ ...draft, members: draft.members.slice(0, 1) }, 'team')).toEqual([
      'Add at least 2 people: a rotation needs someone to hand over to.',
      'Member 1: name: a name cannot be empty.',
      'Member 1: e-mail: expected an e-mail address.',
    ]);
    expect(stepProblems(draft, 'pipelines')).toEqual([
      'Add at least one pipeline, or pick one of the suggestions.',
    ]);
    const full = fullDraft();
    full.ownership.p0 = { primary: 'm1', secondary: 'm1', stakeholder: '' };
    expect(stepProblems(full, 'ownership')).toEqual([
      'Profit: the secondary owner must be someone other than the primary owner.',
    ]);
    expect(stepProblems({ ...full, rotation: { ...full.rotation, handoffTime: '9am' } }, 'rotation')).toEqual(
      ['Give the handoff time as HH:MM, e.g. 09:00.'],
    );
  });

  it('builds a valid plan: 4 members, 5 pipelines, owners, a weekly rotation from the next Monday with 104 shifts', () => {
    const built = buildPlanFromDraft(fullDraft(), NOW);
    if (!built.ok) throw new Error(built.message);
    const { plan } = built;
    expect(validatePlan(plan).ok).toBe(true);
    expect(plan.members.map((m) => [m.id, m.color, m.holidayRegion])).toEqual([
      ['ana-lima', '#2563eb', { country: 'US', subdivision: 'CA' }],
      ['ben-okoro', '#d97706', { country: 'US', subdivision: 'CA' }],
      ['chloe-martin', '#059669', { country: 'CA', subdivision: 'BC' }],
      ['dev-patel', '#db2777', { country: 'US', subdivision: 'CO' }],
    ]);
    expect(plan.pipelines.map((p) => p.id)).toEqual([
      'profit',
      'growth',
      'engagement',
      'aggregated-executives-investors',
      'aggregated-experiments',
    ]);
    expect(plan.ownership[0]).toEqual({
      pipelineId: 'profit',
      primaryMemberId: 'ana-lima',
      secondaryMemberId: 'ben-okoro',
      stakeholder: '',
    });
    expect(plan.coverage.holidays.planRegion).toEqual({ country: 'US', subdivision: 'CA' });
    expect(plan.rotation.layers).toEqual([
      { id: 'primary', name: 'Primary', memberOrder: ['ana-lima', 'ben-okoro', 'chloe-martin', 'dev-patel'] },
      {
        id: 'secondary',
        name: 'Secondary',
        memberOrder: ['ben-okoro', 'chloe-martin', 'dev-patel', 'ana-lima'],
      },
    ]);
    expect([plan.rotation.startDate, plan.rotation.endDate]).toEqual(['2027-03-15', '2028-03-13']);
    expect(plan.shifts).toHaveLength(104);
    // Monday 09:00 in Los Angeles is 16:00Z before DST ends and 17:00Z in winter.
    expect(plan.shifts[0]).toMatchObject({
      layerId: 'primary',
      memberId: 'ana-lima',
      start: '2027-03-15T16:00:00Z',
      end: '2027-03-22T16:00:00Z',
      source: 'generated',
    });
  });

  it('refuses to build from an unfinished draft and says which step to fix', () => {
    const draft = fullDraft();
    draft.members[2] = { ...draft.members[2]!, email: 'not-an-address' };
    expect(buildPlanFromDraft(draft, NOW)).toEqual({
      ok: false,
      step: 'team',
      message: 'Chloé Martin: e-mail: expected an e-mail address.',
    });
  });

  it('takes row keys from the caller: initial rows, a copied member row and a blank pipeline', () => {
    const draft = initialDraft(NOW, 'America/Los_Angeles', 'US', ['member-7', 'member-8']);
    expect(draft.members.map((m) => [m.key, m.country, m.subdivision, m.timeZone])).toEqual([
      ['member-7', 'US', '', 'America/Los_Angeles'],
      ['member-8', 'US', '', 'America/Los_Angeles'],
    ]);
    expect(draft.rotation.startDate).toBe('2027-03-15');
    const previous = {
      ...draft.members[1]!,
      country: 'CA',
      subdivision: 'BC',
      timeZone: 'America/Vancouver',
    };
    expect(blankMember('member-9', previous, 'America/Los_Angeles', 'US')).toEqual({
      key: 'member-9',
      name: '',
      email: '',
      country: 'CA',
      subdivision: 'BC',
      timeZone: 'America/Vancouver',
    });
    expect(blankPipeline('pipeline-3')).toEqual({
      key: 'pipeline-3',
      name: '',
      description: '',
      criticality: 'medium',
      reportsToInvestors: false,
    });
  });
});
