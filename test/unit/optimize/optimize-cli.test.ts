import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cliAt } from '../../helpers/cli';
import type { Plan } from '../../../shared/plan/schema';
import { validatePlanFully } from '../../../shared/plan/validate-full';
import { hoursPlan, primaryOrder } from './tiny-plans';
import { writePlanFile } from '../../helpers/temp-dir';

// The CLI loads a command's modules when it first runs it, so that first run counts its imports too.
vi.setConfig({ testTimeout: 20_000 });

const run = cliAt('2027-03-01T12:00:00Z');

const planFile = (plan: Plan) => writePlanFile(plan, 'rotaplan-optimize-');

describe('rotaplan optimize', () => {
  it('prints the optimize --json document of the CLI contract and writes the plan with the new shifts to --out', async () => {
    // Current: a, b, b, b breaks the back-to-back rule; a, b, a, b is one change away (b, a, b, a three).
    const plan = hoursPlan(['a', 'b'], 4);
    plan.shifts[2] = { ...plan.shifts[2]!, memberId: 'b' };
    const { dir, file } = await planFile(plan);
    const out = join(dir, 'proposal.rotaplan.json');
    const { code, stdout, stderr } = await run(
      'optimize',
      file,
      '--json',
      '--out',
      out,
      '--change-weight',
      '1',
    );
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json).slice(0, 7)).toEqual([
      'status',
      'objective',
      'bound',
      'gap',
      'members',
      'changedShifts',
      'elapsedMs',
    ]);
    expect(json).toMatchObject({
      status: 'optimal',
      objective: 337,
      members: [
        { id: 'a', weightedLoad: 336, weightedLoadBefore: 168 },
        { id: 'b', weightedLoad: 336, weightedLoadBefore: 504 },
      ],
      changedShifts: 1,
      strategy: 'optimal',
      violations: [],
    });
    expect(json.explanation).toBeUndefined();
    expect(stderr).toBe(`Wrote the plan with 1 changed shift(s) to ${out}\n`);
    const written = validatePlanFully(JSON.parse(await readFile(out, 'utf8')));
    expect(written.ok).toBe(true);
    if (!written.ok) return;
    expect(primaryOrder(written.plan)).toEqual(['a', 'b', 'a', 'b']);
    expect(written.plan.meta.updatedAt).toBe('2027-03-01T12:00:00.000Z');
    // The input file is untouched.
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(plan);
  });

  it('compares the baselines on the same plan', async () => {
    const { file } = await planFile(hoursPlan(['a', 'b', 'c'], 3, { b: [['2027-04-13', '2027-04-14']] }));
    const rr = await run('optimize', file, '--strategy', 'round-robin', '--json');
    expect(rr.code).toBe(1);
    expect(JSON.parse(rr.stdout)).toMatchObject({
      status: 'infeasible',
      bound: null,
      gap: null,
      violations: ['primary 2027-04-12: b is on call during time off 2027-04-13 – 2027-04-14'],
    });
    const lr = await run('optimize', file, '--strategy', 'least-recent');
    expect(lr.code).toBe(0);
    expect(lr.stdout).toContain('Tiny plan — least-recent: feasible, objective');
    expect(lr.stdout).toMatch(/C Person\s+168\.0\s+168\.0\s+/);
  });

  it('explains an infeasible plan and writes nothing', async () => {
    const plan = hoursPlan(['a', 'b'], 2, {
      a: [['2027-04-12', '2027-04-18']],
      b: [['2027-04-12', '2027-04-18']],
    });
    const { dir, file } = await planFile(plan);
    const out = join(dir, 'never.rotaplan.json');
    const { code, stdout, stderr } = await run('optimize', file, '--json', '--out', out);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.status).toBe('infeasible');
    expect(json.explanation).toContain('nobody can take Primary 2027-04-12');
    expect(stderr).toBe(`rotaplan optimize: no schedule to write (infeasible); ${out} was not written\n`);
    await expect(readFile(out, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('rejects bad flags with exit code 2', async () => {
    const { file } = await planFile(hoursPlan(['a', 'b'], 2));
    expect((await run('optimize', file, '--strategy', 'fastest')).stderr).toContain(
      '--strategy must be one of optimal, round-robin, least-recent',
    );
    expect((await run('optimize', file, '--time-limit', '0')).code).toBe(2);
    expect((await run('optimize', file, '--from', '2027-13-01')).code).toBe(2);
    const same = await run('optimize', file, '--out', file);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('--out must name another file');
  });
});
