import { instantMs } from '../../time/zoned';
import { Temporal } from 'temporal-polyfill';
import type { Plan } from '../../plan/schema';
import { mergeIntervals, type Interval } from '../../time/intervals';
import {
  HclError,
  integerAttribute,
  optionalString,
  parseHcl,
  stringAttribute,
  type HclBlock,
  refLabel,
} from '../hcl-subset';
import type { OnCallSpan } from '../target';
import { membersByToolUser } from '../user-ids';

/** Opsgenie's day names for `start_day` / `end_day`, by ISO weekday (1 Monday). */
export const OPSGENIE_DAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

/** A `restriction` or `restrictions` block: from day/hour/min to day/hour/min (days absent for time-of-day). */
export type OpsgenieRestriction = {
  startDay?: number;
  endDay?: number;
  startMinute: number;
  endMinute: number;
};

/** One `opsgenie_schedule_rotation` as read. */
export type OpsgenieRotation = {
  label: string;
  name: string;
  schedule: string;
  startDate: number;
  endDate: number | null;
  type: 'daily' | 'weekly' | 'hourly';
  length: number;
  participants: (string | null)[];
  restrictionType: 'time-of-day' | 'weekday-and-time-of-day' | null;
  restrictions: OpsgenieRestriction[];
  line: number;
};

/** One schedule override request body (POST /v2/schedules/{name}/overrides?scheduleIdentifierType=name). */
export type OpsgenieOverride = {
  schedule: string;
  override: { alias?: string; user: { type: 'user'; username: string }; startDate: string; endDate: string };
};

/**
 * Opsgenie takes minutes 0 or 30 only: "Minutes may take 0 or 30 as value. Otherwise they will be converted to
 * nearest 0 or 30 automatically" (opsgenie_schedule_rotation in the Terraform provider's documentation, for
 * start_date, end_date and every restriction minute). Minutes of the day, rounded to the nearest half hour.
 */
export function toHalfHour(minuteOfDay: number): number {
  return Math.round(minuteOfDay / 30) * 30;
}

/** An instant rounded to Opsgenie's half-hour grid in `zone` (offsets of 45 minutes exist). */
function halfHourInstant(ms: number, zone: string): number {
  const zdt = Temporal.Instant.fromEpochMilliseconds(ms).toZonedDateTimeISO(zone);
  const minutes = zdt.hour * 60 + zdt.minute + zdt.second / 60;
  const rounded = toHalfHour(minutes);
  return zdt
    .startOfDay()
    .toPlainDateTime()
    .add({ minutes: rounded })
    .toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds;
}

const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:?\d{2})$/;

/** A date of the provider's format (yyyy-MM-dd'T'HH:mm:ssZ), or an error at `line`. */
function readDate(value: string, line: number): number {
  if (!DATE.test(value)) throw new HclError(line, `"${value}" is not a date as yyyy-MM-ddTHH:mm:ssZ`);
  return Temporal.Instant.from(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).epochMilliseconds;
}

/** Reads a restriction block's hours and minutes (and days for weekday-and-time-of-day). */
function readRestriction(block: HclBlock, withDays: boolean): OpsgenieRestriction {
  const b = block.body;
  const minute = (h: string, m: string) =>
    toHalfHour(integerAttribute(b, h, block.line) * 60 + integerAttribute(b, m, block.line));
  const day = (name: string) => {
    const value = stringAttribute(b, name, block.line);
    const index = OPSGENIE_DAYS.indexOf(value as (typeof OPSGENIE_DAYS)[number]);
    if (index < 0) throw new HclError(block.line, `${name} "${value}" is not a day name such as monday`);
    return index + 1;
  };
  return {
    ...(withDays ? { startDay: day('start_day'), endDay: day('end_day') } : {}),
    startMinute: minute('start_hour', 'start_min'),
    endMinute: minute('end_hour', 'end_min'),
  };
}

