import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importIcs } from '../../../shared/import/ics-import';
import { importEditOf, importOverlapNote } from '../../../shared/import/import-edit';
import { exportShiftsCsv } from '../../../shared/io/csv-shifts';
import { readShiftsCsv } from '../../../shared/io/csv-shifts-import';
import {
  findLayerOverlaps,
  layerOverlapProblems,
  trimLayerOverlaps,
} from '../../../shared/plan/layer-overlaps';
import type { Plan, Shift } from '../../../shared/plan/schema';
import { applyOk, refusal, samplePlan } from '../edits/edit-helpers';

const shift = (id: string, layerId: string, memberId: string, start: string, end: string): Shift => ({
  id,
  layerId,
  memberId,
  start,
  end,
  source: 'manual',
  pinned: false,
});

/** The sample plan with its first weeks replaced by hand-made shifts on both layers. */
function planWith(shifts: Shift[]): Plan {
  const plan = samplePlan();
  return { ...plan, shifts };
}

const A = shift('a', 'primary', 'maya', '2027-01-04T17:00:00Z', '2027-01-11T17:00:00Z');
const B = shift('b', 'primary', 'diego', '2027-01-10T17:00:00Z', '2027-01-17T17:00:00Z');
const C = shift('c', 'primary', 'priya', '2027-01-05T17:00:00Z', '2027-01-06T17:00:00Z');
const S = shift('s', 'secondary', 'sam', '2027-01-04T17:00:00Z', '2027-01-11T17:00:00Z');
const T = shift('t', 'secondary', 'maya', '2027-01-11T17:00:00Z', '2027-01-18T17:00:00Z');

describe('findLayerOverlaps', () => {
  it('pairs each shift that starts while its layer is held with the shift holding it; touching ends do not count', () => {
    expect(findLayerOverlaps([B, S, A, T, C])).toEqual([
      {
        layerId: 'primary',
        earlierIndex: 2,
        laterIndex: 4,
        start: '2027-01-05T17:00:00Z',
        end: '2027-01-06T17:00:00Z',
      },
      {
        layerId: 'primary',
        earlierIndex: 2,
        laterIndex: 0,
        start: '2027-01-10T17:00:00Z',
        end: '2027-01-11T17:00:00Z',
      },
    ]);
  });

  it('finds none in the sample plan', () => {
    expect(findLayerOverlaps(samplePlan().shifts)).toEqual([]);
  });
});

describe('trimLayerOverlaps', () => {
  it('starts a later shift when the layer is free and drops one wholly inside; other layers stay', () => {
    const result = trimLayerOverlaps([A, B, C, S, T]);
    expect(result.items).toEqual([A, { ...B, start: '2027-01-11T17:00:00Z' }, S, T]);
    expect(result.trimmed).toBe(1);
    expect(result.removed).toBe(1);
    expect([...result.byLayer]).toEqual([['primary', 2]]);
  });
});

