import { isKnownTimeZone } from '../../../shared/plan/schema';

const intlKnows = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

describe('isKnownTimeZone', () => {
  it('knows every zone Intl lists, and the aliases plans use', () => {
    const zones = [...Intl.supportedValuesOf('timeZone'), 'UTC', 'US/Pacific', 'Asia/Calcutta', 'Etc/GMT+5'];
    expect(zones.filter((z) => !isKnownTimeZone(z))).toEqual([]);
    expect(zones.every(intlKnows)).toBe(true);
  });

  it('refuses what is not a zone name: junk, the empty name and bare offsets', () => {
    for (const zone of ['Mars/Olympus', 'Factory', 'UTC+1', '', '+05:00', '-00:00', 'Z']) {
      expect([zone, isKnownTimeZone(zone)]).toEqual([zone, false]);
    }
  });
});
