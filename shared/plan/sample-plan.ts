import { generateShifts } from '../rotation/schedule-shifts';
import { MEMBER_PALETTE } from './member-colors';
import { CURRENT_SCHEMA_VERSION, type Plan } from './schema';
import { DEFAULT_LIMITS, DEFAULT_WEIGHTS } from './plan-defaults';

const ZONE = 'America/Los_Angeles';

const members: Plan['members'] = [
  {
    id: 'maya',
    name: 'Maya Chen',
    email: 'maya.chen@pacificinfra.example',
    role: 'Staff Data Engineer, finance data',
    seniority: 'staff',
    timeZone: 'America/Los_Angeles',
    holidayRegion: { country: 'US', subdivision: 'CA' },
    color: MEMBER_PALETTE[0],
    skills: ['profit', 'growth', 'agg-exec', 'agg-exp'],
    timeOff: [
      { id: 'to-maya-summer', start: '2027-07-27', end: '2027-08-06', kind: 'vacation', note: 'Family trip' },
    ],
  },
  {
    id: 'diego',
    name: 'Diego Alvarez',
    email: 'diego.alvarez@pacificinfra.example',
    role: 'Senior Data Engineer, growth analytics',
    seniority: 'senior',
    timeZone: 'America/Los_Angeles',
    holidayRegion: { country: 'US', subdivision: 'CA' },
    color: MEMBER_PALETTE[1],
    skills: ['profit', 'growth', 'engagement', 'agg-exec'],
    timeOff: [
      {
        id: 'to-diego-winter',
        start: '2027-12-20',
        end: '2027-12-31',
        kind: 'vacation',
        note: 'Visiting family',
      },
    ],
  },
  {
    id: 'priya',
    name: 'Priya Raman',
    email: 'priya.raman@pacificinfra.example',
    role: 'Data Engineer, experimentation platform',
    seniority: 'mid',
    timeZone: 'America/Vancouver',
    holidayRegion: { country: 'CA', subdivision: 'BC' },
    color: MEMBER_PALETTE[2],
    skills: ['growth', 'engagement', 'agg-exp'],
    timeOff: [
      {
        id: 'to-priya-spring',
        start: '2027-04-19',
        end: '2027-04-23',
        kind: 'vacation',
        note: 'Spring break',
      },
      {
        id: 'to-priya-course',
        start: '2027-10-05',
        end: '2027-10-07',
        kind: 'training',
        note: 'Streaming course',
      },
    ],
  },
  {
    id: 'sam',
    name: 'Sam Okafor',
    email: 'sam.okafor@pacificinfra.example',
    role: 'Senior Data Engineer, platform and streaming',
    seniority: 'senior',
    timeZone: 'America/Denver',
    holidayRegion: { country: 'US', subdivision: 'CO' },
    color: MEMBER_PALETTE[3],
    skills: ['engagement', 'agg-exec', 'agg-exp', 'profit'],
    timeOff: [
      {
        id: 'to-sam-conf',
        start: '2027-01-26',
        end: '2027-01-29',
        kind: 'conference',
        note: 'Data Council talk',
      },
      { id: 'to-sam-fall', start: '2027-09-13', end: '2027-09-17', kind: 'vacation', note: 'Hiking week' },
    ],
  },
];

