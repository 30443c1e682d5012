import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';
import { pagerDutyTarget } from '../../../shared/publish/pagerduty/pagerduty-target';
import type { CompiledPublish } from '../../../shared/publish/target';
import { resolveUserIds } from '../../../shared/publish/user-ids';
import { publishWindow } from '../../../shared/publish/verify-publish';

let plan: Plan;
beforeAll(() => {
  plan = createSamplePlan('2026-12-06T00:00:00.000Z');
});

describe('the pagerduty target', () => {
  it('sends a year of weekly turns as one layer per schedule and only the seven swaps as overrides', () => {
    const userIds = Object.fromEntries(plan.members.map((m) => [m.id, `PD-${m.id}`]));
    const compiled = pagerDutyTarget.compile({
      plan,
      window: publishWindow(plan),
      userIds,
    }) as CompiledPublish;
    expect([compiled.schedules, compiled.layers, compiled.overrides]).toEqual([2, 2, 7]);
    const overrides = JSON.parse(compiled.files.find((f) => f.path === 'overrides.json')!.text).overrides;
    const swaps = plan.shifts.filter((s) => s.source === 'swap');
    expect(
      overrides.map(
        (o: { schedule: string; body: { override: { start: string; user: { id: string } } } }) => [
          o.schedule,
          new Date(o.body.override.start).toISOString(),
          o.body.override.user.id,
        ],
      ),
    ).toEqual(
      swaps.map((s) => [`schedules/${s.layerId}.json`, new Date(s.start).toISOString(), `PD-${s.memberId}`]),
    );
    expect(overrides[0].body.override).toEqual({
      start: '2027-01-25T09:00:00-08:00',
      end: '2027-02-01T09:00:00-08:00',
      user: { id: 'PD-diego', type: 'user_reference' },
    });
  });

  it('takes user ids from the plan (toolUserIds) and --map, the map first', () => {
    const withIds: Plan = {
      ...plan,
      members: plan.members.map((m) => ({ ...m, toolUserIds: { pagerduty: `PLAN-${m.id}` } })),
    };
    const ids = resolveUserIds(
      withIds,
      new Map([['maya.chen@pacificinfra.example', 'MAP-maya']]),
      'terraform-pagerduty',
    );
    expect(ids).toEqual({ maya: 'MAP-maya', diego: 'PLAN-diego', priya: 'PLAN-priya', sam: 'PLAN-sam' });
    expect(resolveUserIds(plan, new Map([['nobody@example.com', 'X']]), 'pagerduty')).toEqual({
      message: '--map nobody@example.com: no team member has this e-mail',
    });
  });

  it('names the file and field of a broken schedule body', () => {
    const ctx = { plan, window: publishWindow(plan), userIds: {} };
    const files = [
      {
        path: 'schedules/primary.json',
        text: '{"schedule": {"type": "schedule", "name": "x", "time_zone": "Mars/Base", "schedule_layers": []}}',
      },
      { path: 'overrides.json', text: '{"overrides": []}' },
    ];
    expect(pagerDutyTarget.expand(files, ctx)).toEqual({
      message: 'schedules/primary.json: schedule.time_zone: unknown IANA time zone',
    });
  });
});
