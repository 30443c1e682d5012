import {
  simulateIncidents,
  SimulationCancelled,
  type SimulationResult,
} from '../../../shared/simulation/simulate';
import type { Plan } from '../../../shared/plan/schema';
import { changed, weeks } from '../fairness/test-plans';

/**
 * Two members in Los Angeles alternating weekly, a, b, a, b, from Monday 2027-02-01 09:00 PST to Monday
 * 2027-03-01 09:00 PST (672 h, no DST change); one pipeline, 7 incidents a week, text schedule (uniform).
 */
function twoPeople(change: (p: Plan) => void = () => {}): Plan {
  return changed((p) => {
    p.members = p.members.slice(0, 2);
    p.rotation.layers[0]!.memberOrder = ['a', 'b'];
    p.rotation.startDate = '2027-02-01';
    p.rotation.endDate = '2027-03-01';
    p.shifts = weeks('primary', '2027-02-01', ['a', 'b', 'a', 'b']);
    p.pipelines[0]!.incidents = { ratePerWeek: 7, meanDurationMinutes: 60, investorWeekFactor: 1 };
    change(p);
  });
}

/** |observed mean − expected| within 4 standard errors of a Poisson count over `runs` runs. */
function expectPoissonMean(observed: number, expected: number, runs: number) {
  expect(Math.abs(observed - expected)).toBeLessThan(4 * Math.sqrt(expected / runs));
}

const pagesOf = (r: SimulationResult, id: string) => r.members.find((m) => m.id === id)!;

