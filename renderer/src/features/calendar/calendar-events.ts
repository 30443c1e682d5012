import type { EventInput } from '@fullcalendar/react';
import type { Plan, Shift, ShiftSource } from '../../../../shared/plan/schema';
import { investorWeeks } from '../../../../shared/rotation/investor-weeks';
import { shiftIndexOf } from './shift-index-of';
import { shortCover } from '../../../../shared/rotation/describe-cover';
import { isShadowShift } from '../../../../shared/rotation/shadow-shifts';
import { sameEvent } from './event-diff';
import { shortHolidayName } from './mark-labels';
import { calendarHolidays, type HolidayLookup } from '../../../../shared/time/holidays';
import { addDays, instantMs, isoWeekday, localDate, startOfLocalDay } from '../../../../shared/time/zoned';

/** What the calendar hides: members and layers switched off in the filters (ids). */
export type CalendarFilter = { hiddenMembers: readonly string[]; hiddenLayers: readonly string[] };

/** The data a shift event carries, read back by the event renderer, the side panel and the tests. */
export type ShiftEventProps = {
  kind: 'shift';
  shiftId: string;
  layerId: string;
  layerIndex: number;
  layerName: string;
  /** One or two letters for the layer ("P", "S"), shown on every shift. */
  badge: string;
  memberId: string;
  memberName: string;
  memberColor: string;
  source: ShiftSource;
  pinned: boolean;
  /** Layers after the first are drawn striped, so primary and secondary differ without relying on colour. */
  striped: boolean;
  /** Selected in the side panel or asked for by another view (calendar focus). */
  highlighted: boolean;
  /** The shift's end (ISO instant): the list view shows each shift once, at its handoff, with its end. */
  end: string;
  /** The shift's start (ISO instant): its bar shows it on the plan's clock (see calendar-board's clockText). */
  start: string;
  hours: number;
  /** Who the shift stands in for, in words ('' when nobody; see `shortCover`). */
  cover: string;
  /** A learner shadowing the person on call: drawn outlined and hatched, labelled "shadow", never coverage. */
  shadow: boolean;
};

/**
 * The data attributes a shift's bar carries in every view: which shift, layer and member, and its states.
 * Why one place: the month grid and the lanes draw different bars, yet the styles and the tests find both by these.
 */
export function shiftDataAttributes(p: ShiftEventProps) {
  return {
    'data-shift-id': p.shiftId,
    'data-layer-id': p.layerId,
    'data-member-id': p.memberId,
    'data-striped': p.striped || undefined,
    'data-highlighted': p.highlighted || undefined,
    'data-pinned': p.pinned || undefined,
    'data-shadow': p.shadow || undefined,
  };
}

/**
 * How shifts are drawn: as spans (month and week) or as handoffs (list: one line per shift at its start, since a
 * week-long span would otherwise be listed on every day it covers).
 */
export type ShiftEventMode = 'span' | 'handoff';

/** The kinds of background event: what the day is, not who is on call. */
export type BackgroundKind = 'holiday' | 'time-off' | 'investor-week';

/** The data a background event carries. */
export type BackgroundEventProps = {
  kind: BackgroundKind;
  /** The full sentence, for tooltips. */
  label: string;
  /** The day-cell label, and a shorter one for narrow cells. */
  short: string;
  tiny: string;
  memberIds: string[];
};

/** Remembers the last result and returns it while every argument is the same (by identity). */
export function memoizeLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args: A) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i]))) {
      return last.result;
    }
    const result = fn(...args);
    last = { args, result };
    return result;
  };
}

/**
 * A short badge per layer: its initial ("P", "S"), or initial and position when two layers share an initial.
 * Why: the layer must be readable on a 20-pixel bar without relying on colour alone.
 */
export function layerBadges(plan: Plan): Map<string, string> {
  const initials = plan.rotation.layers.map((l) => (l.name.trim()[0] ?? '?').toUpperCase());
  return new Map(
    plan.rotation.layers.map((l, i) => {
      const clash = initials.filter((x) => x === initials[i]).length > 1;
      return [l.id, clash ? `${initials[i]}${i + 1}` : initials[i]!];
    }),
  );
}

/** A colour between `hex` and white: `amount` 0 keeps the colour, 1 is white. For the striped layers' fill. */
export function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(c + (255 - c) * amount);
  const [r, g, b] = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map(mix) as [number, number, number];
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** What every event of one pass shares: looked up once, not per shift. */
type EventContext = {
  members: Plan['members'];
  layers: Plan['rotation']['layers'];
  memberById: Map<string, Plan['members'][number]>;
  layerIndexById: Map<string, number>;
  badges: Map<string, string>;
  mode: ShiftEventMode;
};

