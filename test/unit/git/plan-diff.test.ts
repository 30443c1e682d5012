import { diffPlans, renderPlanDiff } from '../../../shared/git/plan-diff';
import { planAsText } from '../../../shared/git/plan-text';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';

const base = createSamplePlan('2026-11-27T00:00:00.000Z');

describe('diffPlans', () => {
  it('says nothing changed for the same plan', () => {
    const diff = diffPlans(base, structuredClone(base));
    expect(diff).toEqual({ changes: [], shiftWeeks: [], shiftCount: 0, fairness: null });
    expect(renderPlanDiff(base, base, diff)).toBe('No changes to the plan.\n');
  });

  it('names a rename, an owner change, a rotation setting and a reassigned shift in the plan’s words', () => {
    const next: Plan = {
      ...base,
      members: base.members.map((m) => (m.id === 'maya' ? { ...m, name: 'Maya Chen-Ito' } : m)),
      ownership: base.ownership.map((o) =>
        o.pipelineId === 'profit' ? { ...o, primaryMemberId: 'priya' } : o,
      ),
      rotation: { ...base.rotation, maxWeekendsPerMember: 10 },
      shifts: base.shifts.map((s) => (s.id === 'primary-2027-01-18' ? { ...s, memberId: 'sam' } : s)),
    };
    const diff = diffPlans(base, next);
    expect(diff.shiftWeeks).toEqual([
      {
        weekOf: '2027-01-18',
        changes: [
          {
            kind: 'changed',
            id: 'primary-2027-01-18',
            layer: 'Primary',
            before: { member: 'Priya Raman', start: '2027-01-18T17:00:00Z', end: '2027-01-25T17:00:00Z' },
            after: { member: 'Sam Okafor', start: '2027-01-18T17:00:00Z', end: '2027-01-25T17:00:00Z' },
            fields: [],
            text: 'Jan 18–25 Primary: Priya Raman → Sam Okafor',
          },
        ],
      },
    ]);
    const text = renderPlanDiff(base, next, diff);
    expect(text.split('\n').slice(0, 11)).toEqual([
      'Members',
      '  ~ Maya Chen-Ito (maya):',
      '      name: "Maya Chen" → "Maya Chen-Ito"',
      'Ownership',
      '  ~ Profit (profit):',
      '      primaryMemberId: Maya Chen → Priya Raman',
      'Rotation',
      '  ~ maxWeekendsPerMember: (none) → 10',
      'Shifts (1 changed)',
      '  Week of Jan 18, 2027',
      '    Jan 18–25 Primary: Priya Raman → Sam Okafor',
    ]);
    expect(text).toContain('Fairness (2027-01-01 to 2027-01-31)\n  Gini ');
  });

  it('gives git log a text view with one line a shift', () => {
    const text = planAsText(base);
    expect(text).toContain('\nShifts\n  2027\n    Jan 4–11 09:00 Primary: Maya Chen\n');
    expect(text).toContain('  Profit: primary Maya Chen, secondary Diego Alvarez\n');
  });
});
