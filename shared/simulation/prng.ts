/** A source of uniform numbers in [0, 1). */
export type Rng = () => number;

/**
 * mulberry32, Tommy Ettinger's 32-bit generator (public domain): one 32-bit state word, period 2^32, passes
 * gjrand's tests for this size and needs a handful of integer operations per draw.
 * Why this one: small, well known and exactly reproducible in any JavaScript engine, so the same seed gives the
 * same simulation everywhere (shared/ may not use Math.random).
 */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A 32-bit seed for run `index` of a simulation seeded with `seed` (the finaliser of MurmurHash3 over both).
 * Why one stream per run: a run's incidents depend only on (seed, run), so splitting the runs over workers or
 * chunks cannot change the result.
 */
export function runSeed(seed: number, index: number): number {
  let h = (seed >>> 0) ^ Math.imul(index + 1, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** An exponential draw with the given mean (inversion: −mean · ln(1 − u)). */
export function exponential(rng: Rng, mean: number): number {
  return -mean * Math.log(1 - rng());
}

/**
 * A Poisson draw with mean `lambda`: Knuth's multiplication method, in chunks of at most 30 so e^−λ never
 * underflows (a sum of Poisson draws is Poisson with the summed mean).
 */
export function poisson(rng: Rng, lambda: number): number {
  let total = 0;
  let rest = lambda;
  while (rest > 0) {
    const part = Math.min(rest, 30);
    rest -= part;
    const limit = Math.exp(-part);
    let k = 0;
    let p = rng();
    while (p > limit) {
      k++;
      p *= rng();
    }
    total += k;
  }
  return total;
}