// The last event built for each shift object and the context it was built in; reused while both are the same.
const built = new WeakMap<Shift, { context: EventContext; highlighted: boolean; event: EventInput }>();
let lastContext: EventContext | null = null;

function eventContext(plan: Plan, mode: ShiftEventMode): EventContext {
  const { members } = plan;
  const { layers } = plan.rotation;
  if (lastContext?.members === members && lastContext.layers === layers && lastContext.mode === mode)
    return lastContext;
  lastContext = {
    members,
    layers,
    memberById: new Map(members.map((m) => [m.id, m])),
    layerIndexById: new Map(layers.map((l, i) => [l.id, i])),
    badges: layerBadges(plan),
    mode,
  };
  return lastContext;
}

function shiftEvent(context: EventContext, shift: Shift, highlighted: boolean): EventInput {
  const cached = built.get(shift);
  if (cached && cached.context === context && cached.highlighted === highlighted) return cached.event;
  const { layers, mode } = context;
  const member = context.memberById.get(shift.memberId);
  const layerIndex = context.layerIndexById.get(shift.layerId) ?? -1;
  const layer = layers[layerIndex];
  const color = member?.color ?? '#6b7280';
  const striped = layerIndex > 0;
  const start = instantMs(shift.start);
  const end = instantMs(shift.end);
  const props: ShiftEventProps = {
    kind: 'shift',
    shiftId: shift.id,
    layerId: shift.layerId,
    layerIndex: layerIndex < 0 ? layers.length : layerIndex,
    layerName: layer?.name ?? shift.layerId,
    badge: context.badges.get(shift.layerId) ?? '?',
    memberId: shift.memberId,
    memberName: member?.name ?? shift.memberId,
    memberColor: color,
    source: shift.source,
    pinned: shift.pinned,
    striped,
    highlighted,
    end: shift.end,
    start: shift.start,
    hours: (end - start) / 3_600_000,
    cover: shortCover(shift, (id) => context.memberById.get(id)?.name ?? id) ?? '',
    shadow: isShadowShift(shift),
  };
  const event: EventInput = {
    id: shift.id,
    title: props.memberName,
    start: shift.start,
    ...(mode === 'span' ? { end: shift.end } : {}),
    color: props.shadow ? tint(color, 0.9) : striped ? tint(color, 0.78) : color,
    ...(props.shadow ? { borderColor: color } : {}),
    contrastColor: striped || props.shadow ? '#1f2937' : '#ffffff',
    // A shadow is moved by its pairing, not by hand: dragging it would read as a change of who is on call.
    editable: mode === 'span' && !shift.pinned && !props.shadow,
    extendedProps: props,
  };
  built.set(shift, { context, highlighted, event });
  return event;
}

/**
 * The shifts as FullCalendar events, filtered by member and layer, coloured per member (first layer solid, the
 * others striped), pinned shifts not draggable, `highlightId` marked; as spans or as handoffs (see
 * `ShiftEventMode`). With `windowStart` and `windowEnd` (ISO instants) only the shifts overlapping that window.
 * Why a pure selector: FullCalendar is a view over the store; it gets `events` rebuilt from the plan after every
 * edit and undo, never its own copy. Why the window: FullCalendar parses every event it is given, and a two-year
 * plan of hourly shifts holds 36,000 of them; the calendar shows a few weeks.
 */
export function shiftEvents(
  plan: Plan,
  filter: CalendarFilter,
  highlightId: string | null,
  mode: ShiftEventMode = 'span',
  windowStart?: string,
  windowEnd?: string,
): EventInput[] {
  const context = eventContext(plan, mode);
  const hiddenMembers = new Set(filter.hiddenMembers);
  const hiddenLayers = new Set(filter.hiddenLayers);
  const from = windowStart === undefined ? -Infinity : instantMs(windowStart);
  const to = windowEnd === undefined ? Infinity : instantMs(windowEnd);
  const out: EventInput[] = [];
  for (const s of shiftIndexOf(plan.shifts).overlapping(from, to)) {
    if (hiddenMembers.has(s.memberId) || hiddenLayers.has(s.layerId)) continue;
    out.push(shiftEvent(context, s, s.id === highlightId));
  }
  return out;
}

