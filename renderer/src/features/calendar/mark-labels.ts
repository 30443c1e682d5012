/** Short names of long holiday names, as people say them; anything else is shortened by `shortHolidayName`. */
const KNOWN: Record<string, string> = {
  'Martin Luther King Jr. Day': 'MLK Day',
  "Washington's Birthday": "Presidents' Day",
  'Independence Day': 'July 4th',
  'Thanksgiving Day': 'Thanksgiving',
  'Day after Thanksgiving Day': 'Thanksgiving +1',
  "New Year's Day": "New Year's",
  "New Year's Eve": "New Year's Eve",
  'Christmas Day': 'Christmas',
  'Administrative Professionals Day': 'Admin Day',
  'National Day for Truth and Reconciliation': 'Truth & Reconc.',
  'Saint-Jean-Baptiste Day': 'St-Jean',
};

const MAX = 14;

/**
 * A holiday's name short enough for a month cell: a known short form ("MLK Day"), "(substitute day)" as "(obs.)",
 * else the name cut at a word before 14 characters. The full name stays in the label's title and the side panel.
 * Why: FullCalendar's cells cut long names mid-word ("Martin Lut…"), which names nothing.
 */
export function shortHolidayName(name: string): string {
  const substitute = / \(substitute day\)$/.exec(name);
  const base = substitute ? name.slice(0, substitute.index) : name;
  let short = KNOWN[base] ?? base;
  if (short.length > MAX) {
    const words = short.split(' ');
    short = words[0]!;
    for (const word of words.slice(1)) {
      if (`${short} ${word}`.length > MAX) break;
      short = `${short} ${word}`;
    }
  }
  return substitute ? `${short} (obs.)` : short;
}
