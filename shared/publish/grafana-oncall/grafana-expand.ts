import { Temporal } from 'temporal-polyfill';
import type { Plan } from '../../plan/schema';
import type { Interval } from '../../time/intervals';
import {
  HclError,
  integerAttribute,
  optionalString,
  parseHcl,
  stringAttribute,
  type HclBlock,
  type HclBody,
  type HclValue,
  refLabel,
} from '../hcl-subset';
import type { OnCallSpan } from '../target';
import { membersByToolUser } from '../user-ids';

/** The iCal weekday codes Grafana OnCall uses for `by_day` and `week_start`, by ISO weekday (1 Monday). */
export const GRAFANA_WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** One on-call event of a Grafana OnCall shift: its users (usernames) at `level` for [start, end). */
export type GrafanaEvent = Interval & { users: string[]; level: number };

/** A shift as read from `grafana_oncall_on_call_shift`, with the users resolved to usernames. */
export type GrafanaShift = {
  label: string;
  type: 'single_event' | 'recurrent_event' | 'rolling_users';
  start: string;
  duration: number;
  timeZone: string | undefined;
  level: number;
  frequency: 'daily' | 'weekly' | undefined;
  interval: number;
  byDay: number[] | undefined;
  weekStart: number;
  users: string[];
  rollingUsers: string[][];
  startRotationFromUserIndex: number;
  line: number;
};

/** A `grafana_oncall_schedule` of type calendar: its label, name, zone and shift labels. */
export type GrafanaSchedule = {
  label: string;
  name: string;
  timeZone: string;
  shifts: string[];
  line: number;
};

/** A file read: usernames by data label, shifts by label, schedules. */
export type GrafanaConfig = {
  users: Map<string, string>;
  shifts: Map<string, GrafanaShift>;
  schedules: GrafanaSchedule[];
};

const START = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** An ISO weekday from an iCal code, or an error at `line`. */
function weekday(code: HclValue, line: number): number {
  const index = GRAFANA_WEEKDAYS.indexOf(code as (typeof GRAFANA_WEEKDAYS)[number]);
  if (index < 0) throw new HclError(line, `unknown weekday ${JSON.stringify(code)} (expected MO … SU)`);
  return index + 1;
}

/** Reads one `grafana_oncall_on_call_shift` block; refuses what this checker does not expand, by line. */
function readShift(block: HclBlock, users: Map<string, string>): GrafanaShift {
  const b = block.body;
  const label = block.labels[1]!;
  const type = stringAttribute(b, 'type', block.line);
  if (type !== 'single_event' && type !== 'recurrent_event' && type !== 'rolling_users')
    throw new HclError(
      block.line,
      `shift ${label}: type "${type}" is not one of single_event, recurrent_event, rolling_users`,
    );
  const start = stringAttribute(b, 'start', block.line);
  if (!START.test(start))
    throw new HclError(b.attributes.get('start')!.line, `start must be yyyy-MM-ddTHH:mm:ss`);
  const frequency = optionalString(b, 'frequency');
  if (frequency !== undefined && frequency !== 'daily' && frequency !== 'weekly')
    throw new HclError(
      b.attributes.get('frequency')!.line,
      `frequency "${frequency}" is not expanded by this checker (daily, weekly)`,
    );
  if (type !== 'single_event' && frequency === undefined)
    throw new HclError(block.line, `shift ${label}: a ${type} shift needs a frequency`);
  const userOf = (value: HclValue, line: number) => {
    const data = refLabel(value, 'data.grafana_oncall_user', line);
    const username = users.get(data);
    if (username === undefined) throw new HclError(line, `no data "grafana_oncall_user" "${data}"`);
    return username;
  };
  const list = (name: string): { items: HclValue[]; line: number } | undefined => {
    const a = b.attributes.get(name);
    if (!a) return undefined;
    if (!Array.isArray(a.value)) throw new HclError(a.line, `"${name}" must be a list`);
    return { items: a.value, line: a.line };
  };
  const byDayList = list('by_day');
  const usersList = list('users');
  const rolling = list('rolling_users');
  if (type === 'rolling_users' && !rolling)
    throw new HclError(block.line, `shift ${label}: rolling_users is missing`);
  if (type !== 'rolling_users' && !usersList)
    throw new HclError(block.line, `shift ${label}: users is missing`);
  const weekStartCode = optionalString(b, 'week_start');
  if (frequency === 'weekly' && weekStartCode === undefined)
    throw new HclError(block.line, `shift ${label}: week_start is required for a weekly frequency`);
  if (type === 'rolling_users' && frequency === 'daily' && byDayList)
    throw new HclError(
      block.line,
      `shift ${label}: daily rolling_users with by_day is not expanded by this checker`,
    );
  return {
    label,
    type,
    start,
    duration: integerAttribute(b, 'duration', block.line),
    timeZone: optionalString(b, 'time_zone'),
    level: b.attributes.has('level') ? integerAttribute(b, 'level', block.line) : 0,
    frequency,
    interval: b.attributes.has('interval') ? integerAttribute(b, 'interval', block.line) : 1,
    byDay: byDayList?.items.map((d) => weekday(d, byDayList.line)),
    // The model's default week start is Sunday.
    weekStart: weekStartCode === undefined ? 7 : weekday(weekStartCode, b.attributes.get('week_start')!.line),
    users: usersList?.items.map((u) => userOf(u, usersList.line)) ?? [],
    rollingUsers:
      rolling?.items.map((group) => {
        if (!Array.isArray(group))
          throw new HclError(rolling.line, 'rolling_users is a list of lists of users');
        return group.map((u) => userOf(u, rolling.line));
      }) ?? [],
    startRotationFromUserIndex: b.attributes.has('start_rotation_from_user_index')
      ? integerAttribute(b, 'start_rotation_from_user_index', block.line)
      : 0,
    line: block.line,
  };
}

