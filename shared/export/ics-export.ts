import ical, { ICalAlarmType, ICalEventTransparency } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import type { Member, Plan, Shift } from '../plan/schema';
import { investorWeeks } from '../rotation/investor-weeks';
import { sortShifts } from '../rotation/schedule-shifts';
import { isShadowShift } from '../rotation/shadow-shifts';
import { HolidayCalendar } from '../time/holiday-calendar';
import { calendarHolidays, memberHolidays, type HolidayLookup } from '../time/holidays';
import { addDays, instantMs, startOfLocalDay } from '../time/zoned';
import { describeCover } from '../rotation/describe-cover';

/** Extra all-day events an .ics export may carry. */
export const ICS_EXTRAS = ['holidays', 'investor-weeks'] as const;

/** One kind of extra all-day event (see ICS_EXTRAS). */
export type IcsExtra = (typeof ICS_EXTRAS)[number];

/**
 * What an .ics export covers: the whole team, or only one member's and/or one layer's shifts, touching a window of
 * plan-local dates (both inclusive; the rotation's horizon without them). `now` (ISO instant) becomes DTSTAMP.
 */
export type IcsOptions = {
  now: string;
  memberId?: string;
  layerId?: string;
  from?: string;
  to?: string;
  /** Minutes before each shift starts for a display reminder (VALARM); none when absent. */
  reminderMinutes?: number;
  include?: readonly IcsExtra[];
};

/** The product identifier every Rotaplan calendar carries (RFC 5545 PRODID): `-//Rotaplan//Rotaplan on-call plan//EN`. */
export const ICS_PRODID = { company: 'Rotaplan', product: 'Rotaplan on-call plan', language: 'EN' } as const;

/** Largest reminder lead time: one week, in minutes. */
export const MAX_REMINDER_MINUTES = 7 * 24 * 60;

/**
 * A short, stable key for a plan: FNV-1a (32-bit) of its creation instant, as hex.
 * Why the creation instant: a plan has no id field, but `meta.createdAt` is set once and survives renames and
 * edits, so UIDs stay the same from one export to the next while two different plans do not share them.
 */
export function planKey(plan: Plan): string {
  return fnv(plan.meta.createdAt);
}

/**
 * The UID of one shift's event: plan key + shift id. Why stable: a calendar that imports the file again updates
 * the event with the same UID instead of adding a duplicate (RFC 5545 §3.8.4.7).
 */
export function shiftUid(plan: Plan, shift: Pick<Shift, 'id'>): string {
  return `rotaplan-${planKey(plan)}-shift-${shift.id}@rotaplan`;
}

/** The name of a layer by id, or the id itself for a layer the plan does not declare. */
function layerName(plan: Plan, layerId: string): string {
  return plan.rotation.layers.find((l) => l.id === layerId)?.name ?? layerId;
}

/** The all-day date range [start, end] (inclusive) as iCalendar's DATE start and exclusive end. */
function allDay(start: string, end: string) {
  return {
    start: Temporal.PlainDate.from(start),
    end: Temporal.PlainDate.from(addDays(end, 1)),
    allDay: true,
  };
}

/** The window's plan-local dates, the horizon's when a side is missing. */
function windowDates(plan: Plan, options: IcsOptions): { from: string; to: string } {
  return { from: options.from ?? plan.rotation.startDate, to: options.to ?? plan.rotation.endDate };
}

/**
 * Checks the options against the plan and returns a sentence naming the first problem, or null.
 * Why separate: the CLI and the Export view refuse bad input before anything is written.
 */
export function icsOptionsProblem(plan: Plan, options: IcsOptions): string | null {
  if (options.memberId !== undefined && !plan.members.some((m) => m.id === options.memberId)) {
    return `no team member has id "${options.memberId}" (known: ${plan.members.map((m) => m.id).join(', ')})`;
  }
  if (options.layerId !== undefined && !plan.rotation.layers.some((l) => l.id === options.layerId)) {
    return `no rotation layer has id "${options.layerId}" (known: ${plan.rotation.layers.map((l) => l.id).join(', ')})`;
  }
  const r = options.reminderMinutes;
  if (r !== undefined && (!Number.isInteger(r) || r < 0 || r > MAX_REMINDER_MINUTES)) {
    return `the reminder must be a whole number of minutes from 0 to ${MAX_REMINDER_MINUTES} (one week), not ${r}`;
  }
  if (options.from && options.to && options.to < options.from) {
    return `the window ends (${options.to}) before it starts (${options.from})`;
  }
  return null;
}

/** The calendar's display name: plan name plus the scope, so two subscribed exports can be told apart. */
function calendarName(plan: Plan, member: Member | undefined, options: IcsOptions): string {
  const parts = [plan.meta.name];
  if (member) parts.push(member.name);
  if (options.layerId !== undefined) parts.push(layerName(plan, options.layerId));
  return parts.join(' — ');
}

