import { createFollowTheSunPlan } from '../../../shared/plan/sample-follow-the-sun';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';
import {
  readGrafanaConfig,
  resolveSchedule,
  shiftEvents,
} from '../../../shared/publish/grafana-oncall/grafana-expand';
import { GRAFANA_FILE, grafanaOncallTarget } from '../../../shared/publish/grafana-oncall/grafana-target';
import { isPublishProblem } from '../../../shared/publish/publish-problem';
import type { CompiledPublish } from '../../../shared/publish/target';
import { publishPlan, publishWindow, verifyPublishFiles } from '../../../shared/publish/verify-publish';

const iso = (ms: number) => new Date(ms).toISOString();
const events = (text: string, label: string, until: string) =>
  shiftEvents(readGrafanaConfig(text).shifts.get(label)!, 'UTC', Date.parse(until)).map((e) => ({
    start: iso(e.start),
    end: iso(e.end),
    users: e.users,
    level: e.level,
  }));

describe('Grafana OnCall interpreter on the vendor documentation', () => {
  it("expands the provider's recurrent_event example: Mondays and Fridays 14:00-14:30 UTC every second week", () => {
    // The example of the grafana_oncall_on_call_shift resource page of the Terraform provider, as written there.
    const text = `
data "grafana_oncall_user" "alex" {
  username = "alex"
}

resource "grafana_oncall_on_call_shift" "example_shift" {
  name       = "Example Shift"
  type       = "recurrent_event"
  start      = "2020-09-07T14:00:00"
  duration   = 60 * 30
  frequency  = "weekly"
  interval   = 2
  by_day     = ["MO", "FR"]
  week_start = "MO"
  users = [
    data.grafana_oncall_user.alex.id
  ]
  time_zone = "UTC"
}
`;
    expect(events(text, 'example_shift', '2020-09-26T00:00:00Z')).toEqual([
      { start: '2020-09-07T14:00:00.000Z', end: '2020-09-07T14:30:00.000Z', users: ['alex'], level: 0 },
      { start: '2020-09-11T14:00:00.000Z', end: '2020-09-11T14:30:00.000Z', users: ['alex'], level: 0 },
      { start: '2020-09-21T14:00:00.000Z', end: '2020-09-21T14:30:00.000Z', users: ['alex'], level: 0 },
      { start: '2020-09-25T14:00:00.000Z', end: '2020-09-25T14:30:00.000Z', users: ['alex'], level: 0 },
    ]);
  });

  it("resolves the API documentation's level example: Bob (level 2) at 10AM, Alex (level 1) at 8AM", () => {
    // "Alex is on-call from 8AM till 11AM with level 1, Bob is on-call from 9AM till 11AM with level 2. At 10AM
    // Grafana OnCall will notify Bob. At 8AM OnCall will notify Alex."
    const h = (hour: number) => Date.parse(`2020-09-10T${String(hour).padStart(2, '0')}:00:00Z`);
    const resolved = resolveSchedule([
      { start: h(8), end: h(11), users: ['alex'], level: 1 },
      { start: h(9), end: h(11), users: ['bob'], level: 2 },
    ]);
    expect(resolved).toEqual([
      { start: h(8), end: h(9), users: ['alex'] },
      { start: h(9), end: h(11), users: ['bob'] },
    ]);
  });

  it('keeps the wall-clock start of a weekly 604800 s rotation across DST, leaving the gap OnCall shows', () => {
    // The rotation reported to OnCall: weekly, duration 604800, America/Chicago; DST ends on 2024-11-03.
    const text = `
data "grafana_oncall_user" "a" {
  username = "a"
}
data "grafana_oncall_user" "b" {
  username = "b"
}
resource "grafana_oncall_on_call_shift" "weekly" {
  name          = "Test API Shift"
  type          = "rolling_users"
  start         = "2024-10-28T09:00:00"
  duration      = 604800
  frequency     = "weekly"
  week_start    = "MO"
  time_zone     = "America/Chicago"
  rolling_users = [[data.grafana_oncall_user.a.id], [data.grafana_oncall_user.b.id]]
}
`;
    expect(events(text, 'weekly', '2024-11-12T00:00:00Z')).toEqual([
      { start: '2024-10-28T14:00:00.000Z', end: '2024-11-04T14:00:00.000Z', users: ['a'], level: 0 },
      // 09:00 CST is 15:00 UTC: an hour after the previous week's 604800 seconds ran out.
      { start: '2024-11-04T15:00:00.000Z', end: '2024-11-11T15:00:00.000Z', users: ['b'], level: 0 },
      { start: '2024-11-11T15:00:00.000Z', end: '2024-11-18T15:00:00.000Z', users: ['a'], level: 0 },
    ]);
  });

  it('moves a rolling start that is not a by_day day to the first listed day from week_start', () => {
    const text = `
data "grafana_oncall_user" "a" {
  username = "a"
}
data "grafana_oncall_user" "b" {
  username = "b"
}
resource "grafana_oncall_on_call_shift" "weekdays" {
  name          = "Weekdays"
  type          = "rolling_users"
  start         = "2027-01-02T09:00:00"
  duration      = 3600
  frequency     = "weekly"
  by_day        = ["MO", "WE"]
  week_start    = "MO"
  time_zone     = "UTC"
  rolling_users = [[data.grafana_oncall_user.a.id], [data.grafana_oncall_user.b.id]]
}
`;
    // 2027-01-02 is a Saturday: the rotation starts on Monday 2027-01-04, and each week is one group's.
    expect(
      events(text, 'weekdays', '2027-01-14T00:00:00Z').map((e) => [e.start.slice(0, 10), e.users[0]]),
    ).toEqual([
      ['2027-01-04', 'a'],
      ['2027-01-06', 'a'],
      ['2027-01-11', 'b'],
      ['2027-01-13', 'b'],
    ]);
  });

  it('refuses text outside the subset it reads, naming the line', () => {
    const text =
      'resource "grafana_oncall_on_call_shift" "x" {\n  name = "a"\n  start = "${var.day}T09:00:00"\n}\n';
    expect(() => readGrafanaConfig(text)).toThrow(/line 3: template interpolation/);
  });
});

