import type { Plan } from '../../../shared/plan/schema';
import { investorOwners, investorWeekFindings } from '../../../shared/rotation/investor-staffing';
import { sample } from './plan-fixtures';

const table = (plan: Plan, window?: { from: string; to: string }) =>
  investorWeekFindings(plan, window).map((f) => [f.week.start, f.requirement, f.memberId, f.start, f.end]);

describe('investor-week staffing', () => {
  it('knows the owners of investor pipelines (Profit, Aggregated for executives)', () => {
    expect([...investorOwners(sample())]).toEqual([
      ['maya', ['profit', 'agg-exec']],
      ['diego', ['profit']],
      ['sam', ['agg-exec']],
    ]);
  });

  it('finds every week where Priya is primary and every owner’s time off in the sample year', () => {
    expect(table(sample())).toEqual([
      ['2027-01-25', 'investor-owner-primary', 'priya', '2027-01-25T08:00:00Z', '2027-01-25T17:00:00Z'],
      ['2027-01-25', 'owner-time-off', 'sam', '2027-01-26T07:00:00Z', '2027-01-30T07:00:00Z'],
      ['2027-02-22', 'investor-owner-primary', 'priya', '2027-02-22T08:00:00Z', '2027-02-22T17:00:00Z'],
      ['2027-04-24', 'investor-owner-primary', 'priya', '2027-04-26T16:00:00Z', '2027-05-01T07:00:00Z'],
      ['2027-07-25', 'owner-time-off', 'maya', '2027-07-27T07:00:00Z', '2027-08-01T07:00:00Z'],
      ['2027-08-25', 'investor-owner-primary', 'priya', '2027-08-30T16:00:00Z', '2027-09-01T07:00:00Z'],
      ['2027-09-24', 'investor-owner-primary', 'priya', '2027-09-27T16:00:00Z', '2027-10-01T07:00:00Z'],
      ['2027-10-25', 'investor-owner-primary', 'priya', '2027-10-25T16:00:00Z', '2027-11-01T07:00:00Z'],
      ['2027-11-24', 'investor-owner-primary', 'priya', '2027-11-24T08:00:00Z', '2027-11-29T17:00:00Z'],
      ['2027-12-25', 'investor-owner-primary', 'priya', '2027-12-25T08:00:00Z', '2027-12-27T17:00:00Z'],
      ['2027-12-25', 'owner-time-off', 'diego', '2027-12-25T08:00:00Z', '2028-01-01T08:00:00Z'],
    ]);
  });

  it('says what is wrong in words', () => {
    const messages = investorWeekFindings(sample(), { from: '2027-01-01', to: '2027-01-31' }).map(
      (f) => f.message,
    );
    expect(messages).toEqual([
      'Investor week 2027-01-25 – 2027-01-31: Priya Raman is Primary 2027-01-25 00:00 – 2027-01-25 09:00 but owns no investor pipeline',
      'Investor week 2027-01-25 – 2027-01-31: Sam Okafor (owner of Aggregated (Executives & investors)) has time off 2027-01-26 – 2027-01-29',
    ]);
  });

  it('reports an unstaffed layer and someone on call during their own time off', () => {
    const base = sample();
    const plan: Plan = {
      ...base,
      shifts: base.shifts
        .filter((s) => s.id !== 'secondary-2027-02-22')
        .map((s) =>
          s.id === 'primary-2027-03-22' ? { ...s, memberId: 'priya', source: 'override' as const } : s,
        ),
      members: base.members.map((m) =>
        m.id === 'priya'
          ? {
              ...m,
              timeOff: [
                ...m.timeOff,
                { id: 'x', start: '2027-03-29', end: '2027-03-29', kind: 'sick' as const, note: '' },
              ],
            }
          : m,
      ),
    };
    const found = investorWeekFindings(plan, { from: '2027-02-01', to: '2027-03-31' }).filter(
      (f) => f.requirement === 'both-layers',
    );
    expect(found.map((f) => [f.layerId, f.memberId, f.start, f.end, f.message])).toEqual([
      [
        'secondary',
        undefined,
        '2027-02-22T17:00:00Z',
        '2027-03-01T08:00:00Z',
        'Investor week 2027-02-22 – 2027-02-28: nobody is on call in Secondary 2027-02-22 09:00 – 2027-03-01 00:00',
      ],
      [
        'primary',
        'priya',
        '2027-03-29T07:00:00Z',
        '2027-03-29T16:00:00Z',
        "Investor week 2027-03-25 – 2027-03-31: Priya Raman's Primary shift 2027-03-22 09:00 – 2027-03-29 09:00 falls in Priya Raman's time off (2027-03-29 – 2027-03-29)",
      ],
    ]);
  });

  it('checks only the parts the plan asks for', () => {
    const base = sample();
    const plan: Plan = {
      ...base,
      coverage: {
        ...base.coverage,
        investorWeek: {
          ...base.coverage.investorWeek,
          requireInvestorOwnerAsPrimary: false,
          forbidTimeOffForInvestorOwners: false,
        },
      },
    };
    expect(investorWeekFindings(plan)).toEqual([]);
  });
});