/** Days of shifts the calendar is given beyond each side of the range it shows. */
export const EVENT_MARGIN_DAYS = 1;

/** A window of instants, [start, end). */
export type EventWindow = { start: string; end: string };

/**
 * The plan-local dates a month grid opening on `date` shows, as FullCalendar lays it out: from the `weekStart` day
 * (0 Sunday … 6 Saturday) on or before the month's first day, six weeks; `to` is the first date not shown.
 * Why: the calendar picks its shifts, holidays and labels before FullCalendar has reported its range; picking them
 * for exactly that range means the report changes nothing and costs no second layout.
 */
export function monthGridDates(date: string, weekStart: number): { from: string; to: string } {
  const firstOfMonth = `${date.slice(0, 7)}-01`;
  const back = (isoWeekday(firstOfMonth) - weekStart + 7) % 7;
  const from = addDays(firstOfMonth, -back);
  return { from, to: addDays(from, 42) };
}

/**
 * The window whose shifts FullCalendar is given: the range it shows (ISO instants, as its `datesSet` reports), or,
 * before it has reported one, the month grid it opens on (see `monthGridDates`), widened by `marginDays` plan-local
 * days on each side. Edges fall on plan-local midnights.
 * Why: FullCalendar lays out every event it holds on every render; a two-year plan of hourly shifts holds 36,000
 * of them while a month grid shows six weeks. The margin covers a drag just past the edge; a new range reaches
 * FullCalendar before it paints.
 */
export function eventWindow(
  range: EventWindow | null,
  date: string,
  zone: string,
  marginDays = EVENT_MARGIN_DAYS,
  weekStart = 0,
): EventWindow {
  const grid = monthGridDates(date, weekStart);
  const from = range ? localDate(range.start, zone) : grid.from;
  // The range's end is exclusive: the day it starts on is the first one not shown.
  const to = range ? localDate(range.end, zone) : grid.to;
  return {
    start: startOfLocalDay(addDays(from, -marginDays), zone),
    end: startOfLocalDay(addDays(to, marginDays), zone),
  };
}

/** `shiftEvents`, remembered while the plan, the filter and the highlight stay the same. */
export const selectShiftEvents = memoizeLast(shiftEvents);

/** The shade of public holidays on the calendar. */
export const HOLIDAY_COLOR = '#e03131';
/** The shade of investor-report weeks on the calendar. */
export const INVESTOR_COLOR = '#f59f00';

/**
 * Background events for a window of plan-local dates (both inclusive): public holidays (plan region, each visible
 * member's region, custom ones) saying whose day off each is, each visible member's time off, and the
 * investor-report weeks. All-day, so they sit on dates whatever the zone. `holidays`: the store's calendar.
 */
export function backgroundEvents(
  holidays: HolidayLookup,
  plan: Plan,
  from: string,
  to: string,
  filter: CalendarFilter,
): EventInput[] {
  const hidden = new Set(filter.hiddenMembers);
  const name = (id: string) => plan.members.find((m) => m.id === id)?.name ?? id;
  const out: EventInput[] = [];
  for (const h of calendarHolidays(holidays, plan, from, to)) {
    const memberIds = h.memberIds.filter((id) => !hidden.has(id));
    if (memberIds.length === 0 && !h.planRegion) continue;
    const everyone = memberIds.length === plan.members.length;
    const props: BackgroundEventProps = {
      kind: 'holiday',
      label: everyone || memberIds.length === 0 ? h.name : `${h.name} (${memberIds.map(name).join(', ')})`,
      short: shortHolidayName(h.name),
      tiny: shortHolidayName(h.name),
      memberIds,
    };
    out.push({
      id: `holiday-${h.date}-${h.name}`,
      title: props.label,
      start: h.date,
      end: addDays(h.date, 1),
      allDay: true,
      display: 'background',
      color: HOLIDAY_COLOR,
      extendedProps: props,
    });
  }
  for (const member of plan.members) {
    if (hidden.has(member.id)) continue;
    for (const t of member.timeOff) {
      if (t.end < from || t.start > to) continue;
      const props: BackgroundEventProps = {
        kind: 'time-off',
        label: `${member.name}: ${t.kind} ${t.start} – ${t.end}${t.note ? ` (${t.note})` : ''}`,
        short: `${member.name.split(' ')[0]} away`,
        tiny: `${member.name.split(' ')[0]} off`,
        memberIds: [member.id],
      };
      out.push({
        id: `time-off-${member.id}-${t.id}`,
        title: props.label,
        start: t.start,
        end: addDays(t.end, 1),
        allDay: true,
        display: 'background',
        color: member.color,
        extendedProps: props,
      });
    }
  }
  for (const week of investorWeeks(plan.coverage.investorWeek.rule, from, to)) {
    const props: BackgroundEventProps = {
      kind: 'investor-week',
      label: `Investor week ${week.start} – ${week.end}`,
      short: 'Investors',
      tiny: 'Invest.',
      memberIds: [],
    };
    out.push({
      id: `investor-${week.start}`,
      title: props.label,
      start: week.start,
      end: addDays(week.end, 1),
      allDay: true,
      display: 'background',
      color: INVESTOR_COLOR,
      extendedProps: props,
    });
  }
  return out;
}