/** Reads the Grafana OnCall Terraform text: users, shifts and calendar schedules. Throws `HclError`. */
export function readGrafanaConfig(text: string): GrafanaConfig {
  const root: HclBody = parseHcl(text);
  const users = new Map<string, string>();
  for (const block of root.blocks) {
    if (block.type === 'data' && block.labels[0] === 'grafana_oncall_user' && block.labels.length === 2)
      users.set(block.labels[1]!, stringAttribute(block.body, 'username', block.line));
  }
  const shifts = new Map<string, GrafanaShift>();
  const schedules: GrafanaSchedule[] = [];
  for (const block of root.blocks) {
    if (block.type === 'data' && block.labels[0] === 'grafana_oncall_user') continue;
    if (block.type === 'terraform' || block.type === 'provider') continue;
    if (block.type !== 'resource' || block.labels.length !== 2)
      throw new HclError(block.line, `unexpected block ${block.type} ${block.labels.join(' ')}`);
    if (block.labels[0] === 'grafana_oncall_on_call_shift') {
      shifts.set(block.labels[1]!, readShift(block, users));
    } else if (block.labels[0] === 'grafana_oncall_schedule') {
      const type = stringAttribute(block.body, 'type', block.line);
      if (type !== 'calendar')
        throw new HclError(block.line, `schedule type "${type}" is not expanded (calendar)`);
      const shiftsAttr = block.body.attributes.get('shifts');
      if (!shiftsAttr || !Array.isArray(shiftsAttr.value))
        throw new HclError(block.line, 'shifts must be a list');
      schedules.push({
        label: block.labels[1]!,
        name: stringAttribute(block.body, 'name', block.line),
        timeZone: stringAttribute(block.body, 'time_zone', block.line),
        shifts: shiftsAttr.value.map((v) => refLabel(v, 'grafana_oncall_on_call_shift', shiftsAttr.line)),
        line: block.line,
      });
    } else throw new HclError(block.line, `unexpected resource ${block.labels[0]}`);
  }
  return { users, shifts, schedules };
}

/**
 * An occurrence's start: the wall time in the shift's zone. OnCall stores `start` naive and localises it in the
 * shift's `time_zone` (or the schedule's) when it writes the iCal event (`convert_dt_to_schedule_timezone` in
 * engine/apps/schedules/models/custom_on_call_shift.py of github.com/grafana/oncall), so occurrences keep their
 * wall-clock time across DST.
 */
