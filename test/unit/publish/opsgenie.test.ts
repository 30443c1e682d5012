import { createFollowTheSunPlan } from '../../../shared/plan/sample-follow-the-sun';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';
import {
  readOpsgenieConfig,
  rotationSpans,
  toHalfHour,
} from '../../../shared/publish/opsgenie/opsgenie-expand';
import {
  OPSGENIE_OVERRIDES,
  OPSGENIE_TF,
  opsgenieTarget,
} from '../../../shared/publish/opsgenie/opsgenie-target';
import { isPublishProblem } from '../../../shared/publish/publish-problem';
import type { CompiledPublish, PublishFile } from '../../../shared/publish/target';
import { publishPlan, publishWindow, verifyPublishFiles } from '../../../shared/publish/verify-publish';

const iso = (ms: number) => new Date(ms).toISOString();

describe('Opsgenie interpreter on the vendor documentation', () => {
  it("expands the provider's opsgenie_schedule_rotation example, minutes rounded to the half hour", () => {
    // The example of the opsgenie_schedule_rotation page (rotation) and of the opsgenie_schedule page (its zone),
    // as written there, with the user it refers to.
    const text = `
resource "opsgenie_user" "test" {
  username = "user@example.com"
}

resource "opsgenie_schedule" "test" {
  name        = "genieschedule-%s"
  description = "schedule test"
  timezone    = "Europe/Rome"
  enabled     = false
}

resource "opsgenie_schedule_rotation" "test" { 
  schedule_id = "\${opsgenie_schedule.test.id}"
  name        = "test"
  start_date  = "2019-06-18T17:00:00Z"
  end_date    = "2019-06-20T17:30:00Z"
  type        = "hourly"
  length      = 6
  
  participant {
    type = "user"
    id   = "\${opsgenie_user.test.id}"
  }

  time_restriction {
    type = "time-of-day"
    
    restriction {
      start_hour = 1
      start_min  = 1
      end_hour   = 10
      end_min    = 1
    }
  }
}
`;
    const config = readOpsgenieConfig(text);
    const spans = rotationSpans(config.rotations[0]!, 'Europe/Rome', Date.parse('2019-07-01T00:00:00Z'));
    // 01:00-10:00 in Rome (01:01 and 10:01 go to the nearest half hour) is 23:00-08:00 UTC in June; the six-hour
    // turns from 17:00 UTC change at 23:00 and 05:00.
    expect(spans.map((s) => [iso(s.start), iso(s.end), s.username])).toEqual([
      ['2019-06-18T23:00:00.000Z', '2019-06-19T05:00:00.000Z', 'user@example.com'],
      ['2019-06-19T05:00:00.000Z', '2019-06-19T08:00:00.000Z', 'user@example.com'],
      ['2019-06-19T23:00:00.000Z', '2019-06-20T05:00:00.000Z', 'user@example.com'],
      ['2019-06-20T05:00:00.000Z', '2019-06-20T08:00:00.000Z', 'user@example.com'],
    ]);
  });

  it('rounds minutes to the nearest 0 or 30', () => {
    expect([1, 14, 15, 44, 45, 59].map((m) => toHalfHour(9 * 60 + m) - 9 * 60)).toEqual([
      0, 0, 30, 30, 60, 60,
    ]);
  });

  it('hands weekly turns over at the same wall-clock time across DST, in the schedule zone', () => {
    const text = `
data "opsgenie_user" "a" {
  username = "a@example.com"
}
data "opsgenie_user" "b" {
  username = "b@example.com"
}
resource "opsgenie_schedule" "s" {
  name     = "S"
  timezone = "America/Chicago"
}
resource "opsgenie_schedule_rotation" "r" {
  schedule_id = opsgenie_schedule.s.id
  start_date  = "2024-10-28T14:00:00Z"
  type        = "weekly"
  participant {
    type = "user"
    id   = data.opsgenie_user.a.id
  }
  participant {
    type = "user"
    id   = data.opsgenie_user.b.id
  }
}
`;
    const spans = rotationSpans(
      readOpsgenieConfig(text).rotations[0]!,
      'America/Chicago',
      Date.parse('2024-11-11T15:00:00Z'),
    );
    expect(spans.map((s) => [iso(s.start), iso(s.end), s.username])).toEqual([
      ['2024-10-28T14:00:00.000Z', '2024-11-04T15:00:00.000Z', 'a@example.com'],
      ['2024-11-04T15:00:00.000Z', '2024-11-11T15:00:00.000Z', 'b@example.com'],
    ]);
  });

  it('refuses an unknown restriction type with its line', () => {
    const text =
      'resource "opsgenie_schedule" "s" {\n  name = "S"\n}\nresource "opsgenie_schedule_rotation" "r" {\n' +
      '  schedule_id = opsgenie_schedule.s.id\n  start_date = "2024-10-28T14:00:00Z"\n  type = "weekly"\n' +
      '  participant {\n    type = "none"\n  }\n  time_restriction {\n    type = "weekends"\n  }\n}\n';
    expect(() => readOpsgenieConfig(text)).toThrow(/line 11: time_restriction type "weekends"/);
  });
});

