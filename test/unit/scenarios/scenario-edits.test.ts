import { applyEdit, type PlanEdit } from '../../../shared/plan/edits';
import type { Plan } from '../../../shared/plan/schema';
import { scenarioPlan } from '../../../shared/scenarios/scenario-plan';
import { cleanPlan, member } from '../fairness/test-plans';

const NOW = '2027-03-01T12:00:00.000Z';

function ok(plan: Plan, edit: PlanEdit): Plan {
  const result = applyEdit(plan, edit, NOW);
  if (!result.ok) throw new Error(`${edit.kind} refused: ${result.reason}`);
  return result.plan;
}

function refused(plan: Plan, edit: PlanEdit): string {
  const result = applyEdit(plan, edit, NOW);
  if (result.ok) throw new Error(`${edit.kind} was expected to be refused`);
  return result.reason;
}

/** The clean plan (a, b, c weekly from Monday 2027-04-05 09:00 LA to 2027-04-26) with one scenario "What if". */
function withScenario(): Plan {
  return ok(cleanPlan(), {
    kind: 'scenario:create',
    scenarioId: 's1',
    name: 'What if',
    createdAt: '2027-02-01T00:00:00Z',
  });
}

/** The scenario's shifts as [id, member, start, end, source] rows. */
const rows = (plan: Plan, index = 0) =>
  plan.scenarios[index]!.body.shifts.map((s) => [s.id, s.memberId, s.start, s.end, s.source]);

