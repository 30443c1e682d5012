import { solveWithHighs } from '../../../electron/optimize/highs-solver';
import { checkRoster } from '../../../shared/optimize/check-roster';
import { MilpBuilder } from '../../../shared/optimize/milp-model';
import { parseNrpInstance } from '../../../shared/optimize/nrp-format';
import { constructRoster, feasibleObjective } from '../../../shared/optimize/roster-construct';
import { buildRosterMilp, decodeRosterAssignment } from '../../../shared/optimize/roster-milp';

// Two nurses, three days, one shift type. Cover: 1, 2, 1 (under 100, over 1). Each works 1 to 3 shifts. A asks
// for day 1 off (weight 5).
const TINY = `SECTION_HORIZON
3

SECTION_SHIFTS
D,480,

SECTION_STAFF
A,D=3,1440,480,3,1,1,1
B,D=3,1440,480,3,1,1,1

SECTION_DAYS_OFF

SECTION_SHIFT_ON_REQUESTS

SECTION_SHIFT_OFF_REQUESTS
A,1,D,5

SECTION_COVER
0,D,1,100,1
1,D,2,100,1
2,D,1,100,1
`;

function tiny() {
  const parsed = parseNrpInstance(TINY, 'tiny');
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return { model: parsed.model, milp: buildRosterMilp(parsed.model) };
}

/** A clock that moves one millisecond per reading: no deadline is reached in these tests. */
function clock() {
  let t = 0;
  return () => t++;
}

describe('constructRoster', () => {
  it('places A first against the whole cover, then B against what is left, and the checker agrees', async () => {
    const { model, milp } = tiny();
    const built = await constructRoster(model, milp, {
      solve: solveWithHighs,
      now: clock(),
      deadline: 1e9,
      subTimeLimitSeconds: 30,
      absoluteGap: 0.99,
    });
    // Alone, A works all three days (day 1 short by one costs 100, A's wish 5); B then fills day 1.
    const assignment = decodeRosterAssignment(model, milp, built!.colValues).map((row) => Array.from(row));
    expect(assignment).toEqual([
      [0, 0, 0],
      [-1, 0, -1],
    ]);
    expect(built!.objective).toBe(5);
    const check = checkRoster(model, decodeRosterAssignment(model, milp, built!.colValues));
    expect(check.violations).toEqual([]);
    expect(check.objective).toBe(5);
  });

  it('places people in the order given: B first takes all three days, A only day 1', async () => {
    const { model, milp } = tiny();
    const built = await constructRoster(model, milp, {
      solve: solveWithHighs,
      now: clock(),
      deadline: 1e9,
      subTimeLimitSeconds: 30,
      absoluteGap: 0.99,
      order: [1, 0],
    });
    const assignment = decodeRosterAssignment(model, milp, built!.colValues).map((row) => Array.from(row));
    expect(assignment).toEqual([
      [-1, 0, -1],
      [0, 0, 0],
    ]);
    expect(built!.objective).toBe(5);
  });

  it('gives up (null) when the first pass cannot finish before the deadline', async () => {
    const { model, milp } = tiny();
    let t = 0;
    const built = await constructRoster(model, milp, {
      solve: solveWithHighs,
      now: () => (t += 1000),
      deadline: 1500,
      subTimeLimitSeconds: 30,
    });
    expect(built).toBeNull();
  });
});

describe('feasibleObjective', () => {
  it('prices a vector that meets every bound and row, and refuses one that breaks a row or integrality', () => {
    // min 3a + 2b + 1  s.t.  a + b ≥ 1, a, b binary.
    const b = new MilpBuilder();
    const a = b.addCol('a', 0, 1, 3, true);
    const bb = b.addCol('b', 0, 1, 2, true);
    b.addOffset(1);
    b.addRow('cover', [a, bb], [1, 1], 1, Infinity);
    const problem = b.build();
    expect(feasibleObjective(problem, Float64Array.from([0, 1]))).toBe(3);
    expect(feasibleObjective(problem, Float64Array.from([1, 1]))).toBe(6);
    expect(feasibleObjective(problem, Float64Array.from([0, 0]))).toBeNull();
    expect(feasibleObjective(problem, Float64Array.from([0.5, 0.5]))).toBeNull();
    expect(feasibleObjective(problem, Float64Array.from([0, 2]))).toBeNull();
  });
});
