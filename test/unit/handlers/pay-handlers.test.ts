import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDispatcher, type Dispatch } from '../../../electron/handlers/dispatch';
import { createHandlers } from '../../../electron/handlers/index';
import { createPlanStore } from '../../../electron/store/plan-store';
import type { IpcResult } from '../../../shared/ipc/contract';
import type { PayReport } from '../../../shared/pay/pay-report';
import type { PricedMinute } from '../../../shared/pay/rule-at';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { PayComparison } from '../../../shared/scenarios/compare-pay';

let dir: string;
let dispatch: Dispatch;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rotaplan-pay-handlers-'));
  const store = createPlanStore({ userDataDir: dir, createDefaultPlan: createSamplePlan });
  dispatch = createDispatcher(
    createHandlers({ store, mode: 'preview', version: '0.1.0-test', userDataDir: dir }),
    (error) => {
      throw error;
    },
  );
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
});

function valueOf<T>(result: IpcResult<unknown>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function refusal(result: IpcResult<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

// The sample as `rotaplan sample` writes it on 2026-11-27 (its pay figures are the CLI's, pinned in the CLI test).
const sample = () => createSamplePlan('2026-11-27T00:00:00.000Z');

describe('pay:* handlers', () => {
  it('prices the sample over the horizon with the figures of rotaplan pay --json', async () => {
    const report = valueOf<PayReport>(await dispatch('pay:report', { plan: sample() }));
    expect(report.currency).toBe('USD');
    expect([report.from, report.to]).toEqual(['2027-01-04', '2028-01-03']);
    expect(report.total).toBe(90369.5);
    expect(report.members.map((m) => [m.id, m.hours, m.amount])).toEqual([
      ['maya', 4369, 22426.5],
      ['diego', 4199, 20788],
      ['priya', 4367, 22475],
      ['sam', 4537, 24680],
    ]);
    // Priya (America/Vancouver) is where a browser with other zone rules differed: by Node's rules, these.
    expect(report.members[2]!.byRule).toEqual([
      { name: 'Public holiday', hours: 105, amount: 1008 },
      { name: 'Weekend', hours: 1199, amount: 7100 },
      { name: 'Night', hours: 1111, amount: 4980 },
      { name: 'Weekday standby', hours: 1871, amount: 5572 },
      { name: 'Year-end freeze', hours: 81, amount: 1215 },
      { name: 'Week stipend', hours: 0, amount: 2600 },
    ]);
    expect(
      report.months.filter((m) => m.memberId === 'priya' && ['2027-02', '2027-12'].includes(m.month)),
    ).toEqual([
      { memberId: 'priya', name: 'Priya Raman', month: '2027-02', hours: 336, amount: 1776 },
      { memberId: 'priya', name: 'Priya Raman', month: '2027-12', hours: 336, amount: 2298 },
    ]);
  });

  it('prices a window given as plan-zone dates, and refuses one that ends before it starts', async () => {
    const march = valueOf<PayReport>(
      await dispatch('pay:report', { plan: sample(), from: '2027-03-01', to: '2027-03-31' }),
    );
    expect([march.from, march.to, march.total]).toEqual(['2027-03-01', '2027-03-31', 7484]);
    expect(march.members.map((m) => [m.id, m.hours, m.amount])).toEqual([
      ['maya', 408, 2222],
      ['diego', 398, 1956],
      ['priya', 335, 1627],
      ['sam', 345, 1679],
    ]);
    const reversed = refusal(
      await dispatch('pay:report', { plan: sample(), from: '2027-03-31', to: '2027-03-01' }),
    );
    expect(reversed).toEqual({
      code: 'bad-payload',
      message: 'Pay was not computed: the window ends (2027-03-01) before it starts (2027-03-31).',
    });
  });

  it('names what is wrong with a plan it cannot price', async () => {
    const { pay: _pay, ...noRules } = sample();
    expect(refusal(await dispatch('pay:report', { plan: noRules }))).toEqual({
      code: 'bad-payload',
      message: 'The plan has no pay rules: add them in the Pay view first.',
    });
    const broken = { ...sample(), members: 'nobody' };
    const error = refusal(await dispatch('pay:report', { plan: broken }));
    expect(error.code).toBe('invalid-plan');
    expect(error.message).toMatch(/^The plan could not be priced: members: /);
    expect(refusal(await dispatch('pay:report', { plan: sample(), to: '2027-3-1' })).message).toBe(
      'Refused pay:report: to: expected a date like 2027-01-31',
    );
  });

  it('prices one minute for the rules example in the member’s zone by Node’s zone rules', async () => {
    // Sat 4 Dec 2027 23:30 in Vancouver is 07:30 UTC by Node's rules (UTC−8 after the November change).
    const weekendNight = valueOf<PricedMinute>(
      await dispatch('pay:priceAt', {
        plan: sample(),
        memberId: 'priya',
        layerId: 'primary',
        date: '2027-12-04',
        time: '23:30',
      }),
    );
    expect(weekendNight).toEqual({
      rule: 'Weekend',
      hourly: 8,
      factor: 1,
      group: null,
      instant: '2027-12-05T07:30:00Z',
    });
    const christmas = valueOf<PricedMinute>(
      await dispatch('pay:priceAt', {
        plan: sample(),
        memberId: 'priya',
        layerId: 'secondary',
        date: '2027-12-25',
        time: '10:00',
      }),
    );
    expect(christmas).toEqual({
      rule: 'Year-end freeze',
      hourly: 7.5,
      factor: 0.5,
      group: null,
      instant: '2027-12-25T18:00:00Z',
    });
    const nobody = refusal(
      await dispatch('pay:priceAt', {
        plan: sample(),
        memberId: 'zoe',
        layerId: 'primary',
        date: '2027-12-04',
        time: '23:30',
      }),
    );
    expect(nobody).toEqual({ code: 'bad-payload', message: 'No team member has the id "zoe".' });
    const badTime = refusal(
      await dispatch('pay:priceAt', {
        plan: sample(),
        memberId: 'priya',
        layerId: 'primary',
        date: '2027-12-04',
        time: '24:30',
      }),
    );
    expect(badTime.message).toBe('Refused pay:priceAt: time: expected a local time like 23:30');
  });

  it('compares the cost of plans by the first plan’s rules', async () => {
    const live = sample();
    // A what-if: Sam takes Priya's first primary week.
    const first = live.shifts.find((s) => s.memberId === 'priya' && s.layerId === 'primary')!;
    const whatIf = {
      ...live,
      shifts: live.shifts.map((s) => (s.id === first.id ? { ...s, memberId: 'sam' } : s)),
    };
    const comparison = valueOf<PayComparison>(
      await dispatch('pay:compare', {
        plans: [
          { id: 'live', name: 'Live plan', plan: live },
          { id: 'swap', name: 'Sam covers', plan: whatIf },
        ],
      }),
    );
    expect([comparison.currency, comparison.from, comparison.to]).toEqual([
      'USD',
      '2027-01-04',
      '2028-01-03',
    ]);
    // That week cost 1,054.00 as Priya's and costs 1,162.00 as Sam's (14 h of it a public holiday in Sam's region).
    expect(comparison.total.values).toEqual([90369.5, 90477.5]);
    const amounts = Object.fromEntries(comparison.members.map((m) => [m.id, m.values]));
    expect(amounts).toEqual({
      maya: [22426.5, 22426.5],
      diego: [20788, 20788],
      priya: [22475, 21421],
      sam: [24680, 25842],
    });
  });
});
