import { planToHtml, planToMarkdown } from '../../../shared/document/export-plan-document';
import { applyEdit } from '../../../shared/plan/edits';
import { createSamplePlan } from '../../../shared/plan/sample-plan';
import type { Plan } from '../../../shared/plan/schema';
import { expectedHeadings, markdownHeadings } from './seed-headings';

const OPTIONS = { generatedAt: '2027-01-03T05:00:00.000Z' };
const sample = createSamplePlan('2026-11-27T00:00:00.000Z');

/** The sample with a pipeline whose name and runbook try to inject markup. */
function hostilePlan(): Plan {
  const result = applyEdit(
    sample,
    {
      kind: 'pipeline:add',
      pipeline: {
        ...sample.pipelines[2]!,
        id: 'evil',
        name: '<script>alert("x")</script> & Co',
        description: '<img src=x onerror=alert(1)>',
        commonIssues: [
          {
            id: 'evil-1',
            name: '</li><script>1</script>',
            symptom: '"quoted"',
            action: "it's",
            escalation: '',
          },
        ],
      },
    },
    '2027-01-01T00:00:00.000Z',
  );
  if (!result.ok) throw new Error(result.reason);
  return result.plan;
}

const htmlHeadings = (html: string) =>
  [...html.matchAll(/<h([23])>(.*?)<\/h\1>/g)].map(
    ([, level, body]) =>
      `${'#'.repeat(Number(level))} ${body!
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')}`,
  );

describe('the plan document as HTML', () => {
  const html = planToHtml(sample, OPTIONS);

  it('is one self-contained page: inline CSS with print rules, no script, no outside resource', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).toContain('@media print');
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toMatch(/<script|<link|src=|href=/i);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('has the same headings as the Markdown, in the same order', () => {
    expect(htmlHeadings(html)).toEqual(markdownHeadings(planToMarkdown(sample, OPTIONS)));
    expect(htmlHeadings(html)).toEqual(expectedHeadings(sample));
  });

  it('never skips a heading level: h1, then h2 sections and h3 sub-sections', () => {
    const levels = [...html.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((l, i) => i > 0 && l > levels[i - 1]! + 1)).toEqual([]);
    expect(new Set(levels)).toEqual(new Set([1, 2, 3]));
  });

  it('draws members as colour chips', () => {
    expect(html).toContain(
      '<span class="member"><span class="chip" style="background-color:#2563eb" aria-hidden="true"></span>Maya Chen</span>',
    );
    expect(html).toContain('<title>Data pipeline coverage 2027</title>');
    expect(html).toContain('<dt>Generated</dt><dd>2027-01-02 (America/Los_Angeles)</dd>');
  });

  it('numbers the common issues as an ordered list', () => {
    const profit = html.slice(
      html.indexOf('<h3>Profit Pipeline Runbook</h3>'),
      html.indexOf('<h3>Growth Pipeline Runbook</h3>'),
    );
    expect([...profit.matchAll(/<li><strong>(.*?)<\/strong>/g)].map((m) => m[1])).toEqual([
      'Billing API export fails',
      'Missing FX rates',
      'Late cloud cost files',
    ]);
    expect(profit).toContain('<ol>');
  });
});

describe('escaping', () => {
  const plan = hostilePlan();

  it('escapes a <script> in a pipeline name, description and issue in HTML', () => {
    const html = planToHtml(plan, OPTIONS);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain(
      '<h3>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co Pipeline Runbook</h3>',
    );
    expect(html).toContain('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(html).toContain('<li><strong>&lt;/li&gt;&lt;script&gt;1&lt;/script&gt;</strong>');
    expect(html).toContain('Symptom: &quot;quoted&quot;');
    expect(html).toContain('Action: it&#39;s');
  });

  it('escapes the same text in Markdown so it stays text', () => {
    const md = planToMarkdown(plan, OPTIONS);
    expect(md).toContain('### \\<script\\>alert("x")\\</script\\> & Co Pipeline Runbook');
    expect(md).toContain(
      '| \\<script\\>alert("x")\\</script\\> & Co | _No primary owner yet_ | _No secondary owner yet_ | _No stakeholder named yet_ |',
    );
    expect(md).not.toMatch(/(^|[^\\])<script/);
  });

  it('never lets a member colour out of its style attribute', () => {
    const odd: Plan = {
      ...sample,
      members: sample.members.map((m, i) => (i === 0 ? { ...m, color: 'red;}</style><script>' } : m)),
    };
    const html = planToHtml(odd, OPTIONS);
    expect(html).not.toContain('<script');
    expect(html).toContain('style="background-color:#9aa5b1"');
  });
});