describe('Opsgenie target on the sample plans', () => {
  // [schedules, rotations, overrides]: the weekly plan is one rotation per layer and its seven swaps; the
  // follow-the-sun plan is cut at each offset change of Kolkata, Berlin or New York (a piece that begins mid-turn
  // adds the turn under way as its own rotation) and keeps only its real deviations as overrides.
  const cases: [string, () => Plan, number[]][] = [
    ['sample', () => createSamplePlan('2026-12-06T00:00:00.000Z'), [2, 2, 7]],
    ['follow-the-sun', () => createFollowTheSunPlan('2026-12-06T00:00:00.000Z'), [2, 70, 35]],
  ];
  it.each(cases)('publishes the %s plan verified with 0 differing minutes', (_name, make, counts) => {
    const plan = make();
    const outcome = publishPlan(opsgenieTarget, { plan, window: publishWindow(plan), userIds: {} });
    if (isPublishProblem(outcome)) throw new Error(outcome.message);
    expect(outcome.verified).toBe(true);
    expect(outcome.differingMinutes).toBe(0);
    expect([outcome.schedules, outcome.layers, outcome.overrides]).toEqual(counts);
    expect(outcome.files.map((f) => f.path)).toEqual([OPSGENIE_TF, OPSGENIE_OVERRIDES]);
    expect(outcome.files[0]!.text).toContain('resource "opsgenie_schedule_rotation"');
  });

  it('cuts a follow-the-sun rotation where a zone changes clocks, the turn under way kept as it runs', () => {
    const plan = createFollowTheSunPlan('2026-12-06T00:00:00.000Z');
    const compiled = opsgenieTarget.compile({
      plan,
      window: publishWindow(plan),
      userIds: {},
    }) as CompiledPublish;
    const tf = compiled.files[0]!.text;
    const block = (name: string) => {
      const at = tf.indexOf(`name        = "${name}"`);
      expect(at).toBeGreaterThan(0);
      return tf.slice(at, tf.indexOf('\n}\n', at));
    };
    expect(block('Kolkata (from 2027-01-04)')).toContain(
      'start_date  = "2027-01-04T01:30:00Z"\n  end_date    = "2027-03-28T01:00:00Z"',
    );
    const underWay = block('Kolkata (from 2027-03-28) (turn under way)');
    expect(underWay).toContain(
      'start_date  = "2027-03-28T01:00:00Z"\n  end_date    = "2027-03-29T01:30:00Z"',
    );
    expect(underWay.match(/participant \{/g)).toHaveLength(1);
    expect(underWay).toContain('end_hour   = 14\n      end_min    = 30');
    expect(block('Kolkata (from 2027-03-28)')).toContain(
      'start_date  = "2027-03-29T01:30:00Z"\n  end_date    = "2027-10-31T01:00:00Z"',
    );
  });

  it('detects a hand edit of one participant and of one override', () => {
    const plan = createSamplePlan('2026-12-06T00:00:00.000Z');
    const ctx = { plan, window: publishWindow(plan), userIds: {} };
    const compiled = opsgenieTarget.compile(ctx) as CompiledPublish;
    const [tf, overrides] = compiled.files as [PublishFile, PublishFile];
    const [first, second] = plan.members;
    const editedTf = tf.text.replace(
      `id   = data.opsgenie_user.${first!.id}.id`,
      `id   = data.opsgenie_user.${second!.id}.id`,
    );
    expect(editedTf).not.toBe(tf.text);
    const check = (files: PublishFile[]) => {
      const result = verifyPublishFiles(opsgenieTarget, files, ctx);
      if (isPublishProblem(result)) throw new Error(result.message);
      return result;
    };
    expect(check([{ ...tf, text: editedTf }, overrides]).verified).toBe(false);
    const bodies = JSON.parse(overrides.text) as { override: { endDate: string } }[];
    const end = Date.parse(bodies[0]!.override.endDate);
    bodies[0]!.override.endDate = new Date(end - 3_600_000).toISOString();
    const result = check([tf, { ...overrides, text: JSON.stringify(bodies) }]);
    expect(result.verified).toBe(false);
    expect(result.differingMinutes).toBe(60);
  });
});