describe('Grafana OnCall target on the sample plans', () => {
  const cases: [string, () => Plan][] = [
    ['sample', () => createSamplePlan('2026-12-06T00:00:00.000Z')],
    ['follow-the-sun', () => createFollowTheSunPlan('2026-12-06T00:00:00.000Z')],
  ];
  it.each(cases)('publishes the %s plan verified with 0 differing minutes', (_name, make) => {
    const plan = make();
    const ctx = { plan, window: publishWindow(plan), userIds: {} };
    const outcome = publishPlan(grafanaOncallTarget, ctx);
    if (isPublishProblem(outcome)) throw new Error(outcome.message);
    expect(outcome.verified).toBe(true);
    expect(outcome.differingMinutes).toBe(0);
    expect(outcome.schedules).toBe(2);
    const text = outcome.files[0]!.text;
    expect(text).toContain('resource "grafana_oncall_schedule" "primary"');
    expect(text).toContain('type          = "rolling_users"');
    expect(text).toContain('level         = 1');
    // Follow-the-sun windows end at the next region's handoff: a tail shift in that region's zone follows its
    // clock changes, so only the real deviations remain overrides (not one per DST-shifted day).
    expect(outcome.overrides).toBeLessThan(60);
  });

  it('counts the sample plan as two weekly rotations and its swaps and DST hours as overrides', () => {
    const plan = createSamplePlan('2026-12-06T00:00:00.000Z');
    const compiled = grafanaOncallTarget.compile({ plan, window: publishWindow(plan), userIds: {} });
    if (isPublishProblem(compiled)) throw new Error(compiled.message);
    expect(compiled.layers).toBe(2);
    expect(compiled.overrides).toBeLessThan(30);
    expect(compiled.files.map((f) => f.path)).toEqual([GRAFANA_FILE]);
  });

  it('detects a hand edit that changes one user in a rotation', () => {
    const plan = createSamplePlan('2026-12-06T00:00:00.000Z');
    const ctx = { plan, window: publishWindow(plan), userIds: {} };
    const compiled = grafanaOncallTarget.compile(ctx) as CompiledPublish;
    const text = compiled.files[0]!.text;
    const first = plan.members[0]!.id;
    const other = plan.members[1]!.id;
    const edited = text.replace(
      `rolling_users = [\n    [data.grafana_oncall_user.${first}.id],`,
      `rolling_users = [\n    [data.grafana_oncall_user.${other}.id],`,
    );
    expect(edited).not.toBe(text);
    const result = verifyPublishFiles(grafanaOncallTarget, [{ path: GRAFANA_FILE, text: edited }], ctx);
    if (isPublishProblem(result)) throw new Error(result.message);
    expect(result.verified).toBe(false);
    expect(result.differingMinutes).toBeGreaterThan(7 * 24 * 60);
    expect(result.differences[0]!.message).toContain('the tool would page');
  });
});
