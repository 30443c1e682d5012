import { applyPlanPatch, diffPlan, type PlanPatch } from '../../../shared/plan/plan-patch';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';
import { validatePlan } from '../../../shared/plan/validate';
import { sortShifts } from '../../../shared/rotation/schedule-shifts';
import { applyOk, EDIT_NOW } from '../edits/edit-helpers';

/** The sample plan as the renderer holds it: validated by main (so its shift objects are the ones edits keep). */
function basePlan(): Plan {
  const result = validatePlan(createSamplePlan('2026-11-27T00:00:00.000Z'));
  if (!result.ok) throw new Error('the sample plan must be valid');
  return result.plan;
}

/** apply(base, diff(base, next)) must rebuild next, shifts in canonical order. */
function expectRoundTrip(base: Plan, next: Plan, patch: PlanPatch) {
  const applied = applyPlanPatch(base, patch);
  expect(applied).toEqual({ ok: true, plan: { ...next, shifts: sortShifts(next, next.shifts) } });
  if (applied.ok) expect(JSON.stringify(applied.plan)).toBe(JSON.stringify(next));
}

describe('diffPlan', () => {
  it('a swap gives exactly the two swapped shifts, nothing removed, and the plan without shifts', () => {
    const base = basePlan();
    const next = applyOk(base, {
      kind: 'shift:swap',
      shiftId: 'primary-2027-01-04',
      otherShiftId: 'primary-2027-01-11',
    });
    const patch = diffPlan(base, next);
    expect(patch.upsert).toEqual([
      {
        id: 'primary-2027-01-04',
        layerId: 'primary',
        memberId: 'diego',
        start: '2027-01-04T17:00:00Z',
        end: '2027-01-11T17:00:00Z',
        source: 'swap',
        pinned: false,
        cover: {
          kind: 'swap',
          originalMemberId: 'maya',
          originalStart: '2027-01-04T17:00:00Z',
          originalEnd: '2027-01-11T17:00:00Z',
          pairedStart: '2027-01-11T17:00:00Z',
        },
      },
      {
        id: 'primary-2027-01-11',
        layerId: 'primary',
        memberId: 'maya',
        start: '2027-01-11T17:00:00Z',
        end: '2027-01-18T17:00:00Z',
        source: 'swap',
        pinned: false,
        cover: {
          kind: 'swap',
          originalMemberId: 'diego',
          originalStart: '2027-01-11T17:00:00Z',
          originalEnd: '2027-01-18T17:00:00Z',
          pairedStart: '2027-01-04T17:00:00Z',
        },
      },
    ]);
    expect(patch.remove).toEqual([]);
    expect(patch.shiftCount).toBe(104);
    expect('shifts' in patch.rest).toBe(false);
    expect(patch.rest.meta.updatedAt).toBe(EDIT_NOW);
    expectRoundTrip(base, next, patch);
  });

  it('a shift:move of one handoff gives the two shifts on either side of it', () => {
    const base = basePlan();
    const next = applyOk(base, {
      kind: 'shift:move',
      shiftId: 'primary-2027-01-18',
      start: '2027-01-19T17:00:00Z',
      end: '2027-01-25T17:00:00Z',
    });
    const patch = diffPlan(base, next);
    expect(patch.upsert.map((s) => [s.id, s.start, s.end])).toEqual([
      ['primary-2027-01-11', '2027-01-11T17:00:00Z', '2027-01-19T17:00:00Z'],
      ['primary-2027-01-18', '2027-01-19T17:00:00Z', '2027-01-25T17:00:00Z'],
    ]);
    expect(patch.remove).toEqual([]);
    expectRoundTrip(base, next, patch);
  });

  it('a manual shift cut into the layer: the new shift, the trimmed one and the rest split off', () => {
    const base = basePlan();
    const next = applyOk(base, {
      kind: 'shift:create',
      shift: {
        id: 'cover-2027-03-02',
        layerId: 'primary',
        memberId: 'maya',
        start: '2027-03-02T17:00:00Z',
        end: '2027-03-03T17:00:00Z',
      },
    });
    const patch = diffPlan(base, next);
    expect(patch.upsert.map((s) => [s.id, s.start, s.end, s.source])).toEqual([
      ['primary-2027-03-01', '2027-03-01T17:00:00Z', '2027-03-02T17:00:00Z', 'generated'],
      ['cover-2027-03-02', '2027-03-02T17:00:00Z', '2027-03-03T17:00:00Z', 'manual'],
      ['primary-2027-03-03T09:00', '2027-03-03T17:00:00Z', '2027-03-08T17:00:00Z', 'generated'],
    ]);
    expect(patch.remove).toEqual([]);
    expect(patch.shiftCount).toBe(106);
    expectRoundTrip(base, next, patch);
  });

  it('removed shifts are named by id', () => {
    const base = basePlan();
    const gone = new Set(['primary-2027-12-27', 'secondary-2027-12-27']);
    const next = { ...base, shifts: base.shifts.filter((s) => !gone.has(s.id)) };
    const patch = diffPlan(base, next);
    expect(patch.upsert).toEqual([]);
    expect(patch.remove).toEqual(['primary-2027-12-27', 'secondary-2027-12-27']);
    expect(patch.shiftCount).toBe(102);
    expectRoundTrip(base, next, patch);
  });

  it('as many shifts as before, one removed and one added, or the same ones reordered', () => {
    const base = basePlan();
    const last = base.shifts[103]!;
    const added = { ...last, id: 'secondary-2027-12-27-b' };
    const next = { ...base, shifts: [...base.shifts.slice(0, 103), added] };
    const patch = diffPlan(base, next);
    expect(patch.upsert).toEqual([added]);
    expect(patch.remove).toEqual(['secondary-2027-12-27']);
    expect(patch.shiftCount).toBe(104);
    expectRoundTrip(base, next, patch);
    const reordered = diffPlan(base, { ...base, shifts: [...base.shifts].reverse() });
    expect([reordered.upsert, reordered.remove]).toEqual([[], []]);
  });

  it('a rename changes only the rest', () => {
    const base = basePlan();
    const next = applyOk(base, { kind: 'meta:rename', name: 'Coverage after the reorg' });
    const patch = diffPlan(base, next);
    expect(patch).toEqual({
      rest: { ...next, shifts: undefined },
      upsert: [],
      remove: [],
      shiftCount: 104,
    });
    expect(patch.rest.meta.name).toBe('Coverage after the reorg');
    expectRoundTrip(base, next, patch);
  });

  it('undo (diff back to an earlier plan) upserts the earlier shift objects', () => {
    const base = basePlan();
    const next = applyOk(base, { kind: 'shift:reassign', shiftId: 'secondary-2027-02-01', memberId: 'sam' });
    const back = diffPlan(next, base);
    expect(back.upsert).toHaveLength(1);
    expect(back.upsert[0]).toBe(base.shifts.find((s) => s.id === 'secondary-2027-02-01'));
    expectRoundTrip(next, base, back);
  });
});

