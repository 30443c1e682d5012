import { exportShiftsCsv } from '../../../shared/io/csv-shifts';
import { readShiftsCsv } from '../../../shared/io/csv-shifts-import';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import { instantMs, msToInstant } from '../../../shared/time/zoned';

const sample = () => createSamplePlan('2026-11-27T09:00:00Z');

describe('shifts CSV round trip', () => {
  it('reads back every shift of the sample exactly: instants, layer, member, source, pin and note (not cover)', () => {
    const plan = sample();
    const shifts = plan.shifts.map((s, i) =>
      i === 3 ? { ...s, pinned: true, note: '=HYPERLINK("x"), says "hi"' } : s,
    );
    const edited = { ...plan, shifts };
    const result = readShiftsCsv(edited, exportShiftsCsv(edited));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.shifts).toHaveLength(104);
    // The CSV has no column for who a shift stands in for (`cover`): that stays in the plan file.
    const expected = edited.shifts.map(({ id: _id, cover: _cover, ...rest }) => ({
      ...rest,
      start: msToInstant(instantMs(rest.start)),
      end: msToInstant(instantMs(rest.end)),
    }));
    const key = (s: { layerId: string; start: string }) => `${s.layerId} ${s.start}`;
    expect([...result.shifts].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...expected].sort((a, b) => key(a).localeCompare(key(b))),
    );
    expect(result.shifts.find((s) => s.pinned)?.note).toBe('=HYPERLINK("x"), says "hi"');
  });

  it('reads the local offsets back to UTC: 09:00 -08:00 in winter is 17:00Z', () => {
    const plan = sample();
    const first = readShiftsCsv(plan, exportShiftsCsv(plan, { from: '2027-01-04', to: '2027-01-04' }));
    expect(first.ok && first.shifts[0]).toMatchObject({
      layerId: 'primary',
      memberId: 'maya',
      start: '2027-01-04T17:00:00Z',
      end: '2027-01-11T17:00:00Z',
    });
  });

  it('names the line and column of everything wrong and returns no shifts', () => {
    const plan = sample();
    const text = [
      'start,end,layer,member_id,member_name,source,pinned,note',
      '2027-01-04T09:00:00-08:00,2027-01-11T09:00:00-08:00,primary,nobody,X,generated,false,',
      'yesterday,2027-01-11T09:00:00-08:00,tertiary,maya,Maya,magic,perhaps,',
      '2027-01-11T09:00:00-08:00,2027-01-04T09:00:00-08:00,primary,maya,Maya,manual,true,',
    ].join('\n');
    expect(readShiftsCsv(plan, text)).toEqual({
      ok: false,
      problems: [
        { line: 2, column: 'member_id', message: 'the plan has no member "nobody"' },
        {
          line: 3,
          column: 'start',
          message: '"yesterday" is not an ISO instant with an offset, such as 2027-01-04T09:00:00-08:00',
        },
        { line: 3, column: 'layer', message: 'the plan has no layer "tertiary"' },
        { line: 3, column: 'source', message: '"magic" is not generated, manual, override or swap' },
        { line: 3, column: 'pinned', message: '"perhaps" is not true or false' },
        { line: 4, column: 'end', message: 'the shift must end after it starts' },
      ],
    });
  });

  it('refuses a file without the header columns', () => {
    expect(readShiftsCsv(sample(), 'a,b,c\n1,2,3\n')).toEqual({
      ok: false,
      problems: [
        {
          line: 1,
          column: 'start',
          message:
            'the header must name start, end, layer, member_id, member_name, source; missing start, end, layer, member_id, member_name, source',
        },
      ],
    });
  });
});
