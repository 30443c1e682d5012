import { applyEdit } from '../../../shared/plan/edits';
import { checkPlanReferences } from '../../../shared/plan/references';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { planShapeSchema, type Plan } from '../../../shared/plan/schema';
import { PlanValidator } from '../../../shared/plan/plan-validator';
import { problemsFromZod, validatePlan } from '../../../shared/plan/validate';

const NOW = '2026-11-27T00:00:00.000Z';
const full = planShapeSchema.superRefine(checkPlanReferences);

let validator = new PlanValidator();
beforeEach(() => {
  validator = new PlanValidator();
});

/** A valid plan whose shifts the validator has passed (so its next parse takes the fast path). */
function known(): Plan {
  const result = validatePlan(JSON.parse(JSON.stringify(createSamplePlan(NOW))), validator);
  if (!result.ok) throw new Error('the sample plan is invalid');
  return result.plan;
}

function problems(input: unknown) {
  const parsed = validator.safeParse(input);
  return parsed.success ? [] : problemsFromZod(parsed.error);
}

function fullProblems(input: unknown) {
  const parsed = full.safeParse(JSON.parse(JSON.stringify(input)));
  return parsed.success ? [] : problemsFromZod(parsed.error);
}

describe('PlanValidator re-judging only the shifts that changed', () => {
  it('keeps unchanged shift objects and gives what the full schema gives', () => {
    const plan = known();
    const edited = applyEdit(
      plan,
      { kind: 'shift:reassign', shiftId: 'primary-2027-03-15', memberId: 'maya' },
      NOW,
      validator,
    );
    if (!edited.ok) throw new Error(edited.reason);
    const index = plan.shifts.findIndex((s) => s.id === 'primary-2027-03-15');
    expect(edited.plan.shifts[index]!.memberId).toBe('maya');
    expect(edited.plan.shifts[index]).not.toBe(plan.shifts[index]);
    expect(edited.plan.shifts[0]).toBe(plan.shifts[0]);
    expect(edited.plan.shifts[index + 1]).toBe(plan.shifts[index + 1]);
    const again = full.safeParse(JSON.parse(JSON.stringify(edited.plan)));
    expect(again.success && again.data).toEqual(edited.plan);
  });

  it("neither freezes nor changes the caller's shifts", () => {
    const plan = known();
    const before = JSON.stringify(plan);
    expect(plan.shifts.some((s) => Object.isFrozen(s))).toBe(false);
    expect(validator.safeParse(plan).success).toBe(true);
    expect(JSON.stringify(plan)).toBe(before);
    expect(plan.shifts.some((s) => Object.isFrozen(s))).toBe(false);
  });

  it('keeps no memory between validators: a new one judges every shift', () => {
    const plan = known();
    const parsed = new PlanValidator().safeParse(plan);
    expect(parsed.success && parsed.data.shifts[3]).toBe(plan.shifts[3]);
    const other = new PlanValidator();
    const copy = JSON.parse(JSON.stringify(plan)) as Plan;
    (copy.shifts[4] as { end: string }).end = copy.shifts[4]!.start;
    expect(other.safeParse(copy).success).toBe(false);
  });

  it('judges a changed copy of a known shift again: an unknown member', () => {
    const plan = known();
    const broken = {
      ...plan,
      shifts: plan.shifts.map((s, i) => (i === 3 ? { ...s, memberId: 'nobody' } : s)),
    };
    expect(problems(broken)).toEqual([
      { path: 'shifts[3].memberId', message: 'no team member has id "nobody"' },
    ]);
    expect(problems(broken)).toEqual(fullProblems(broken));
  });

  it('judges a changed copy of a known shift again: ending before it starts', () => {
    const plan = known();
    const broken = { ...plan, shifts: plan.shifts.map((s, i) => (i === 5 ? { ...s, end: s.start } : s)) };
    expect(problems(broken)).toEqual([
      { path: 'shifts[5].end', message: 'a shift must end after it starts' },
    ]);
  });

  it('keeps a key added to a copy of a known shift, as the full schema does (unknown keys are kept)', () => {
    const plan = known();
    const extra = { ...plan, shifts: plan.shifts.map((s, i) => (i === 2 ? { ...s, extra: 'x' } : s)) };
    const parsed = validator.safeParse(extra);
    expect(parsed.success).toBe(true);
    expect(parsed.success && parsed.data.shifts[2]).toEqual({ ...plan.shifts[2]!, extra: 'x' });
    expect(parsed.success && parsed.data.shifts[3]).toBe(plan.shifts[3]);
  });

  it('reports a known shift listed twice as a duplicate id', () => {
    const plan = known();
    const twice = { ...plan, shifts: [...plan.shifts, plan.shifts[0]!] };
    expect(problems(twice)).toEqual([
      {
        path: `shifts[${plan.shifts.length}].id`,
        message: `duplicate shift id "${plan.shifts[0]!.id}" (first used at shifts[0])`,
      },
    ]);
  });

  it('takes plans marked as validated elsewhere as known, keeping their shifts', () => {
    const plan = JSON.parse(JSON.stringify(createSamplePlan(NOW))) as Plan;
    validator.markValidated(plan);
    const parsed = validator.safeParse({ ...plan, meta: { ...plan.meta, name: 'Renamed' } });
    expect(parsed.success && parsed.data.shifts[7]).toBe(plan.shifts[7]);
    expect(parsed.success && parsed.data.meta.name).toBe('Renamed');
  });
});