function wallToMs(date: Temporal.PlainDate, time: Temporal.PlainTime, zone: string): number {
  return date.toPlainDateTime(time).toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** The first day of the week holding `date`, for weeks that begin on ISO weekday `weekStart`. */
function weekOf(date: Temporal.PlainDate, weekStart: number): Temporal.PlainDate {
  return date.subtract({ days: (date.dayOfWeek - weekStart + 7) % 7 });
}

/**
 * The events of one shift that start before `until`, by Grafana OnCall's rules:
 * - `duration` is seconds from each occurrence's start: an event that spans a DST change ends an hour early or
 *   late in wall time (the weekly 604800 s rotation in America/Chicago shows a one-hour gap when DST ends,
 *   github.com/grafana/oncall/issues/5247).
 * - `recurrent_event`: an iCal RRULE FREQ=<frequency>;INTERVAL=<interval>;BYDAY=<by_day>;WKST=<week_start> from
 *   `start` (`event_ical_rules`), every user on each occurrence.
 * - `rolling_users`: one iCal event per user group; group k starts at the k-th rotation date (the first occurrence
 *   in the k-th period of `interval` weeks or days, `get_rotation_date`) and repeats every interval × groups
 *   (`event_interval`); a start whose weekday is not in `by_day` moves to the first listed day counted from
 *   `week_start` (`convert_to_ical`); `start_rotation_from_user_index` rotates the groups (`get_rolling_users`).
 * - `single_event`: one event at `start`.
 */
export function shiftEvents(shift: GrafanaShift, scheduleZone: string, until: number): GrafanaEvent[] {
  const zone = shift.timeZone ?? scheduleZone;
  const startDateTime = Temporal.PlainDateTime.from(shift.start);
  const time = startDateTime.toPlainTime();
  let first = startDateTime.toPlainDate();
  const out: GrafanaEvent[] = [];
  const push = (date: Temporal.PlainDate, users: string[]) => {
    const start = wallToMs(date, time, zone);
    out.push({ start, end: start + shift.duration * 1000, users, level: shift.level });
  };
  if (shift.type === 'single_event' || shift.frequency === undefined) {
    push(first, shift.type === 'rolling_users' ? (shift.rollingUsers[0] ?? []) : shift.users);
    return out;
  }
  const groups =
    shift.type === 'rolling_users'
      ? [
          ...shift.rollingUsers.slice(shift.startRotationFromUserIndex),
          ...shift.rollingUsers.slice(0, shift.startRotationFromUserIndex),
        ]
      : [shift.users];
  if (groups.length === 0) return out;
  if (shift.type === 'rolling_users' && shift.byDay && !shift.byDay.includes(first.dayOfWeek)) {
    const sorted = [0, 1, 2, 3, 4, 5, 6].map((i) => ((shift.weekStart - 1 + i) % 7) + 1);
    const expected = sorted.find((d) => shift.byDay!.includes(d))!;
    first = first.add({ days: (expected - first.dayOfWeek + 7) % 7 });
  }
  if (shift.frequency === 'daily') {
    for (let k = 0; ; k++) {
      const date = first.add({ days: k * shift.interval });
      if (wallToMs(date, time, zone) >= until) break;
      if (shift.byDay && !shift.byDay.includes(date.dayOfWeek)) continue;
      push(date, groups[k % groups.length]!);
    }
    return out;
  }
  const days = shift.byDay ?? [first.dayOfWeek];
  const baseWeek = weekOf(first, shift.weekStart);
  for (let period = 0; ; period++) {
    const week = baseWeek.add({ days: period * shift.interval * 7 });
    if (wallToMs(week, time, zone) >= until) break;
    const users = groups[period % groups.length]!;
    for (let offset = 0; offset < 7; offset++) {
      const date = week.add({ days: offset });
      if (!days.includes(date.dayOfWeek)) continue;
      if (Temporal.PlainDate.compare(date, first) < 0) continue;
      push(date, users);
    }
  }
  return out;
}

/**
 * Who a schedule pages at each instant, by OnCall's final-schedule rule (`_resolve_schedule` in
 * engine/apps/schedules/models/on_call_schedule.py): events are taken by priority level, highest first, and a
 * lower level only fills time no higher level holds; events of the same level all page (their users together).
 * The API documentation says the same: "If two events overlap in one schedule, Grafana OnCall will choose the event
 * with higher level" (grafana.com/docs/oncall/latest/oncall-api-reference/on_call_shifts/).
 */
export function resolveSchedule(events: readonly GrafanaEvent[]): (Interval & { users: string[] })[] {
  // A sweep over the edges with the events active at each, so a two-year schedule stays linear.
  const sorted = events
    .filter((e) => e.users.length > 0 && e.end > e.start)
    .sort((a, b) => a.start - b.start);
  const edges = [...new Set(sorted.flatMap((e) => [e.start, e.end]))].sort((a, b) => a - b);
  const out: (Interval & { users: string[] })[] = [];
  let active: GrafanaEvent[] = [];
  let next = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    active = active.filter((e) => e.end > start);
    while (next < sorted.length && sorted[next]!.start <= start) active.push(sorted[next++]!);
    if (active.length === 0) continue;
    const top = Math.max(...active.map((e) => e.level));
    const users = [...new Set(active.filter((e) => e.level === top).flatMap((e) => e.users))].sort();
    const last = out[out.length - 1];
    if (last && last.end === start && last.users.join() === users.join()) last.end = end;
    else out.push({ start, end, users });
  }
  return out;
}

/**
 * Expands the text into spans of plan layers and members: a schedule is the layer whose id gives its label (or
 * whose name it has), a username the member whose tool id or e-mail it is.
 */
export function expandGrafanaText(
  text: string,
  plan: Plan,
  window: Interval,
  userIds: Readonly<Record<string, string>>,
): OnCallSpan[] {
  const config = readGrafanaConfig(text);
  const memberOf = membersByToolUser(plan, userIds);
  const out: OnCallSpan[] = [];
  for (const schedule of config.schedules) {
    const layer = plan.rotation.layers.find((l) => l.id === schedule.label || l.name === schedule.name);
    if (!layer) throw new HclError(schedule.line, `schedule "${schedule.name}" matches no layer of the plan`);
    const events = schedule.shifts.flatMap((label) => {
      const shift = config.shifts.get(label);
      if (!shift) throw new HclError(schedule.line, `no resource grafana_oncall_on_call_shift "${label}"`);
      return shiftEvents(shift, schedule.timeZone, window.end);
    });
    for (const stretch of resolveSchedule(events)) {
      const start = Math.max(stretch.start, window.start);
      const end = Math.min(stretch.end, window.end);
      if (start >= end) continue;
      for (const user of stretch.users) {
        const memberId = memberOf.get(user.toLowerCase());
        if (memberId === undefined)
          throw new HclError(schedule.line, `user "${user}" is no member of the plan`);
        out.push({ layerId: layer.id, memberId, start, end });
      }
    }
  }
  return out;
}
