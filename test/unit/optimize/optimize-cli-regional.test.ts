import { cliAt } from '../../helpers/cli';
import type { Plan } from '../../../shared/plan/schema';
import { businessAfterHoursPlan } from './regional-plans';
import { hoursPlan } from './tiny-plans';
import { writePlanFile } from '../../helpers/temp-dir';

// The CLI loads a command's modules when it first runs it, so that first run counts its imports too.
vi.setConfig({ testTimeout: 30_000 });

const run = cliAt('2027-03-01T12:00:00Z');

const planFile = async (plan: Plan) => (await writePlanFile(plan, 'rotaplan-optimize-regional-')).file;

describe('rotaplan optimize on regional rotations and with pay', () => {
  it('proposes a business-hours + after-hours plan: the optimum 300, no rule broken', async () => {
    const file = await planFile(businessAfterHoursPlan(3));
    const { code, stdout, stderr } = await run('optimize', file, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ status: 'optimal', objective: 300, bound: 300, violations: [] });
    expect(json.members.map((m: { id: string; weightedLoad: number }) => [m.id, m.weightedLoad])).toEqual([
      ['a', 80],
      ['b', 168],
      ['c', 256],
    ]);
    expect('cost' in json).toBe(false);
  });

  it('--cost-weight picks the cheaper equal roster; --json and --strategy all show the pay', async () => {
    // See cost-weight.test.ts: a-b costs 3360 EUR, b-a 6540.
    const plan: Plan = {
      ...hoursPlan(['b', 'a'], 2),
      pay: {
        currency: 'EUR',
        rules: [{ name: 'base', when: {}, hourly: 10 }],
        groups: [
          {
            name: 'b contract',
            memberIds: ['b'],
            rules: [{ name: 'base', when: {}, hourly: 10 }],
            oneOff: [{ name: 'launch week', from: '2027-04-05', to: '2027-04-11', hourly: 30 }],
          },
        ],
      },
    };
    const file = await planFile(plan);
    const one = await run('optimize', file, '--json', '--cost-weight', '0.001');
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({
      status: 'optimal',
      objective: 171.36,
      cost: { currency: 'EUR', total: 3360 },
    });
    const all = await run('optimize', file, '--strategy', 'all', '--cost-weight', '0.001');
    expect(all.code).toBe(0);
    const header = all.stdout.split('\n').find((l) => l.startsWith('Strategy'))!;
    expect(header).toContain('Cost');
    const row = (name: string) => all.stdout.split('\n').find((l) => l.startsWith(name))!;
    expect(row('optimal')).toContain('3360.00 EUR');
    expect(row('round-robin')).toContain('6540.00 EUR');
  });

  it('refuses a negative cost weight as a usage error', async () => {
    const file = await planFile(hoursPlan(['a', 'b'], 2));
    const { code, stderr } = await run('optimize', file, '--cost-weight', '-1');
    expect(code).toBe(2);
    expect(stderr).toContain('--cost-weight expects a number greater than 0 and at most 1000000');
  });
});
