import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliAt } from '../../helpers/cli';
import { hoursPlan } from './tiny-plans';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

// The CLI loads a command's modules when it first runs it, so that first run counts its imports too.
vi.setConfig({ testTimeout: 20_000 });

const run = cliAt('2027-03-01T12:00:00Z');

describe('rotaplan optimize --strategy all', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await makeTempDir('rotaplan-optimize-all-');
    file = join(dir, 'plan.rotaplan.json');
    // Three people, six weeks, a a b b c c: round-robin (a b c a b c) and the optimiser both even it out.
    const plan = hoursPlan(['a', 'b', 'c'], 6);
    const order = ['a', 'a', 'b', 'b', 'c', 'c'];
    plan.shifts = plan.shifts.map((s, k) => ({ ...s, memberId: order[k]! }));
    await writeFile(file, JSON.stringify(plan));
  });
  afterEach(() => removeDir(dir));

  it('prints the three strategies side by side, as a table and as a JSON array', async () => {
    const text = await run('optimize', file, '--strategy', 'all', '--time-limit', '20');
    expect(text.code).toBe(0);
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe('Tiny plan — all strategies');
    expect(lines[2]).toMatch(
      /^Strategy\s+Status\s+Objective\s+Bound\s+Gap %\s+Spread\s+Gini\s+Max deviation/,
    );
    expect(lines.slice(3, 6).map((l) => l.split(/\s+/).slice(0, 2))).toEqual([
      ['optimal', 'optimal'],
      ['round-robin', 'feasible'],
      ['least-recent', 'feasible'],
    ]);

    const json = await run('optimize', file, '--strategy', 'all', '--time-limit', '20', '--json');
    const docs = JSON.parse(json.stdout) as {
      strategy: string;
      status: string;
      members: { weightedLoad: number }[];
    }[];
    expect(docs.map((d) => [d.strategy, d.status])).toEqual([
      ['optimal', 'optimal'],
      ['round-robin', 'feasible'],
      ['least-recent', 'feasible'],
    ]);
    // Two weeks each of 168 h: everyone carries 336 weighted hours in the optimum.
    expect(docs[0]!.members.map((m) => m.weightedLoad)).toEqual([336, 336, 336]);
  }, 60_000);

  it('refuses --out with all: one file holds one proposal', async () => {
    const out = await run('optimize', file, '--strategy', 'all', '--out', join(dir, 'x.json'));
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(
      /^rotaplan optimize: --out writes one proposal: pick one --strategy, not all\n/,
    );
  });
});
