import { bothAway } from '../../../shared/ownership/owners-away';
import { ownershipLoads } from '../../../shared/ownership/ownership-load';
import { findingsForCell, validateOwnership } from '../../../shared/ownership/validate-ownership';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Criticality, Member, Plan, TimeOff } from '../../../shared/plan/schema';

const sample = createSamplePlan('2026-11-27T00:00:00.000Z');

type Spec = {
  pipelines: [id: string, name: string, criticality: Criticality][];
  members: [id: string, name: string, skills: string[], timeOff?: [start: string, end: string][]][];
  ownership: [pipelineId: string, primary: string | null, secondary: string | null, stakeholder?: string][];
  limit?: number;
};

/** A plan with just what the ownership checks read, written as a table. */
function planOf(spec: Spec): Plan {
  const pipelines = spec.pipelines.map(([id, name, criticality]) => ({
    ...sample.pipelines[0]!,
    id,
    name,
    criticality,
    reportsToInvestors: false,
  }));
  const members: Member[] = spec.members.map(([id, name, skills, away = []]) => ({
    ...sample.members[0]!,
    id,
    name,
    skills,
    timeOff: away.map(([start, end], i): TimeOff => ({
      id: `${id}-${i}`,
      start,
      end,
      kind: 'vacation',
      note: '',
    })),
  }));
  const ownership = spec.ownership.map(
    ([pipelineId, primaryMemberId, secondaryMemberId, stakeholder = 'Finance']) => ({
      pipelineId,
      primaryMemberId,
      secondaryMemberId,
      stakeholder,
    }),
  );
  return {
    ...sample,
    pipelines,
    members,
    ownership,
    coverage: {
      ...sample.coverage,
      limits: { ...sample.coverage.limits, maxOwnershipLoad: spec.limit ?? 8 },
    },
  };
}

const summaryLine = (f: { kind: string; severity: string; pipelineId: string; column: string }) =>
  `${f.pipelineId}/${f.column} ${f.severity} ${f.kind}`;

describe('ownership load (primary: critical 3, high 2, medium 1, low 0.5; secondary half)', () => {
  const plan = planOf({
    pipelines: [
      ['a', 'A', 'critical'],
      ['b', 'B', 'high'],
      ['c', 'C', 'medium'],
      ['d', 'D', 'low'],
    ],
    members: [
      ['ana', 'Ana', ['a', 'b', 'c', 'd']],
      ['ben', 'Ben', ['a', 'b', 'c', 'd']],
      ['cy', 'Cy', ['a', 'b', 'c', 'd']],
    ],
    ownership: [
      ['a', 'ana', 'ben'],
      ['b', 'ana', 'cy'],
      ['c', 'ben', 'ana'],
      ['d', 'ana', 'cy'],
    ],
    limit: 5,
  });

  it.each([
    ['ana', 6, true, ['a', 'b', 'd'], ['c']],
    ['ben', 2.5, false, ['c'], ['a']],
    ['cy', 1.25, false, [], ['b', 'd']],
  ] as const)('%s carries %d points (over: %s)', (memberId, load, over, primary, secondary) => {
    expect(ownershipLoads(plan).find((l) => l.memberId === memberId)).toMatchObject({
      load,
      over,
      limit: 5,
      primary,
      secondary,
    });
  });

  it('flags the overloaded member in every cell they hold', () => {
    const report = validateOwnership(plan);
    const overload = report.findings.filter((f) => f.kind === 'ownership-overload');
    expect(overload.map(summaryLine)).toEqual([
      'a/primary warning ownership-overload',
      'b/primary warning ownership-overload',
      'd/primary warning ownership-overload',
      'c/secondary warning ownership-overload',
    ]);
    expect(overload[0]!.message).toBe(
      'Ana carries 6 ownership points, above the limit of 5: A (primary), B (primary), D (primary), C (secondary)',
    );
    expect(overload.every((f) => f.memberId === 'ana')).toBe(true);
  });

  it('reaching the limit exactly is not an overload', () => {
    const atLimit = {
      ...plan,
      coverage: { ...plan.coverage, limits: { ...plan.coverage.limits, maxOwnershipLoad: 6 } },
    };
    expect(validateOwnership(atLimit).findings.filter((f) => f.kind === 'ownership-overload')).toEqual([]);
  });
});

describe('missing and duplicate owners', () => {
  const plan = planOf({
    pipelines: [
      ['a', 'A', 'critical'],
      ['b', 'B', 'high'],
      ['c', 'C', 'medium'],
      ['d', 'D', 'low'],
    ],
    members: [
      ['ana', 'Ana', ['a', 'b', 'c', 'd']],
      ['ben', 'Ben', ['a', 'b', 'c', 'd']],
    ],
    ownership: [
      ['a', 'ana', 'ben'],
      ['b', 'ben', null],
      ['c', 'ana', 'ana', ''],
    ],
  });
  const report = validateOwnership(plan);

  it.each([
    ['a', []],
    ['b', ['b/secondary warning ownership-missing']],
    ['c', ['c/stakeholder info ownership-missing', 'c/secondary warning ownership-duplicate']],
    [
      'd',
      [
        'd/primary error ownership-missing',
        'd/secondary warning ownership-missing',
        'd/stakeholder info ownership-missing',
      ],
    ],
  ] as const)('pipeline %s: %j', (pipelineId, expected) => {
    expect(report.findings.filter((f) => f.pipelineId === pipelineId).map(summaryLine)).toEqual(expected);
  });

  it('says what is wrong in each cell', () => {
    expect(findingsForCell(report, 'd', 'primary').map((f) => f.message)).toEqual(['D has no primary owner']);
    expect(findingsForCell(report, 'c', 'secondary').map((f) => f.message)).toEqual([
      'Ana is both primary and secondary owner of C: nobody backs them up',
    ]);
    expect(findingsForCell(report, 'a', 'primary')).toEqual([]);
  });

  it('summarises counts and the pipelines without a primary owner', () => {
    expect(report.summary.counts).toEqual({ error: 1, warning: 3, info: 2 });
    expect(report.summary.byKind).toEqual({
      'ownership-missing': 5,
      'ownership-duplicate': 1,
      'ownership-overload': 0,
      'owners-unavailable': 0,
      'bus-factor': 0,
    });
    expect(report.summary.withoutPrimary).toEqual(['d']);
    expect(report.summary.message).toBe('1 error, 3 warnings and 2 notes in the ownership matrix.');
  });
});

