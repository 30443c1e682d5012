import {
  intersect,
  intersectAll,
  mergeIntervals,
  overlaps,
  subtractIntervals,
} from '../../../shared/time/intervals';

const iv = (start: number, end: number) => ({ start, end });

describe('half-open intervals', () => {
  it('overlap only when they share an instant', () => {
    expect(overlaps(iv(0, 10), iv(10, 20))).toBe(false);
    expect(overlaps(iv(0, 10), iv(9, 20))).toBe(true);
    expect(intersect(iv(0, 10), iv(5, 20))).toEqual(iv(5, 10));
    expect(intersect(iv(0, 10), iv(10, 20))).toBeNull();
  });

  it('merge touching and overlapping intervals, dropping empty ones', () => {
    expect(mergeIntervals([iv(20, 30), iv(0, 10), iv(10, 15), iv(12, 18), iv(40, 40)])).toEqual([
      iv(0, 18),
      iv(20, 30),
    ]);
  });

  it('subtract cuts from a base, in time order', () => {
    expect(subtractIntervals(iv(0, 100), [iv(40, 60), iv(-10, 5), iv(90, 120)])).toEqual([
      iv(5, 40),
      iv(60, 90),
    ]);
    expect(subtractIntervals(iv(0, 10), [iv(0, 10)])).toEqual([]);
    expect(subtractIntervals(iv(0, 10), [])).toEqual([iv(0, 10)]);
  });

  it('intersect pieces with a set of windows', () => {
    expect(intersectAll([iv(0, 10), iv(20, 30)], [iv(5, 25)])).toEqual([iv(5, 10), iv(20, 25)]);
  });
});
