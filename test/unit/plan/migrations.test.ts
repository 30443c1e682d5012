import { MIGRATIONS, migratePlan, type Migration } from '../../../shared/plan/migrations';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/plan/schema';

/** Two synthetic steps, 1 → 2 → 3, that record the order they ran in. */
function syntheticSteps(log: string[]): Migration[] {
  return [
    // Listed out of order on purpose: the runner must pick steps by `from`, not by position.
    {
      from: 2,
      describe: 'rename team to members',
      up: (doc) => {
        log.push(`2→3 saw schemaVersion ${String(doc.schemaVersion)}`);
        const { team, ...rest } = doc;
        return { ...rest, members: team };
      },
    },
    {
      from: 1,
      describe: 'wrap people in a team',
      up: (doc) => {
        log.push(`1→2 saw schemaVersion ${String(doc.schemaVersion)}`);
        const { people, ...rest } = doc;
        return { ...rest, team: people };
      },
    },
  ];
}

describe('migratePlan', () => {
  it('runs each step in version order and stamps the new version after each', () => {
    const log: string[] = [];
    const doc = { schemaVersion: 1, people: ['maya', 'diego'] };
    const result = migratePlan(doc, 1, syntheticSteps(log), 3);
    expect(result).toEqual({ ok: true, value: { schemaVersion: 3, members: ['maya', 'diego'] } });
    expect(log).toEqual(['1→2 saw schemaVersion 1', '2→3 saw schemaVersion 2']);
    expect(doc).toEqual({ schemaVersion: 1, people: ['maya', 'diego'] });
  });

  it('starts at the document version, skipping the steps before it', () => {
    const log: string[] = [];
    const result = migratePlan({ schemaVersion: 2, team: ['sam'] }, 2, syntheticSteps(log), 3);
    expect(result).toEqual({ ok: true, value: { schemaVersion: 3, members: ['sam'] } });
    expect(log).toEqual(['2→3 saw schemaVersion 2']);
  });

  it('returns the document untouched when it is already current', () => {
    const doc = { schemaVersion: 3, members: [] };
    expect(migratePlan(doc, 3, syntheticSteps([]), 3)).toEqual({ ok: true, value: doc });
  });

  it('names a missing step instead of returning a half-migrated plan', () => {
    const onlyFirst = syntheticSteps([]).filter((m) => m.from === 1);
    expect(migratePlan({ schemaVersion: 1, people: [] }, 1, onlyFirst, 3)).toEqual({
      ok: false,
      problem: { path: 'schemaVersion', message: 'no migration from schema 2 to 3' },
    });
  });

  it('names a step that throws, with its reason', () => {
    const steps: Migration[] = [
      syntheticSteps([])[1]!,
      {
        from: 2,
        describe: 'fails',
        up: () => {
          throw new Error('team is not an array');
        },
      },
    ];
    expect(migratePlan({ schemaVersion: 1, people: [] }, 1, steps, 3)).toEqual({
      ok: false,
      problem: { path: 'schemaVersion', message: 'migration from schema 2 failed: team is not an array' },
    });
  });
});

describe('the shipped migration list', () => {
  it('has exactly one step from each older version, in order', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual(
      Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 1),
    );
  });
});
