import { Temporal } from 'temporal-polyfill';
import { escapeHtml } from '../document/render-html';
import type { Plan } from '../plan/schema';
import { investorWeeks } from '../rotation/investor-weeks';
import { HolidayCalendar } from '../time/holiday-calendar';
import { calendarHolidays, type HolidayLookup } from '../time/holidays';
import { addDays, instantMs, startOfLocalDay } from '../time/zoned';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** A member colour as CSS, only when it is a plain #rrggbb; anything else is grey and never reaches the page. */
export function reportColor(color: string | undefined): string {
  return color !== undefined && /^#[0-9a-fA-F]{6}$/.test(color) ? color : '#9aa5b1';
}

/** A member as a colour chip and name (HTML). */
export function memberChipHtml(name: string, color: string | undefined): string {
  return `<span class="member"><span class="chip" style="background-color:${reportColor(color)}" aria-hidden="true"></span>${escapeHtml(name)}</span>`;
}

/** One day of one layer: the members on call that day, in order (two when a handoff falls on it). */
type DayCell = { memberIds: string[] };

/**
 * Who is on call in each layer on each local day of [from, to] (plan zone): every member whose shift overlaps the
 * day, in start order. Why overlap and not "at noon": a Monday 09:00 handoff day belongs to both people.
 */
function dayCells(plan: Plan, from: string, to: string): Map<string, DayCell[]> {
  const zone = plan.rotation.timeZone;
  const byLayer = plan.rotation.layers.map((l) =>
    plan.shifts
      .filter((s) => s.layerId === l.id)
      .map((s) => ({ memberId: s.memberId, startMs: instantMs(s.start), endMs: instantMs(s.end) }))
      .sort((a, b) => a.startMs - b.startMs),
  );
  const out = new Map<string, DayCell[]>();
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const a = instantMs(startOfLocalDay(day, zone));
    const b = instantMs(startOfLocalDay(addDays(day, 1), zone));
    out.set(
      day,
      byLayer.map((shifts) => {
        const ids: string[] = [];
        for (const s of shifts) {
          if (s.endMs > a && s.startMs < b && ids[ids.length - 1] !== s.memberId) ids.push(s.memberId);
        }
        return { memberIds: ids };
      }),
    );
  }
  return out;
}

/**
 * The calendar part of the report: one table per month of [from, to] with a row per day — date, each layer's
 * member(s) with their colour, and the day's notes (public holidays and whose they are, investor-report week).
 * Why one table per month: it prints one month per page, and a reader finds a date the way they would on paper.
 * `holidayLookup`: the caller's (a fresh calendar when absent).
 */
export function reportCalendarHtml(
  plan: Plan,
  from: string,
  to: string,
  holidayLookup: HolidayLookup = new HolidayCalendar(),
): string {
  const layers = plan.rotation.layers;
  const members = new Map(plan.members.map((m) => [m.id, m]));
  const cells = dayCells(plan, from, to);
  const holidays = new Map<string, string[]>();
  for (const h of calendarHolidays(holidayLookup, plan, from, to)) {
    const whose = h.memberIds.map((id) => members.get(id)?.name ?? id);
    const note = whose.length > 0 ? `${h.name} (${whose.join(', ')})` : h.name;
    holidays.set(h.date, [...(holidays.get(h.date) ?? []), note]);
  }
  const investor = investorWeeks(plan.coverage.investorWeek.rule, from, to);
  const inInvestorWeek = (d: string) => investor.some((w) => w.start <= d && d <= w.end);

  const months: string[] = [];
  let month = Temporal.PlainDate.from(from).with({ day: 1 });
  const last = Temporal.PlainDate.from(to);
  while (Temporal.PlainDate.compare(month, last) <= 0) {
    const first = month.toString() < from ? from : month.toString();
    const end = month.add({ months: 1 }).subtract({ days: 1 }).toString();
    const stop = end > to ? to : end;
    const rows: string[] = [];
    for (let day = first; day <= stop; day = addDays(day, 1)) {
      const date = Temporal.PlainDate.from(day);
      const weekend = date.dayOfWeek >= 6;
      const notes = [...(holidays.get(day) ?? [])];
      if (inInvestorWeek(day)) notes.unshift('Investor-report week');
      const layerCells = (cells.get(day) ?? []).map((cell) => {
        if (cell.memberIds.length === 0) return '<td class="gap">nobody</td>';
        const firstMember = members.get(cell.memberIds[0]!);
        const tint = reportColor(firstMember?.color);
        const chips = cell.memberIds
          .map((id) => memberChipHtml(members.get(id)?.name ?? id, members.get(id)?.color))
          .join(' → ');
        return `<td style="background-color:${tint}1f">${chips}</td>`;
      });
      const cls = [
        weekend ? 'weekend' : '',
        holidays.has(day) ? 'holiday' : '',
        inInvestorWeek(day) ? 'investor' : '',
      ]
        .filter(Boolean)
        .join(' ');
      rows.push(
        `<tr${cls ? ` class="${cls}"` : ''}><th scope="row">${WEEKDAYS[date.dayOfWeek - 1]} ${date.day}</th>${layerCells.join('')}<td>${escapeHtml(notes.join('; '))}</td></tr>`,
      );
    }
    const title = `${MONTHS[month.month - 1]} ${month.year}`;
    const head = layers.map((l) => `<th scope="col">${escapeHtml(l.name)}</th>`).join('');
    months.push(
      `<section class="month" aria-label="${title}">\n<h3>${title}</h3>\n<table class="month-table">\n<thead><tr><th scope="col">Day</th>${head}<th scope="col">Notes</th></tr></thead>\n<tbody>\n${rows.join('\n')}\n</tbody>\n</table>\n</section>`,
    );
    month = month.add({ months: 1 });
  }
  const legend = plan.members.map((m) => memberChipHtml(m.name, m.color)).join(' ');
  return `<section id="calendar" class="report-calendar">
<h2>On-call calendar</h2>
<p>Who is on call each day from ${from} to ${to}, in the plan's time zone (${escapeHtml(plan.rotation.timeZone)}). A handoff during the day shows both people: the one handing over first.</p>
<p class="legend">${legend}</p>
${months.join('\n')}
</section>`;
}
