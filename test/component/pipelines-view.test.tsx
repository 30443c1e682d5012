import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import type { Plan } from '../../shared/plan/schema';
import { PipelinesView } from '../../renderer/src/features/pipelines/pipelines-view';
import { useAppStore } from '../../renderer/src/store/store';
import { removeBridge, useSavingBridge } from './sample-store';
import { renderWithMantine } from './render-with-mantine';

function open(plan: Plan) {
  useAppStore.setState({ plan, past: [], future: [], loadStatus: 'ready' });
  return renderWithMantine(<PipelinesView />);
}

const state = () => useAppStore.getState();
const profit = () => state().plan!.pipelines.find((p) => p.id === 'profit')!;

// jsdom has no FontFaceSet; Mantine's autosizing Textarea listens on document.fonts.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  });
}

// Heavy Mantine trees in jsdom run slowly on a busy machine; the default 20 s is too tight for a full runbook.
describe('Pipelines view (jsdom)', { timeout: 60_000 }, () => {
  beforeEach(() => useSavingBridge());
  afterEach(removeBridge);

  it('lists the pipelines and opens the first runbook with its fields', () => {
    open(createSamplePlan('2026-11-27T00:00:00.000Z'));
    const nav = screen.getByRole('navigation', { name: 'Pipelines' });
    expect(
      [...nav.querySelectorAll('[data-pipeline-id]')].map((a) => a.getAttribute('data-pipeline-id')),
    ).toEqual(['profit', 'growth', 'engagement', 'agg-exec', 'agg-exp']);
    const editor = screen.getByTestId('pipeline-editor');
    expect(editor).toHaveAttribute('data-pipeline-id', 'profit');
    expect(within(editor).getByLabelText(/^Name/)).toHaveValue('Profit');
    expect(within(editor).getByLabelText('Cron expression')).toHaveValue('0 2 * * *');
    expect(within(editor).getByLabelText('data type 1')).toHaveValue(
      'License invoices and credit notes (billing system)',
    );
    expect(within(editor).getByLabelText('Freshness (hours)')).toHaveValue('28');
  });

  it('edits a common issue with one undo step per field, not per keystroke', async () => {
    const user = userEvent.setup({ delay: null });
    open(createSamplePlan('2026-11-27T00:00:00.000Z'));
    const issue = screen
      .getByTestId('common-issues')
      .querySelector('[data-issue-id="profit-fx"]') as HTMLElement;
    const symptom = within(issue).getByLabelText('Symptom');
    await user.clear(symptom);
    await user.type(symptom, 'Stale EUR');
    // Nothing is applied while typing.
    expect(state().past).toHaveLength(0);
    await user.tab();
    expect(profit().commonIssues[1]).toEqual({
      id: 'profit-fx',
      name: 'Missing FX rates',
      symptom: 'Stale EUR',
      action: 'Backfill rates from the treasury feed, re-run the conversion step for affected days',
      escalation: expect.any(String),
    });
    expect(state().past).toHaveLength(1);
  });

  it('adds, moves and removes a common issue', async () => {
    const user = userEvent.setup({ delay: null });
    open(createSamplePlan('2026-11-27T00:00:00.000Z'));
    await user.click(screen.getByLabelText('New issue name'));
    await user.paste('Refund file duplicated');
    await user.keyboard('{Enter}');
    expect(profit().commonIssues.map((c) => c.id)).toEqual([
      'profit-billing-api',
      'profit-fx',
      'profit-late-costs',
      'profit-refund-file-duplicated',
    ]);
    await user.click(screen.getByRole('button', { name: 'Move issue Refund file duplicated up' }));
    expect(profit().commonIssues.map((c) => c.id)).toEqual([
      'profit-billing-api',
      'profit-fx',
      'profit-refund-file-duplicated',
      'profit-late-costs',
    ]);
    await user.click(screen.getByRole('button', { name: 'Remove issue Missing FX rates' }));
    expect(profit().commonIssues.map((c) => c.name)).toEqual([
      'Billing API export fails',
      'Refund file duplicated',
      'Late cloud cost files',
    ]);
    expect(state().past).toHaveLength(3);
  });

  it('shows a refusal under the field and keeps the draft', async () => {
    const user = userEvent.setup({ delay: null });
    open(createSamplePlan('2026-11-27T00:00:00.000Z'));
    const freshness = screen.getByLabelText('Freshness (hours)');
    await user.clear(freshness);
    await user.type(freshness, '5000');
    await user.tab();
    expect(
      await screen.findByText('pipelines[0].sla.freshnessHours: Too big: expected number to be <=2160'),
    ).toBeInTheDocument();
    expect(freshness).toHaveValue('5000');
    expect(profit().sla.freshnessHours).toBe(28);
    expect(state().past).toHaveLength(0);
  });

  it('lists what refers to a pipeline before removing it, then clears those references', async () => {
    const user = userEvent.setup({ delay: null });
    open(createSamplePlan('2026-11-27T00:00:00.000Z'));
    await user.click(screen.getByRole('button', { name: 'Remove pipeline' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Profit is still referred to')).toBeInTheDocument();
    for (const line of [
      'Maya Chen is its primary owner',
      'Diego Alvarez is its secondary owner',
      'Maya Chen knows it',
      'Diego Alvarez knows it',
      'Sam Okafor knows it',
      'success metric "Revenue reconciliation accuracy" mentions it',
    ]) {
      expect(within(dialog).getByText(line)).toBeInTheDocument();
    }
    await user.click(within(dialog).getByRole('button', { name: 'Remove and clear 5' }));
    const plan = state().plan!;
    expect(plan.pipelines.map((p) => p.id)).toEqual(['growth', 'engagement', 'agg-exec', 'agg-exp']);
    expect(plan.ownership.map((o) => o.pipelineId)).toEqual(['growth', 'engagement', 'agg-exec', 'agg-exp']);
    expect(plan.members.find((m) => m.id === 'maya')!.skills).toEqual(['growth', 'agg-exec', 'agg-exp']);
    expect(screen.getByTestId('pipeline-editor')).toHaveAttribute('data-pipeline-id', 'growth');
  });

  it('adds a pipeline with its ownership row and selects it', async () => {
    const user = userEvent.setup({ delay: null });
    open(createSamplePlan('2026-11-27T00:00:00.000Z'));
    await user.click(screen.getByRole('button', { name: 'Add pipeline' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/^Name/), 'Churn');
    await user.click(within(dialog).getByRole('button', { name: 'Add pipeline' }));
    const added = state().plan!.pipelines[5]!;
    expect(added).toMatchObject({
      id: 'churn',
      name: 'Churn',
      criticality: 'medium',
      reportsToInvestors: false,
      schedule: { kind: 'cron', expression: '0 2 * * *', timeZone: 'America/Los_Angeles' },
      incidents: { ratePerWeek: null },
    });
    expect(state().plan!.ownership[5]).toEqual({
      pipelineId: 'churn',
      primaryMemberId: null,
      secondaryMemberId: null,
      stakeholder: '',
    });
    expect(screen.getByTestId('pipeline-editor')).toHaveAttribute('data-pipeline-id', 'churn');
    expect(screen.getByText(/No common issues yet/)).toBeInTheDocument();
  });

  it('says what to do when there are no pipelines', () => {
    const plan = createSamplePlan('2026-11-27T00:00:00.000Z');
    open({
      ...plan,
      pipelines: [],
      ownership: [],
      members: plan.members.map((m) => ({ ...m, skills: [] })),
    });
    expect(screen.getByText(/No pipelines yet — add the pipelines your team owns/)).toBeInTheDocument();
  });
});
