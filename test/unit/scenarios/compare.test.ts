import type { Analysis } from '../../../shared/fairness/analyze';
import type { MemberLoad } from '../../../shared/fairness/ledger';
import type { Flag, FlagKind } from '../../../shared/fairness/flags/flag';
import { compareAnalyses } from '../../../shared/scenarios/compare';

function load(id: string, weightedLoad: number, fairShare: number, onCallShare: number): MemberLoad {
  return {
    id,
    name: id.toUpperCase(),
    onCallHours: 0,
    weekendHours: 0,
    holidayHours: 0,
    nightHours: 0,
    investorWeekHours: 0,
    weightedLoad,
    fairShare,
    shiftCount: 0,
    shadowHours: 0,
    availability: 1,
    onCallShare,
    primaryShare: onCallShare,
    fairShareRange: { low: fairShare, high: fairShare },
    layers: [],
  };
}

const flag = (kind: FlagKind, severity: Flag['severity'] = 'warning'): Flag => ({
  kind,
  severity,
  message: kind,
});

function analysis(members: MemberLoad[], fairness: Analysis['fairness'], flags: Flag[]): Analysis {
  return {
    from: '2027-01-04',
    to: '2027-12-31',
    windowStart: '2027-01-04T17:00:00Z',
    windowEnd: '2028-01-01T08:00:00Z',
    members,
    fairness,
    flags,
  };
}

const live = analysis(
  [load('a', 300, 250, 0.5), load('b', 200, 250, 0.25)],
  { gini: 0.1, cv: 0.2, balance: 0.6667, maxMinSpread: 100 },
  [flag('uneven-rotation'), flag('uneven-rotation'), flag('team-size'), flag('coverage-gap', 'error')],
);
const scenario = analysis(
  [load('a', 260, 250, 0.3), load('b', 251, 250, 0.3), load('d', 240, 250, 0.2)],
  { gini: 0.02, cv: 0.03, balance: 0.95, maxMinSpread: 20 },
  [flag('team-size'), flag('back-to-back'), flag('back-to-back', 'info')],
);

describe('compareAnalyses', () => {
  const c = compareAnalyses([
    { id: 'live', name: 'Live plan', analysis: live },
    { id: 's1', name: 'D joins', analysis: scenario },
  ]);

  it('names its columns with their windows', () => {
    expect(c.columns).toEqual([
      { id: 'live', name: 'Live plan', from: '2027-01-04', to: '2027-12-31' },
      { id: 's1', name: 'D joins', from: '2027-01-04', to: '2027-12-31' },
    ]);
  });

  it('headline metrics: differences to the live plan, judged by which way is better', () => {
    const table = c.metrics.map((m) => [m.key, m.values, m.deltas[1], m.directions[1]]);
    expect(table).toEqual([
      ['balance', [0.6667, 0.95], 0.2833, 'better'],
      ['gini', [0.1, 0.02], -0.08, 'better'],
      ['cv', [0.2, 0.03], -0.17, 'better'],
      ['maxMinSpread', [100, 20], -80, 'better'],
      ['maxOnCallShare', [0.5, 0.3], -0.2, 'better'],
      ['errors', [1, 0], -1, 'better'],
      ['warnings', [3, 2], -1, 'better'],
      ['flags', [4, 3], -1, 'better'],
    ]);
    expect(c.metrics.every((m) => m.deltas[0] === null && m.directions[0] === null)).toBe(true);
  });

  it('members: every member of either plan; closer to fair share is better, within 1 % is the same', () => {
    expect(c.members.map((m) => [m.id, m.values, m.fairShares, m.deltas[1], m.directions[1]])).toEqual([
      // 50 h over → 10 h over.
      ['a', [300, 260], [250, 250], -40, 'better'],
      // 50 h under → 1 h over.
      ['b', [200, 251], [250, 250], 51, 'better'],
      ['d', [null, 240], [null, 250], null, null],
    ]);
  });

  it('a member moving away from fair share is worse; a 2 h change on a fair share of 250 is the same', () => {
    const worse = compareAnalyses([
      { id: 'live', name: 'Live plan', analysis: live },
      {
        id: 's2',
        name: 'S2',
        analysis: analysis([load('a', 302, 250, 0.5), load('b', 150, 250, 0.25)], live.fairness, []),
      },
    ]);
    expect(worse.members.map((m) => [m.id, m.deltas[1], m.directions[1]])).toEqual([
      ['a', 2, 'same'],
      ['b', -50, 'worse'],
    ]);
  });

  it('flag kinds that either plan raises, in the stable kind order, with counts and directions', () => {
    expect(c.flagKinds.map((k) => [k.kind, k.values, k.deltas[1], k.directions[1]])).toEqual([
      ['coverage-gap', [1, 0], -1, 'better'],
      ['uneven-rotation', [2, 0], -2, 'better'],
      ['back-to-back', [0, 2], 2, 'worse'],
      ['team-size', [1, 1], 0, 'same'],
    ]);
  });

  it('a third column is compared with the first, not with the second', () => {
    const three = compareAnalyses([
      { id: 'live', name: 'Live plan', analysis: live },
      { id: 's1', name: 'D joins', analysis: scenario },
      { id: 'l2', name: 'Same as live', analysis: live },
    ]);
    const gini = three.metrics.find((m) => m.key === 'gini')!;
    expect(gini.deltas).toEqual([null, -0.08, 0]);
    expect(gini.directions).toEqual([null, 'better', 'same']);
  });
});
