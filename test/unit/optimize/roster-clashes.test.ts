import { solveWithHighs } from '../../../electron/optimize/highs-solver';
import { checkRoster } from '../../../shared/optimize/check-roster';
import { buildRosterMilp, decodeRosterAssignment } from '../../../shared/optimize/roster-milp';
import type { RosterModel } from '../../../shared/optimize/roster-model';

/**
 * Two people, two days, one shift type, one person a day. a wishes both days (5 each when not granted), but the
 * two cells clash for a (their times overlap): a can hold one, b the other, and one wish is paid: objective 5.
 */
function clashModel(): RosterModel {
  const staff = (id: string) => ({
    id,
    maxShifts: [null],
    maxMinutes: null,
    minMinutes: null,
    maxConsecutive: null,
    minConsecutive: null,
    minConsecutiveOff: null,
    maxWeekends: null,
    runLimits: [],
  });
  return {
    name: 'clash',
    days: 2,
    weekendOf: new Int32Array(2).fill(-1),
    shiftTypes: [{ id: 'turn', minutes: 0, forbiddenNext: [] }],
    staff: [staff('a'), staff('b')],
    cover: [0, 1].map((day) => ({ day, shift: 0, requirement: 1, underWeight: null, overWeight: null })),
    unavailable: [],
    fixed: [],
    requests: [0, 1].map((day) => ({ staff: 0, day, shift: 0, kind: 'on' as const, weight: 5 })),
    clashes: [{ staff: 0, first: { day: 0, shift: 0 }, second: { day: 1, shift: 0 } }],
    waiveMinRunsAtEdges: false,
  };
}

describe('clashes across days in the roster model', () => {
  it('the MILP keeps a person off two clashing cells, and the optimum pays one wish', async () => {
    const model = clashModel();
    const milp = buildRosterMilp(model);
    const solution = await solveWithHighs(milp.problem, { timeLimitSeconds: 10 });
    expect(solution.status).toBe('optimal');
    expect(solution.objective).toBeCloseTo(5, 6);
    const assignment = decodeRosterAssignment(model, milp, solution.colValues!);
    const check = checkRoster(model, assignment);
    expect(check.violations).toEqual([]);
    expect(check.objective).toBeCloseTo(5, 6);
  });

  it('the independent check names a clash held', () => {
    const model = clashModel();
    const both = [Int32Array.from([0, 0]), Int32Array.from([-1, -1])];
    expect(checkRoster(model, both).violations).toEqual([
      'a holds shift 0 on day 0 and shift 0 on day 1, which overlap',
    ]);
  });
});
