import { groupFlags } from '../../../shared/fairness/flags/flag-groups';
import type { Flag } from '../../../shared/fairness/flags/flag';

const share = (memberId: string, start: string): Flag => ({
  kind: 'on-call-share',
  severity: 'warning',
  message: `${memberId} is on call 50 % of the window`,
  start,
  memberId,
  fix: 'a rotation of 8 people keeps everyone at or under 25 % (it has 4)',
});

const flags: Flag[] = [
  {
    kind: 'dst-handoff',
    severity: 'info',
    message: 'The week lasts 167 h',
    start: '2027-03-08T17:00:00Z',
    memberId: 'b',
  },
  share('b', '2027-01-04T17:00:00Z'),
  {
    kind: 'holiday-gap',
    severity: 'warning',
    message: 'a is primary on a holiday',
    start: '2027-02-15T08:00:00Z',
    memberId: 'a',
    fix: 'swap with b',
  },
  share('a', '2027-01-04T17:00:00Z'),
  {
    kind: 'holiday-gap',
    severity: 'warning',
    message: 'a is primary on another holiday',
    start: '2027-01-01T08:00:00Z',
    memberId: 'a',
    fix: 'swap with c',
  },
  { kind: 'team-size', severity: 'warning', message: 'Too few people', fix: 'add 4 people' },
  {
    kind: 'unqualified-on-call',
    severity: 'error',
    message: 'c does not know Profit',
    start: '2027-05-03T16:00:00Z',
    memberId: 'c',
    pipelineId: 'profit',
  },
  {
    kind: 'unqualified-on-call',
    severity: 'error',
    message: 'c does not know Ingest',
    start: '2027-05-03T16:00:00Z',
    memberId: 'c',
    pipelineId: 'ingest',
  },
];

describe('groupFlags', () => {
  it('folds each kind, severity and subject into one group, most severe and widest first', () => {
    const groups = groupFlags(flags);
    expect(
      groups.map((g) => [g.key, g.flags.length, g.memberIds, g.teamWide, g.fix ?? null, g.fixCount]),
    ).toEqual([
      // Errors first; the two pipelines are two subjects.
      ['unqualified-on-call|error|ingest', 1, ['c'], false, null, 0],
      ['unqualified-on-call|error|profit', 1, ['c'], false, null, 0],
      // Among warnings: the team-wide finding, then two people with one fix, then one person with two fixes.
      ['team-size|warning|', 1, [], true, 'add 4 people', 1],
      [
        'on-call-share|warning|',
        2,
        ['a', 'b'],
        false,
        'a rotation of 8 people keeps everyone at or under 25 % (it has 4)',
        1,
      ],
      ['holiday-gap|warning|', 2, ['a'], false, null, 2],
      ['dst-handoff|info|', 1, ['b'], false, null, 0],
    ]);
  });

  it('keeps every occurrence, each in report order inside its group', () => {
    const groups = groupFlags(flags);
    expect(groups.flatMap((g) => g.flags)).toHaveLength(flags.length);
    const gap = groups.find((g) => g.kind === 'holiday-gap')!;
    expect(gap.flags.map((f) => f.start)).toEqual(['2027-01-01T08:00:00Z', '2027-02-15T08:00:00Z']);
    expect(groups.find((g) => g.kind === 'on-call-share')!.flags.map((f) => f.memberId)).toEqual(['a', 'b']);
  });

  it('gives no group for no flags', () => {
    expect(groupFlags([])).toEqual([]);
  });
});
