import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { planToMarkdown } from '../../../shared/document/export-plan-document';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';
import {
  allMarkdownHeadings,
  expectedHeadings,
  markdownHeadings,
  SEED_HEADINGS,
  seedHeadingsMissing,
} from './seed-headings';

// 05:00 UTC on 3 January is still 2 January in Los Angeles: the generated date is the plan zone's date.
const OPTIONS = { generatedAt: '2027-01-03T05:00:00.000Z' };
const sample = createSamplePlan('2026-11-27T00:00:00.000Z');
const markdown = planToMarkdown(sample, OPTIONS);
const lines = markdown.split('\n');

/** The text of one runbook: from its heading to the next heading of level 2 or 3. */
function runbook(md: string, name: string): string {
  const all = md.split('\n');
  const start = all.indexOf(`### ${name} Pipeline Runbook`);
  expect(start, `runbook heading for ${name}`).toBeGreaterThanOrEqual(0);
  const end = all.findIndex((l, i) => i > start && /^#{2,3} /.test(l));
  return all.slice(start, end).join('\n');
}

describe('the seed heading fixture', () => {
  it('is the seed template headings from the ownership matrix to the success metrics, one level higher', () => {
    // A verbatim copy of ../shared/seed/pipeline-maintenance-template.md, kept in the repo so the test runs in any
    // checkout; refresh it when the seed changes.
    const seedPath = fileURLToPath(
      new URL('../../fixtures/seed/pipeline-maintenance-template.md', import.meta.url),
    );
    const seed = readFileSync(seedPath, 'utf8').split('\n');
    const from = seed.indexOf('### 1. Pipeline Ownership Matrix');
    const to = seed.indexOf('#### Success Metrics');
    // The seed jumps from its "# title" to ### under a "## Use this template" line the export has no use for; the
    // export lifts every heading one level instead, so no level is skipped.
    const seedHeadings = seed.slice(from, to + 1).filter((l) => /^#+ /.test(l));
    expect(seedHeadings.map((l) => l.slice(1))).toEqual(SEED_HEADINGS);
    expect(SEED_HEADINGS).toHaveLength(14);
  });
});

describe('the sample plan as Markdown', () => {
  it('never skips a heading level: one "# title", then each heading at most one level below the one before', () => {
    const headings = allMarkdownHeadings(markdown);
    expect(headings.filter(([level]) => level === 1)).toEqual([[1, 'Data pipeline coverage 2027']]);
    expect(headings[0]![0]).toBe(1);
    const jumps = headings
      .map(([level, title], i) => ({ level, title, before: i === 0 ? 0 : headings[i - 1]![0] }))
      .filter(({ level, before }) => level > before + 1);
    expect(jumps).toEqual([]);
    expect(headings.length).toBeGreaterThanOrEqual(SEED_HEADINGS.length + 1);
    expect(new Set(headings.map(([level]) => level))).toEqual(new Set([1, 2, 3]));
  });

  it('has every seed heading, in the seed order', () => {
    expect(seedHeadingsMissing(markdownHeadings(markdown))).toEqual([]);
  });

  it('has exactly the seed headings, with one runbook per pipeline', () => {
    expect(markdownHeadings(markdown)).toEqual(expectedHeadings(sample));
    expect(markdownHeadings(markdown).filter((h) => h.endsWith('Pipeline Runbook'))).toEqual([
      '### Profit Pipeline Runbook',
      '### Growth Pipeline Runbook',
      '### Engagement Pipeline Runbook',
      '### Aggregated (Executives & investors) Pipeline Runbook',
      '### Aggregated (Experiments) Pipeline Runbook',
    ]);
  });

  it('leaves no placeholder', () => {
    expect(markdown).not.toContain('[Your');
    expect(markdown).not.toContain('[List');
    expect(markdown).not.toContain('[Team Member');
    expect(markdown).not.toContain('undefined');
    expect(markdown).not.toContain('[object');
  });

  it.each(['Maya Chen', 'Diego Alvarez', 'Priya Raman', 'Sam Okafor'])('names %s', (name) => {
    expect(markdown).toContain(name);
  });

  it.each([
    'Profit',
    'Growth',
    'Engagement',
    'Aggregated (Executives & investors)',
    'Aggregated (Experiments)',
  ])('names the %s pipeline', (name) => {
    expect(markdown).toContain(name);
  });

  it('starts with the header: plan name, organisation, generated date in the plan zone', () => {
    expect(lines.slice(0, 5)).toEqual([
      '# Data pipeline coverage 2027',
      '',
      '- **Organisation:** Pacific Infra Group',
      '- **Generated:** 2027-01-02 (America/Los_Angeles)',
      '- **Period:** 2027-01-04 to 2028-01-03',
    ]);
  });

  it('fills the ownership matrix with member names and stakeholders', () => {
    const table = lines.slice(
      lines.indexOf('| Pipeline | Primary Owner | Secondary Owner | Business Stakeholder |'),
    );
    expect(table.slice(0, 7)).toEqual([
      '| Pipeline | Primary Owner | Secondary Owner | Business Stakeholder |',
      '| --- | --- | --- | --- |',
      '| Profit | Maya Chen | Diego Alvarez | Finance — Elena Park, VP FP&A |',
      '| Growth | Diego Alvarez | Priya Raman | Growth Marketing and Sales Ops — Marcus Lee |',
      '| Engagement | Sam Okafor | Priya Raman | Product Management — Hannah Novak |',
      '| Aggregated (Executives & investors) | Maya Chen | Sam Okafor | CFO office and Investor Relations — Robert Kim, CFO |',
      '| Aggregated (Experiments) | Priya Raman | Diego Alvarez | Experimentation Council — Aisha Rahman |',
    ]);
    expect(markdown).toContain(
      '- Maya Chen: 6 points — Profit (primary), Aggregated (Executives & investors) (primary)',
    );
  });

  it('writes the repeating weekly cycle with the dates of its first turn', () => {
    const weeks = lines.filter((l) => l.startsWith('- **Week '));
    expect(weeks).toEqual([
      '- **Week 1:** Primary Maya Chen; Secondary Diego Alvarez — first turn Mon 2027-01-04 09:00 → Mon 2027-01-11',
      '- **Week 2:** Primary Diego Alvarez; Secondary Priya Raman — first turn Mon 2027-01-11 09:00 → Mon 2027-01-18',
      '- **Week 3:** Primary Priya Raman; Secondary Sam Okafor — first turn Mon 2027-01-18 09:00 → Mon 2027-01-25',
      '- **Week 4:** Primary Sam Okafor; Secondary Maya Chen — first turn Mon 2027-01-25 09:00 → Mon 2027-02-01',
    ]);
    expect(markdown).toContain('Handoff every Monday at 09:00 (America/Los_Angeles).');
  });

  it('names who covers each major holiday of the horizon, from the shifts', () => {
    const holidays = lines.filter((l) => /^ {2}- \*\*(Thanksgiving|Christmas|New Year)/.test(l));
    expect(holidays.map((l) => l.slice(0, l.indexOf(':**') + 3))).toEqual([
      '  - **Thanksgiving (US), Thu 2027-11-25:**',
      '  - **Christmas Day, Sat 2027-12-25:**',
      '  - **New Year’s Day, Sat 2028-01-01:**',
    ]);
    const noon = (date: string) => Date.parse(`${date}T20:00:00Z`); // 12:00 in Los Angeles (PST)
    for (const [line, date] of holidays.map(
      (l, i) => [l, ['2027-11-25', '2027-12-25', '2028-01-01'][i]!] as const,
    )) {
      const primary = sample.shifts.find(
        (s) => s.layerId === 'primary' && Date.parse(s.start) <= noon(date) && noon(date) < Date.parse(s.end),
      )!;
      const name = sample.members.find((m) => m.id === primary.memberId)!.name;
      expect(line).toContain(`:** Primary ${name}, Secondary `);
    }
    expect(markdown).toContain(
      '  - **Holiday duty recorded:** New Year’s Day: 2026 Priya Raman, 2027 Sam Okafor; Thanksgiving (US): 2025 Sam Okafor, 2026 Diego Alvarez; Christmas Day: 2025 Diego Alvarez, 2026 Maya Chen',
    );
  });

  it('lists every absence in the vacation coverage', () => {
    const absences = lines.filter((l) => / — (vacation|conference|training), \d{4}/.test(l));
    expect(absences.map((l) => l.slice(0, l.indexOf(')') + 1))).toEqual([
      '  - Sam Okafor — conference, 2027-01-26 to 2027-01-29 (Data Council talk)',
      '  - Priya Raman — vacation, 2027-04-19 to 2027-04-23 (Spring break)',
      '  - Maya Chen — vacation, 2027-07-27 to 2027-08-06 (Family trip)',
      '  - Sam Okafor — vacation, 2027-09-13 to 2027-09-17 (Hiking week)',
      '  - Priya Raman — training, 2027-10-05 to 2027-10-07 (Streaming course)',
      '  - Diego Alvarez — vacation, 2027-12-20 to 2027-12-31 (Visiting family)',
    ]);
    expect(absences[2]).toContain(
      'Owned pipelines covered by the other owner: Profit → Diego Alvarez; Aggregated (Executives & investors) → Sam Okafor.',
    );
  });

  it('lists the twelve investor weeks of 2027 with the staffing rule', () => {
    const weeks = lines.filter((l) => /^ {2}- \*\*\w{3} \d{4}-\d{2}-\d{2} – /.test(l));
    expect(weeks.map((l) => l.slice(6, l.indexOf(':**')))).toEqual([
      'Mon 2027-01-25 – Sun 2027-01-31',
      'Mon 2027-02-22 – Sun 2027-02-28',
      'Thu 2027-03-25 – Wed 2027-03-31',
      'Sat 2027-04-24 – Fri 2027-04-30',
      'Tue 2027-05-25 – Mon 2027-05-31',
      'Thu 2027-06-24 – Wed 2027-06-30',
      'Sun 2027-07-25 – Sat 2027-07-31',
      'Wed 2027-08-25 – Tue 2027-08-31',
      'Fri 2027-09-24 – Thu 2027-09-30',
      'Mon 2027-10-25 – Sun 2027-10-31',
      'Wed 2027-11-24 – Tue 2027-11-30',
      'Sat 2027-12-25 – Fri 2027-12-31',
    ]);
    expect(markdown).toContain(
      '- **Last Week of Month:** The last 7 days of each month. The last seven days of each month build the investor report.',
    );
    expect(markdown).toContain(
      '  - **Staffing requirement:** every layer (Primary, Secondary) staffed; the primary on call owns or co-owns an investor pipeline (Profit, Aggregated (Executives & investors)); owners of investor pipelines take no time off.',
    );
    // Maya owns both investor pipelines and is away from 27 July: the July week must say so.
    expect(weeks[6]).toContain('Maya Chen, an investor-pipeline owner, is away 2027-07-27 to 2027-08-06');
  });

  it('writes the Profit runbook with every seed field and its three common issues', () => {
    const profit = runbook(markdown, 'Profit');
    for (const label of [
      '**Pipeline Details:**',
      '- Name: Profit',
      '- Schedule: `0 2 * * *` (cron, daily at 02:00, time zone America/Los_Angeles, about 75 minutes per run)',
      '- Critical Level: Critical — reports to investors',
      '**Data Types:**',
      '- License invoices and credit notes (billing system)',
      '**Common Issues:**',
      '**SLA Requirements:**',
      '- Data Freshness: Yesterday’s revenue and costs loaded by 06:00 Pacific every day (alert after 28 h)',
      '- Issue Resolution: Within 4 hours; within 1 hour during the investor-report week (target 4 h)',
      '**Monitoring & Alerts:**',
      '- Reconciliation of daily revenue totals against the billing system (tolerance 0.5 %)',
    ]) {
      expect(profit).toContain(label);
    }
    const issues = profit.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(issues).toEqual([
      '1. **Billing API export fails**',
      '2. **Missing FX rates**',
      '3. **Late cloud cost files**',
    ]);
    expect(profit).toContain(
      [
        '2. **Missing FX rates**',
        '   - Symptom: Revenue in non-USD currencies converts to null; reconciliation off by more than 0.5 %',
        '   - Action: Backfill rates from the treasury feed, re-run the conversion step for affected days',
        '   - Escalation: Primary owner; Finance Systems (Elena Park) when rates are missing upstream',
      ].join('\n'),
    );
  });

  it('writes a text schedule as text and a cron schedule as code', () => {
    expect(runbook(markdown, 'Engagement')).toContain(
      '- Schedule: Streaming (Kafka) with hourly compaction at :15 (time zone America/Los_Angeles, about 20 minutes per run)',
    );
    expect(runbook(markdown, 'Aggregated (Experiments)')).toContain('`0 7 * * 1-5` (cron, weekdays at 07:00');
  });

  it('writes the escalation matrix, communication protocols and success metrics by category', () => {
    expect(lines.filter((l) => l.startsWith('- **Level '))).toHaveLength(4);
    expect(markdown).toContain(
      '- **Level 1:** Primary on-call engineer. Escalate when: Any alert on a pipeline; acknowledge in PagerDuty and post in #data-oncall. Response time: 15 minutes (5 minutes in the investor-report week).',
    );
    expect(
      lines.filter((l) => /^- \*\*(Daily|Weekly|Monthly):\*\* /.test(l)).map((l) => l.slice(0, 14)),
    ).toEqual(['- **Daily:** T', '- **Weekly:** ', '- **Monthly:**']);
    expect(
      lines.filter((l) => /^- \*\*(Pipeline Reliability|Data Quality|Team Efficiency):\*\*$/.test(l)),
    ).toEqual(['- **Pipeline Reliability:**', '- **Data Quality:**', '- **Team Efficiency:**']);
    expect(markdown).toContain(
      '  - **Mean time to resolve incidents** — target: \\< 2 hours for critical pipelines; measured by: Incident open and close times in the incident tracker',
    );
  });

  it('ends the document with one newline and separates runbooks with a rule after a blank line', () => {
    expect(markdown.endsWith('\n')).toBe(true);
    expect(markdown.endsWith('\n\n')).toBe(false);
    expect(markdown.match(/\n\n---\n\n### /g)).toHaveLength(4);
  });
});

describe('an empty plan as Markdown', () => {
  const empty: Plan = {
    ...sample,
    meta: { ...sample.meta, organisation: '', description: '' },
    members: sample.members.map((m) => ({ ...m, skills: [], timeOff: [] })),
    pipelines: [],
    ownership: [],
    escalation: [],
    successMetrics: [],
    communication: { daily: '', weekly: ' ', monthly: '' },
    coverage: {
      ...sample.coverage,
      holidays: { ...sample.coverage.holidays, description: '', majorHolidays: [], history: [] },
    },
  };
  const md = planToMarkdown(empty, OPTIONS);

  it('keeps every seed section and says plainly what is missing', () => {
    expect(markdownHeadings(md)).toEqual(expectedHeadings(empty));
    expect(md).not.toContain('[Your');
    for (const sentence of [
      '_No escalation levels yet — add them in Operations._',
      '_No pipelines yet — add them in Pipelines, then pick their owners in Ownership._',
      '_No pipelines yet — add them in Pipelines to write their runbooks._',
      '- **Daily:** _No daily protocol yet — add it in Operations._',
      '- **Weekly:** _No weekly protocol yet — add it in Operations._',
      '  - _No pipeline reliability KPIs yet — add them in Operations._',
      '- **Major Holidays:** _No holiday policy written yet — describe it in the holiday policy._',
      '  - _No major holidays listed yet — add them to the holiday policy._',
      '  - _No time off in the plan between 2027-01-04 and 2028-01-03 — add it per member in Team._',
      '- **Organisation:** _not named yet — add it in the plan settings_',
    ]) {
      expect(md).toContain(sentence);
    }
  });

  it('says what is missing in a runbook with empty fields', () => {
    const bare = {
      ...sample.pipelines[1]!,
      dataTypes: [],
      monitoring: [],
      commonIssues: [],
      sla: { ...sample.pipelines[1]!.sla, dataFreshness: '' },
    };
    const plan: Plan = { ...sample, pipelines: [bare], ownership: [] };
    const growth = runbook(planToMarkdown(plan, OPTIONS), 'Growth');
    expect(growth).toContain('_No data types listed yet — add them to this runbook in Pipelines._');
    expect(growth).toContain('_No common issues written yet — add them to this runbook in Pipelines._');
    expect(growth).toContain('- Data Freshness: _not set yet_ (alert after 32 h)');
    expect(growth).toContain(
      '- Owners: primary _not assigned yet_, secondary _not assigned yet_; business stakeholder _not named yet_',
    );
  });
});
