import { buildLedger } from '../../../shared/fairness/ledger';
import { resolveWindow } from '../../../shared/fairness/window';
import { isRefusal } from '../../../shared/plan/edits/edit-outcome';
import { createFollowTheSunPlan } from '../../../shared/plan/sample-follow-the-sun';
import type { Plan } from '../../../shared/plan/schema';
import { planSchema } from '../../../shared/plan/validate';
import { applyScenarioChange } from '../../../shared/scenarios/scenario-changes';
import { scheduleShifts } from '../../../shared/rotation/schedule-shifts';
import { scenarioPlan } from '../../../shared/scenarios/scenario-plan';
import { member, planWith } from '../rotation/plan-fixtures';
import { applyOk, refusal } from '../edits/edit-helpers';

/** Weekly from Monday 2027-01-04 09:00 Los Angeles to 2027-04-05: a b c d in turn, with one scenario "What if". */
function weekly(): Plan {
  const base = planWith(
    ['a', 'b', 'c', 'd'].map((id) => member(id)),
    {
      layers: [{ id: 'primary', name: 'Primary', memberOrder: ['a', 'b', 'c', 'd'] }],
      startDate: '2027-01-04',
      endDate: '2027-04-05',
    },
  );
  return applyOk(
    { ...base, shifts: scheduleShifts(base).shifts },
    { kind: 'scenario:create', scenarioId: 's1', name: 'What if', createdAt: '2027-01-01T00:00:00Z' },
  );
}

const who = (plan: Plan) => plan.scenarios[0]!.body.shifts.map((s) => [s.start.slice(0, 10), s.memberId]);

describe('what-if leaves and joins take a date', () => {
  const before = weekly();
  // Weeks from 2027-01-04: a b c d a b c d (to 2027-02-22), then a on 2027-03-01, b 03-08, c 03-15, d 03-22, a 03-29.
  const untilMarch = [
    ['2027-01-04', 'a'],
    ['2027-01-11', 'b'],
    ['2027-01-18', 'c'],
    ['2027-01-25', 'd'],
    ['2027-02-01', 'a'],
    ['2027-02-08', 'b'],
    ['2027-02-15', 'c'],
    ['2027-02-22', 'd'],
  ];

  it('someone leaves on a Wednesday: earlier shifts stay (they finish the running week), later ones go to the rest', () => {
    const after = applyOk(before, {
      kind: 'scenario:update',
      scenarioId: 's1',
      change: { kind: 'member-leaves', memberId: 'b', from: '2027-03-10' },
    });
    expect(who(after)).toEqual([
      ...untilMarch,
      ['2027-03-01', 'a'],
      ['2027-03-08', 'b'],
      // b left during their week: c, who followed b, is next, and the order goes on without b.
      ['2027-03-15', 'c'],
      ['2027-03-22', 'd'],
      ['2027-03-29', 'a'],
    ]);
    const b = after.scenarios[0]!.body.members.find((m) => m.id === 'b')!;
    // Away from the day after their last shift (Monday 2027-03-15 09:00) to the plan's end.
    expect(b.timeOff).toEqual([
      {
        id: 'what-if-b-2027-03-16',
        start: '2027-03-16',
        end: '2027-04-05',
        kind: 'other',
        note: 'What-if: left the rotation on 2027-03-10',
      },
    ]);
    expect(after.scenarios[0]!.description).toBe('• B leaves the rotation on 2027-03-10');
    // The live plan is untouched.
    expect(after.shifts).toEqual(before.shifts);
  });

  it('someone leaves on a Monday: from that handoff on they have no shift', () => {
    const after = applyOk(before, {
      kind: 'scenario:update',
      scenarioId: 's1',
      change: { kind: 'member-leaves', memberId: 'a', from: '2027-03-01' },
    });
    expect(who(after)).toEqual([
      ...untilMarch,
      ['2027-03-01', 'b'],
      ['2027-03-08', 'c'],
      ['2027-03-15', 'd'],
      ['2027-03-22', 'b'],
      ['2027-03-29', 'c'],
    ]);
    const a = after.scenarios[0]!.body.members.find((m) => m.id === 'a')!;
    expect(a.timeOff.map((t) => [t.start, t.end])).toEqual([['2027-03-01', '2027-04-05']]);
  });

  it('the leaver owes a share only for the time they were there', () => {
    const after = applyOk(before, {
      kind: 'scenario:update',
      scenarioId: 's1',
      change: { kind: 'member-leaves', memberId: 'a', from: '2027-03-01' },
    });
    const plan = scenarioPlan(after, after.scenarios[0]!);
    const ledger = buildLedger(plan, resolveWindow(plan, { from: '2027-01-04', to: '2027-04-04' }));
    const a = ledger.members.find((m) => m.id === 'a')!;
    // In the team 2027-01-04 to 2027-03-01 (1,344 h) of a window of 91 days less the DST hour (2,183 h).
    expect(a.availability).toBeCloseTo(1344 / 2183, 9);
    expect(a.shiftCount).toBe(2);
  });

  it('someone joins on a date: earlier shifts stay, they take their turn from it, away before it', () => {
    const after = applyOk(before, {
      kind: 'scenario:update',
      scenarioId: 's1',
      change: { kind: 'member-joins', member: member('e'), from: '2027-03-01' },
    });
    expect(who(after)).toEqual([
      ...untilMarch,
      ['2027-03-01', 'a'],
      ['2027-03-08', 'b'],
      ['2027-03-15', 'c'],
      ['2027-03-22', 'd'],
      ['2027-03-29', 'e'],
    ]);
    const e = after.scenarios[0]!.body.members.find((m) => m.id === 'e')!;
    expect(e.timeOff.map((t) => [t.start, t.end, t.note])).toEqual([
      ['2027-01-04', '2027-02-28', 'What-if: joins the rotation on 2027-03-01'],
    ]);
    expect(after.scenarios[0]!.description).toBe('• E joins the rotation on 2027-03-01');
  });

  it('refuses a date on or after the plan ends, and a date that is not one', () => {
    const leave = (from: string) =>
      refusal(before, {
        kind: 'scenario:update',
        scenarioId: 's1',
        change: { kind: 'member-leaves', memberId: 'a', from },
      });
    expect(leave('2027-04-05')).toBe(
      'What if: 2027-04-05 is not before the plan ends (2027-04-05), so it changes nothing',
    );
    expect(leave('March')).toBe('What if: "March" is not a date (YYYY-MM-DD)');
  });

  it('a date on or before the plan starts means the whole plan, as without a date', () => {
    const dated = applyOk(before, {
      kind: 'scenario:update',
      scenarioId: 's1',
      change: { kind: 'member-leaves', memberId: 'd', from: '2027-01-04' },
    });
    const undated = applyOk(before, {
      kind: 'scenario:update',
      scenarioId: 's1',
      change: { kind: 'member-leaves', memberId: 'd' },
    });
    expect(who(dated)).toEqual(who(undated));
    expect(who(dated).some(([, id]) => id === 'd')).toBe(false);
  });
});

