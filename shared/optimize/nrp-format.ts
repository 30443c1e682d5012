import type { RosterCell, RosterCover, RosterModel, RosterRequest, RosterStaff } from './roster-model';

/** The outcome of reading an instance: a roster model, or the problems with their line numbers. */
export type NrpParseResult = { ok: true; model: RosterModel } | { ok: false; errors: string[] };

type Section =
  | 'SECTION_HORIZON'
  | 'SECTION_SHIFTS'
  | 'SECTION_STAFF'
  | 'SECTION_DAYS_OFF'
  | 'SECTION_SHIFT_ON_REQUESTS'
  | 'SECTION_SHIFT_OFF_REQUESTS'
  | 'SECTION_COVER';

const SECTIONS: readonly Section[] = [
  'SECTION_HORIZON',
  'SECTION_SHIFTS',
  'SECTION_STAFF',
  'SECTION_DAYS_OFF',
  'SECTION_SHIFT_ON_REQUESTS',
  'SECTION_SHIFT_OFF_REQUESTS',
  'SECTION_COVER',
];

type Line = { no: number; fields: string[] };

/**
 * Reads an instance of the Curtois & Qu "Employee Shift Scheduling Benchmark" (schedulingbenchmarks.org) into a
 * roster model. Why an importer and not a dedicated model: the public optima then test the same MILP that plans
 * on-call rotations. Day 0 is a Monday (every instance of the set), so Saturday and Sunday of week k form weekend k.
 * Wrong input gets one message per problem, with its line number.
 */
export function parseNrpInstance(text: string, name = 'instance'): NrpParseResult {
  const errors: string[] = [];
  const sections = new Map<Section, Line[]>();
  let current: Section | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if ((SECTIONS as readonly string[]).includes(line)) {
      current = line as Section;
      sections.set(current, []);
      return;
    }
    if (line.startsWith('SECTION_')) {
      errors.push(`line ${i + 1}: unknown section ${line}`);
      current = null;
      return;
    }
    if (current === null) {
      errors.push(`line ${i + 1}: data before the first section`);
      return;
    }
    sections.get(current)!.push({ no: i + 1, fields: line.split(',').map((f) => f.trim()) });
  });

  const int = (line: Line, k: number, what: string): number => {
    const value = line.fields[k];
    if (value === undefined || !/^-?\d+$/.test(value)) {
      errors.push(`line ${line.no}: ${what} should be a whole number, got "${value ?? ''}"`);
      return 0;
    }
    return Number(value);
  };

  const horizonLine = sections.get('SECTION_HORIZON')?.[0];
  if (!horizonLine) return { ok: false, errors: [...errors, 'SECTION_HORIZON is missing'] };
  const days = int(horizonLine, 0, 'the horizon');
  if (days <= 0)
    return { ok: false, errors: [...errors, `line ${horizonLine.no}: the horizon must be positive`] };

  const shiftLines = sections.get('SECTION_SHIFTS') ?? [];
  if (shiftLines.length === 0) errors.push('SECTION_SHIFTS is missing or empty');
  const shiftIndex = new Map<string, number>();
  shiftLines.forEach((l, k) => shiftIndex.set(l.fields[0]!, k));
  const shiftRef = (line: Line, id: string | undefined): number => {
    const k = id === undefined ? undefined : shiftIndex.get(id);
    if (k === undefined) errors.push(`line ${line.no}: unknown shift "${id ?? ''}"`);
    return k ?? 0;
  };
  const shiftTypes = shiftLines.map((l) => ({
    id: l.fields[0]!,
    minutes: int(l, 1, 'the shift length'),
    forbiddenNext: (l.fields[2] ?? '')
      .split('|')
      .filter((s) => s !== '')
      .map((s) => shiftRef(l, s)),
  }));

  const staffLines = sections.get('SECTION_STAFF') ?? [];
  if (staffLines.length === 0) errors.push('SECTION_STAFF is missing or empty');
  const staffIndex = new Map<string, number>();
  staffLines.forEach((l, k) => staffIndex.set(l.fields[0]!, k));
  const staffRef = (line: Line): number => {
    const k = staffIndex.get(line.fields[0] ?? '');
    if (k === undefined) errors.push(`line ${line.no}: unknown employee "${line.fields[0] ?? ''}"`);
    return k ?? -1;
  };
  const dayRef = (line: Line, k: number): number => {
    const d = int(line, k, 'the day');
    if (d < 0 || d >= days) errors.push(`line ${line.no}: day ${d} is outside the horizon 0..${days - 1}`);
    return d;
  };

  const staff: RosterStaff[] = staffLines.map((l) => {
    const maxShifts: (number | null)[] = shiftTypes.map(() => null);
    for (const pair of (l.fields[1] ?? '').split('|').filter((s) => s !== '')) {
      const [id, count] = pair.split('=');
      if (count === undefined || !/^\d+$/.test(count)) {
        errors.push(`line ${l.no}: max shifts "${pair}" should read SHIFT=COUNT`);
        continue;
      }
      maxShifts[shiftRef(l, id)] = Number(count);
    }
    return {
      id: l.fields[0]!,
      maxShifts,
      maxMinutes: int(l, 2, 'MaxTotalMinutes'),
      minMinutes: int(l, 3, 'MinTotalMinutes'),
      maxConsecutive: int(l, 4, 'MaxConsecutiveShifts'),
      minConsecutive: int(l, 5, 'MinConsecutiveShifts'),
      minConsecutiveOff: int(l, 6, 'MinConsecutiveDaysOff'),
      maxWeekends: int(l, 7, 'MaxWeekends'),
      runLimits: [],
    };
  });

  const unavailable: RosterCell[] = [];
  for (const l of sections.get('SECTION_DAYS_OFF') ?? []) {
    const s = staffRef(l);
    for (let k = 1; k < l.fields.length; k++) {
      if (l.fields[k] === '') continue;
      const d = dayRef(l, k);
      if (s >= 0) unavailable.push({ staff: s, day: d, shift: -1 });
    }
  }

  const requests: RosterRequest[] = [];
  const readRequests = (section: Section, kind: 'on' | 'off') => {
    for (const l of sections.get(section) ?? []) {
      const s = staffRef(l);
      const day = dayRef(l, 1);
      const shift = shiftRef(l, l.fields[2]);
      const weight = int(l, 3, 'the weight');
      if (s >= 0) requests.push({ staff: s, day, shift, kind, weight });
    }
  };
  readRequests('SECTION_SHIFT_ON_REQUESTS', 'on');
  readRequests('SECTION_SHIFT_OFF_REQUESTS', 'off');

  const cover: RosterCover[] = (sections.get('SECTION_COVER') ?? []).map((l) => ({
    day: dayRef(l, 0),
    shift: shiftRef(l, l.fields[1]),
    requirement: int(l, 2, 'the requirement'),
    underWeight: int(l, 3, 'the weight for under'),
    overWeight: int(l, 4, 'the weight for over'),
  }));

  if (errors.length > 0) return { ok: false, errors };
  const weekendOf = new Int32Array(days);
  for (let d = 0; d < days; d++) weekendOf[d] = d % 7 >= 5 ? Math.floor(d / 7) : -1;
  return {
    ok: true,
    model: {
      name,
      days,
      weekendOf,
      shiftTypes,
      staff,
      cover,
      unavailable,
      fixed: [],
      requests,
      waiveMinRunsAtEdges: true,
    },
  };
}
