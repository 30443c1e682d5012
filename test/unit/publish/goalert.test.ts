import { createFollowTheSunPlan } from '../../../shared/plan/sample-follow-the-sun';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';
import {
  readGoalertDocument,
  rotationUsers,
  ruleIntervals,
} from '../../../shared/publish/goalert/goalert-expand';
import { GOALERT_FILE, goalertTarget } from '../../../shared/publish/goalert/goalert-target';
import { isPublishProblem } from '../../../shared/publish/publish-problem';
import type { CompiledPublish } from '../../../shared/publish/target';
import { publishPlan, publishWindow, verifyPublishFiles } from '../../../shared/publish/verify-publish';

const iso = (ms: number) => new Date(ms).toISOString();
const idsOf = (plan: Plan) => Object.fromEntries(plan.members.map((m) => [m.id, `goalert-${m.id}`]));

describe('GoAlert interpreter on the vendor code and schema', () => {
  it("hands over a 24-hour rotation at 01:30 Chicago time across DST, as GoAlert's rotation test expects", () => {
    // schedule/rotation/rotation_test.go: hourly, shift length 24, start 2020-10-30 01:30 America/Chicago; the
    // handoffs stay at 01:30 local through the end of DST on 2020-11-01.
    const spans = rotationUsers(
      {
        name: 'r',
        timeZone: 'America/Chicago',
        start: '2020-10-30T06:30:00Z',
        type: 'hourly',
        shiftLength: 24,
        userIDs: ['a', 'b'],
      },
      Date.parse('2020-10-30T06:00:00Z'),
      Date.parse('2020-11-03T00:00:00Z'),
    );
    expect(spans.map((s) => [iso(s.start), iso(s.end), s.userId])).toEqual([
      ['2020-10-30T06:00:00.000Z', '2020-10-30T06:30:00.000Z', 'a'],
      ['2020-10-30T06:30:00.000Z', '2020-10-31T06:30:00.000Z', 'b'],
      ['2020-10-31T06:30:00.000Z', '2020-11-01T06:30:00.000Z', 'a'],
      ['2020-11-01T06:30:00.000Z', '2020-11-02T07:30:00.000Z', 'b'],
      ['2020-11-02T07:30:00.000Z', '2020-11-03T07:30:00.000Z', 'a'],
    ]);
  });

  it('reads rules as GoAlert does: past midnight when end < start, whole days when start = end', () => {
    const from = Date.parse('2027-01-04T00:00:00Z'); // a Monday
    const until = Date.parse('2027-01-11T00:00:00Z');
    // Friday only (index 5; index 0 is Sunday), 22:00 to 06:00.
    const night = ruleIntervals(
      { start: '22:00', end: '06:00', weekdayFilter: [false, false, false, false, false, true, false] },
      'UTC',
      from,
      until,
    );
    expect(night.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2027-01-08T22:00:00.000Z', '2027-01-09T06:00:00.000Z'],
    ]);
    // Saturday and Sunday, 00:00 to 00:00: the whole weekend.
    const weekend = ruleIntervals(
      { start: '00:00', end: '00:00', weekdayFilter: [true, false, false, false, false, false, true] },
      'UTC',
      from,
      until,
    );
    expect(weekend.map((i) => [iso(i.start), iso(i.end)])).toEqual([
      ['2027-01-09T00:00:00.000Z', '2027-01-11T00:00:00.000Z'],
    ]);
  });

  it('refuses a field the GoAlert schema does not have, naming the line', () => {
    const text =
      'mutation {\n  createSchedule(input: {\n    name: "S", timeZone: "UTC",\n    shifts: []\n  }) { id }\n}\n';
    expect(() => readGoalertDocument(text)).toThrow(/line 4: CreateScheduleInput has no field "shifts"/);
  });
});