/** Reads the Terraform text: schedules (label → name, timezone), users (label → username), rotations. */
export function readOpsgenieConfig(text: string) {
  const root = parseHcl(text);
  const users = new Map<string, string>();
  const schedules = new Map<string, { name: string; timeZone: string; line: number }>();
  const rotations: OpsgenieRotation[] = [];
  for (const block of root.blocks) {
    const [kind, label] = block.labels;
    if ((block.type === 'data' || block.type === 'resource') && kind === 'opsgenie_user' && label)
      users.set(
        `${block.type === 'data' ? 'data.' : ''}${label}`,
        stringAttribute(block.body, 'username', block.line),
      );
    else if (block.type === 'resource' && kind === 'opsgenie_schedule' && label)
      schedules.set(label, {
        name: stringAttribute(block.body, 'name', block.line),
        // The provider's default zone.
        timeZone: optionalString(block.body, 'timezone') ?? 'America/New_York',
        line: block.line,
      });
  }
  for (const block of root.blocks) {
    const [kind, label] = block.labels;
    if ((block.type === 'data' || block.type === 'resource') && kind === 'opsgenie_user') continue;
    if (block.type === 'resource' && kind === 'opsgenie_schedule') continue;
    if (block.type === 'terraform' || block.type === 'provider') continue;
    if (block.type !== 'resource' || kind !== 'opsgenie_schedule_rotation' || !label)
      throw new HclError(block.line, `unexpected block ${block.type} ${block.labels.join(' ')}`);
    const b = block.body;
    const scheduleAttr = b.attributes.get('schedule_id');
    const schedule = refLabel(scheduleAttr?.value, 'opsgenie_schedule', scheduleAttr?.line ?? block.line);
    if (!schedules.has(schedule))
      throw new HclError(block.line, `no resource opsgenie_schedule "${schedule}"`);
    const type = stringAttribute(b, 'type', block.line);
    if (type !== 'daily' && type !== 'weekly' && type !== 'hourly')
      throw new HclError(block.line, `rotation type "${type}" is not daily, weekly or hourly`);
    const participants = b.blocks
      .filter((p) => p.type === 'participant')
      .map((p) => {
        const pType = stringAttribute(p.body, 'type', p.line);
        if (pType === 'none') return null;
        if (pType !== 'user')
          throw new HclError(p.line, `participant type "${pType}" is not read (user, none)`);
        // A user looked up (data "opsgenie_user") or managed here (resource "opsgenie_user", as the provider's
        // own example does).
        const idAttr = p.body.attributes.get('id');
        const ref = typeof idAttr?.value === 'object' && !Array.isArray(idAttr.value) ? idAttr.value.ref : '';
        const key = ref.startsWith('data.')
          ? `data.${refLabel(idAttr?.value, 'data.opsgenie_user', idAttr?.line ?? p.line)}`
          : refLabel(idAttr?.value, 'opsgenie_user', idAttr?.line ?? p.line);
        const username = users.get(key);
        if (username === undefined) throw new HclError(p.line, `no opsgenie_user "${key}"`);
        return username;
      });
    if (participants.length === 0) throw new HclError(block.line, `rotation ${label} has no participant`);
    const tr = b.blocks.filter((x) => x.type === 'time_restriction');
    if (tr.length > 1) throw new HclError(tr[1]!.line, 'a rotation has at most one time_restriction');
    let restrictionType: OpsgenieRotation['restrictionType'] = null;
    let restrictions: OpsgenieRestriction[] = [];
    if (tr[0]) {
      const rType = stringAttribute(tr[0].body, 'type', tr[0].line);
      if (rType !== 'time-of-day' && rType !== 'weekday-and-time-of-day')
        throw new HclError(
          tr[0].line,
          `time_restriction type "${rType}" is not time-of-day or weekday-and-time-of-day`,
        );
      restrictionType = rType;
      const inner = rType === 'time-of-day' ? 'restriction' : 'restrictions';
      restrictions = tr[0].body.blocks
        .filter((x) => x.type === inner)
        .map((x) => readRestriction(x, rType === 'weekday-and-time-of-day'));
      if (restrictions.length === 0)
        throw new HclError(tr[0].line, `time_restriction needs a ${inner} block`);
    }
    const end = optionalString(b, 'end_date');
    rotations.push({
      label,
      name: optionalString(b, 'name') ?? label,
      schedule,
      startDate: readDate(stringAttribute(b, 'start_date', block.line), block.line),
      endDate: end === undefined ? null : readDate(end, block.line),
      type,
      length: b.attributes.has('length') ? integerAttribute(b, 'length', block.line) : 1,
      participants,
      restrictionType,
      restrictions,
      line: block.line,
    });
  }
  return { users, schedules, rotations };
}

/**
 * The intervals a rotation's time restriction allows within `span`, in the schedule's zone: `time-of-day` every
 * day from start to end (past midnight when the end is not after the start); `weekday-and-time-of-day` from
 * start_day start to end_day end, each week (past the week's end when the end comes first). Documented in the
 * provider's opsgenie_schedule_rotation page and Opsgenie's Schedule Rotation API ("Used to limit schedule rotation
 * to certain day and time of the week, using multiple start and end times for each day of the week").
 */
export function restrictionIntervals(rotation: OpsgenieRotation, zone: string, span: Interval): Interval[] {
  if (rotation.restrictionType === null) return [span];
  const first = Temporal.Instant.fromEpochMilliseconds(span.start).toZonedDateTimeISO(zone).toPlainDate();
  const last = Temporal.Instant.fromEpochMilliseconds(span.end).toZonedDateTimeISO(zone).toPlainDate();
  const at = (date: Temporal.PlainDate, minute: number) =>
    date.toPlainDateTime().add({ minutes: minute }).toZonedDateTime(zone, { disambiguation: 'compatible' })
      .epochMilliseconds;
  const out: Interval[] = [];
  for (
    let date = first.subtract({ days: 7 });
    Temporal.PlainDate.compare(date, last) <= 0;
    date = date.add({ days: 1 })
  ) {
    for (const r of rotation.restrictions) {
      if (r.startDay === undefined) {
        const endDate = r.endMinute > r.startMinute ? date : date.add({ days: 1 });
        out.push({ start: at(date, r.startMinute), end: at(endDate, r.endMinute) });
      } else {
        if (date.dayOfWeek !== r.startDay) continue;
        let days = (r.endDay! - r.startDay + 7) % 7;
        if (days === 0 && r.endMinute <= r.startMinute) days = 7;
        out.push({ start: at(date, r.startMinute), end: at(date.add({ days }), r.endMinute) });
      }
    }
  }
  return mergeIntervals(
    out
      .map((i) => ({ start: Math.max(i.start, span.start), end: Math.min(i.end, span.end) }))
      .filter((i) => i.start < i.end),
  );
}

