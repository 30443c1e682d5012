import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../electron/cli/main';
import type { Plan } from '../../../shared/plan/schema';
import { changed, member } from './test-plans';

// Santiago springs forward at local midnight: 2027-09-05 00:00 -04:00 became 01:00 -03:00, and clocks stay on
// -03:00 until 2027-04-04 of the next season. Every later day of the season still starts at 00:00 local.
const SANTIAGO = 'America/Santiago';

/**
 * Two members in Santiago; `a` holds one hour, Monday 2027-10-25 00:00–01:00 local (-03:00), inside the
 * investor week (the last full Monday-to-Sunday week of October: 2027-10-25 … 2027-10-31). Weights: weekday 1,
 * weekend 1.5, night bonus 0.5, investor bonus 1, so a Sunday hour and a Monday hour weigh differently.
 */
function santiagoPlan(): Plan {
  return changed((p) => {
    const chile = { timeZone: SANTIAGO, holidayRegion: { country: 'CL' } };
    p.members = [member('a', chile), member('b', chile)];
    p.ownership = [];
    p.rotation.timeZone = SANTIAGO;
    p.rotation.layers = [{ id: 'primary', name: 'Primary', memberOrder: ['a', 'b'] }];
    p.rotation.startDate = '2027-10-18';
    p.rotation.endDate = '2027-11-01';
    p.coverage.holidays.planRegion = { country: 'CL' };
    p.coverage.investorWeek.rule = { kind: 'last-full-week', weekStartsOn: 1 };
    p.coverage.weights.investorWeekBonus = 1;
    p.shifts = [
      {
        id: 'monday-midnight',
        layerId: 'primary',
        memberId: 'a',
        start: '2027-10-25T03:00:00Z',
        end: '2027-10-25T04:00:00Z',
        source: 'manual',
        pinned: false,
      },
    ];
  });
}

describe('a zone whose clocks change at local midnight', () => {
  it('counts a Monday 00:00–01:00 shift in Santiago as Monday: night and investor week, not weekend', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rotaplan-santiago-'));
    const file = join(dir, 'santiago.rotaplan.json');
    await writeFile(file, JSON.stringify(santiagoPlan()));
    let stdout = '';
    let stderr = '';
    const code = await runCli(['analyze', file, '--json'], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      now: () => new Date('2027-10-01T00:00:00Z'),
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const a = JSON.parse(stdout).members.find((m: { id: string }) => m.id === 'a');
    // Weekday hour 1 × 1 + night bonus 1 × 0.5 + investor bonus 1 × 1 = 2.5. Counted as Sunday (an hour late
    // day table) it was weekend 1, investor 0 and weighted 1 × 1.5 + 0.5 = 2.
    expect(a).toMatchObject({
      onCallHours: 1,
      weekendHours: 0,
      holidayHours: 0,
      nightHours: 1,
      investorWeekHours: 1,
      weightedLoad: 2.5,
      shiftCount: 1,
    });
  });
});
