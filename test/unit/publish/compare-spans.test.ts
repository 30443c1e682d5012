import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';
import { compareSpans } from '../../../shared/publish/compare-spans';
import { deriveOverrides } from '../../../shared/publish/derive-overrides';
import { planTimeline } from '../../../shared/publish/plan-timeline';
import type { OnCallSpan } from '../../../shared/publish/target';

const ms = (iso: string) => Date.parse(iso);
const span = (layerId: string, memberId: string, start: string, end: string): OnCallSpan => ({
  layerId,
  memberId,
  start: ms(start),
  end: ms(end),
});

let plan: Plan;
beforeAll(() => {
  plan = createSamplePlan('2026-12-06T00:00:00.000Z');
});

describe('compareSpans', () => {
  it('finds two identical timelines equal, however they are cut', () => {
    const window = { start: ms('2027-01-04T00:00:00Z'), end: ms('2027-01-18T00:00:00Z') };
    const expected = [span('primary', 'a', '2027-01-04T00:00:00Z', '2027-01-18T00:00:00Z')];
    const actual = [
      span('primary', 'a', '2027-01-04T00:00:00Z', '2027-01-11T00:00:00Z'),
      span('primary', 'a', '2027-01-11T00:00:00Z', '2027-01-18T00:00:00Z'),
    ];
    expect(compareSpans(expected, actual, plan, window)).toEqual({
      equal: true,
      differingMinutes: 0,
      differences: [],
    });
  });

  it('counts differing minutes and names the members and local times', () => {
    const [first, second] = plan.members;
    const window = { start: ms('2027-01-04T00:00:00Z'), end: ms('2027-01-05T00:00:00Z') };
    const expected = [span('primary', first!.id, '2027-01-04T00:00:00Z', '2027-01-05T00:00:00Z')];
    const actual = [
      span('primary', first!.id, '2027-01-04T00:00:00Z', '2027-01-04T17:00:00Z'),
      span('primary', second!.id, '2027-01-04T17:00:00Z', '2027-01-04T18:30:00Z'),
      span('primary', first!.id, '2027-01-04T18:30:00Z', '2027-01-04T23:00:00Z'),
    ];
    const result = compareSpans(expected, actual, plan, window);
    expect(result.equal).toBe(false);
    // 90 minutes someone else, 60 minutes nobody.
    expect(result.differingMinutes).toBe(150);
    expect(result.differences.map((d) => [d.start, d.end, d.expected, d.actual])).toEqual([
      [ms('2027-01-04T17:00:00Z'), ms('2027-01-04T18:30:00Z'), [first!.id], [second!.id]],
      [ms('2027-01-04T23:00:00Z'), ms('2027-01-05T00:00:00Z'), [first!.id], []],
    ]);
    expect(plan.rotation.timeZone).toBe('America/Los_Angeles');
    expect(result.differences[0]!.message).toBe(
      `Primary, Mon 2027-01-04 09:00 to Mon 2027-01-04 10:30 (America/Los_Angeles): the plan has ` +
        `${first!.name} on call, the tool would page ${second!.name}`,
    );
    expect(result.differences[1]!.message).toContain(`the tool would page nobody`);
  });

  it('counts a partly differing minute as a whole one', () => {
    const window = { start: ms('2027-01-04T00:00:00Z'), end: ms('2027-01-04T01:00:00Z') };
    const expected = [span('primary', 'a', '2027-01-04T00:00:00Z', '2027-01-04T01:00:00Z')];
    const actual = [span('primary', 'a', '2027-01-04T00:00:30Z', '2027-01-04T01:00:00Z')];
    expect(compareSpans(expected, actual, plan, window).differingMinutes).toBe(1);
  });
});

describe('planTimeline', () => {
  it('clips the plan shifts to the window and leaves shadow shifts out', () => {
    const shift = plan.shifts.find((s) => s.layerId === 'primary')!;
    const shadow = { ...shift, id: 'shadow-1', memberId: plan.members[3]!.id, shadow: true };
    const withShadow: Plan = { ...plan, shifts: [shift, shadow] };
    const start = ms(shift.start) + 3_600_000;
    const spans = planTimeline(withShadow, { start, end: ms(shift.end) + 86_400_000 });
    expect(spans).toEqual([{ layerId: 'primary', memberId: shift.memberId, start, end: ms(shift.end) }]);
  });
});

describe('deriveOverrides', () => {
  it('turns only the differences into overrides, joined per person', () => {
    const window = { start: ms('2027-01-04T00:00:00Z'), end: ms('2027-01-25T00:00:00Z') };
    const planSpans = [
      span('primary', 'a', '2027-01-04T00:00:00Z', '2027-01-11T00:00:00Z'),
      span('primary', 'c', '2027-01-11T00:00:00Z', '2027-01-12T00:00:00Z'),
      span('primary', 'b', '2027-01-12T00:00:00Z', '2027-01-18T00:00:00Z'),
      span('primary', 'a', '2027-01-18T00:00:00Z', '2027-01-25T00:00:00Z'),
    ];
    const toolSpans = [
      span('primary', 'a', '2027-01-04T00:00:00Z', '2027-01-11T00:00:00Z'),
      span('primary', 'b', '2027-01-11T00:00:00Z', '2027-01-18T00:00:00Z'),
      span('primary', 'a', '2027-01-18T00:00:00Z', '2027-01-24T00:00:00Z'),
    ];
    expect(deriveOverrides(planSpans, toolSpans, plan, window)).toEqual({
      overrides: [
        span('primary', 'c', '2027-01-11T00:00:00Z', '2027-01-12T00:00:00Z'),
        span('primary', 'a', '2027-01-24T00:00:00Z', '2027-01-25T00:00:00Z'),
      ],
      unfixable: [],
    });
  });

  it('reports where the tool pages someone and the plan has nobody', () => {
    const window = { start: ms('2027-01-04T00:00:00Z'), end: ms('2027-01-05T00:00:00Z') };
    const result = deriveOverrides(
      [span('primary', 'a', '2027-01-04T00:00:00Z', '2027-01-04T12:00:00Z')],
      [span('primary', 'a', '2027-01-04T00:00:00Z', '2027-01-05T00:00:00Z')],
      plan,
      window,
    );
    expect(result.overrides).toEqual([]);
    expect(result.unfixable.map((u) => [u.reason, u.memberId, u.start, u.end])).toEqual([
      ['plan-has-nobody', 'a', ms('2027-01-04T12:00:00Z'), ms('2027-01-05T00:00:00Z')],
    ]);
  });
});