describe('GoAlert target on the sample plans', () => {
  // [schedules, rotations, overrides, notes on a layer written as one schedule per zone]
  const cases: [string, () => Plan, number[]][] = [
    ['sample', () => createSamplePlan('2026-12-06T00:00:00.000Z'), [2, 2, 7, 0]],
    // Three regions' schedules per layer; each window whose end keeps the next region's clock is a rotation in its
    // own zone plus a copy for the tail in the next region's schedule. The 70 overrides are the plan's swapped
    // weeks: 35 days, each replaced in the two schedules that page the window's head and tail.
    ['follow-the-sun', () => createFollowTheSunPlan('2026-12-06T00:00:00.000Z'), [6, 12, 70, 2]],
  ];
  it.each(cases)('publishes the %s plan verified with 0 differing minutes', (_name, make, counts) => {
    const plan = make();
    const outcome = publishPlan(goalertTarget, { plan, window: publishWindow(plan), userIds: idsOf(plan) });
    if (isPublishProblem(outcome)) throw new Error(outcome.message);
    expect(outcome.verified).toBe(true);
    expect(outcome.differingMinutes).toBe(0);
    const perZone = outcome.notes.filter((n) => n.includes('one per time zone its rotations hand over in'));
    expect([outcome.schedules, outcome.layers, outcome.overrides, perZone.length]).toEqual(counts);
    const text = outcome.files[0]!.text;
    expect(text).toContain('createSchedule(');
    expect(text).toMatch(
      /newRotation: \{ name: "[^"]+", timeZone: "[^"]+", start: "[^"]+", type: weekly, shiftLength: 1, userIDs: \[/,
    );
  });

  it('writes each follow-the-sun region as a schedule in its own zone whose rules keep local hours', () => {
    const plan = createFollowTheSunPlan('2026-12-06T00:00:00.000Z');
    const outcome = publishPlan(goalertTarget, { plan, window: publishWindow(plan), userIds: idsOf(plan) });
    if (isPublishProblem(outcome)) throw new Error(outcome.message);
    expect(outcome.notes).toContain(
      'GoAlert: Primary is 3 schedules, one per time zone its rotations hand over in (Asia/Kolkata, Europe/Berlin, ' +
        "America/New_York), as a schedule's rules are clock times in its own zone; put all of them in the same " +
        'escalation step, which pages everyone on call in any of them.',
    );
    const { schedules } = readGoalertDocument(outcome.files[0]!.text);
    const everyDay = [true, true, true, true, true, true, true];
    expect(
      schedules
        .filter((s) => s.name.startsWith('Primary'))
        .map((s) => [s.name, s.timeZone, s.targets.map((t) => [t.newRotation.name, t.rules])]),
    ).toEqual([
      [
        'Primary — Asia/Kolkata',
        'Asia/Kolkata',
        [
          ['Primary Kolkata', [{ start: '07:00', end: '14:30', weekdayFilter: everyDay }]],
          [
            'Primary New York until the Asia/Kolkata handoff',
            [{ start: '06:00', end: '07:00', weekdayFilter: everyDay }],
          ],
        ],
      ],
      [
        'Primary — Europe/Berlin',
        'Europe/Berlin',
        [
          [
            'Primary Kolkata until the Europe/Berlin handoff',
            [{ start: '10:00', end: '11:00', weekdayFilter: everyDay }],
          ],
          ['Primary Berlin', [{ start: '11:00', end: '17:00', weekdayFilter: everyDay }]],
        ],
      ],
      [
        'Primary — America/New_York',
        'America/New_York',
        [
          [
            'Primary Berlin until the America/New_York handoff',
            [{ start: '11:00', end: '12:00', weekdayFilter: everyDay }],
          ],
          ['Primary New York', [{ start: '12:00', end: '20:30', weekdayFilter: everyDay }]],
        ],
      ],
    ]);
  });

  it('names the members without a GoAlert user id', () => {
    const plan = createSamplePlan('2026-12-06T00:00:00.000Z');
    const ids = idsOf(plan);
    const first = plan.members[0]!;
    delete ids[first.id];
    const result = goalertTarget.compile({ plan, window: publishWindow(plan), userIds: ids });
    expect(isPublishProblem(result) && result.message).toBe(
      `no GoAlert user id for ${first.name} (--map ${first.email}=ID)`,
    );
  });

  it('detects a hand edit that changes one user of a rotation', () => {
    const plan = createSamplePlan('2026-12-06T00:00:00.000Z');
    const ctx = { plan, window: publishWindow(plan), userIds: idsOf(plan) };
    const compiled = goalertTarget.compile(ctx) as CompiledPublish;
    const text = compiled.files[0]!.text;
    const [a, b] = plan.members;
    const edited = text.replace(`userIDs: ["goalert-${a!.id}"`, `userIDs: ["goalert-${b!.id}"`);
    expect(edited).not.toBe(text);
    const result = verifyPublishFiles(goalertTarget, [{ path: GOALERT_FILE, text: edited }], ctx);
    if (isPublishProblem(result)) throw new Error(result.message);
    expect(result.verified).toBe(false);
    expect(result.differingMinutes).toBeGreaterThan(0);
  });
});
