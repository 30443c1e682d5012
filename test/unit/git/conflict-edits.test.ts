import { mergePlans } from '../../../shared/git/plan-merge';
import { applyEdit } from '../../../shared/plan/edits';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';

const NOW = '2026-11-27T00:00:00.000Z';
const base = createSamplePlan(NOW);
const SHIFT = 'primary-2027-01-18';
const give = (memberId: string): Plan => ({
  ...base,
  shifts: base.shifts.map((s) => (s.id === SHIFT ? { ...s, memberId } : s)),
  ownership: base.ownership.map((o) =>
    o.pipelineId === 'profit' ? { ...o, stakeholder: `Finance (${memberId})` } : o,
  ),
});
const conflicted = mergePlans(base, give('sam'), give('maya')).plan;

describe('resolving merge conflicts', () => {
  it('records one conflict per value both sides changed', () => {
    expect(conflicted.mergeConflicts!.map((c) => c.path)).toEqual([
      'ownership[profit].stakeholder',
      `shifts[${SHIFT}].memberId`,
    ]);
  });

  it('takes their side of one conflict as one edit, leaving the other', () => {
    const shiftConflict = conflicted.mergeConflicts!.find((c) => c.entity === 'shift')!;
    const result = applyEdit(
      conflicted,
      { kind: 'conflict:resolve', conflictId: shiftConflict.id, side: 'theirs' },
      NOW,
    );
    if (!result.ok) throw new Error(result.reason);
    expect(result.plan.shifts.find((s) => s.id === SHIFT)!.memberId).toBe('maya');
    expect(result.plan.mergeConflicts!.map((c) => c.path)).toEqual(['ownership[profit].stakeholder']);
    expect(result.plan.ownership.find((o) => o.pipelineId === 'profit')!.stakeholder).toBe('Finance (sam)');
  });

  it('keeps our side and drops the section with the last conflict', () => {
    let plan = conflicted;
    for (const c of conflicted.mergeConflicts!) {
      const result = applyEdit(plan, { kind: 'conflict:resolve', conflictId: c.id, side: 'ours' }, NOW);
      if (!result.ok) throw new Error(result.reason);
      plan = result.plan;
    }
    expect('mergeConflicts' in plan).toBe(false);
    expect(plan.shifts.find((s) => s.id === SHIFT)!.memberId).toBe('sam');
  });

  it('refuses an unknown conflict id', () => {
    const result = applyEdit(
      conflicted,
      { kind: 'conflict:resolve', conflictId: 'conflict-9', side: 'ours' },
      NOW,
    );
    expect(result).toMatchObject({ ok: false, reason: 'no merge conflict has id "conflict-9"' });
  });
});