describe('owners away at the same time', () => {
  const member = (timeOff: [string, string][]): Member => ({
    ...sample.members[0]!,
    timeOff: timeOff.map(([start, end], i) => ({ id: `t${i}`, start, end, kind: 'vacation', note: '' })),
  });

  it.each([
    [
      [['2027-03-01', '2027-03-10']],
      [['2027-03-05', '2027-03-15']],
      [{ start: '2027-03-05', end: '2027-03-10' }],
    ],
    [[['2027-03-01', '2027-03-04']], [['2027-03-05', '2027-03-15']], []],
    [
      [['2027-03-01', '2027-03-10']],
      [['2027-03-10', '2027-03-12']],
      [{ start: '2027-03-10', end: '2027-03-10' }],
    ],
    [
      [
        ['2027-03-01', '2027-03-03'],
        ['2027-03-04', '2027-03-06'],
      ],
      [['2027-03-02', '2027-03-05']],
      [{ start: '2027-03-02', end: '2027-03-05' }],
    ],
    [
      [
        ['2027-03-01', '2027-03-02'],
        ['2027-08-01', '2027-08-09'],
      ],
      [
        ['2027-08-05', '2027-08-20'],
        ['2027-01-01', '2027-03-01'],
      ],
      [
        { start: '2027-03-01', end: '2027-03-01' },
        { start: '2027-08-05', end: '2027-08-09' },
      ],
    ],
  ] as [string, string][][][])('%j and %j are both away %j', (a, b, expected) => {
    expect(bothAway(member(a as [string, string][]), member(b as [string, string][]))).toEqual(expected);
  });

  it('reports the dates in the pipeline cell: an error for a critical pipeline, a warning otherwise', () => {
    const plan = planOf({
      pipelines: [
        ['a', 'A', 'critical'],
        ['c', 'C', 'medium'],
      ],
      members: [
        ['ana', 'Ana', ['a', 'c'], [['2027-07-27', '2027-08-06']]],
        ['ben', 'Ben', ['a', 'c'], [['2027-08-02', '2027-08-13']]],
      ],
      ownership: [
        ['a', 'ana', 'ben'],
        ['c', 'ben', 'ana'],
      ],
    });
    expect(validateOwnership(plan).findings).toEqual([
      {
        kind: 'owners-unavailable',
        severity: 'error',
        pipelineId: 'a',
        column: 'pipeline',
        start: '2027-08-02',
        end: '2027-08-06',
        message: 'Both owners of A (Ana and Ben) are away from 2027-08-02 to 2027-08-06',
      },
      {
        kind: 'owners-unavailable',
        severity: 'warning',
        pipelineId: 'c',
        column: 'pipeline',
        start: '2027-08-02',
        end: '2027-08-06',
        message: 'Both owners of C (Ben and Ana) are away from 2027-08-02 to 2027-08-06',
      },
    ]);
  });
});

describe('bus factor (skills + owners)', () => {
  const plan = planOf({
    pipelines: [
      ['a', 'A', 'critical'],
      ['b', 'B', 'high'],
      ['c', 'C', 'medium'],
    ],
    members: [
      ['ana', 'Ana', ['a']],
      ['ben', 'Ben', ['a']],
    ],
    ownership: [
      ['a', 'ana', 'ben'],
      ['b', 'ana', null],
      ['c', null, null],
    ],
  });
  const bus = validateOwnership(plan).findings.filter((f) => f.kind === 'bus-factor');

  it.each([
    ['a', []],
    ['b', [['warning', 'Only Ana knows B: teach a second person (bus factor 1)']]],
    ['c', [['error', 'Nobody on the team knows C (no skills, no owners)']]],
  ] as const)('pipeline %s: %j', (pipelineId, expected) => {
    expect(bus.filter((f) => f.pipelineId === pipelineId).map((f) => [f.severity, f.message])).toEqual(
      expected,
    );
  });

  it('counts an owner as someone who knows the pipeline even without the skill', () => {
    const withSecond = {
      ...plan,
      ownership: plan.ownership.map((o) => (o.pipelineId === 'b' ? { ...o, secondaryMemberId: 'ben' } : o)),
    };
    expect(
      validateOwnership(withSecond).findings.filter((f) => f.kind === 'bus-factor' && f.pipelineId === 'b'),
    ).toEqual([]);
  });
});

describe('the sample plan', () => {
  it('has a clean ownership matrix and these loads', () => {
    const report = validateOwnership(sample);
    expect(report.findings).toEqual([]);
    expect(report.summary.loads.map((l) => [l.name, l.load])).toEqual([
      ['Maya Chen', 6],
      ['Diego Alvarez', 4],
      ['Priya Raman', 2.5],
      ['Sam Okafor', 2.5],
    ]);
    expect(report.summary.message).toBe(
      'Every pipeline has two distinct owners, a stakeholder and at least two people who know it; nobody is above the ownership limit of 8.',
    );
  });
});