/**
 * The plan's shifts as an RFC 5545 calendar, built with ical-generator: PRODID and VERSION, one VEVENT per shift
 * with a stable UID, DTSTAMP from `now`, DTSTART/DTEND in UTC (exact instants, so DST handoffs stay true in any
 * client without a VTIMEZONE), CRLF line ends, lines folded at 75 octets and text escaped by the library; a
 * display VALARM per shift when a reminder is asked for; and, when asked, the public holidays of the members'
 * regions and the investor-report weeks as all-day events that do not block time. Throws a RangeError naming the
 * problem for bad options (see icsOptionsProblem). `holidayLookup`: the caller's (a fresh calendar when absent).
 */
export function exportIcs(
  plan: Plan,
  options: IcsOptions,
  holidayLookup: HolidayLookup = new HolidayCalendar(),
): string {
  const problem = icsOptionsProblem(plan, options);
  if (problem) throw new RangeError(problem);
  const zone = plan.rotation.timeZone;
  const { from, to } = windowDates(plan, options);
  const startMs = options.from ? instantMs(startOfLocalDay(from, zone)) : Number.NEGATIVE_INFINITY;
  const endMs = options.to ? instantMs(startOfLocalDay(addDays(to, 1), zone)) : Number.POSITIVE_INFINITY;
  const member = plan.members.find((m) => m.id === options.memberId);
  const names = new Map(plan.members.map((m) => [m.id, m.name]));
  const stamp = Temporal.Instant.from(options.now);
  const key = planKey(plan);
  const cal = ical({ name: calendarName(plan, member, options), prodId: { ...ICS_PRODID } });

  const shifts = sortShifts(plan, plan.shifts)
    .filter((s) => options.memberId === undefined || s.memberId === options.memberId)
    .filter((s) => options.layerId === undefined || s.layerId === options.layerId)
    .filter((s) => instantMs(s.end) > startMs && instantMs(s.start) < endMs);
  for (const s of shifts) {
    const who = names.get(s.memberId) ?? s.memberId;
    const layer = layerName(plan, s.layerId);
    const shadow = isShadowShift(s);
    const event = cal.createEvent({
      id: shiftUid(plan, s),
      start: Temporal.Instant.from(s.start),
      end: Temporal.Instant.from(s.end),
      stamp,
      summary: shadow ? `On call (${layer}): ${who} (shadow)` : `On call (${layer}): ${who}`,
      description: [
        shadow
          ? `${who} shadows the person on call, ${layer} layer, for ${plan.meta.name}: learning, not on call.`
          : `${who} is on call, ${layer} layer, for ${plan.meta.name}.`,
        `Source: ${s.source}${s.pinned ? ', pinned' : ''}.`,
        ...[describeCover(plan, s)].filter((w): w is string => w !== null),
        ...(s.note ? [`Note: ${s.note}`] : []),
      ].join('\n'),
      categories: [{ name: shadow ? 'Shadow' : 'On call' }, { name: layer }],
    });
    if (options.reminderMinutes !== undefined) {
      event.createAlarm({
        type: ICalAlarmType.display,
        trigger: options.reminderMinutes * 60,
        description: `On call (${layer}) starts: ${who}`,
      });
    }
  }

  const include = new Set(options.include ?? []);
  if (include.has('holidays')) {
    const holidays = member
      ? memberHolidays(holidayLookup, plan, member, from, to).map((h) => ({ ...h, memberIds: [member.id] }))
      : calendarHolidays(holidayLookup, plan, from, to).filter((h) => h.memberIds.length > 0);
    for (const h of holidays) {
      const whose = h.memberIds.map((id) => names.get(id) ?? id).join(', ');
      cal.createEvent({
        id: `rotaplan-${key}-holiday-${h.date}-${fnv(h.name)}@rotaplan`,
        ...allDay(h.date, h.date),
        stamp,
        summary: `Holiday: ${h.name}`,
        description: `Public holiday for ${whose}.`,
        transparency: ICalEventTransparency.TRANSPARENT,
      });
    }
  }
  if (include.has('investor-weeks')) {
    for (const week of investorWeeks(plan.coverage.investorWeek.rule, from, to)) {
      cal.createEvent({
        id: `rotaplan-${key}-investor-${week.start}@rotaplan`,
        ...allDay(week.start, week.end),
        stamp,
        summary: 'Investor-report week',
        description: plan.coverage.investorWeek.description,
        transparency: ICalEventTransparency.TRANSPARENT,
      });
    }
  }
  // RFC 5545 §3.1: every content line ends with CRLF, the last one too; ical-generator leaves it off.
  return `${cal.toString()}\r\n`;
}

/** FNV-1a of a short text as hex: keeps holiday UIDs short and free of characters a UID should not carry. */
function fnv(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text) {
    hash ^= ch.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
