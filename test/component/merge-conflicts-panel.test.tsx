import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MergeConflictsPanel } from '../../renderer/src/features/git/merge-conflicts-panel';
import { useAppStore } from '../../renderer/src/store/store';
import { mergePlans } from '../../shared/git/plan-merge';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import type { Plan } from '../../shared/plan/schema';
import { removeBridge, useSamplePlanWithBridge } from './sample-store';

const SHIFT = 'primary-2027-01-18';
const base = createSamplePlan('2026-11-27T00:00:00.000Z');
const give = (memberId: string): Plan => ({
  ...base,
  shifts: base.shifts.map((s) => (s.id === SHIFT ? { ...s, memberId } : s)),
  ownership: base.ownership.map((o) =>
    o.pipelineId === 'profit' ? { ...o, stakeholder: `Finance (${memberId})` } : o,
  ),
});

describe('the merge conflict list (jsdom)', { timeout: 60_000 }, () => {
  beforeEach(() => {
    useSamplePlanWithBridge();
    useAppStore.setState({ plan: mergePlans(base, give('sam'), give('maya')).plan });
  });
  afterEach(removeBridge);

  it('lists each conflict and resolves one by picking a side, as one undoable step', async () => {
    const user = userEvent.setup({ delay: null });
    render(
      <MantineProvider>
        <MergeConflictsPanel />
      </MantineProvider>,
    );
    const panel = screen.getByTestId('merge-conflicts');
    expect(within(panel).getByText('2 merge conflicts to resolve')).toBeInTheDocument();
    const shiftRow = within(panel)
      .getByText(`Shift ${SHIFT} (Primary): both sides changed it differently`)
      .closest('[data-testid^="merge-conflict-"]') as HTMLElement;
    expect(within(shiftRow).getByText(/ours Sam Okafor, theirs Maya Chen/)).toBeInTheDocument();
    await user.click(within(shiftRow).getByRole('button', { name: 'Take theirs' }));
    await waitFor(() => expect(screen.getByText('1 merge conflict to resolve')).toBeInTheDocument());
    expect(useAppStore.getState().plan!.shifts.find((s) => s.id === SHIFT)!.memberId).toBe('maya');
    useAppStore.getState().undo();
    await waitFor(() => expect(screen.getByText('2 merge conflicts to resolve')).toBeInTheDocument());
    expect(useAppStore.getState().plan!.shifts.find((s) => s.id === SHIFT)!.memberId).toBe('sam');
    for (const button of screen.getAllByRole('button', { name: 'Keep ours' })) await user.click(button);
    await waitFor(() => expect(screen.queryByTestId('merge-conflicts')).toBeNull());
    expect(useAppStore.getState().plan!.mergeConflicts).toBeUndefined();
  });
});
