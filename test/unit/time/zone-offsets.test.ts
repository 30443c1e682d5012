import {
  compareOffsetTables,
  describeDisagreement,
  formatUtcOffset,
  planZoneSpan,
  zoneOffsetTable,
  type ZoneOffsetTable,
} from '../../../shared/time/zone-offsets';
import { cleanPlan } from '../fairness/test-plans';

const FROM = Date.UTC(2026, 9, 1);
const TO = Date.UTC(2027, 9, 1);

/** Vancouver as Node's tz data has it: -07:00, -08:00 from 2026-11-01 09:00Z, -07:00 again from 2027-03-14 10:00Z. */
const vancouverMain: ZoneOffsetTable = {
  zone: 'America/Vancouver',
  known: true,
  from: FROM,
  to: TO,
  periods: [
    { from: FROM, offsetMinutes: -420 },
    { from: Date.UTC(2026, 10, 1, 9), offsetMinutes: -480 },
    { from: Date.UTC(2027, 2, 14, 10), offsetMinutes: -420 },
  ],
};
/** Vancouver as a window whose data keeps daylight time all year has it. */
const vancouverWindow: ZoneOffsetTable = { ...vancouverMain, periods: [{ from: FROM, offsetMinutes: -420 }] };
const tokyo: ZoneOffsetTable = {
  zone: 'Asia/Tokyo',
  known: true,
  from: FROM,
  to: TO,
  periods: [{ from: FROM, offsetMinutes: 540 }],
};

describe('comparing two runtimes’ offsets', () => {
  it('finds the winter where a window says UTC−07:00 and the main process UTC−08:00 for Vancouver', () => {
    const found = compareOffsetTables([tokyo, vancouverWindow], [vancouverMain, tokyo]);
    expect(found).toEqual([
      {
        zone: 'America/Vancouver',
        from: Date.UTC(2026, 10, 1, 9),
        to: Date.UTC(2027, 2, 14, 10),
        here: -420,
        there: -480,
      },
    ]);
    expect(describeDisagreement(found[0]!, 'this window', 'the main process')).toBe(
      'America/Vancouver from 2026-11-01 to 2027-03-14: this window says UTC−07:00, the main process says UTC−08:00',
    );
  });

  it('finds nothing when both sides agree, and compares only the span both cover', () => {
    expect(compareOffsetTables([vancouverMain, tokyo], [vancouverMain, tokyo])).toEqual([]);
    // The other side covers only October 2026, before the two disagree.
    const shortMain = { ...vancouverMain, to: Date.UTC(2026, 10, 1) };
    expect(compareOffsetTables([vancouverWindow], [shortMain])).toEqual([]);
  });

  it('joins stretches with the same two offsets and reports a zone one side does not know', () => {
    // Here a transition at 2027-01-01 to the same offset: the two stretches are one disagreement.
    const split = {
      ...vancouverWindow,
      periods: [...vancouverWindow.periods, { from: Date.UTC(2027, 0, 1), offsetMinutes: -420 }],
    };
    expect(compareOffsetTables([split], [vancouverMain])).toHaveLength(1);
    const unknown = { ...tokyo, known: false, periods: [] };
    const found = compareOffsetTables([tokyo], [unknown]);
    expect(found).toEqual([{ zone: 'Asia/Tokyo', from: FROM, to: TO, here: 540, there: null }]);
    expect(describeDisagreement(found[0]!, 'this window', 'the main process')).toBe(
      'Asia/Tokyo from 2026-10-01 to 2027-09-30: this window says UTC+09:00, the main process does not know the zone',
    );
  });

  it('writes offsets as people do', () => {
    expect([-480, 330, 0, 345, -150].map(formatUtcOffset)).toEqual([
      'UTC−08:00',
      'UTC+05:30',
      'UTC±00:00',
      'UTC+05:45',
      'UTC−02:30',
    ]);
  });
});

describe('this runtime’s offset table', () => {
  it('lists Berlin’s 2027 changes and nothing in Tokyo', () => {
    const from = Date.UTC(2027, 0, 1);
    const to = Date.UTC(2028, 0, 1);
    expect(zoneOffsetTable('Europe/Berlin', from, to).periods).toEqual([
      { from, offsetMinutes: 60 },
      { from: Date.UTC(2027, 2, 28, 1), offsetMinutes: 120 },
      { from: Date.UTC(2027, 9, 31, 1), offsetMinutes: 60 },
    ]);
    expect(zoneOffsetTable('Asia/Tokyo', from, to).periods).toEqual([{ from, offsetMinutes: 540 }]);
    expect(zoneOffsetTable('Mars/Olympus_Mons', from, to)).toMatchObject({ known: false, periods: [] });
  });

  it('checks a plan’s zones over its horizon and shifts, a day of margin each side', () => {
    expect(planZoneSpan(cleanPlan())).toEqual({
      zones: ['America/Los_Angeles'],
      from: '2027-04-04',
      to: '2027-04-27',
    });
  });
});