const pipelines: Plan['pipelines'] = [
  {
    id: 'profit',
    name: 'Profit',
    description:
      'Recognised license revenue, refunds, cloud and support costs per customer and product line; the source of gross margin in the investor report.',
    schedule: { kind: 'cron', expression: '0 2 * * *', timeZone: ZONE, expectedDurationMinutes: 75 },
    criticality: 'critical',
    reportsToInvestors: true,
    dataTypes: [
      'License invoices and credit notes (billing system)',
      'Revenue recognition schedules (ERP)',
      'Cloud infrastructure costs by account',
      'Support and success headcount costs',
    ],
    sla: {
      dataFreshness: 'Yesterday’s revenue and costs loaded by 06:00 Pacific every day',
      issueResolution: 'Within 4 hours; within 1 hour during the investor-report week',
      freshnessHours: 28,
      resolutionHours: 4,
    },
    monitoring: [
      'Freshness check on fact_revenue: alert when the latest partition is older than 28 hours',
      'Reconciliation of daily revenue totals against the billing system (tolerance 0.5 %)',
      'Row-count anomaly detection on invoices (±3 standard deviations of the 30-day mean)',
      'Job failure and runtime alerts routed to #data-oncall and the on-call pager',
    ],
    commonIssues: [
      {
        id: 'profit-billing-api',
        name: 'Billing API export fails',
        symptom: 'Nightly extract stops with HTTP 429 or 5xx; fact_revenue has no partition for yesterday',
        action:
          'Re-run the extract with backoff from the orchestrator; if the API is down, load yesterday’s CSV export from the billing SFTP drop',
        escalation: 'Primary owner, then Billing Platform team on-call (#billing-platform)',
      },
      {
        id: 'profit-fx',
        name: 'Missing FX rates',
        symptom: 'Revenue in non-USD currencies converts to null; reconciliation off by more than 0.5 %',
        action: 'Backfill rates from the treasury feed, re-run the conversion step for affected days',
        escalation: 'Primary owner; Finance Systems (Elena Park) when rates are missing upstream',
      },
      {
        id: 'profit-late-costs',
        name: 'Late cloud cost files',
        symptom: 'Cost partitions for the last day empty; margin dashboard shows 100 % margin',
        action:
          'Mark the day provisional in the dashboard, re-run once the provider file lands (usually within 12 h)',
        escalation: 'Secondary owner; FinOps team if later than 24 h',
      },
    ],
    incidents: { ratePerWeek: null, meanDurationMinutes: 90, investorWeekFactor: 2 },
  },
  {
    id: 'growth',
    name: 'Growth',
    description:
      'Sign-ups, trials, trial-to-paid conversion, expansions and churn of license seats; feeds the sales and marketing funnels.',
    schedule: { kind: 'cron', expression: '30 3 * * *', timeZone: ZONE, expectedDurationMinutes: 45 },
    criticality: 'high',
    reportsToInvestors: false,
    dataTypes: [
      'Account and trial events (product database CDC)',
      'CRM opportunities and stages',
      'Marketing attribution touches',
      'Seat changes per subscription',
    ],
    sla: {
      dataFreshness: 'Funnel tables current to midnight Pacific by 08:00 every day',
      issueResolution: 'Within 1 business day',
      freshnessHours: 32,
      resolutionHours: 24,
    },
    monitoring: [
      'Freshness check on funnel tables (alert after 32 hours)',
      'Schema-change detection on CRM objects',
      'Conversion-rate guardrail: alert when daily trial-to-paid moves more than 40 % day over day',
    ],
    commonIssues: [
      {
        id: 'growth-crm-schema',
        name: 'CRM schema change',
        symptom: 'Load fails with unknown column or a stage field arrives empty',
        action:
          'Map the new field in the staging model, backfill the affected days, tell Sales Ops what changed',
        escalation: 'Primary owner; Sales Operations (#sales-ops) for the field meaning',
      },
      {
        id: 'growth-duplicates',
        name: 'Duplicate sign-up events',
        symptom: 'Sign-ups jump without matching traffic; duplicate event ids in staging',
        action: 'Deduplicate on event id and account, rebuild the daily funnel partition',
        escalation: 'Secondary owner; product engineering on-call if the source keeps emitting duplicates',
      },
    ],
    incidents: { ratePerWeek: null, meanDurationMinutes: 60, investorWeekFactor: 1.5 },
  },
  {
    id: 'engagement',
    name: 'Engagement',
    description:
      'Product usage events streamed through Kafka: active users, feature adoption and session depth per customer.',
    schedule: {
      kind: 'text',
      expression: 'Streaming (Kafka) with hourly compaction at :15',
      timeZone: ZONE,
      expectedDurationMinutes: 20,
    },
    criticality: 'medium',
    reportsToInvestors: false,
    dataTypes: ['Clickstream and API usage events', 'Feature flags exposure', 'Session summaries'],
    sla: {
      dataFreshness: 'Events queryable within 2 hours of arrival',
      issueResolution: 'Within 2 business days',
      freshnessHours: 2,
      resolutionHours: 48,
    },
    monitoring: [
      'Kafka consumer lag per partition (alert above 15 minutes of lag)',
      'Hourly event volume against the same hour last week (alert below 50 %)',
      'Dead-letter queue size',
    ],
    commonIssues: [
      {
        id: 'engagement-kafka',
        name: 'Kafka outage or consumer lag',
        symptom: 'No events flowing; consumer lag grows; hourly tables stop updating',
        action:
          'Check broker health and consumer group, restart the consumer, replay from the last committed offset',
        escalation: 'Primary owner; Platform SRE on-call for broker problems',
      },
      {
        id: 'engagement-skew',
        name: 'Memory pressure on compaction',
        symptom: 'Hourly compaction job OOM-killed or runs longer than 45 minutes',
        action: 'Re-run with the large-partition profile; split the skewed customer key',
        escalation: 'Secondary owner',
      },
    ],
    incidents: { ratePerWeek: null, meanDurationMinutes: 45, investorWeekFactor: 1 },
  },
  {
    id: 'agg-exec',
    name: 'Aggregated (Executives & investors)',
    description:
      'ARR, net revenue retention, gross margin and burn joined from Profit and Growth; the numbers in the monthly investor report and the board deck.',
    schedule: { kind: 'cron', expression: '0 6 * * *', timeZone: ZONE, expectedDurationMinutes: 40 },
    criticality: 'critical',
    reportsToInvestors: true,
    dataTypes: [
      'ARR and NRR by segment',
      'Gross margin and burn',
      'Headcount and efficiency ratios',
      'Cohort retention',
    ],
    sla: {
      dataFreshness:
        'Executive dashboard current by 07:00 Pacific; month-end close figures final by business day 3',
      issueResolution: 'Within 4 hours; within 1 hour in the investor-report week',
      freshnessHours: 26,
      resolutionHours: 4,
    },
    monitoring: [
      'Dependency check: Profit and Growth loaded before the run starts',
      'Reconciliation of ARR against the finance ledger at month end (exact match required)',
      'Metric guardrails: alert when ARR or NRR moves more than 5 % day over day',
      'Sign-off checklist status for the investor report',
    ],
    commonIssues: [
      {
        id: 'agg-exec-upstream',
        name: 'Upstream pipeline late',
        symptom: 'Run waits on Profit or Growth; dashboard shows yesterday’s figures after 07:00',
        action:
          'Fix the upstream pipeline first, then trigger the aggregate run; post an ETA in #exec-metrics',
        escalation: 'Primary owner; Head of Data when the investor report date is at risk',
      },
      {
        id: 'agg-exec-mismatch',
        name: 'ARR does not reconcile with finance',
        symptom: 'Month-end reconciliation differs from the ledger',
        action:
          'Diff contract-level ARR against the ledger, correct mapping or late bookings, re-run and re-reconcile',
        escalation: 'Primary owner with the CFO’s FP&A lead (Elena Park)',
      },
    ],
    incidents: { ratePerWeek: null, meanDurationMinutes: 120, investorWeekFactor: 3 },
  },
  {
    id: 'agg-exp',
    name: 'Aggregated (Experiments)',
    description:
      'A/B test assignments joined with Growth and Engagement outcomes; experiment scorecards for product teams.',
    schedule: { kind: 'cron', expression: '0 7 * * 1-5', timeZone: ZONE, expectedDurationMinutes: 60 },
    criticality: 'medium',
    reportsToInvestors: false,
    dataTypes: ['Experiment assignments and exposures', 'Outcome metrics per variant', 'Guardrail metrics'],
    sla: {
      dataFreshness: 'Scorecards updated every weekday by 09:00 Pacific',
      issueResolution: 'Within 3 business days',
      freshnessHours: 72,
      resolutionHours: 72,
    },
    monitoring: [
      'Sample-ratio mismatch check per experiment (p < 0.001 raises an alert)',
      'Freshness of assignment tables',
      'Weekly review of failed scorecard builds',
    ],
    commonIssues: [
      {
        id: 'agg-exp-srm',
        name: 'Sample-ratio mismatch',
        symptom: 'Variant sizes differ from the configured split beyond chance',
        action:
          'Pause the scorecard, check assignment logging and bot filtering, notify the experiment owner',
        escalation: 'Primary owner; Experimentation Council for a decision on the test',
      },
    ],
    incidents: { ratePerWeek: null, meanDurationMinutes: 60, investorWeekFactor: 1 },
  },
];

