import { listMemberReferences, memberReferences } from '../../../shared/plan/edits/member-edits';
import type { Member, Plan } from '../../../shared/plan/schema';
import { applyOk, refusal, samplePlan } from './edit-helpers';

const lee: Member = {
  id: 'lee',
  name: 'Lee Park',
  email: 'lee.park@pacificinfra.example',
  role: 'Data Engineer',
  seniority: 'mid',
  timeZone: 'America/Los_Angeles',
  holidayRegion: { country: 'US', subdivision: 'CA' },
  color: '#7c3aed',
  skills: [],
  timeOff: [],
};

const owners = (plan: Plan) =>
  plan.ownership.map((o) => `${o.pipelineId}: ${o.primaryMemberId ?? '-'} / ${o.secondaryMemberId ?? '-'}`);
const shiftsOf = (plan: Plan, memberId: string) => plan.shifts.filter((s) => s.memberId === memberId);

describe('member references', () => {
  it('lists everything that refers to Maya', () => {
    const plan = samplePlan();
    // The shift count comes from the rotation engine (swaps around absences), so it is read, not assumed.
    const shifts = shiftsOf(plan, 'maya').length;
    expect(shifts).toBeGreaterThan(20);
    const refs = listMemberReferences(plan, 'maya');
    expect(refs.map((r) => `${r.kind} ${r.path} ${r.blocking ? 'blocks' : 'info'}: ${r.label}`)).toEqual([
      'ownership ownership[0].primaryMemberId blocks: primary owner of Profit',
      'ownership ownership[3].primaryMemberId blocks: primary owner of Aggregated (Executives & investors)',
      `shifts shifts blocks: on call for ${shifts} shifts`,
      'holiday-history coverage.holidays.history blocks: named in 1 entry of holiday-duty history',
      'rotation-order rotation.layers[0].memberOrder info: in the Primary rotation order',
      'rotation-order rotation.layers[1].memberOrder info: in the Secondary rotation order',
      'skills members[0].skills info: knows Profit, Growth, Aggregated (Executives & investors), Aggregated (Experiments)',
      'time-off members[0].timeOff info: has 1 time-off entry',
    ]);
  });

  it('finds a member named in escalation texts', () => {
    const base = samplePlan();
    const plan: Plan = {
      ...base,
      escalation: [
        ...base.escalation,
        { level: 5, who: 'Maya Chen (finance data lead)', when: '', responseTime: '' },
      ],
    };
    expect(listMemberReferences(plan, 'maya').filter((r) => r.kind === 'escalation-mention')).toEqual([
      {
        kind: 'escalation-mention',
        path: 'escalation[4]',
        label: 'named in escalation level 5',
        blocking: false,
      },
    ]);
  });

  it('memberReferences keeps returning only what blocks a plain removal', () => {
    const plan = samplePlan();
    expect(memberReferences(plan, 'diego')).toEqual([
      'secondary owner of Profit',
      'primary owner of Growth',
      'secondary owner of Aggregated (Experiments)',
      `on call for ${shiftsOf(plan, 'diego').length} shifts`,
      'named in 2 entries of holiday-duty history',
    ]);
  });
});

