import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import type { Plan } from '../../shared/plan/schema';
import { OperationsView } from '../../renderer/src/features/operations/operations-view';
import { useAppStore } from '../../renderer/src/store/store';
import { removeBridge, useSavingBridge } from './sample-store';
import { renderWithMantine } from './render-with-mantine';

// jsdom has no FontFaceSet; Mantine's autosizing Textarea listens on document.fonts.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  });
}

function open(plan: Plan) {
  useAppStore.setState({ plan, past: [], future: [], loadStatus: 'ready' });
  return renderWithMantine(<OperationsView />);
}

const plan = () => useAppStore.getState().plan!;

/** Types by pasting: the same events a user's paste makes, without a render per character. */
async function fill(user: ReturnType<typeof userEvent.setup>, field: HTMLElement, text: string) {
  await user.click(field);
  await user.paste(text);
}

describe('Operations view (jsdom)', { timeout: 60_000 }, () => {
  beforeEach(() => useSavingBridge());
  afterEach(removeBridge);

  it('edits, adds, reorders and removes escalation levels, renumbering them', async () => {
    const user = userEvent.setup({ delay: null });
    open(createSamplePlan('2026-11-27T00:00:00.000Z'));
    const who = screen.getByLabelText('Who at level 3');
    await user.clear(who);
    await user.type(who, 'Head of Data{Enter}');
    expect(plan().escalation[2]!.who).toBe('Head of Data');

    await fill(user, screen.getByLabelText('New level: who'), 'CEO');
    await fill(user, screen.getByLabelText('New level: when'), 'Company-wide outage');
    await fill(user, screen.getByLabelText('New level: response time'), '2 hours');
    await user.click(screen.getByRole('button', { name: 'Add level' }));
    expect(plan().escalation[4]).toEqual({
      level: 5,
      who: 'CEO',
      when: 'Company-wide outage',
      responseTime: '2 hours',
    });

    await user.click(screen.getByRole('button', { name: 'Move level 5 up' }));
    expect(plan().escalation.map((l) => [l.level, l.who.slice(0, 12)])).toEqual([
      [1, 'Primary on-c'],
      [2, 'Secondary on'],
      [3, 'Head of Data'],
      [4, 'CEO'],
      [5, 'CFO (Robert '],
    ]);
    await user.click(screen.getByRole('button', { name: 'Remove level 1' }));
    expect(plan().escalation.map((l) => l.level)).toEqual([1, 2, 3, 4]);
    expect(plan().escalation[0]!.who).toBe('Secondary on-call engineer and the pipeline’s primary owner');
    expect(useAppStore.getState().past).toHaveLength(4);
  });

  it('refuses an escalation level without who, keeping what was typed', async () => {
    const user = userEvent.setup({ delay: null });
    open(createSamplePlan('2026-11-27T00:00:00.000Z'));
    const who = screen.getByLabelText('Who at level 2');
    await user.clear(who);
    await user.tab();
    expect(await screen.findByText('an escalation level needs who to contact')).toBeInTheDocument();
    expect(plan().escalation[1]!.who).toBe('Secondary on-call engineer and the pipeline’s primary owner');
    expect(useAppStore.getState().past).toHaveLength(0);
  });

  it('saves a communication protocol on blur', async () => {
    const user = userEvent.setup({ delay: null });
    open(createSamplePlan('2026-11-27T00:00:00.000Z'));
    const weekly = screen.getByLabelText('Weekly');
    await user.clear(weekly);
    await user.type(weekly, 'Monday handoff call.');
    await user.tab();
    expect(plan().communication.weekly).toBe('Monday handoff call.');
    expect(useAppStore.getState().past).toHaveLength(1);
  });

  it('groups success metrics by category, adds one and removes one', async () => {
    const user = userEvent.setup({ delay: null });
    open(createSamplePlan('2026-11-27T00:00:00.000Z'));
    const quality = document.querySelector('[data-category="data-quality"]') as HTMLElement;
    expect(
      [...quality.querySelectorAll('[data-metric-id]')].map((r) => r.getAttribute('data-metric-id')),
    ).toEqual(['kpi-recon', 'kpi-tests', 'kpi-restate']);
    await fill(user, within(quality).getByLabelText('New Data quality KPI'), 'Schema drift caught');
    await fill(user, within(quality).getByLabelText('New Data quality target'), '100 % before publish');
    await fill(user, within(quality).getByLabelText('New Data quality measurement'), 'Contract tests in CI');
    await user.click(within(quality).getByRole('button', { name: 'Add metric' }));
    expect(plan().successMetrics[9]).toEqual({
      id: 'kpi-schema-drift-caught',
      category: 'data-quality',
      kpi: 'Schema drift caught',
      target: '100 % before publish',
      measurement: 'Contract tests in CI',
    });
    await user.click(screen.getByRole('button', { name: 'Remove metric Time spent on toil' }));
    expect(plan().successMetrics.map((m) => m.id)).not.toContain('kpi-toil');
    expect(plan().successMetrics).toHaveLength(9);
  });

  it('says what to do when a section is empty', () => {
    const sample = createSamplePlan('2026-11-27T00:00:00.000Z');
    open({ ...sample, escalation: [], successMetrics: [] });
    expect(screen.getByText(/No escalation levels yet — add who is called first/)).toBeInTheDocument();
    expect(screen.getByText(/No team efficiency metrics yet/)).toBeInTheDocument();
  });
});
