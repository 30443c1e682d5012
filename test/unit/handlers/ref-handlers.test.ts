import type { Dispatch } from '../../../electron/handlers/dispatch';
import { zoneOffsetsAnswerSchema, type IpcResult } from '../../../shared/ipc/contract';
import { previewDispatch } from '../../helpers/handlers';
import { makeTempDir, removeDir } from '../../helpers/temp-dir';

let dir: string;
let dispatch: Dispatch;

beforeEach(async () => {
  dir = await makeTempDir('rotaplan-ref-');
  dispatch = previewDispatch(dir, '2027-03-01T10:00:00.000Z');
});
afterEach(() => removeDir(dir));

function refusal(result: IpcResult<unknown>): string {
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error.code).toBe('bad-payload');
  return result.error.message;
}

describe('ref:zoneOffsets', () => {
  it('answers with this process’s tz data version and each zone’s offsets over whole UTC days', async () => {
    const result = await dispatch('ref:zoneOffsets', {
      zones: ['Europe/Berlin', 'Asia/Tokyo', 'Mars/Olympus_Mons'],
      from: '2027-01-01',
      to: '2027-12-31',
    });
    if (!result.ok) throw new Error(result.error.message);
    const answer = zoneOffsetsAnswerSchema.parse(result.value);
    expect(answer.tzdata).toBe(process.versions.tz);
    expect(answer.tzdata).toMatch(/^\d{4}[a-z]$/);
    expect(answer.icu).toBe(process.versions.icu);
    const from = Date.UTC(2027, 0, 1);
    const to = Date.UTC(2028, 0, 1);
    expect(answer.tables).toEqual([
      {
        zone: 'Europe/Berlin',
        known: true,
        from,
        to,
        periods: [
          { from, offsetMinutes: 60 },
          { from: Date.UTC(2027, 2, 28, 1), offsetMinutes: 120 },
          { from: Date.UTC(2027, 9, 31, 1), offsetMinutes: 60 },
        ],
      },
      { zone: 'Asia/Tokyo', known: true, from, to, periods: [{ from, offsetMinutes: 540 }] },
      { zone: 'Mars/Olympus_Mons', known: false, from, to, periods: [] },
    ]);
  });

  it('refuses what is not a request for zone offsets, naming the field', async () => {
    expect(
      refusal(await dispatch('ref:zoneOffsets', { zones: [], from: '2027-01-01', to: '2027-01-02' })),
    ).toBe('Refused ref:zoneOffsets: zones: name at least one time zone');
    expect(
      refusal(
        await dispatch('ref:zoneOffsets', { zones: ['../etc/passwd'], from: '2027-01-01', to: '2027-01-02' }),
      ),
    ).toBe('Refused ref:zoneOffsets: zones[0]: expected an IANA time zone name like Europe/Berlin');
    expect(
      refusal(await dispatch('ref:zoneOffsets', { zones: ['UTC'], from: '2027-02-01', to: '2027-01-31' })),
    ).toBe('Refused ref:zoneOffsets: to: the span ends before it starts');
    expect(
      refusal(await dispatch('ref:zoneOffsets', { zones: ['UTC'], from: '2027-13-01', to: '2027-14-01' })),
    ).toBe('Refused ref:zoneOffsets: from: expected real dates like 2027-01-31');
    // 30 February is no date, though Date.parse would read it as 2 March.
    expect(
      refusal(await dispatch('ref:zoneOffsets', { zones: ['UTC'], from: '2027-02-30', to: '2027-03-01' })),
    ).toBe('Refused ref:zoneOffsets: from: expected real dates like 2027-01-31');
    expect(
      refusal(await dispatch('ref:zoneOffsets', { zones: ['UTC'], from: '1900-01-01', to: '2027-01-01' })),
    ).toBe('Refused ref:zoneOffsets: to: the span is longer than 60 years');
  });

  it('app:info carries the same tz data version for the About dialog', async () => {
    const info = await dispatch('app:info', {});
    expect(info).toMatchObject({
      ok: true,
      value: { tz: { tzdata: process.versions.tz, icu: process.versions.icu } },
    });
  });
});
