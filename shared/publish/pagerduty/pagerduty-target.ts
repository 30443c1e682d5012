import { isPublishProblem } from '../publish-problem';
import type { OnCallSpan, PublishContext, PublishFile, PublishTarget } from '../target';
import { missingUserIds } from '../user-ids';
import { draftMembers, draftPagerDuty } from './pagerduty-compile';
import {
  overridesFileSchema,
  parseJson,
  readOverrides,
  restrictionBody,
  scheduleBodySchema,
  zodProblem,
} from './pagerduty-files';
import { pdInstant } from './pagerduty-layers';
import { expandSchedules, type PdSchedule } from './pagerduty-semantics';

/** Where a plan layer's schedule body goes; the layer id is read back from the name. */
const schedulePath = (layerId: string) => `schedules/${layerId}.json`;
const SCHEDULE_PATH = /^schedules\/([A-Za-z0-9_.:-]+)\.json$/;
export const OVERRIDES_PATH = 'overrides.json';

/** Who a tool user id stands for: the member whose id it is, or the user id itself, marked as unknown. */
export function memberForUser(userIds: Readonly<Record<string, string>>, label: string) {
  const byUser = new Map(Object.entries(userIds).map(([member, user]) => [user, member]));
  return (user: string) => byUser.get(user) ?? `${label} user ${user}`;
}

/**
 * PagerDuty through its REST API v2: one `POST /schedules` body per plan layer (`schedules/<layer>.json`), and
 * the overrides as `POST /schedules/{id}/overrides` bodies, each with the schedule file it belongs to
 * (`overrides.json`). Users are PagerDuty user ids, from `--map EMAIL=ID` or the plan.
 */
export const pagerDutyTarget: PublishTarget = {
  id: 'pagerduty',
  label: 'PagerDuty (REST API v2 bodies)',
  needsUserIds: true,
  compile(ctx) {
    const draft = draftPagerDuty(ctx);
    const missing = missingUserIds(ctx.plan, draftMembers(draft), ctx.userIds, 'PagerDuty');
    if (missing) return missing;
    const user = (memberId: string) => ({ id: ctx.userIds[memberId]!, type: 'user_reference' as const });
    const files: PublishFile[] = draft.schedules.map((s) => ({
      path: schedulePath(s.layer.id),
      text: `${JSON.stringify(
        {
          schedule: {
            type: 'schedule',
            name: s.name,
            time_zone: s.timeZone,
            description: s.description,
            schedule_layers: s.layers.map((l) => ({
              name: l.name,
              start: l.start,
              end: l.end,
              rotation_virtual_start: l.rotation_virtual_start,
              rotation_turn_length_seconds: l.rotation_turn_length_seconds,
              users: l.users.map((m) => ({ user: user(m) })),
              restrictions: l.restrictions.map(restrictionBody),
            })),
          },
        },
        null,
        2,
      )}\n`,
    }));
    const zone = ctx.plan.rotation.timeZone;
    files.push({
      path: OVERRIDES_PATH,
      text: `${JSON.stringify(
        {
          overrides: draft.overrides.map((o) => ({
            schedule: schedulePath(o.layerId),
            body: {
              override: {
                start: pdInstant(o.start, zone),
                end: pdInstant(o.end, zone),
                user: user(o.memberId),
              },
            },
          })),
        },
        null,
        2,
      )}\n`,
    });
    return {
      files,
      schedules: draft.schedules.length,
      layers: draft.schedules.reduce((n, s) => n + s.layers.length, 0),
      overrides: draft.overrides.length,
      notes: draft.notes,
    };
  },
  expand(files, ctx) {
    const read = readPagerDutyFiles(files);
    if (isPublishProblem(read)) return read;
    return expandToPlan(read.schedules, read.overrides, ctx, memberForUser(ctx.userIds, 'PagerDuty'));
  },
};

/** Expands PagerDuty schedules and overrides and names each span by plan layer and member. */
export function expandToPlan(
  schedules: PdSchedule[],
  overrides: Parameters<typeof expandSchedules>[1],
  ctx: PublishContext,
  member: (user: string) => string,
): OnCallSpan[] {
  return expandSchedules(schedules, overrides, ctx.window).map((s) => ({
    layerId: s.scheduleKey,
    memberId: member(s.user),
    start: s.start,
    end: s.end,
  }));
}

/** Reads the schedule bodies and the overrides file, or the first problem, naming the file and field. */
function readPagerDutyFiles(files: readonly PublishFile[]) {
  const schedules: PdSchedule[] = [];
  const scheduleFiles = files.filter((f) => f.path.startsWith('schedules/'));
  if (scheduleFiles.length === 0) return { message: 'no schedules/<layer>.json file to read' };
  for (const file of scheduleFiles) {
    const key = SCHEDULE_PATH.exec(file.path)?.[1];
    if (key === undefined) return { message: `${file.path}: expected schedules/<layer id>.json` };
    const json = parseJson(file.path, file.text);
    if (isPublishProblem(json)) return json;
    const parsed = scheduleBodySchema.safeParse(json);
    if (!parsed.success) return zodProblem(file.path, parsed.error);
    const s = parsed.data.schedule;
    schedules.push({
      key,
      timeZone: s.time_zone,
      layers: s.schedule_layers.map((l) => ({
        name: l.name,
        start: l.start,
        end: l.end ?? null,
        rotation_virtual_start: l.rotation_virtual_start,
        rotation_turn_length_seconds: l.rotation_turn_length_seconds,
        users: l.users.map((u) => u.user.id),
        restrictions: l.restrictions ?? [],
      })),
    });
  }
  const overridesFile = files.find((f) => f.path === OVERRIDES_PATH);
  if (!overridesFile) return { message: `${OVERRIDES_PATH} is missing` };
  const json = parseJson(OVERRIDES_PATH, overridesFile.text);
  if (isPublishProblem(json)) return json;
  const parsed = overridesFileSchema.safeParse(json);
  if (!parsed.success) return zodProblem(OVERRIDES_PATH, parsed.error);
  const known = new Set(scheduleFiles.map((f) => f.path));
  const unknown = parsed.data.overrides.find((o) => !known.has(o.schedule));
  if (unknown)
    return {
      message: `${OVERRIDES_PATH}: an override is for "${unknown.schedule}", which is not a schedule file here`,
    };
  const noId = parsed.data.overrides.findIndex((o) => o.body.override.user.id === null);
  if (noId >= 0) return { message: `${OVERRIDES_PATH}: overrides[${noId}] has no user id` };
  const overrides = readOverrides(
    parsed.data,
    (schedule) => SCHEDULE_PATH.exec(schedule)![1]!,
    (o) => o.body.override.user.id!,
  );
  return { schedules, overrides };
}