describe('scenario:create, rename, delete', () => {
  it('copies the live body into a named scenario and leaves the live plan as it was', () => {
    const before = cleanPlan();
    const plan = withScenario();
    expect(plan.scenarios).toHaveLength(1);
    const s = plan.scenarios[0]!;
    expect(s).toMatchObject({
      id: 's1',
      name: 'What if',
      description: '',
      createdAt: '2027-02-01T00:00:00Z',
    });
    expect(s.body.members.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(s.body.shifts).toEqual(before.shifts);
    expect(Object.keys(s.body).sort()).toEqual([
      'communication',
      'coverage',
      'escalation',
      'members',
      'ownership',
      'pipelines',
      'rotation',
      'shifts',
      'successMetrics',
    ]);
    expect(plan.shifts).toEqual(before.shifts);
  });

  it('refuses a duplicate name (any case), an empty name, "Live plan" and a taken id', () => {
    const plan = withScenario();
    const create = (scenarioId: string, name: string): PlanEdit => ({
      kind: 'scenario:create',
      scenarioId,
      name,
      createdAt: NOW,
    });
    expect(refused(plan, create('s2', '  what IF '))).toBe('a scenario named "What if" already exists');
    expect(refused(plan, create('s2', '   '))).toBe('a scenario needs a name');
    expect(refused(plan, create('s2', 'live plan'))).toBe(
      '"Live plan" names the plan itself; pick another name',
    );
    expect(refused(plan, create('s1', 'Other'))).toBe('a scenario with id "s1" already exists');
  });

  it('renames (trimmed) and deletes; an unknown id is refused by name', () => {
    const renamed = ok(withScenario(), { kind: 'scenario:rename', scenarioId: 's1', name: '  C leaves  ' });
    expect(renamed.scenarios[0]!.name).toBe('C leaves');
    expect(ok(renamed, { kind: 'scenario:delete', scenarioId: 's1' }).scenarios).toEqual([]);
    expect(refused(renamed, { kind: 'scenario:delete', scenarioId: 'nope' })).toBe(
      'no scenario has id "nope"',
    );
  });
});

describe('scenario:update regenerates the scenario, never the live plan', () => {
  it('someone leaves: out of the order, their shifts go to the others in turn', () => {
    const plan = ok(withScenario(), {
      kind: 'scenario:update',
      scenarioId: 's1',
      change: { kind: 'member-leaves', memberId: 'c' },
    });
    expect(plan.scenarios[0]!.body.rotation.layers[0]!.memberOrder).toEqual(['a', 'b']);
    // Slots 0, 1, 2 of a two-person order: a, b, a (Monday 09:00 PDT = 16:00Z).
    expect(rows(plan)).toEqual([
      ['primary-2027-04-05', 'a', '2027-04-05T16:00:00Z', '2027-04-12T16:00:00Z', 'generated'],
      ['primary-2027-04-12', 'b', '2027-04-12T16:00:00Z', '2027-04-19T16:00:00Z', 'generated'],
      ['primary-2027-04-19', 'a', '2027-04-19T16:00:00Z', '2027-04-26T16:00:00Z', 'generated'],
    ]);
    expect(plan.scenarios[0]!.body.members.map((m) => m.id)).toEqual(['a', 'b', 'c']);
    expect(plan.scenarios[0]!.description).toBe('• C Person leaves the rotation');
    expect(plan.shifts.map((s) => s.memberId)).toEqual(['a', 'b', 'c']);
  });

  it('someone leaves: refused when they are the last one in a layer or not on the rotation', () => {
    let plan = withScenario();
    plan = ok(plan, {
      kind: 'scenario:update',
      scenarioId: 's1',
      change: { kind: 'member-leaves', memberId: 'c' },
    });
    plan = ok(plan, {
      kind: 'scenario:update',
      scenarioId: 's1',
      change: { kind: 'member-leaves', memberId: 'b' },
    });
    expect(rows(plan).map((r) => r[1])).toEqual(['a', 'a', 'a']);
    expect(
      refused(plan, {
        kind: 'scenario:update',
        scenarioId: 's1',
        change: { kind: 'member-leaves', memberId: 'a' },
      }),
    ).toBe('What if: A Person is the only person in the Primary rotation; nobody would be left');
    expect(
      refused(plan, {
        kind: 'scenario:update',
        scenarioId: 's1',
        change: { kind: 'member-leaves', memberId: 'b' },
      }),
    ).toBe('What if: B Person is not on the rotation, so leaving it changes nothing');
  });

  it('someone joins: a new member at the end of the order; the fourth slot would be theirs', () => {
    const plan = ok(withScenario(), {
      kind: 'scenario:update',
      scenarioId: 's1',
      change: { kind: 'member-joins', member: member('d') },
    });
    const body = plan.scenarios[0]!.body;
    expect(body.members.map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(body.rotation.layers[0]!.memberOrder).toEqual(['a', 'b', 'c', 'd']);
    expect(rows(plan).map((r) => r[1])).toEqual(['a', 'b', 'c']);
    expect(plan.members.map((m) => m.id)).toEqual(['a', 'b', 'c']);
  });

  it('someone joins with a skill the plan does not have: refused with the path inside the scenario', () => {
    const reason = refused(withScenario(), {
      kind: 'scenario:update',
      scenarioId: 's1',
      change: { kind: 'member-joins', member: member('d', { skills: ['p9'] }) },
    });
    expect(reason).toBe('What if: scenarios[0].body.members[3].skills[0]: no pipeline has id "p9"');
  });

  it('time off: b away the week of 2027-04-12, c covers it and b takes c’s week back', () => {
    const plan = ok(withScenario(), {
      kind: 'scenario:update',
      scenarioId: 's1',
      change: {
        kind: 'time-off',
        memberId: 'b',
        timeOff: { id: 'away', start: '2027-04-12', end: '2027-04-18', kind: 'parental', note: '' },
      },
    });
    expect(rows(plan).map((r) => [r[0], r[1], r[4]])).toEqual([
      ['primary-2027-04-05', 'a', 'generated'],
      ['primary-2027-04-12', 'c', 'swap'],
      ['primary-2027-04-19', 'b', 'swap'],
    ]);
    expect(plan.scenarios[0]!.body.members[1]!.timeOff).toEqual([
      { id: 'away', start: '2027-04-12', end: '2027-04-18', kind: 'parental', note: '' },
    ]);
    expect(plan.members[1]!.timeOff).toEqual([]);
    expect(plan.scenarios[0]!.description).toBe('• B Person is away 2027-04-12 to 2027-04-18');
  });

  it('shift length: two-week shifts, the last one cut at the horizon', () => {
    const plan = ok(withScenario(), {
      kind: 'scenario:update',
      scenarioId: 's1',
      change: { kind: 'shift-length', shiftLengthDays: 14 },
    });
    expect(plan.scenarios[0]!.body.rotation.shiftLengthDays).toBe(14);
    expect(rows(plan).map((r) => [r[1], r[2], r[3]])).toEqual([
      ['a', '2027-04-05T16:00:00Z', '2027-04-19T16:00:00Z'],
      ['b', '2027-04-19T16:00:00Z', '2027-04-26T16:00:00Z'],
    ]);
    expect(plan.rotation.shiftLengthDays).toBe(7);
    expect(
      refused(plan, {
        kind: 'scenario:update',
        scenarioId: 's1',
        change: { kind: 'shift-length', shiftLengthDays: 29 },
      }),
    ).toBe('What if: a shift lasts 1 to 28 whole days, not 29');
  });

  it('keeps a log of the changes in the description, newest last', () => {
    let plan = withScenario();
    plan = ok(plan, {
      kind: 'scenario:update',
      scenarioId: 's1',
      change: { kind: 'shift-length', shiftLengthDays: 14 },
    });
    plan = ok(plan, {
      kind: 'scenario:update',
      scenarioId: 's1',
      change: { kind: 'member-leaves', memberId: 'c' },
    });
    expect(plan.scenarios[0]!.description).toBe('• shifts last 14 days\n• C Person leaves the rotation');
  });
});

describe('scenario:apply', () => {
  it('makes the scenario’s body the live plan, keeping meta and the scenarios', () => {
    let plan = withScenario();
    plan = ok(plan, {
      kind: 'scenario:update',
      scenarioId: 's1',
      change: { kind: 'member-leaves', memberId: 'c' },
    });
    const applied = ok(plan, { kind: 'scenario:apply', scenarioId: 's1' });
    expect(applied.rotation.layers[0]!.memberOrder).toEqual(['a', 'b']);
    expect(applied.shifts.map((s) => s.memberId)).toEqual(['a', 'b', 'a']);
    expect(applied.scenarios).toEqual(plan.scenarios);
    expect(applied.meta.name).toBe('Test plan');
    expect(applied.meta.updatedAt).toBe(NOW);
    // The scenario seen as a plan is exactly the applied plan's body.
    const view = scenarioPlan(plan, plan.scenarios[0]!);
    expect(view.shifts).toEqual(applied.shifts);
    expect(view.scenarios).toEqual([]);
  });
});
