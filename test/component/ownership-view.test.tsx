import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import type { Plan } from '../../shared/plan/schema';
import { OwnershipView } from '../../renderer/src/features/ownership/ownership-view';
import { useAppStore } from '../../renderer/src/store/store';
import { removeBridge, useSavingBridge } from './sample-store';
import { renderWithMantine } from './render-with-mantine';

// jsdom has no FontFaceSet; Mantine's autosizing Textarea listens on document.fonts.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  });
}

const sample = () => createSamplePlan('2026-11-27T00:00:00.000Z');

function open(plan: Plan) {
  useAppStore.setState({ plan, past: [], future: [], loadStatus: 'ready' });
  return renderWithMantine(<OwnershipView />);
}

function cell(pipelineId: string, column: string): HTMLElement {
  const found = document.querySelector(`tr[data-pipeline-id="${pipelineId}"] td[data-column="${column}"]`);
  if (!found) throw new Error(`no cell ${pipelineId}/${column}`);
  return found as HTMLElement;
}

function findingsIn(pipelineId: string, column: string): [string, string][] {
  return [...cell(pipelineId, column).querySelectorAll('[data-finding]')].map((f) => [
    f.getAttribute('data-severity')!,
    f.textContent!,
  ]);
}

const withRow = (plan: Plan, pipelineId: string, change: Partial<Plan['ownership'][number]>): Plan => ({
  ...plan,
  ownership: plan.ownership.map((o) => (o.pipelineId === pipelineId ? { ...o, ...change } : o)),
});

type Case = {
  name: string;
  change: (plan: Plan) => Plan;
  pipelineId: string;
  column: 'pipeline' | 'primary' | 'secondary' | 'stakeholder';
  severity: 'error' | 'warning' | 'info';
  message: string;
  border: string;
};

const CASES: Case[] = [
  {
    name: 'primary = secondary',
    change: (p) => withRow(p, 'profit', { secondaryMemberId: 'maya' }),
    pipelineId: 'profit',
    column: 'secondary',
    severity: 'warning',
    message: 'Maya Chen is both primary and secondary owner of Profit: nobody backs them up',
    border: 'orange',
  },
  {
    name: 'missing primary owner',
    change: (p) => withRow(p, 'growth', { primaryMemberId: null }),
    pipelineId: 'growth',
    column: 'primary',
    severity: 'error',
    message: 'Growth has no primary owner',
    border: 'red',
  },
  {
    name: 'missing stakeholder',
    change: (p) => withRow(p, 'engagement', { stakeholder: '' }),
    pipelineId: 'engagement',
    column: 'stakeholder',
    severity: 'info',
    message: 'Engagement has no business stakeholder named',
    border: 'blue',
  },
  {
    name: 'ownership above the limit',
    change: (p) => ({
      ...p,
      coverage: { ...p.coverage, limits: { ...p.coverage.limits, maxOwnershipLoad: 5 } },
    }),
    pipelineId: 'profit',
    column: 'primary',
    severity: 'warning',
    message:
      'Maya Chen carries 6 ownership points, above the limit of 5: Profit (primary), Aggregated (Executives & investors) (primary)',
    border: 'orange',
  },
  {
    name: 'both owners away',
    change: (p) => ({
      ...p,
      members: p.members.map((m) =>
        m.id === 'diego'
          ? {
              ...m,
              timeOff: [
                { id: 'to-diego-aug', start: '2027-08-02', end: '2027-08-10', kind: 'vacation', note: '' },
                ...m.timeOff,
              ],
            }
          : m,
      ),
    }),
    pipelineId: 'profit',
    column: 'pipeline',
    severity: 'error',
    message: 'Both owners of Profit (Maya Chen and Diego Alvarez) are away from 2027-08-02 to 2027-08-06',
    border: 'red',
  },
  {
    name: 'bus factor 1',
    change: (p) => ({
      ...withRow(p, 'engagement', { secondaryMemberId: null }),
      members: p.members.map((m) => ({ ...m, skills: m.skills.filter((s) => s !== 'engagement') })),
    }),
    pipelineId: 'engagement',
    column: 'pipeline',
    severity: 'warning',
    message: 'Only Sam Okafor knows Engagement: teach a second person (bus factor 1)',
    border: 'orange',
  },
];