describe('applyPlanPatch refuses a patch that does not fit the base', () => {
  const base = basePlan();
  const next = applyOk(base, { kind: 'shift:reassign', shiftId: 'primary-2027-02-01', memberId: 'priya' });
  const good = diffPlan(base, next);

  it('an id to remove that the base lacks', () => {
    expect(applyPlanPatch(base, { ...good, remove: ['primary-2030-01-07'], shiftCount: 103 })).toEqual({
      ok: false,
      reason: 'the shift "primary-2030-01-07" to remove is not in the saved plan',
    });
  });

  it('a count other than the patch says', () => {
    expect(applyPlanPatch(base, { ...good, shiftCount: 105 })).toEqual({
      ok: false,
      reason: 'the patch gives 104 shifts where the edited plan has 105',
    });
  });

  it('the same id upserted twice', () => {
    const shift = good.upsert[0]!;
    expect(applyPlanPatch(base, { ...good, upsert: [shift, { ...shift, memberId: 'maya' }] })).toEqual({
      ok: false,
      reason: 'the shift "primary-2027-02-01" is upserted twice',
    });
  });

  it('an id both removed and upserted', () => {
    expect(applyPlanPatch(base, { ...good, remove: ['primary-2027-02-01'] })).toEqual({
      ok: false,
      reason: 'the shift "primary-2027-02-01" is both removed and upserted',
    });
  });

  it('leaves the base plan as it was', () => {
    expect(base.shifts).toHaveLength(104);
    expect(base.shifts.find((s) => s.id === 'primary-2027-02-01')?.memberId).not.toBe('priya');
  });
});