/**
 * Returns the previous result while a new one draws the same events (see `sameEvent`), so that what is derived
 * from it (the day labels, FullCalendar's props) stays the same object.
 */
function keepWhileEqual<A extends unknown[]>(fn: (...args: A) => EventInput[]): (...args: A) => EventInput[] {
  let last: EventInput[] | null = null;
  return (...args: A) => {
    const next = fn(...args);
    if (last && last.length === next.length && last.every((e, i) => sameEvent(e, next[i]!))) return last;
    last = next;
    return next;
  };
}

/**
 * `backgroundEvents`, remembered while the plan, the window and the filter stay the same, and the same array while
 * an edit leaves them drawing the same (a moved shift changes the plan, not its holidays).
 */
export const selectBackgroundEvents = keepWhileEqual(memoizeLast(backgroundEvents));

/** A label on a day cell: a holiday's name, "Investor week", or someone's time off; `first` on a span's first day. */
export type DayMark = {
  kind: BackgroundKind;
  label: string;
  short: string;
  tiny: string;
  color: string;
  first: boolean;
};

/**
 * The background events as labels per plan-local date, for the day cells and day headers: holidays every day
 * they fall on, spans (investor weeks, time off) with `first` on their first day.
 * Why labels and not only shading: investor weeks and holidays must read at a glance, not just as a tint.
 */
export function dayMarks(events: EventInput[]): Map<string, DayMark[]> {
  const out = new Map<string, DayMark[]>();
  for (const e of events) {
    const p = e.extendedProps as BackgroundEventProps | undefined;
    if (!p || e.display !== 'background') continue;
    const start = String(e.start);
    for (let date = start; date < String(e.end); date = addDays(date, 1)) {
      const list = out.get(date) ?? [];
      list.push({
        kind: p.kind,
        label: p.label,
        short: p.short,
        tiny: p.tiny,
        color: String(e.color),
        first: date === start,
      });
      out.set(date, list);
    }
  }
  const order: Record<BackgroundKind, number> = { holiday: 0, 'investor-week': 1, 'time-off': 2 };
  for (const list of out.values()) list.sort((a, b) => order[a.kind] - order[b.kind]);
  return out;
}

/** `dayMarks`, remembered while the background events stay the same. */
export const selectDayMarks = memoizeLast(dayMarks);

/** One member's on-call hours in a window, per layer id and in total. */
export type MemberHours = { memberId: string; byLayer: Record<string, number>; total: number };

/**
 * Each member's on-call hours inside [start, end) (ISO instants), per layer: the palette's "load so far" for the
 * range the calendar shows. Exact hours, so a DST week counts 167 or 169. Shadow shifts are not on call: left out.
 */
export function memberHoursInRange(plan: Plan, start: string, end: string): Map<string, MemberHours> {
  const from = instantMs(start);
  const to = instantMs(end);
  const out = new Map<string, MemberHours>(
    plan.members.map((m) => [m.id, { memberId: m.id, byLayer: {}, total: 0 }]),
  );
  for (const s of shiftIndexOf(plan.shifts).overlapping(from, to)) {
    const a = Math.max(from, instantMs(s.start));
    const b = Math.min(to, instantMs(s.end));
    const entry = out.get(s.memberId);
    if (!entry || isShadowShift(s)) continue;
    const hours = (b - a) / 3_600_000;
    entry.byLayer[s.layerId] = (entry.byLayer[s.layerId] ?? 0) + hours;
    entry.total += hours;
  }
  return out;
}

/** `memberHoursInRange`, remembered while the plan and the window stay the same. */
export const selectMemberHours = memoizeLast(memberHoursInRange);
