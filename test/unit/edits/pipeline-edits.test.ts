import type { Pipeline } from '../../../shared/plan/schema';
import { listPipelineReferences, moveItem } from '../../../shared/plan/edits/pipeline-edits';
import { applyOk, refusal, samplePlan } from './edit-helpers';

const billing: Pipeline = {
  id: 'billing',
  name: 'Billing <script>alert(1)</script>',
  description: 'Invoices',
  schedule: {
    kind: 'cron',
    expression: '0 4 * * *',
    timeZone: 'America/Los_Angeles',
    expectedDurationMinutes: 30,
  },
  criticality: 'low',
  reportsToInvestors: false,
  dataTypes: ['Invoices'],
  sla: { dataFreshness: 'Daily', issueResolution: '2 days', freshnessHours: 30, resolutionHours: 48 },
  monitoring: [],
  commonIssues: [],
  incidents: { ratePerWeek: 0.2, meanDurationMinutes: 30, investorWeekFactor: 1 },
};

const issueIds = (plan: ReturnType<typeof samplePlan>, id = 'profit') =>
  plan.pipelines.find((p) => p.id === id)!.commonIssues.map((c) => c.id);

describe('moveItem', () => {
  it.each([
    [['a', 'b', 'c'], 1, 'up', ['b', 'a', 'c']],
    [['a', 'b', 'c'], 1, 'down', ['a', 'c', 'b']],
    [['a', 'b', 'c'], 0, 2, ['b', 'c', 'a']],
    [['a', 'b', 'c'], 2, 0, ['c', 'a', 'b']],
  ] as const)('%j: item %i to %j gives %j', (items, from, to, expected) => {
    expect(moveItem(items, from, to, 'item')).toEqual({ ok: true, items: expected });
  });

  it.each([
    [0, 'up', 'item is already first'],
    [2, 'down', 'item is already last'],
    [0, 3, 'cannot move item to position 3: the list has 3'],
  ] as const)('refuses item %i to %j: %s', (from, to, reason) => {
    expect(moveItem(['a', 'b', 'c'], from, to, 'item')).toEqual({ ok: false, reason });
  });
});

