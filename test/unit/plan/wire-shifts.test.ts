import {
  shiftsFromColumns,
  shiftsToColumns,
  withShiftColumns,
  withShiftObjects,
  type ShiftColumns,
} from '../../../shared/ipc/wire-shifts';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Shift } from '../../../shared/plan/schema';

const NOW = '2026-11-27T00:00:00.000Z';

describe('shifts as columns on the wire', () => {
  const plan = createSamplePlan(NOW);
  // One pinned shift with a note, one override, as edits leave them.
  const shifts: Shift[] = plan.shifts.map((s, i) =>
    i === 3
      ? { ...s, pinned: true, note: 'Covers the board meeting' }
      : i === 5
        ? { ...s, source: 'override' }
        : s,
  );

  it('carries the shadow mark, true or false, only on the shifts that had one', () => {
    const marked: Shift[] = shifts.map((s, i) =>
      i === 1 ? { ...s, shadow: true } : i === 2 ? { ...s, shadow: false } : s,
    );
    const back = shiftsFromColumns(JSON.parse(JSON.stringify(shiftsToColumns(marked))) as ShiftColumns);
    expect(back).toEqual(marked);
    expect(back.map((s) => s.shadow).slice(0, 4)).toEqual([undefined, true, false, undefined]);
    expect('shadow' in back[0]!).toBe(false);
  });

  it('gives back exactly the shifts it was given, notes and covers only where there were some', () => {
    const back = shiftsFromColumns(JSON.parse(JSON.stringify(shiftsToColumns(shifts))) as ShiftColumns);
    expect(back).toEqual(shifts);
    expect(Object.keys(back[3]!)).toEqual([
      'id',
      'layerId',
      'memberId',
      'start',
      'end',
      'source',
      'pinned',
      'note',
      // The sample's shift 3 is Diego Alvarez covering Sam Okafor's week: the cover travels as well.
      'cover',
    ]);
    expect(back[3]!.cover).toEqual({
      kind: 'cover',
      originalMemberId: 'sam',
      originalStart: '2027-01-25T17:00:00Z',
      originalEnd: '2027-02-01T17:00:00Z',
      reason: 'time-off',
      pairedStart: '2027-02-08T17:00:00Z',
    });
    expect(Object.keys(back[4]!)).toEqual(['id', 'layerId', 'memberId', 'start', 'end', 'source', 'pinned']);
  });

  it('names each layer, member and source once', () => {
    const columns = shiftsToColumns(shifts);
    expect(columns.layers).toEqual(['primary', 'secondary']);
    expect(columns.members.sort()).toEqual(['diego', 'maya', 'priya', 'sam']);
    expect(columns.sources).toEqual(['generated', 'swap', 'override']);
    expect(columns.pinned).toEqual([3]);
    expect(columns.notes[3]).toBe('Covers the board meeting');
    expect(Object.keys(columns.notes).map(Number)).toEqual(
      shifts.flatMap((s, i) => (s.note === undefined ? [] : [i])),
    );
    expect(JSON.stringify(columns).length).toBeLessThan(JSON.stringify(shifts).length * 0.6);
  });

  it('carries the plan of an answer as columns and back, and leaves other answers alone', () => {
    const answer = { plan: { ...plan, shifts }, path: '/tmp/p.rotaplan.json', revision: 'abc', notice: null };
    const wire = JSON.parse(JSON.stringify(withShiftColumns(answer))) as { plan: Record<string, unknown> };
    expect(wire.plan.shifts).toBeUndefined();
    expect(withShiftObjects(wire)).toEqual(answer);
    expect(withShiftColumns({ path: '/tmp/x' })).toEqual({ path: '/tmp/x' });
    expect(withShiftObjects(null)).toBeNull();
  });

  it('refuses columns that disagree in length', () => {
    const columns = shiftsToColumns(shifts);
    expect(() => shiftsFromColumns({ ...columns, ends: columns.ends.slice(1) })).toThrow(
      `shift columns disagree: ends has ${shifts.length - 1} of ${shifts.length}`,
    );
  });
});
