import fc from 'fast-check';
import { validatePlanFully } from '../../../shared/plan/validate-full';
import { formatted, mutate, mutationArb, SAMPLE, SMALL_SAMPLE, unclearProblems } from './fuzz-helpers';

// Fixed seeds: a failure reproduces; fast-check prints the shrunk counterexample. Thousands of validations take
// a few seconds, more on a busy machine.
const SEED = 20270301;
vi.setConfig({ testTimeout: 60_000 });

describe('fuzz: plan validation never throws and always says where', () => {
  it('arbitrary JSON values (3,000): refused with a path and a message', () => {
    let runs = 0;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        runs += 1;
        const result = validatePlanFully(value);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(unclearProblems(result.problems)).toBeNull();
      }),
      { numRuns: 3000, seed: SEED },
    );
    expect(runs).toBe(3000);
  });

  it('arbitrary objects that claim to be plans (2,000): refused with a path and a message', () => {
    let runs = 0;
    const claim = fc
      .tuple(
        fc.oneof(fc.constant(1), fc.integer(), fc.double(), fc.string(), fc.constant(null)),
        fc.dictionary(
          fc.constantFrom('meta', 'members', 'pipelines', 'shifts', 'rotation', 'coverage', 'scenarios', 'x'),
          fc.jsonValue({ maxDepth: 3 }),
        ),
      )
      .map(([schemaVersion, rest]) => ({ ...rest, schemaVersion }));
    fc.assert(
      fc.property(claim, (doc) => {
        runs += 1;
        const result = validatePlanFully(doc);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(unclearProblems(result.problems)).toBeNull();
      }),
      { numRuns: 2000, seed: SEED },
    );
    expect(runs).toBe(2000);
  });

  it('mutated sample plans (1,000): valid, or refused naming the path; a wrong type is named where it is', () => {
    let refused = 0;
    fc.assert(
      fc.property(mutationArb, (mutation) => {
        const { doc, path } = mutate(SMALL_SAMPLE, mutation);
        const result = validatePlanFully(doc);
        if (result.ok) return;
        refused += 1;
        expect(unclearProblems(result.problems)).toBeNull();
        if (mutation.kind === 'wrong-type') {
          const where = formatted(path);
          const named = result.problems.some(
            (p) => where === p.path || where.startsWith(`${p.path}.`) || where.startsWith(`${p.path}[`),
          );
          expect(named, `${where} not among ${result.problems.map((p) => p.path).join(', ')}`).toBe(true);
        }
      }),
      { numRuns: 1000, seed: SEED },
    );
    // Most mutations break the plan; the rest (an optional field deleted, a string for a string) leave it valid.
    expect(refused).toBeGreaterThan(700);
  });

  it('mutated full sample plans (100): the same, on the plan with all its shifts', () => {
    fc.assert(
      fc.property(mutationArb, (mutation) => {
        const result = validatePlanFully(mutate(SAMPLE, mutation).doc);
        if (!result.ok) expect(unclearProblems(result.problems)).toBeNull();
      }),
      { numRuns: 100, seed: SEED },
    );
  });
});