const rotation: Plan['rotation'] = {
  layers: [
    { id: 'primary', name: 'Primary', memberOrder: ['maya', 'diego', 'priya', 'sam'] },
    { id: 'secondary', name: 'Secondary', memberOrder: ['diego', 'priya', 'sam', 'maya'] },
  ],
  shiftLengthDays: 7,
  handoff: { weekday: 1, time: '09:00' },
  timeZone: ZONE,
  startDate: '2027-01-04',
  endDate: '2028-01-03',
};

/**
 * The sample plan: Pacific Infra Group's data team, four engineers and five pipelines, a year of weekly rotation.
 * Why: it is what a new user sees on first start and what `rotaplan sample` writes, so every section of the seed
 * template is filled with believable content. `now` (ISO instant) stamps created/updated; shared/ has no clock.
 */
export function createSamplePlan(now: string): Plan {
  // A deep copy: the members, pipelines and rotation above are module constants, and a caller that edits the
  // plan it got must not change the next sample.
  const plan = structuredClone<Plan>({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: {
      name: 'Data pipeline coverage 2027',
      organisation: 'Pacific Infra Group',
      description:
        'Ownership, on-call rotation, runbooks and escalation for the data engineering team that runs the revenue, growth, engagement and reporting pipelines of our license-based SaaS infrastructure platform.',
      createdAt: now,
      updatedAt: now,
    },
    members,
    pipelines,
    ownership: [
      {
        pipelineId: 'profit',
        primaryMemberId: 'maya',
        secondaryMemberId: 'diego',
        stakeholder: 'Finance — Elena Park, VP FP&A',
      },
      {
        pipelineId: 'growth',
        primaryMemberId: 'diego',
        secondaryMemberId: 'priya',
        stakeholder: 'Growth Marketing and Sales Ops — Marcus Lee',
      },
      {
        pipelineId: 'engagement',
        primaryMemberId: 'sam',
        secondaryMemberId: 'priya',
        stakeholder: 'Product Management — Hannah Novak',
      },
      {
        pipelineId: 'agg-exec',
        primaryMemberId: 'maya',
        secondaryMemberId: 'sam',
        stakeholder: 'CFO office and Investor Relations — Robert Kim, CFO',
      },
      {
        pipelineId: 'agg-exp',
        primaryMemberId: 'priya',
        secondaryMemberId: 'diego',
        stakeholder: 'Experimentation Council — Aisha Rahman',
      },
    ],
    rotation,
    shifts: [],
    coverage: {
      holidays: {
        description:
          'On a public holiday the scheduled on-call person covers if it is a working day in their own region; otherwise the next person in the rotation covers and the two swap a later week. Thanksgiving, Christmas and New Year rotate across years so nobody holds the same holiday twice in a row; the plan records who covered each.',
        vacationCoverage:
          'Book vacation at least four weeks ahead. The person on vacation swaps their on-call week with the next person in sequence who is free, and takes that person’s next week in return. The secondary steps up to primary for unplanned absences until a swap is agreed.',
        majorHolidays: [
          { id: 'new-year', name: 'New Year’s Day', rule: '01-01' },
          { id: 'thanksgiving', name: 'Thanksgiving (US)', rule: '4th thursday in November' },
          { id: 'christmas', name: 'Christmas Day', rule: '12-25' },
        ],
        history: [
          { holidayId: 'thanksgiving', year: 2025, memberId: 'sam' },
          { holidayId: 'christmas', year: 2025, memberId: 'diego' },
          { holidayId: 'new-year', year: 2026, memberId: 'priya' },
          { holidayId: 'thanksgiving', year: 2026, memberId: 'diego' },
          { holidayId: 'christmas', year: 2026, memberId: 'maya' },
          { holidayId: 'new-year', year: 2027, memberId: 'sam' },
        ],
        customHolidays: [
          { date: '2027-11-26', name: 'Company day off after Thanksgiving', appliesTo: 'everyone' },
        ],
        planRegion: { country: 'US', subdivision: 'CA' },
      },
      investorWeek: {
        rule: { kind: 'last-days-of-month', days: 7 },
        description:
          'The last seven days of each month build the investor report. Both layers are staffed, the primary owns or co-owns an investor pipeline (Profit or Aggregated for executives), owners of investor pipelines take no time off, and issue resolution on investor pipelines drops to one hour. The CFO office gets a daily status at 16:00 Pacific.',
        requireBothLayers: true,
        requireInvestorOwnerAsPrimary: true,
        forbidTimeOffForInvestorOwners: true,
      },
      weights: { ...DEFAULT_WEIGHTS },
      limits: { ...DEFAULT_LIMITS },
    },
    escalation: [
      {
        level: 1,
        who: 'Primary on-call engineer',
        when: 'Any alert on a pipeline; acknowledge in PagerDuty and post in #data-oncall',
        responseTime: '15 minutes (5 minutes in the investor-report week)',
      },
      {
        level: 2,
        who: 'Secondary on-call engineer and the pipeline’s primary owner',
        when: 'No acknowledgement in 15 minutes, no fix path within 1 hour, or any investor pipeline at risk of missing its SLA',
        responseTime: '30 minutes',
      },
      {
        level: 3,
        who: 'Head of Data (Laura Bennett) and the business stakeholder',
        when: 'SLA breached, data already published wrong, or the investor report date at risk',
        responseTime: '1 hour',
      },
      {
        level: 4,
        who: 'CFO (Robert Kim) for investor pipelines; CTO for platform-wide outages',
        when: 'Investor or board figures must be restated or delayed',
        responseTime: 'Same business day',
      },
    ],
    communication: {
      daily:
        'The on-call engineer posts a pipeline health summary in #data-oncall at 09:30 Pacific (green/amber/red per pipeline, open incidents, ETA). Incidents get a thread from the first alert and a status every hour until resolved.',
      weekly:
        'Monday 09:00 handoff: a 15-minute call between outgoing and incoming primary and secondary; open incidents, flaky checks and upcoming time off are written in the handoff note. Friday: a 30-minute review of the week’s pages and their root causes.',
      monthly:
        'Investor-report readiness review on the first day of the investor week with Finance and Investor Relations; a written on-call report (pages, SLA breaches, load per person) to the Head of Data after month end; the rotation for the next quarter confirmed by the 15th.',
    },
    successMetrics: [
      {
        id: 'kpi-sla',
        category: 'pipeline-reliability',
        kpi: 'SLA attainment for data freshness',
        target: '≥ 99 % of days for critical pipelines, ≥ 97 % for others',
        measurement: 'Daily freshness checks logged per pipeline; monthly share of days within SLA',
      },
      {
        id: 'kpi-mttr',
        category: 'pipeline-reliability',
        kpi: 'Mean time to resolve incidents',
        target: '< 2 hours for critical pipelines',
        measurement: 'Incident open and close times in the incident tracker',
      },
      {
        id: 'kpi-investor',
        category: 'pipeline-reliability',
        kpi: 'Investor report delivered on time',
        target: '12 of 12 months',
        measurement: 'Report sign-off date against the schedule agreed with Investor Relations',
      },
      {
        id: 'kpi-recon',
        category: 'data-quality',
        kpi: 'Revenue reconciliation accuracy',
        target: 'Within 0.5 % daily; exact at month end',
        measurement: 'Automated reconciliation of Profit and Aggregated (Executives) against the ledger',
      },
      {
        id: 'kpi-tests',
        category: 'data-quality',
        kpi: 'Data-quality checks passing',
        target: '≥ 98 % of checks green each day',
        measurement: 'Share of passing checks in the data-quality dashboard',
      },
      {
        id: 'kpi-restate',
        category: 'data-quality',
        kpi: 'Published figures restated',
        target: '0 per quarter',
        measurement: 'Count of corrections issued to dashboards or reports',
      },
      {
        id: 'kpi-pages',
        category: 'team-efficiency',
        kpi: 'Pages per on-call week',
        target: '≤ 2 per 12-hour shift (Google SRE guidance)',
        measurement: 'Pager history per shift',
      },
      {
        id: 'kpi-balance',
        category: 'team-efficiency',
        kpi: 'On-call load balance',
        target: 'Pairwise balance ≥ 0.9; nobody over 25 % of their time on call',
        measurement: 'Rotaplan fairness analysis each quarter',
      },
      {
        id: 'kpi-toil',
        category: 'team-efficiency',
        kpi: 'Time spent on toil',
        target: '< 30 % of engineering time',
        measurement: 'Quarterly time survey and ticket categories',
      },
    ],
    // On-call pay as a US/Canadian team might agree it: first matching rule per minute, year end paid extra.
    pay: {
      currency: 'USD',
      rules: [
        { name: 'Public holiday', when: { holiday: true }, hourly: 12 },
        { name: 'Weekend', when: { weekdays: [6, 7] }, hourly: 8 },
        { name: 'Night', when: { from: '22:00', to: '07:00' }, hourly: 6 },
        { name: 'Weekday standby', when: {}, hourly: 4 },
      ],
      oneOff: [{ name: 'Year-end freeze', from: '2027-12-24', to: '2027-12-31', hourly: 15 }],
      allowances: [{ name: 'Week stipend', per: 'shift', amount: 100 }],
      secondaryFactor: 0.5,
    },
    scenarios: [],
  });
  // The engine applies the seed's swap rule to every absence (Sam's conference week, Priya's spring break, …).
  return { ...plan, shifts: generateShifts(plan) };
}