describe('pipeline edits', () => {
  it('pipeline:add appends the pipeline and an ownership row with nobody in it', () => {
    const plan = applyOk(samplePlan(), { kind: 'pipeline:add', pipeline: billing });
    expect(plan.pipelines.map((p) => p.id)).toEqual([
      'profit',
      'growth',
      'engagement',
      'agg-exec',
      'agg-exp',
      'billing',
    ]);
    expect(plan.ownership.at(-1)).toEqual({
      pipelineId: 'billing',
      primaryMemberId: null,
      secondaryMemberId: null,
      stakeholder: '',
    });
  });

  it('pipeline:add refuses a duplicate id', () => {
    expect(refusal(samplePlan(), { kind: 'pipeline:add', pipeline: { ...billing, id: 'profit' } })).toBe(
      'a pipeline with id "profit" already exists',
    );
  });

  it('pipeline:update merges schedule and SLA field by field and keeps the id', () => {
    const plan = applyOk(samplePlan(), {
      kind: 'pipeline:update',
      pipelineId: 'profit',
      fields: { criticality: 'high', schedule: { expression: '15 1 * * *' }, sla: { resolutionHours: 2 } },
    });
    const profit = plan.pipelines[0]!;
    expect(profit.id).toBe('profit');
    expect(profit.criticality).toBe('high');
    expect(profit.schedule).toEqual({
      kind: 'cron',
      expression: '15 1 * * *',
      timeZone: 'America/Los_Angeles',
      expectedDurationMinutes: 75,
    });
    expect(profit.sla.resolutionHours).toBe(2);
    expect(profit.sla.freshnessHours).toBe(28);
    expect(profit.commonIssues).toHaveLength(3);
  });

  it('pipeline:update goes through schema validation (a bad zone is refused with its path)', () => {
    expect(
      refusal(samplePlan(), {
        kind: 'pipeline:update',
        pipelineId: 'growth',
        fields: { schedule: { timeZone: 'Mars/Olympus' } },
      }),
    ).toBe('pipelines[1].schedule.timeZone: unknown IANA time zone');
  });

  it('pipeline:update of an unknown pipeline is refused', () => {
    expect(refusal(samplePlan(), { kind: 'pipeline:update', pipelineId: 'nope', fields: {} })).toBe(
      'no pipeline has id "nope"',
    );
  });

  describe('common issues', () => {
    const issue = {
      id: 'profit-dup',
      name: 'Duplicate invoices',
      symptom: 'Totals double',
      action: 'Dedupe',
      escalation: 'Billing',
    };

    it('adds at the end and at an index', () => {
      const end = applyOk(samplePlan(), { kind: 'pipeline:addIssue', pipelineId: 'profit', issue });
      expect(issueIds(end)).toEqual(['profit-billing-api', 'profit-fx', 'profit-late-costs', 'profit-dup']);
      const first = applyOk(samplePlan(), {
        kind: 'pipeline:addIssue',
        pipelineId: 'profit',
        issue,
        index: 0,
      });
      expect(issueIds(first)).toEqual(['profit-dup', 'profit-billing-api', 'profit-fx', 'profit-late-costs']);
    });

    it('refuses a duplicate issue id and an empty name (with its JSON path)', () => {
      expect(
        refusal(samplePlan(), {
          kind: 'pipeline:addIssue',
          pipelineId: 'profit',
          issue: { ...issue, id: 'profit-fx' },
        }),
      ).toBe('Profit already has a common issue with id "profit-fx"');
      expect(
        refusal(samplePlan(), {
          kind: 'pipeline:addIssue',
          pipelineId: 'profit',
          issue: { ...issue, name: ' ' },
        }),
      ).toBe('pipelines[0].commonIssues[3].name: a name cannot be empty');
    });

    it('updates one field of an issue', () => {
      const plan = applyOk(samplePlan(), {
        kind: 'pipeline:updateIssue',
        pipelineId: 'profit',
        issueId: 'profit-fx',
        fields: { action: 'Load rates from the ECB feed' },
      });
      const fx = plan.pipelines[0]!.commonIssues[1]!;
      expect(fx).toEqual({
        id: 'profit-fx',
        name: 'Missing FX rates',
        symptom: 'Revenue in non-USD currencies converts to null; reconciliation off by more than 0.5 %',
        action: 'Load rates from the ECB feed',
        escalation: 'Primary owner; Finance Systems (Elena Park) when rates are missing upstream',
      });
    });

    it('removes an issue, and refuses an unknown one', () => {
      const plan = applyOk(samplePlan(), {
        kind: 'pipeline:removeIssue',
        pipelineId: 'profit',
        issueId: 'profit-fx',
      });
      expect(issueIds(plan)).toEqual(['profit-billing-api', 'profit-late-costs']);
      expect(
        refusal(plan, { kind: 'pipeline:removeIssue', pipelineId: 'profit', issueId: 'profit-fx' }),
      ).toBe('Profit has no common issue with id "profit-fx"');
    });

    it.each([
      ['profit-fx', 'up', ['profit-fx', 'profit-billing-api', 'profit-late-costs']],
      ['profit-fx', 'down', ['profit-billing-api', 'profit-late-costs', 'profit-fx']],
      ['profit-late-costs', 0, ['profit-late-costs', 'profit-billing-api', 'profit-fx']],
    ] as const)('moves %s %j', (issueId, to, expected) => {
      const plan = applyOk(samplePlan(), { kind: 'pipeline:moveIssue', pipelineId: 'profit', issueId, to });
      expect(issueIds(plan)).toEqual(expected);
    });

    it('refuses to move the first issue up', () => {
      expect(
        refusal(samplePlan(), {
          kind: 'pipeline:moveIssue',
          pipelineId: 'profit',
          issueId: 'profit-billing-api',
          to: 'up',
        }),
      ).toBe('the issue "Billing API export fails" is already first');
    });
  });

  describe('data types and monitoring lists', () => {
    it('sets a list, dropping blank lines', () => {
      const plan = applyOk(samplePlan(), {
        kind: 'pipeline:setList',
        pipelineId: 'engagement',
        list: 'dataTypes',
        values: ['Events', '  ', ' Sessions '],
      });
      expect(plan.pipelines[2]!.dataTypes).toEqual(['Events', 'Sessions']);
    });

    it('adds, updates, moves and removes monitoring lines', () => {
      let plan = applyOk(samplePlan(), {
        kind: 'pipeline:addListItem',
        pipelineId: 'engagement',
        list: 'monitoring',
        value: 'Broker disk usage',
        index: 0,
      });
      expect(plan.pipelines[2]!.monitoring[0]).toBe('Broker disk usage');
      plan = applyOk(plan, {
        kind: 'pipeline:updateListItem',
        pipelineId: 'engagement',
        list: 'monitoring',
        index: 0,
        value: 'Broker disk usage above 80 %',
      });
      plan = applyOk(plan, {
        kind: 'pipeline:moveListItem',
        pipelineId: 'engagement',
        list: 'monitoring',
        index: 0,
        to: 'down',
      });
      expect(plan.pipelines[2]!.monitoring.slice(0, 2)).toEqual([
        'Kafka consumer lag per partition (alert above 15 minutes of lag)',
        'Broker disk usage above 80 %',
      ]);
      plan = applyOk(plan, {
        kind: 'pipeline:removeListItem',
        pipelineId: 'engagement',
        list: 'monitoring',
        index: 1,
      });
      expect(plan.pipelines[2]!.monitoring).toEqual([
        'Kafka consumer lag per partition (alert above 15 minutes of lag)',
        'Hourly event volume against the same hour last week (alert below 50 %)',
        'Dead-letter queue size',
      ]);
    });

    it.each([
      [
        { kind: 'pipeline:addListItem', pipelineId: 'growth', list: 'dataTypes', value: ' ' },
        'a data type of Growth cannot be empty',
      ],
      [
        { kind: 'pipeline:updateListItem', pipelineId: 'growth', list: 'monitoring', index: 9, value: 'x' },
        'Growth has no monitoring line at position 10',
      ],
      [
        { kind: 'pipeline:removeListItem', pipelineId: 'growth', list: 'dataTypes', index: -1 },
        'Growth has no data type at position 0',
      ],
    ] as const)('refuses %j', (edit, reason) => {
      expect(refusal(samplePlan(), edit)).toBe(reason);
    });
  });

  describe('removal', () => {
    it('lists owners, skills and mentions of a pipeline', () => {
      const refs = listPipelineReferences(samplePlan(), 'growth');
      expect(refs.map((r) => `${r.kind} ${r.path}: ${r.label}`)).toEqual([
        'ownership ownership[1].primaryMemberId: Diego Alvarez is its primary owner',
        'ownership ownership[1].secondaryMemberId: Priya Raman is its secondary owner',
        'skill members[0].skills[1]: Maya Chen knows it',
        'skill members[1].skills[1]: Diego Alvarez knows it',
        'skill members[2].skills[0]: Priya Raman knows it',
        'mention pipelines[3].commonIssues[0]: the Aggregated (Executives & investors) runbook\'s issue "Upstream pipeline late" mentions it',
      ]);
    });

    it('refuses by default and says what refers to it', () => {
      expect(refusal(samplePlan(), { kind: 'pipeline:remove', pipelineId: 'agg-exp' })).toBe(
        'Aggregated (Experiments) cannot be removed while Priya Raman is its primary owner, Diego Alvarez is its secondary owner, Maya Chen knows it, Priya Raman knows it, Sam Okafor knows it. Remove it with "clear" to drop its ownership row and skills, or reassign them first.',
      );
    });

    it("'clear' removes the pipeline, its ownership row and every skill reference", () => {
      const plan = applyOk(samplePlan(), {
        kind: 'pipeline:remove',
        pipelineId: 'agg-exp',
        strategy: 'clear',
      });
      expect(plan.pipelines.map((p) => p.id)).toEqual(['profit', 'growth', 'engagement', 'agg-exec']);
      expect(plan.ownership.map((o) => o.pipelineId)).toEqual(['profit', 'growth', 'engagement', 'agg-exec']);
      expect(plan.members.map((m) => m.skills)).toEqual([
        ['profit', 'growth', 'agg-exec'],
        ['profit', 'growth', 'engagement', 'agg-exec'],
        ['growth', 'engagement'],
        ['engagement', 'agg-exec', 'profit'],
      ]);
    });

    it('removes a fresh pipeline with nobody referring to it without a strategy', () => {
      const added = applyOk(samplePlan(), { kind: 'pipeline:add', pipeline: billing });
      const plan = applyOk(added, { kind: 'pipeline:remove', pipelineId: 'billing' });
      expect(plan.pipelines).toHaveLength(5);
      expect(plan.ownership).toHaveLength(5);
    });
  });
});
