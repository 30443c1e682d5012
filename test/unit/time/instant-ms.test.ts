import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { shiftLoad } from '../../../shared/fairness/shift-load';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { shiftSchema } from '../../../shared/plan/schema';
import { instantMs } from '../../../shared/time/zoned';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const read = (f: () => number): number | 'refused' => {
  try {
    return f();
  } catch {
    return 'refused';
  }
};

describe('instantMs: the fast path for UTC instants', () => {
  it('agrees with Temporal on 20,000 UTC date-times, impossible fields (month 13, 30 February, 24:00) included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 60 }),
        fc.option(fc.integer({ min: 0, max: 61 })),
        (year, month, day, hour, minute, second) => {
          const text = `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}${second === null ? '' : `:${pad(second)}`}Z`;
          expect(read(() => instantMs(text))).toBe(read(() => Temporal.Instant.from(text).epochMilliseconds));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('reads leap days only in leap years', () => {
    expect(instantMs('2028-02-29T12:00:00Z')).toBe(Date.UTC(2028, 1, 29, 12));
    expect(() => instantMs('2027-02-29T12:00:00Z')).toThrow(RangeError);
    expect(() => instantMs('2100-02-29T12:00:00Z')).toThrow(RangeError);
    expect(instantMs('2000-02-29T00:00Z')).toBe(Date.UTC(2000, 1, 29));
  });
});

describe('one reader of instants', () => {
  it('the schema, the fairness sweep and instantMs refuse the same impossible instant', () => {
    const plan = createSamplePlan('2027-01-04T00:00:00Z');
    const shift = { ...plan.shifts[0]!, start: '2027-02-30T09:00:00Z', end: '2027-03-03T09:00:00Z' };
    expect(() => instantMs(shift.start)).toThrow(RangeError);
    expect(() => shiftLoad(plan, shift)).toThrow(RangeError);
    expect(shiftSchema.safeParse(shift).success).toBe(false);
  });
});