describe('shift:trimOverlaps (the one-step fix)', () => {
  it('trims every layer in one edit, and the plan before it is what undo brings back', () => {
    const before = planWith([A, B, C, S, T]);
    const after = applyOk(before, { kind: 'shift:trimOverlaps' });
    expect(after.shifts.map((s) => [s.id, s.start, s.end])).toEqual([
      ['a', '2027-01-04T17:00:00Z', '2027-01-11T17:00:00Z'],
      ['b', '2027-01-11T17:00:00Z', '2027-01-17T17:00:00Z'],
      ['s', '2027-01-04T17:00:00Z', '2027-01-11T17:00:00Z'],
      ['t', '2027-01-11T17:00:00Z', '2027-01-18T17:00:00Z'],
    ]);
    expect(findLayerOverlaps(after.shifts)).toEqual([]);
    expect(before.shifts).toEqual([A, B, C, S, T]);
  });

  it('only the layer asked for, and a refusal when nothing overlaps or the layer is unknown', () => {
    const overlapping = shift('u', 'secondary', 'diego', '2027-01-10T17:00:00Z', '2027-01-12T17:00:00Z');
    const before = planWith([A, B, S, T, overlapping]);
    const after = applyOk(before, { kind: 'shift:trimOverlaps', layerId: 'secondary' });
    expect(findLayerOverlaps(after.shifts).map((o) => o.layerId)).toEqual(['primary']);
    expect(after.shifts.find((s) => s.id === 'u')!.start).toBe('2027-01-11T17:00:00Z');
    expect(refusal(samplePlan(), { kind: 'shift:trimOverlaps' })).toBe(
      'no shifts overlap on a layer; nothing to trim',
    );
    expect(refusal(before, { kind: 'shift:trimOverlaps', layerId: 'tertiary' })).toBe(
      'no rotation layer has id "tertiary"',
    );
  });

  it('is refused when it would change a pinned shift', () => {
    const before = planWith([A, { ...B, pinned: true }, S, T]);
    expect(refusal(before, { kind: 'shift:trimOverlaps' })).toBe(
      "Diego Alvarez's Primary shift 2027-01-10 09:00 – 2027-01-17 09:00 is pinned and would change: unpin or move it first",
    );
  });
});

describe('layerOverlapProblems (rotaplan validate)', () => {
  it('names the later shift by path and the one it overlaps, with the layer and the span', () => {
    expect(layerOverlapProblems(planWith([A, B, S, T]))).toEqual([
      {
        path: 'shifts[1]',
        message:
          'overlaps shifts[0] ("a") on the Primary layer from 2027-01-10T17:00:00Z to 2027-01-11T17:00:00Z: a layer holds one person at a time',
      },
    ]);
  });
});

describe('imports never create overlaps silently', () => {
  it('an .ics with a daily repeating 7-day event: 366 entries become 366 shifts that follow each other, and the summary says so', async () => {
    const plan = samplePlan();
    const bytes = await readFile(join(__dirname, '../../fixtures/ics/daily-repeating-week.ics'));
    const result = importIcs(new Uint8Array(bytes), plan);
    expect(result.ok).toBe(true);
    expect(result.entries).toHaveLength(366);
    expect(findLayerOverlaps(result.entries)).toHaveLength(365);
    const edit = importEditOf(result)!;
    expect(edit.shifts).toHaveLength(366);
    expect(edit.shifts.slice(0, 3).map((s) => [s.start, s.end])).toEqual([
      ['2027-01-04T17:00:00Z', '2027-01-11T17:00:00Z'],
      ['2027-01-11T17:00:00Z', '2027-01-12T17:00:00Z'],
      ['2027-01-12T17:00:00Z', '2027-01-13T17:00:00Z'],
    ]);
    expect(edit.shifts.at(-1)).toMatchObject({ start: '2028-01-10T17:00:00Z', end: '2028-01-11T17:00:00Z' });
    expect(importOverlapNote(result, plan)).toBe(
      '365 entries overlap others on their layer (365 on Primary), and a layer holds one person at a time: 365 now start when the one before ends.',
    );
    const after = applyOk(plan, edit);
    expect(findLayerOverlaps(after.shifts)).toEqual([]);
  });

  it('an import without overlaps has no note', async () => {
    const plan = samplePlan();
    const bytes = await readFile(join(__dirname, '../../fixtures/ics/google.ics'));
    const result = importIcs(new Uint8Array(bytes), plan);
    expect(result.ok).toBe(true);
    expect(importOverlapNote(result, plan)).toBeNull();
  });

  it('a shifts CSV with two rows of one layer at once is refused, naming both lines', () => {
    const plan = planWith([A, B, S]);
    const csv = exportShiftsCsv(plan, {});
    expect(readShiftsCsv(plan, csv)).toEqual({
      ok: false,
      problems: [
        {
          line: 3,
          column: 'start',
          message:
            'overlaps line 2 on layer "primary" from 2027-01-10T17:00:00Z to 2027-01-11T17:00:00Z: a layer holds one person at a time',
        },
      ],
    });
  });
});
