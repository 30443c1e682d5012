import { exponential, mulberry32, poisson, runSeed } from '../../../shared/simulation/prng';

/** bryc's reference mulberry32 (github.com/bryc/code, jshash/PRNGs.md), written out independently. */
function reference(seed: number) {
  let a = seed;
  return () => {
    let t = (a += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('the seeded generator', () => {
  it('is mulberry32: the same stream as the reference implementation', () => {
    for (const seed of [0, 1, 42, 123456789]) {
      const ours = mulberry32(seed);
      const theirs = reference(seed);
      for (let i = 0; i < 1000; i++) expect(ours()).toBe(theirs());
    }
  });

  it('starts seed 1 with a literal value', () => {
    expect(mulberry32(1)()).toBe(0.6270739405881613);
  });

  it('derives distinct, repeatable run seeds', () => {
    expect(runSeed(1, 0)).toBe(runSeed(1, 0));
    const seeds = new Set(Array.from({ length: 10_000 }, (_, i) => runSeed(7, i)));
    expect(seeds.size).toBe(10_000);
    expect(runSeed(1, 5)).not.toBe(runSeed(2, 5));
  });

  it('draws Poisson and exponential values with the right means (4 standard errors)', () => {
    const rng = mulberry32(2024);
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += poisson(rng, 45); // 45 > 30: drawn in two chunks
    expect(Math.abs(sum / n - 45)).toBeLessThan(4 * Math.sqrt(45 / n));
    let total = 0;
    for (let i = 0; i < n; i++) total += exponential(rng, 60);
    expect(Math.abs(total / n - 60)).toBeLessThan(4 * (60 / Math.sqrt(n)));
    expect(poisson(rng, 0)).toBe(0);
  });
});
