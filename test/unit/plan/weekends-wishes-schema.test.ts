import { applyEdit } from '../../../shared/plan/edits';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';
import { validatePlan, type PlanProblem } from '../../../shared/plan/validate';

const NOW = '2026-11-27T00:00:00.000Z';
const LATER = '2026-11-28T00:00:00.000Z';

const wish = {
  id: 'wish-1',
  memberId: 'maya',
  from: '2027-07-03',
  to: '2027-07-05',
  kind: 'avoid' as const,
  weight: 20,
  note: 'family visit',
};

function withFields(change: (plan: Plan) => void): Plan {
  const plan = structuredClone(createSamplePlan(NOW));
  change(plan);
  return plan;
}

describe('max weekends and wishes in the plan file', () => {
  it('a plan without them (every v1 file) stays valid and gains no keys', () => {
    const result = validatePlan(createSamplePlan(NOW));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect('wishes' in result.plan).toBe(false);
    expect('maxWeekendsPerMember' in result.plan.rotation).toBe(false);
  });

  it('a plan with both is valid and keeps them as written', () => {
    const plan = withFields((p) => {
      p.rotation.maxWeekendsPerMember = 6;
      p.wishes = [
        wish,
        { ...wish, id: 'wish-2', memberId: 'sam', kind: 'prefer', weight: 1, note: undefined },
      ];
    });
    delete plan.wishes![1]!.note;
    const result = validatePlan(plan);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.rotation.maxWeekendsPerMember).toBe(6);
    expect(result.plan.wishes).toEqual(plan.wishes);
  });

  const rows: { what: string; change: (p: Plan) => void; problems: PlanProblem[] }[] = [
    {
      what: 'a negative weekend limit',
      change: (p) => void (p.rotation.maxWeekendsPerMember = -1),
      problems: [{ path: 'rotation.maxWeekendsPerMember', message: 'Too small: expected number to be >=0' }],
    },
    {
      what: 'a fractional weekend limit',
      change: (p) => void (p.rotation.maxWeekendsPerMember = 1.5),
      problems: [
        { path: 'rotation.maxWeekendsPerMember', message: 'Invalid input: expected int, received number' },
      ],
    },
    {
      what: 'a wish weight of 0',
      change: (p) => void (p.wishes = [{ ...wish, weight: 0 }]),
      problems: [{ path: 'wishes[0].weight', message: 'Too small: expected number to be >=1' }],
    },
    {
      what: 'a wish weight over 100',
      change: (p) => void (p.wishes = [{ ...wish, weight: 101 }]),
      problems: [{ path: 'wishes[0].weight', message: 'Too big: expected number to be <=100' }],
    },
    {
      what: 'a wish that ends before it starts',
      change: (p) => void (p.wishes = [{ ...wish, from: '2027-07-05', to: '2027-07-03' }]),
      problems: [{ path: 'wishes[0].to', message: 'a wish ends before it starts' }],
    },
    {
      what: 'a wish of an unknown kind',
      change: (p) => void (p.wishes = [{ ...wish, kind: 'maybe' as 'avoid' }]),
      problems: [{ path: 'wishes[0].kind', message: 'Invalid option: expected one of "prefer"|"avoid"' }],
    },
    {
      what: 'a wish of a member who is not in the team',
      change: (p) => void (p.wishes = [wish, { ...wish, id: 'wish-2', memberId: 'ghost' }]),
      problems: [{ path: 'wishes[1].memberId', message: 'no team member has id "ghost"' }],
    },
    {
      what: 'two wishes with one id',
      change: (p) => void (p.wishes = [wish, { ...wish, memberId: 'sam' }]),
      problems: [{ path: 'wishes[1].id', message: 'duplicate wish id "wish-1" (first used at wishes[0])' }],
    },
  ];
  it.each(rows)('$what is refused with its JSON path', ({ change, problems }) => {
    const result = validatePlan(withFields(change));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(problems);
  });
});

describe('edits of max weekends and wishes', () => {
  it('sets and clears the weekend limit; clearing drops the key', () => {
    const plan = createSamplePlan(NOW);
    const set = applyEdit(plan, { kind: 'rotation:set-max-weekends', max: 4 }, LATER);
    expect(set.ok).toBe(true);
    if (!set.ok) return;
    expect(set.plan.rotation.maxWeekendsPerMember).toBe(4);
    const cleared = applyEdit(set.plan, { kind: 'rotation:set-max-weekends', max: null }, LATER);
    expect(cleared.ok).toBe(true);
    if (!cleared.ok) return;
    expect('maxWeekendsPerMember' in cleared.plan.rotation).toBe(false);
    const bad = applyEdit(plan, { kind: 'rotation:set-max-weekends', max: -2 }, LATER);
    expect(bad).toMatchObject({
      ok: false,
      problems: [
        { path: 'rotation.maxWeekendsPerMember', message: 'expected a whole number of weekends, 0 or more' },
      ],
    });
  });

  it('adds, updates and removes wishes; the last removal drops the key; a ghost member is refused', () => {
    const plan = createSamplePlan(NOW);
    const added = applyEdit(plan, { kind: 'wish:add', wish }, LATER);
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(added.plan.wishes).toEqual([wish]);
    const again = applyEdit(added.plan, { kind: 'wish:add', wish }, LATER);
    expect(again).toMatchObject({ ok: false, reason: 'a wish with id "wish-1" exists' });
    const updated = applyEdit(
      added.plan,
      { kind: 'wish:update', wishId: 'wish-1', fields: { weight: 50 } },
      LATER,
    );
    expect(updated.ok && updated.plan.wishes![0]!.weight).toBe(50);
    const ghost = applyEdit(plan, { kind: 'wish:add', wish: { ...wish, memberId: 'ghost' } }, LATER);
    expect(ghost).toMatchObject({
      ok: false,
      problems: [{ path: 'wishes[0].memberId', message: 'no team member has id "ghost"' }],
    });
    const removed = applyEdit(added.plan, { kind: 'wish:remove', wishId: 'wish-1' }, LATER);
    expect(removed.ok).toBe(true);
    if (!removed.ok) return;
    expect('wishes' in removed.plan).toBe(false);
  });
});
