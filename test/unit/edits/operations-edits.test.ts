import type { Plan } from '../../../shared/plan/schema';
import { applyOk, refusal, samplePlan } from './edit-helpers';

const levels = (plan: Plan) => plan.escalation.map((l) => `${l.level} ${l.who}`);

describe('operations edits: escalation matrix', () => {
  it('adds a level at the end and numbers it', () => {
    const plan = applyOk(samplePlan(), {
      kind: 'operations:addEscalation',
      level: { who: 'CEO', when: 'Company-wide outage', responseTime: '1 hour' },
    });
    expect(levels(plan).at(-1)).toBe('5 CEO');
    expect(plan.escalation[4]).toEqual({
      level: 5,
      who: 'CEO',
      when: 'Company-wide outage',
      responseTime: '1 hour',
    });
  });

  it('inserts a level and renumbers 1..n', () => {
    const plan = applyOk(samplePlan(), {
      kind: 'operations:addEscalation',
      level: { who: 'Team lead', when: '', responseTime: '20 minutes' },
      index: 1,
    });
    expect(levels(plan)).toEqual([
      '1 Primary on-call engineer',
      '2 Team lead',
      '3 Secondary on-call engineer and the pipeline’s primary owner',
      '4 Head of Data (Laura Bennett) and the business stakeholder',
      '5 CFO (Robert Kim) for investor pipelines; CTO for platform-wide outages',
    ]);
  });

  it('removes a level and closes the gap', () => {
    const plan = applyOk(samplePlan(), { kind: 'operations:removeEscalation', level: 2 });
    expect(levels(plan)).toEqual([
      '1 Primary on-call engineer',
      '2 Head of Data (Laura Bennett) and the business stakeholder',
      '3 CFO (Robert Kim) for investor pipelines; CTO for platform-wide outages',
    ]);
  });

  it.each([
    [
      4,
      'up',
      [
        '1 Primary on-call engineer',
        '2 Secondary on-call engineer and the pipeline’s primary owner',
        '3 CFO (Robert Kim) for investor pipelines; CTO for platform-wide outages',
        '4 Head of Data (Laura Bennett) and the business stakeholder',
      ],
    ],
    [
      1,
      2,
      [
        '1 Secondary on-call engineer and the pipeline’s primary owner',
        '2 Head of Data (Laura Bennett) and the business stakeholder',
        '3 Primary on-call engineer',
        '4 CFO (Robert Kim) for investor pipelines; CTO for platform-wide outages',
      ],
    ],
  ] as const)('moves level %i %j', (level, to, expected) => {
    expect(levels(applyOk(samplePlan(), { kind: 'operations:moveEscalation', level, to }))).toEqual(expected);
  });

  it('updates a level in place', () => {
    const plan = applyOk(samplePlan(), {
      kind: 'operations:updateEscalation',
      level: 3,
      fields: { responseTime: '30 minutes' },
    });
    expect(plan.escalation[2]).toEqual({
      level: 3,
      who: 'Head of Data (Laura Bennett) and the business stakeholder',
      when: 'SLA breached, data already published wrong, or the investor report date at risk',
      responseTime: '30 minutes',
    });
  });

  it.each([
    [{ kind: 'operations:removeEscalation', level: 7 }, 'the escalation matrix has no level 7'],
    [{ kind: 'operations:moveEscalation', level: 4, to: 'down' }, 'level 4 is already last'],
    [
      { kind: 'operations:updateEscalation', level: 1, fields: { who: '  ' } },
      'an escalation level needs who to contact',
    ],
    [
      { kind: 'operations:addEscalation', level: { who: 'X', when: '', responseTime: '' }, index: 9 },
      'cannot insert an escalation level at position 10',
    ],
  ] as const)('refuses %j', (edit, reason) => {
    expect(refusal(samplePlan(), edit)).toBe(reason);
  });

  it('refuses an eleventh level', () => {
    let plan = samplePlan();
    for (let i = 5; i <= 10; i++) {
      plan = applyOk(plan, {
        kind: 'operations:addEscalation',
        level: { who: `L${i}`, when: '', responseTime: '' },
      });
    }
    expect(plan.escalation.map((l) => l.level)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(
      refusal(plan, { kind: 'operations:addEscalation', level: { who: 'L11', when: '', responseTime: '' } }),
    ).toBe('the escalation matrix already has 10 levels, the most it can hold');
  });
});

describe('operations edits: communication and success metrics', () => {
  it('sets one communication protocol and keeps the others', () => {
    const before = samplePlan();
    const plan = applyOk(before, {
      kind: 'operations:setCommunication',
      fields: { weekly: 'Tuesday stand-up' },
    });
    expect(plan.communication).toEqual({ ...before.communication, weekly: 'Tuesday stand-up' });
  });

  const metric = {
    id: 'kpi-cost',
    category: 'team-efficiency',
    kpi: 'Cost per page',
    target: '< $50',
    measurement: 'Finance',
  } as const;

  it('adds, updates, moves and removes a success metric', () => {
    let plan = applyOk(samplePlan(), { kind: 'operations:addMetric', metric });
    expect(plan.successMetrics.at(-1)).toEqual(metric);
    plan = applyOk(plan, {
      kind: 'operations:updateMetric',
      metricId: 'kpi-cost',
      fields: { target: '< $40', category: 'data-quality' },
    });
    expect(plan.successMetrics.at(-1)).toEqual({ ...metric, target: '< $40', category: 'data-quality' });
    plan = applyOk(plan, { kind: 'operations:moveMetric', metricId: 'kpi-cost', to: 0 });
    expect(plan.successMetrics[0]!.id).toBe('kpi-cost');
    plan = applyOk(plan, { kind: 'operations:removeMetric', metricId: 'kpi-sla' });
    expect(plan.successMetrics.map((m) => m.id)).toEqual([
      'kpi-cost',
      'kpi-mttr',
      'kpi-investor',
      'kpi-recon',
      'kpi-tests',
      'kpi-restate',
      'kpi-pages',
      'kpi-balance',
      'kpi-toil',
    ]);
  });

  it.each([
    [
      { kind: 'operations:addMetric', metric: { ...metric, id: 'kpi-sla' } },
      'a success metric with id "kpi-sla" already exists',
    ],
    [{ kind: 'operations:addMetric', metric: { ...metric, kpi: '' } }, 'a success metric needs a KPI'],
    [{ kind: 'operations:updateMetric', metricId: 'nope', fields: {} }, 'no success metric has id "nope"'],
    [{ kind: 'operations:removeMetric', metricId: 'nope' }, 'no success metric has id "nope"'],
    [
      { kind: 'operations:moveMetric', metricId: 'kpi-sla', to: 'up' },
      'the metric "SLA attainment for data freshness" is already first',
    ],
  ] as const)('refuses %j', (edit, reason) => {
    expect(refusal(samplePlan(), edit)).toBe(reason);
  });
});
