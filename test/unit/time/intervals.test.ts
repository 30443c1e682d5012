import {
  intersect,
  intersectAll,
  lengthWithin,
  mergeIntervals,
  overlaps,
  overlapsAny,
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

  it('measure how much of a span sorted, disjoint intervals cover', () => {
    const weeks = [iv(0, 10), iv(20, 30), iv(40, 50)];
    expect(lengthWithin(weeks, 5, 45)).toBe(5 + 10 + 5);
    expect(lengthWithin(weeks, 10, 20)).toBe(0);
    expect(lengthWithin(weeks, 60, 70)).toBe(0);
    expect(lengthWithin([], 0, 10)).toBe(0);
  });

  it('tell whether a span touches any of intervals sorted by start', () => {
    const away = [iv(0, 10), iv(5, 30), iv(40, 50)];
    expect(overlapsAny(away, 29, 31)).toBe(true);
    expect(overlapsAny(away, 30, 40)).toBe(false);
    expect(overlapsAny(away, 49, 50)).toBe(true);
    expect(overlapsAny(away, 50, 60)).toBe(false);
  });
});
