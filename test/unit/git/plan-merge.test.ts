import { mergePlans } from '../../../shared/git/plan-merge';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Member, Plan, Shift } from '../../../shared/plan/schema';
import { validatePlanFully } from '../../../shared/plan/validate-full';

const NOW = '2026-11-27T00:00:00.000Z';
const base = createSamplePlan(NOW);
const SHIFT = 'primary-2027-01-18';

const withShift = (plan: Plan, id: string, change: Partial<Shift>): Plan => ({
  ...plan,
  shifts: plan.shifts.map((s) => (s.id === id ? { ...s, ...change } : s)),
});

describe('mergePlans', () => {
  it('combines a rename and an ownership change with a moved shift and a new common issue', () => {
    const ours: Plan = {
      ...base,
      members: base.members.map((m) => (m.id === 'maya' ? { ...m, name: 'Maya Chen-Ito' } : m)),
      ownership: base.ownership.map((o) =>
        o.pipelineId === 'profit' ? { ...o, primaryMemberId: 'priya' } : o,
      ),
      meta: { ...base.meta, updatedAt: '2026-12-01T10:00:00.000Z' },
    };
    const issue = {
      id: 'late-file',
      name: 'Late file',
      symptom: 'No file by 06:00',
      action: 'Rerun',
      escalation: 'Lead',
    };
    const theirs: Plan = {
      ...withShift(base, SHIFT, { memberId: 'sam', source: 'manual' }),
      pipelines: base.pipelines.map((p) =>
        p.id === 'growth' ? { ...p, commonIssues: [...p.commonIssues, issue] } : p,
      ),
      meta: { ...base.meta, updatedAt: '2026-12-02T10:00:00.000Z' },
    };
    const { plan, conflicts } = mergePlans(base, ours, theirs);
    expect(conflicts).toEqual([]);
    expect(plan.mergeConflicts).toBeUndefined();
    expect(plan.members.find((m) => m.id === 'maya')!.name).toBe('Maya Chen-Ito');
    expect(plan.ownership.find((o) => o.pipelineId === 'profit')!.primaryMemberId).toBe('priya');
    expect(plan.shifts.find((s) => s.id === SHIFT)).toMatchObject({ memberId: 'sam', source: 'manual' });
    expect(plan.pipelines.find((p) => p.id === 'growth')!.commonIssues.at(-1)).toEqual(issue);
    expect(plan.meta.updatedAt).toBe('2026-12-02T10:00:00.000Z');
    expect(validatePlanFully(plan).ok).toBe(true);
  });

  it('records the same shift given to different people as a conflict that keeps ours, in a valid plan', () => {
    const { plan, conflicts } = mergePlans(
      base,
      withShift(base, SHIFT, { memberId: 'sam' }),
      withShift(base, SHIFT, { memberId: 'maya' }),
    );
    expect(conflicts).toEqual([
      {
        id: 'conflict-1',
        kind: 'both-changed',
        entity: 'shift',
        entityId: SHIFT,
        path: `shifts[${SHIFT}].memberId`,
        message: 'both sides changed it differently',
        base: 'priya',
        ours: 'sam',
        theirs: 'maya',
      },
    ]);
    expect(plan.shifts.find((s) => s.id === SHIFT)!.memberId).toBe('sam');
    expect(plan.mergeConflicts).toEqual(conflicts);
    expect(validatePlanFully(plan).ok).toBe(true);
  });

  it('turns an owner removed on one side and assigned on the other into a rule conflict, not a dangling owner', () => {
    const zoe: Member = {
      ...base.members[0]!,
      id: 'zoe',
      name: 'Zoe Park',
      email: 'zoe@example.com',
      skills: [],
      timeOff: [],
    };
    const withZoe: Plan = { ...base, members: [...base.members, zoe] };
    const ours: Plan = { ...withZoe, members: base.members };
    const theirs: Plan = {
      ...withZoe,
      ownership: withZoe.ownership.map((o) =>
        o.pipelineId === 'growth' ? { ...o, primaryMemberId: 'zoe' } : o,
      ),
    };
    const { plan, conflicts } = mergePlans(withZoe, ours, theirs);
    expect(validatePlanFully(plan).ok).toBe(true);
    expect(plan.members.some((m) => m.id === 'zoe')).toBe(false);
    expect(plan.ownership.find((o) => o.pipelineId === 'growth')!.primaryMemberId).toBe('diego');
    expect(conflicts.map((c) => [c.kind, c.entity, c.entityId])).toEqual([['rule', 'ownership', 'growth']]);
    expect(conflicts[0]!.message).toBe('ownership[1].primaryMemberId: no team member has id "zoe"');
  });

  it('turns two clean additions that put two people on one layer at once into a rule conflict', () => {
    const gap: Plan = withShift(base, SHIFT, { end: '2027-01-24T17:00:00Z' });
    const cover = (id: string, memberId: string): Plan => ({
      ...gap,
      shifts: [
        ...gap.shifts,
        {
          id,
          layerId: 'primary',
          memberId,
          start: '2027-01-24T17:00:00Z',
          end: '2027-01-25T17:00:00Z',
          source: 'manual',
          pinned: false,
        },
      ],
    });
    const { plan, conflicts } = mergePlans(gap, cover('cover-a', 'sam'), cover('cover-b', 'maya'));
    expect(conflicts.map((c) => [c.kind, c.entity, c.entityId, c.message])).toEqual([
      ['rule', 'shift', 'cover-b', 'overlaps shift cover-a on its layer'],
    ]);
    expect(plan.shifts.filter((s) => s.id.startsWith('cover-')).map((s) => s.id)).toEqual(['cover-a']);
    expect(validatePlanFully(plan).ok).toBe(true);
  });
});
