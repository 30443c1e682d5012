import { balance, cv, fairnessMetrics, gini, maxMinSpread } from '../../../shared/fairness/metrics';

describe('fairness metrics', () => {
  it('gini: 0 when equal, (n−1)/n when one person carries everything', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([0, 0, 0, 1])).toBe(0.75);
    // |1−3| pairs: Σ|xi−xj| over ordered pairs = 2 × 2 = 4; 2 n² mean = 2 × 4 × 2 = 16 → 0.25.
    expect(gini([1, 3])).toBe(0.25);
    expect(gini([])).toBe(0);
    expect(gini([0, 0])).toBe(0);
  });

  it('cv: population standard deviation over the mean', () => {
    // Mean 5, population variance 4 → sd 2 → 0.4.
    expect(cv([2, 4, 4, 4, 5, 5, 7, 9])).toBe(0.4);
    expect(cv([3, 3])).toBe(0);
    expect(cv([0, 0])).toBe(0);
  });

  it('max-min spread', () => {
    expect(maxMinSpread([3, 9, 4])).toBe(6);
    expect(maxMinSpread([])).toBe(0);
  });

  it('balance: mean over pairs of min/max, 1 for 0/0 (Grafana OnCall)', () => {
    expect(balance([1, 2])).toBe(0.5);
    expect(balance([0, 0])).toBe(1);
    // Pairs (0,2) → 0, (0,2) → 0, (2,2) → 1: mean 1/3.
    expect(balance([0, 2, 2])).toBeCloseTo(1 / 3, 12);
    // Pairs (2,4) 0.5, (2,8) 0.25, (4,8) 0.5: mean 1.25 / 3.
    expect(balance([2, 4, 8])).toBeCloseTo(1.25 / 3, 12);
    expect(balance([7])).toBe(1);
  });

  it('all four at once', () => {
    expect(fairnessMetrics([2, 2])).toEqual({ gini: 0, cv: 0, balance: 1, maxMinSpread: 0 });
  });
});
