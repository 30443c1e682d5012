import { applyOk, refusal, samplePlan } from './edit-helpers';

const row = (plan: ReturnType<typeof samplePlan>, pipelineId: string) =>
  plan.ownership.find((o) => o.pipelineId === pipelineId);

describe('ownership edits', () => {
  it.each([
    [
      { kind: 'ownership:setPrimary', pipelineId: 'growth', memberId: 'sam' },
      'sam',
      'priya',
      'Growth Marketing and Sales Ops — Marcus Lee',
    ],
    [
      { kind: 'ownership:setPrimary', pipelineId: 'growth', memberId: null },
      null,
      'priya',
      'Growth Marketing and Sales Ops — Marcus Lee',
    ],
    [
      { kind: 'ownership:setSecondary', pipelineId: 'growth', memberId: 'maya' },
      'diego',
      'maya',
      'Growth Marketing and Sales Ops — Marcus Lee',
    ],
    [
      { kind: 'ownership:setSecondary', pipelineId: 'growth', memberId: 'diego' },
      'diego',
      'diego',
      'Growth Marketing and Sales Ops — Marcus Lee',
    ],
    [
      { kind: 'ownership:setStakeholder', pipelineId: 'growth', stakeholder: '  Revenue Ops  ' },
      'diego',
      'priya',
      'Revenue Ops',
    ],
    [
      { kind: 'ownership:swap', pipelineId: 'growth' },
      'priya',
      'diego',
      'Growth Marketing and Sales Ops — Marcus Lee',
    ],
  ] as const)(
    '%j gives primary %s, secondary %s, stakeholder %s',
    (edit, primary, secondary, stakeholder) => {
      const plan = applyOk(samplePlan(), edit);
      expect(row(plan, 'growth')).toEqual({
        pipelineId: 'growth',
        primaryMemberId: primary,
        secondaryMemberId: secondary,
        stakeholder,
      });
      expect(plan.ownership).toHaveLength(5);
    },
  );

  it.each([
    [
      { kind: 'ownership:setPrimary', pipelineId: 'growth', memberId: 'ghost' },
      'no team member has id "ghost"',
    ],
    [{ kind: 'ownership:setSecondary', pipelineId: 'nope', memberId: 'maya' }, 'no pipeline has id "nope"'],
    [{ kind: 'ownership:swap', pipelineId: 'nope' }, 'no pipeline has id "nope"'],
  ] as const)('refuses %j', (edit, reason) => {
    expect(refusal(samplePlan(), edit)).toBe(reason);
  });

  it('creates the ownership row when a hand-written plan lacks it', () => {
    const base = samplePlan();
    const plan = applyOk(
      { ...base, ownership: base.ownership.filter((o) => o.pipelineId !== 'engagement') },
      { kind: 'ownership:setPrimary', pipelineId: 'engagement', memberId: 'priya' },
    );
    expect(row(plan, 'engagement')).toEqual({
      pipelineId: 'engagement',
      primaryMemberId: 'priya',
      secondaryMemberId: null,
      stakeholder: '',
    });
  });
});
