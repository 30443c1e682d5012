import Papa from 'papaparse';
import { neutraliseCell as neutralise } from '../export/csv-safe';
import type { Plan } from '../plan/schema';
import { sortShifts } from '../rotation/schedule-shifts';
import { addDays, instantMs, instantWithOffset, startOfLocalDay } from '../time/zoned';

/** Which shifts to export: one member's, and those touching a window of plan-local dates (both inclusive). */
export type ShiftCsvOptions = { memberId?: string; from?: string; to?: string };

/**
 * The CSV header, in the column order of the CLI contract (docs/architecture.md) plus pin, note and whether the row is
 * a learner's shadow (never coverage) rather than an on-call shift.
 */
export const SHIFT_CSV_HEADER = [
  'start',
  'end',
  'layer',
  'member_id',
  'member_name',
  'source',
  'pinned',
  'note',
  'shadow',
];

/**
 * The plan's shifts as CSV (RFC 4180 quoting, LF line ends, a final newline): one row per shift that overlaps
 * the window, by layer then start. `start` and `end` carry the UTC offset the plan's time zone has at that
 * instant (`2027-07-05T09:00:00-07:00`), so local handoff times read true across DST; `layer` is the layer id.
 * Without `from`/`to` every shift is listed. Only the text columns are neutralised: start and end begin with
 * digits and are left as they are.
 */
export function exportShiftsCsv(plan: Plan, options: ShiftCsvOptions = {}): string {
  const zone = plan.rotation.timeZone;
  const from = options.from ? instantMs(startOfLocalDay(options.from, zone)) : Number.NEGATIVE_INFINITY;
  const to = options.to ? instantMs(startOfLocalDay(addDays(options.to, 1), zone)) : Number.POSITIVE_INFINITY;
  const names = new Map(plan.members.map((m) => [m.id, m.name]));
  const rows = sortShifts(plan, plan.shifts)
    .filter((s) => options.memberId === undefined || s.memberId === options.memberId)
    .filter((s) => instantMs(s.end) > from && instantMs(s.start) < to)
    .map((s) => [
      instantWithOffset(s.start, zone),
      instantWithOffset(s.end, zone),
      neutralise(s.layerId),
      neutralise(s.memberId),
      neutralise(names.get(s.memberId) ?? ''),
      s.source,
      s.pinned ? 'true' : 'false',
      neutralise(s.note ?? ''),
      s.shadow === true ? 'true' : 'false',
    ]);
  return `${Papa.unparse({ fields: SHIFT_CSV_HEADER, data: rows }, { newline: '\n', quotes: false })}\n`;
}