describe('member removal strategies', () => {
  it("'refuse' (the default) says why", () => {
    const plan = samplePlan();
    expect(refusal(plan, { kind: 'member:remove', memberId: 'maya' })).toBe(
      `Maya Chen cannot be removed while primary owner of Profit, primary owner of Aggregated (Executives & investors), on call for ${shiftsOf(plan, 'maya').length} shifts, named in 1 entry of holiday-duty history. Reassign those to another member first.`,
    );
  });

  it("'clear' is refused when it would orphan a pipeline, naming the pipelines", () => {
    const reason = refusal(samplePlan(), { kind: 'member:remove', memberId: 'maya', strategy: 'clear' });
    expect(reason).toBe(
      'Removing Maya Chen with "clear" would leave Profit and Aggregated (Executives & investors) with no primary owner. Reassign Maya Chen\'s ownership to another member, or pick a new primary owner first.',
    );
  });

  it("'clear' on a secondary-only owner empties those seats and drops shifts and history", () => {
    const base = applyOk(samplePlan(), {
      kind: 'ownership:setPrimary',
      pipelineId: 'agg-exp',
      memberId: 'sam',
    });
    const before = shiftsOf(base, 'priya').length;
    expect(before).toBeGreaterThan(20);
    const plan = applyOk(base, { kind: 'member:remove', memberId: 'priya', strategy: 'clear' });
    expect(plan.members.map((m) => m.id)).toEqual(['maya', 'diego', 'sam']);
    expect(owners(plan)).toEqual([
      'profit: maya / diego',
      'growth: diego / -',
      'engagement: sam / -',
      'agg-exec: maya / sam',
      'agg-exp: sam / diego',
    ]);
    expect(plan.shifts).toHaveLength(base.shifts.length - before);
    expect(shiftsOf(plan, 'priya')).toEqual([]);
    expect(plan.coverage.holidays.history.map((h) => `${h.holidayId} ${h.year} ${h.memberId}`)).toEqual([
      'thanksgiving 2025 sam',
      'christmas 2025 diego',
      'thanksgiving 2026 diego',
      'christmas 2026 maya',
      'new-year 2027 sam',
    ]);
    expect(plan.rotation.layers.map((l) => l.memberOrder)).toEqual([
      ['maya', 'diego', 'sam'],
      ['diego', 'sam', 'maya'],
    ]);
  });

  it('{ reassignTo } moves ownership, shifts and history; an owner never holds both seats', () => {
    const base = samplePlan();
    const plan = applyOk(base, {
      kind: 'member:remove',
      memberId: 'maya',
      strategy: { reassignTo: 'sam' },
    });
    expect(plan.members.map((m) => m.id)).toEqual(['diego', 'priya', 'sam']);
    expect(owners(plan)).toEqual([
      'profit: sam / diego',
      'growth: diego / priya',
      'engagement: sam / priya',
      'agg-exec: sam / -',
      'agg-exp: priya / diego',
    ]);
    expect(shiftsOf(plan, 'maya')).toEqual([]);
    expect(shiftsOf(plan, 'sam')).toHaveLength(shiftsOf(base, 'sam').length + shiftsOf(base, 'maya').length);
    const first = plan.shifts.find((s) => s.id === 'primary-2027-01-04')!;
    expect(base.shifts.find((s) => s.id === 'primary-2027-01-04')!.memberId).toBe('maya');
    expect(first).toMatchObject({ memberId: 'sam', note: 'Reassigned from Maya Chen' });
    expect(
      plan.coverage.holidays.history.find((h) => h.holidayId === 'christmas' && h.year === 2026)!.memberId,
    ).toBe('sam');
    // Sam already has a slot in both layers, so Maya's slot goes rather than doubling Sam's.
    expect(plan.rotation.layers.map((l) => l.memberOrder)).toEqual([
      ['diego', 'priya', 'sam'],
      ['diego', 'priya', 'sam'],
    ]);
  });

  it('{ reassignTo } a newcomer takes the rotation slots and the name in escalation texts', () => {
    const base = applyOk(samplePlan(), { kind: 'member:add', member: lee });
    const withMention = applyOk(base, {
      kind: 'operations:addEscalation',
      level: { who: 'Maya Chen for finance data', when: 'Ask MAYA CHEN first', responseTime: '' },
    });
    const plan = applyOk(withMention, {
      kind: 'member:remove',
      memberId: 'maya',
      strategy: { reassignTo: 'lee' },
    });
    expect(plan.rotation.layers.map((l) => l.memberOrder)).toEqual([
      ['lee', 'diego', 'priya', 'sam'],
      ['diego', 'priya', 'sam', 'lee'],
    ]);
    expect(plan.escalation[4]).toEqual({
      level: 5,
      who: 'Lee Park for finance data',
      when: 'Ask Lee Park first',
      responseTime: '',
    });
    expect(owners(plan).slice(0, 1)).toEqual(['profit: lee / diego']);
  });

  it.each([
    [{ reassignTo: 'ghost' }, 'cannot reassign to "ghost": no team member has that id'],
    [{ reassignTo: 'maya' }, "cannot reassign Maya Chen's references to Maya Chen"],
  ] as const)('refuses reassigning to %j', (strategy, reason) => {
    expect(refusal(samplePlan(), { kind: 'member:remove', memberId: 'maya', strategy })).toBe(reason);
  });

  it('removes a member nothing refers to without a strategy', () => {
    const base = applyOk(samplePlan(), { kind: 'member:add', member: lee });
    const plan = applyOk(base, { kind: 'member:remove', memberId: 'lee' });
    expect(plan.members.map((m) => m.id)).toEqual(['maya', 'diego', 'priya', 'sam']);
  });
});