describe('Monte Carlo incidents', () => {
  it('gives the same result for the same seed, and another for another seed', () => {
    const plan = twoPeople();
    const one = simulateIncidents(plan, { runs: 300, seed: 11 });
    expect(simulateIncidents(plan, { runs: 300, seed: 11 })).toEqual(one);
    expect(simulateIncidents(plan, { runs: 300, seed: 12 })).not.toEqual(one);
  });

  it('pages each member as often as the analytic expectation: rate × weeks on call', () => {
    // 7 a week, each on call 2 of the 4 weeks → 14 pages each; the counts are Poisson(14).
    const runs = 4000;
    const r = simulateIncidents(twoPeople(), { runs, seed: 1 });
    expectPoissonMean(pagesOf(r, 'a').pages.mean, 14, runs);
    expectPoissonMean(pagesOf(r, 'b').pages.mean, 14, runs);
    expectPoissonMean(r.pipelines[0]!.incidents.mean, 28, runs);
    // Uniform incidents: 9 of 24 hours are night (22:00-07:00) → 14 × 9 / 24 = 5.25 night pages each.
    expectPoissonMean(pagesOf(r, 'a').nightPages.mean, 5.25, runs);
    expect(pagesOf(r, 'a').pages.p50).toBeGreaterThanOrEqual(13);
    expect(pagesOf(r, 'a').pages.p50).toBeLessThanOrEqual(15);
  });

  it('raises the rate by investorWeekFactor in the investor week (plan zone)', () => {
    // Investor week 2027-02-22 … 02-28 = [02-22 00:00, 03-01 00:00) PST, factor 3.
    // a (02-15 09:00 → 02-22 09:00) has 9 investor hours: (336 − 9 + 9 × 3) × 7 / 168 = 354 / 24 = 14.75.
    // b (02-22 09:00 → 03-01 09:00) has 159: (336 − 159 + 159 × 3) × 7 / 168 = 654 / 24 = 27.25.
    const runs = 4000;
    const plan = twoPeople((p) => {
      p.coverage.investorWeek.rule = { kind: 'last-days-of-month', days: 7 };
      p.pipelines[0]!.incidents.investorWeekFactor = 3;
    });
    const r = simulateIncidents(plan, { runs, seed: 5 });
    expectPoissonMean(pagesOf(r, 'a').pages.mean, 14.75, runs);
    expectPoissonMean(pagesOf(r, 'b').pages.mean, 27.25, runs);
  });

  it('draws cron incidents around the runs: a 02:00 job pages at night only', () => {
    // Daily 02:00 runs, 60 minutes long: 28 runs in the window, 7 × 4 / 28 = 1 expected incident per run;
    // a holds the runs of 02-02 … 02-08 and 02-16 … 02-22 → 14; every page falls 02:00-03:00, at night.
    const runs = 3000;
    const plan = twoPeople((p) => {
      p.pipelines[0]!.schedule = {
        kind: 'cron',
        expression: '0 2 * * *',
        timeZone: 'America/Los_Angeles',
        expectedDurationMinutes: 60,
      };
    });
    const r = simulateIncidents(plan, { runs, seed: 3 });
    expect(r.pipelines[0]!.model).toBe('cron');
    expectPoissonMean(pagesOf(r, 'a').pages.mean, 14, runs);
    expect(pagesOf(r, 'a').nightPages.mean).toBe(pagesOf(r, 'a').pages.mean);
  });

  it('pages the secondary when the primary is on time off that day', () => {
    // Primary a, b, a, b; secondary b, a, b, a; a away 2027-02-01 … 02-14: week 1's pages go to the secondary b.
    // a: week 3 → 7; b: weeks 1, 2 and 4 → 21.
    const runs = 4000;
    const plan = twoPeople((p) => {
      p.rotation.layers.push({ id: 'secondary', name: 'Secondary', memberOrder: ['b', 'a'] });
      p.shifts.push(...weeks('secondary', '2027-02-01', ['b', 'a', 'b', 'a']));
      p.members[0]!.timeOff = [
        { id: 'x', start: '2027-02-01', end: '2027-02-14', kind: 'vacation', note: '' },
      ];
    });
    const r = simulateIncidents(plan, { runs, seed: 9 });
    expectPoissonMean(pagesOf(r, 'a').pages.mean, 7, runs);
    expectPoissonMean(pagesOf(r, 'b').pages.mean, 21, runs);
    expect(r.unpaged.mean).toBe(0);
  });

  it('breaches the SLA when the work outlasts it: P(D > 60 min) = e^−1 for a mean of 60 min', () => {
    const runs = 2000;
    const plan = twoPeople((p) => (p.pipelines[0]!.sla.resolutionHours = 1));
    const r = simulateIncidents(plan, { runs, seed: 4 });
    const p = Math.exp(-1);
    const incidents = r.pipelines[0]!.incidents.mean * runs;
    expect(Math.abs(r.pipelines[0]!.slaBreachProbability - p)).toBeLessThan(
      4 * Math.sqrt((p * (1 - p)) / incidents),
    );
  });

  it('always breaches a 1-hour SLA when nobody on call knows the pipeline (2·D + 60 min)', () => {
    const plan = twoPeople((p) => {
      p.pipelines[0]!.sla.resolutionHours = 1;
      for (const m of p.members) m.skills = [];
    });
    const r = simulateIncidents(plan, { runs: 200, seed: 4 });
    expect(r.pipelines[0]!.slaBreachProbability).toBe(1);
    expect(r.pipelines[0]!.anyBreachProbability).toBe(1);
  });

  it('counts incidents with nobody on call as unpaged breaches', () => {
    const plan = twoPeople((p) => (p.shifts = []));
    const r = simulateIncidents(plan, { runs: 200, seed: 2 });
    expect(r.members.every((m) => m.pages.mean === 0)).toBe(true);
    expect(r.unpaged.mean).toBe(r.pipelines[0]!.incidents.mean);
    expect(r.pipelines[0]!.slaBreachProbability).toBe(1);
  });

  it('uses the criticality table when the plan sets no rate', () => {
    const plan = twoPeople((p) => (p.pipelines[0]!.incidents.ratePerWeek = null));
    expect(simulateIncidents(plan, { runs: 1, seed: 1 }).pipelines[0]!.ratePerWeek).toBe(0.5);
  });

  it('reports progress up to (runs, runs) and stops when cancelled', () => {
    const plan = twoPeople();
    const seen: [number, number][] = [];
    simulateIncidents(plan, { runs: 500, seed: 1, onProgress: (d, t) => seen.push([d, t]) });
    expect(seen.at(-1)).toEqual([500, 500]);
    expect(seen.map(([d]) => d)).toEqual([...seen.map(([d]) => d)].sort((x, y) => x - y));
    expect(seen.length).toBeGreaterThan(50);
    const signal = { aborted: false };
    expect(() =>
      simulateIncidents(plan, {
        runs: 500,
        seed: 1,
        signal,
        onProgress: (done) => {
          if (done >= 100) signal.aborted = true;
        },
      }),
    ).toThrow(SimulationCancelled);
  });

  it('refuses zero runs', () => {
    expect(() => simulateIncidents(twoPeople(), { runs: 0, seed: 1 })).toThrow(
      'runs must be a whole number of at least 1',
    );
  });
});