describe('dated leaves and joins on regional rotations (the follow-the-sun sample)', () => {
  const plan = createFollowTheSunPlan('2026-11-27T00:00:00.000Z');
  const aarav = plan.members.find((m) => m.id === 'aarav')!;

  it('someone leaves on 2027-06-01: their regional rotations go on without them, earlier shifts stay', () => {
    const after = applyScenarioChange(plan, { kind: 'member-leaves', memberId: 'aarav', from: '2027-06-01' });
    if (isRefusal(after)) throw new Error(after.reason);
    expect(planSchema.safeParse(after).success).toBe(true);
    const theirs = (p: Plan) => p.shifts.filter((s) => s.memberId === 'aarav');
    // They finish the turn running on the date (it ends by 2027-06-03); nothing of theirs starts later.
    expect(theirs(after).filter((s) => s.start >= '2027-06-03')).toEqual([]);
    const kept = theirs(plan).filter((s) => s.start < '2027-06-01');
    expect(theirs(after).filter((s) => s.start < '2027-06-01')).toEqual(kept);
    expect(theirs(after)).toHaveLength(99);
    // Every rotation that had them ends on a handoff, and its successor runs without them.
    for (const layer of after.rotation.layers) {
      for (const r of layer.rotations!.filter((x) => x.until === undefined)) {
        expect(r.members).not.toContain('aarav');
      }
    }
  });

  it('someone joins on 2027-06-01 in their zone’s rotation and is first on call on 2027-06-21', () => {
    const after = applyScenarioChange(plan, {
      kind: 'member-joins',
      member: { ...aarav, id: 'newbie', name: 'New Person', email: 'new@example.com', timeOff: [] },
      from: '2027-06-01',
    });
    if (isRefusal(after)) throw new Error(after.reason);
    const theirs = after.shifts.filter((s) => s.memberId === 'newbie');
    expect(theirs[0]!.start).toBe('2027-06-21T01:30:00Z');
    expect(theirs.every((s) => s.start >= '2027-06-01')).toBe(true);
  });
});