/**
 * Who a rotation has on call within `until`: participant k (in the order given, "rotated in the order they
 * given") holds the k-th period of `length` hours, days or weeks from `start_date`, on the schedule's wall clock
 * for days and weeks, each period only within the time restriction; the rotation stops at `end_date`.
 */
export function rotationSpans(
  rotation: OpsgenieRotation,
  zone: string,
  until: number,
): (Interval & { username: string })[] {
  const startMs = halfHourInstant(rotation.startDate, zone);
  const endMs = Math.min(until, rotation.endDate === null ? until : halfHourInstant(rotation.endDate, zone));
  if (endMs <= startMs) return [];
  const start = Temporal.Instant.fromEpochMilliseconds(startMs).toZonedDateTimeISO(zone);
  const out: (Interval & { username: string })[] = [];
  const allowed = restrictionIntervals(rotation, zone, { start: startMs, end: endMs });
  let a = 0;
  for (let k = 0; ; k++) {
    const step = k * rotation.length;
    const from =
      rotation.type === 'hourly'
        ? startMs + step * 3_600_000
        : start.add(rotation.type === 'daily' ? { days: step } : { weeks: step }).epochMilliseconds;
    if (from >= endMs) break;
    const next = k + 1;
    const to = Math.min(
      endMs,
      rotation.type === 'hourly'
        ? startMs + next * rotation.length * 3_600_000
        : start.add(
            rotation.type === 'daily' ? { days: next * rotation.length } : { weeks: next * rotation.length },
          ).epochMilliseconds,
    );
    const username = rotation.participants[k % rotation.participants.length];
    while (a < allowed.length && allowed[a]!.end <= from) a++;
    for (let i = a; i < allowed.length && allowed[i]!.start < to; i++) {
      const s = Math.max(from, allowed[i]!.start);
      const e = Math.min(to, allowed[i]!.end);
      if (s < e && username !== null && username !== undefined) out.push({ start: s, end: e, username });
    }
  }
  return out;
}

/**
 * Expands the Terraform text and the override bodies into spans of plan layers: every rotation of a schedule is on
 * call at once (a schedule's on-call participants are those of all its rotations), and an override puts its user
 * on call for its period instead of everyone ("rotations: … If not provided, all rotations are overridden";
 * "user: the user object who will take on call responsibility", Opsgenie's Schedule Override API).
 */
export function expandOpsgenie(
  tf: string,
  overrides: readonly OpsgenieOverride[],
  plan: Plan,
  window: Interval,
  userIds: Readonly<Record<string, string>>,
): OnCallSpan[] {
  const config = readOpsgenieConfig(tf);
  const memberOf = membersByToolUser(plan, userIds);
  const member = (username: string, line: number) => {
    const id = memberOf.get(username.toLowerCase());
    if (id === undefined) throw new HclError(line, `user "${username}" is no member of the plan`);
    return id;
  };
  const out: OnCallSpan[] = [];
  for (const [label, schedule] of config.schedules) {
    const layer = plan.rotation.layers.find((l) => l.id === label || l.name === schedule.name);
    if (!layer) throw new HclError(schedule.line, `schedule "${schedule.name}" matches no layer of the plan`);
    const own = overrides
      .filter((o) => o.schedule === schedule.name)
      .map((o) => ({
        start: halfHourInstant(instantMs(o.override.startDate), schedule.timeZone),
        end: halfHourInstant(instantMs(o.override.endDate), schedule.timeZone),
        memberId: member(o.override.user.username, 0),
      }));
    const cuts = mergeIntervals(own);
    for (const rotation of config.rotations.filter((r) => r.schedule === label)) {
      for (const s of rotationSpans(rotation, schedule.timeZone, window.end)) {
        const memberId = member(s.username, rotation.line);
        let cursor = Math.max(s.start, window.start);
        const end = Math.min(s.end, window.end);
        for (const c of cuts) {
          if (c.end <= cursor || c.start >= end) continue;
          if (c.start > cursor) out.push({ layerId: layer.id, memberId, start: cursor, end: c.start });
          cursor = Math.max(cursor, c.end);
        }
        if (cursor < end) out.push({ layerId: layer.id, memberId, start: cursor, end });
      }
    }
    for (const o of own) {
      const start = Math.max(o.start, window.start);
      const end = Math.min(o.end, window.end);
      if (start < end) out.push({ layerId: layer.id, memberId: o.memberId, start, end });
    }
  }
  return out;
}
