import Papa from 'papaparse';
import type { Plan, Shift } from '../plan/schema';
import { findLayerOverlaps } from '../plan/layer-overlaps';
import { shiftSourceSchema } from '../plan/schema';
import { instantMs, msToInstant } from '../time/zoned';
import { SHIFT_CSV_HEADER } from './csv-shifts';

/** A shift read back from CSV: everything the export writes (the id is not exported). */
export type CsvShift = Omit<Shift, 'id'>;

/** One thing wrong in a shifts CSV: the 1-based line of the file, the column, and a sentence. */
export type CsvShiftProblem = { line: number; column: string; message: string };

/** The shifts of a CSV, or every problem found (nothing is half-read). */
export type CsvShiftsResult = { ok: true; shifts: CsvShift[] } | { ok: false; problems: CsvShiftProblem[] };

/** Undoes `neutraliseCell`: the export prefixes an apostrophe to text a spreadsheet would run as a formula. */
function restoreCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * Reads a shifts CSV written by `exportShiftsCsv` (or edited in a spreadsheet) back into shifts of the plan.
 * Why: the CSV is how shifts travel to payroll sheets and back; reading it proves the export loses nothing (the
 * round trip) and gives a clear, line-numbered message for a sheet someone broke, instead of a half import.
 * Instants come back as UTC (`…Z`) whatever offset the file wrote; members and layers must exist in the plan.
 * Two rows of one layer at the same time are refused, naming both lines: a layer holds one person at a time, and
 * which row should give way is for the person who edited the sheet to say. A row marked `shadow` (a learner beside
 * the person on call) holds no layer and comes back as a shadow shift.
 */
export function readShiftsCsv(plan: Plan, text: string): CsvShiftsResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const problems: CsvShiftProblem[] = [];
  const rows = parsed.data;
  const header = rows[0] ?? [];
  const missing = SHIFT_CSV_HEADER.slice(0, 6).filter((h) => !header.includes(h));
  if (rows.length === 0 || missing.length > 0) {
    return {
      ok: false,
      problems: [
        {
          line: 1,
          column: missing[0] ?? 'start',
          message: `the header must name ${SHIFT_CSV_HEADER.slice(0, 6).join(', ')}; missing ${missing.join(', ') || 'everything'}`,
        },
      ],
    };
  }
  const col = (row: string[], name: string) => {
    const i = header.indexOf(name);
    return i < 0 ? '' : restoreCell(row[i] ?? '');
  };
  const members = new Set(plan.members.map((m) => m.id));
  const layers = new Set(plan.rotation.layers.map((l) => l.id));
  const shifts: CsvShift[] = [];
  const lineOf: number[] = [];
  rows.slice(1).forEach((row, index) => {
    const line = index + 2;
    const problem = (column: string, message: string) => problems.push({ line, column, message });
    const instant = (column: string): string | null => {
      const value = col(row, column);
      try {
        return msToInstant(instantMs(value));
      } catch {
        problem(column, `"${value}" is not an ISO instant with an offset, such as 2027-01-04T09:00:00-08:00`);
        return null;
      }
    };
    const start = instant('start');
    const end = instant('end');
    if (start && end && instantMs(end) <= instantMs(start))
      problem('end', 'the shift must end after it starts');
    const layerId = col(row, 'layer');
    if (!layers.has(layerId)) problem('layer', `the plan has no layer "${layerId}"`);
    const memberId = col(row, 'member_id');
    if (!members.has(memberId)) problem('member_id', `the plan has no member "${memberId}"`);
    const source = shiftSourceSchema.safeParse(col(row, 'source'));
    if (!source.success)
      problem('source', `"${col(row, 'source')}" is not generated, manual, override or swap`);
    const pinnedText = col(row, 'pinned');
    if (!['', 'true', 'false'].includes(pinnedText))
      problem('pinned', `"${pinnedText}" is not true or false`);
    const shadowText = col(row, 'shadow');
    if (!['', 'true', 'false'].includes(shadowText))
      problem('shadow', `"${shadowText}" is not true or false`);
    const note = col(row, 'note');
    if (start && end && source.success) {
      lineOf.push(line);
      shifts.push({
        layerId,
        memberId,
        start,
        end,
        source: source.data,
        pinned: pinnedText === 'true',
        ...(note !== '' && { note }),
        ...(shadowText === 'true' && { shadow: true }),
      });
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  for (const o of findLayerOverlaps(shifts)) {
    problems.push({
      line: lineOf[o.laterIndex]!,
      column: 'start',
      message: `overlaps line ${lineOf[o.earlierIndex]!} on layer "${o.layerId}" from ${o.start} to ${o.end}: a layer holds one person at a time`,
    });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, shifts };
}