describe('Ownership view (jsdom)', { timeout: 60_000 }, () => {
  beforeEach(() => useSavingBridge());
  afterEach(removeBridge);

  it('shows the sample matrix clean, with each member’s load against the limit', () => {
    open(sample());
    expect(screen.getByTestId('ownership-summary')).toHaveTextContent(
      'Every pipeline has two distinct owners, a stakeholder and at least two people who know it; nobody is above the ownership limit of 8.',
    );
    expect(document.querySelectorAll('[data-finding]')).toHaveLength(0);
    const loads = screen.getByTestId('ownership-loads');
    expect(
      ['maya', 'diego', 'priya', 'sam'].map(
        (id) => loads.querySelector(`[data-member-id="${id}"]`)!.textContent,
      ),
    ).toEqual([
      'Maya Chen6 / 8Profit, Aggregated (Executives & investors)',
      'Diego Alvarez4 / 8Growth, Profit (2nd), Aggregated (Experiments) (2nd)',
      'Priya Raman2.5 / 8Aggregated (Experiments), Growth (2nd), Engagement (2nd)',
      'Sam Okafor2.5 / 8Engagement, Aggregated (Executives & investors) (2nd)',
    ]);
    expect(screen.getByRole('combobox', { name: 'Primary owner of Profit' })).toHaveValue('Maya Chen');
    expect(screen.getByLabelText('Business stakeholder of Profit')).toHaveValue(
      'Finance — Elena Park, VP FP&A',
    );
  });

  it.each(CASES)('shows "$name" in its cell with icon, message and border', (c) => {
    open(c.change(sample()));
    expect(findingsIn(c.pipelineId, c.column)).toContainEqual([c.severity, c.message]);
    expect(within(cell(c.pipelineId, c.column)).getByLabelText(c.severity)).toBeInTheDocument();
    expect(cell(c.pipelineId, c.column).style.boxShadow).toBe(
      `inset 0 0 0 2px var(--mantine-color-${c.border}-5)`,
    );
  });

  it('sums the findings up above the grid', () => {
    open(
      withRow(withRow(sample(), 'profit', { secondaryMemberId: 'maya' }), 'growth', {
        primaryMemberId: null,
      }),
    );
    const summary = screen.getByTestId('ownership-summary');
    expect(summary).toHaveTextContent('1 error, 1 warning and 0 notes in the ownership matrix.');
    expect(summary).toHaveTextContent('1 missing owner or stakeholder · 1 same primary and secondary');
  });

  it('picks an owner from the team and re-checks at once', async () => {
    const user = userEvent.setup({ delay: null });
    open(withRow(sample(), 'profit', { secondaryMemberId: 'maya' }));
    expect(findingsIn('profit', 'secondary')).toEqual([
      ['warning', 'Maya Chen is both primary and secondary owner of Profit: nobody backs them up'],
    ]);
    await user.click(screen.getByRole('combobox', { name: 'Secondary owner of Profit' }));
    // Mantine keeps each Select's listbox mounted; jsdom runs no transition, so the open one counts as hidden.
    const listbox = await screen.findByRole('listbox', { name: 'Secondary owner of Profit', hidden: true });
    await user.click(within(listbox).getByRole('option', { name: 'Sam Okafor', hidden: true }));
    expect(useAppStore.getState().plan!.ownership[0]).toEqual({
      pipelineId: 'profit',
      primaryMemberId: 'maya',
      secondaryMemberId: 'sam',
      stakeholder: 'Finance — Elena Park, VP FP&A',
    });
    expect(useAppStore.getState().past).toHaveLength(1);
    expect(findingsIn('profit', 'secondary')).toEqual([]);
    expect(screen.getByTestId('ownership-loads').querySelector('[data-member-id="sam"]')).toHaveTextContent(
      '4 / 8',
    );
  });

  it('does not offer the primary owner as the secondary', async () => {
    const user = userEvent.setup({ delay: null });
    open(withRow(sample(), 'profit', { secondaryMemberId: 'sam' }));
    await user.click(screen.getByRole('combobox', { name: 'Secondary owner of Profit' }));
    const listbox = await screen.findByRole('listbox', { name: 'Secondary owner of Profit', hidden: true });
    // Maya Chen is Profit's primary owner.
    expect(
      within(listbox)
        .getAllByRole('option', { hidden: true })
        .map((o) => o.textContent),
    ).toEqual(['Diego Alvarez', 'Priya Raman', 'Sam Okafor']);
  });

  it('commits the stakeholder on blur as one edit', async () => {
    const user = userEvent.setup({ delay: null });
    open(sample());
    const field = screen.getByLabelText('Business stakeholder of Growth');
    await user.clear(field);
    await user.type(field, 'Sales Ops');
    await user.tab();
    expect(useAppStore.getState().plan!.ownership[1]!.stakeholder).toBe('Sales Ops');
    // Clearing and typing build one draft; leaving the field applies it once.
    expect(useAppStore.getState().past).toHaveLength(1);
  });

  it('says what to do when there are no pipelines', () => {
    const plan = sample();
    open({ ...plan, pipelines: [], ownership: [], members: plan.members.map((m) => ({ ...m, skills: [] })) });
    expect(
      screen.getByText(/No pipelines yet — add the pipelines your team owns in Pipelines/),
    ).toBeInTheDocument();
  });
});
