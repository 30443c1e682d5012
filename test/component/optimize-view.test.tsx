import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { optimizePlan, type OptimizeResult } from '../../shared/optimize/optimize-plan';
import type { OptimizeJobStatus, RotaplanApi } from '../../shared/ipc/contract';
import type { Plan } from '../../shared/plan/schema';
import { OptimizeView } from '../../renderer/src/features/optimize/optimize-view';
import { useAppStore } from '../../renderer/src/store/store';
import { hoursPlan } from '../unit/optimize/tiny-plans';

/** A bridge whose optimiser job is already done with `result` (main's side is tested on its own). */
function bridgeAnswering(result: OptimizeResult): { starts: unknown[] } {
  const starts: unknown[] = [];
  const status: OptimizeJobStatus = {
    jobId: 'job-1',
    state: 'done',
    elapsedMs: 1234,
    progress: null,
    result,
    error: null,
  };
  globalThis.rotaplan = {
    plan: {
      save: async () => ({ ok: true, value: { path: '/p', revision: 'r', savedAt: '2027-03-01T00:00:00Z' } }),
    },
    optimize: {
      start: async (request: unknown) => {
        starts.push(request);
        return { ok: true, value: { jobId: 'job-1' } };
      },
      status: async () => ({ ok: true, value: status }),
      cancel: async () => ({ ok: true, value: { cancelled: false } }),
    },
  } as unknown as RotaplanApi;
  return { starts };
}

function open(plan: Plan) {
  useAppStore.setState({
    plan,
    past: [],
    future: [],
    loadStatus: 'ready',
    view: 'optimize',
    swapFocus: null,
  });
  return render(
    <MantineProvider>
      <Notifications />
      <OptimizeView />
    </MantineProvider>,
  );
}

const noSolver = () => Promise.reject(new Error('a baseline needs no solver'));

afterEach(() => {
  globalThis.rotaplan = undefined;
});

describe('OptimizeView', () => {
  it('shows the proposal as a diff, applies it as one undoable step, and Undo restores the schedule', async () => {
    // a a b b c c (back-to-back): least-recent proposes a b c a b c, four periods change.
    const plan = hoursPlan(['a', 'b', 'c'], 6);
    const order = ['a', 'a', 'b', 'b', 'c', 'c'];
    plan.shifts = plan.shifts.map((s, k) => ({ ...s, memberId: order[k]! }));
    const result = await optimizePlan(plan, { strategy: 'least-recent' }, noSolver);
    expect(result.changedShifts).toBe(4);
    const { starts } = bridgeAnswering(result);
    open(plan);

    fireEvent.click(screen.getByRole('button', { name: 'Propose fair rotation' }));
    await screen.findByTestId('proposal');
    expect(starts).toEqual([
      expect.objectContaining({ strategy: 'optimal', timeLimitSeconds: 30, changeWeight: 0 }),
    ]);
    expect(screen.getByTestId('proposal-change-count').textContent).toBe('4');
    const rows = screen.getAllByTestId('proposal-change');
    expect(rows).toHaveLength(4);
    expect(within(rows[0]!).getByText('B Person')).toBeInTheDocument();

    fireEvent.click(screen.getByTestId('apply-proposal'));
    const applied = useAppStore.getState();
    expect(applied.past).toHaveLength(1);
    expect(applied.plan!.shifts.map((s) => s.memberId)).toEqual(
      result.proposal!.plan.shifts.map((s) => s.memberId),
    );
    await screen.findByText('Applied — one step in the undo history');

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(useAppStore.getState().plan!.shifts.map((s) => s.memberId)).toEqual(order);
    await waitFor(() => expect(screen.getByTestId('apply-proposal')).toBeEnabled());
  });

  it('explains an infeasible plan with the rules and dates, never a bare "infeasible"', async () => {
    const plan = hoursPlan(['a', 'b'], 2);
    bridgeAnswering({
      strategy: 'optimal',
      status: 'infeasible',
      objective: null,
      bound: null,
      gap: null,
      members: [],
      changedShifts: 0,
      elapsedMs: 40,
      explanation: 'Nobody can hold primary 2027-04-05: everyone is away (time off).',
      conflicts: [
        {
          rule: 'time-off',
          layerId: 'primary',
          start: '2027-04-05T16:00:00Z',
          end: '2027-04-12T16:00:00Z',
          memberId: 'a',
          detail: 'a is away 2027-04-05 – 2027-04-09 (vacation)',
        },
      ],
      fairness: null,
      violations: [],
      proposal: null,
    });
    open(plan);
    fireEvent.click(screen.getByRole('button', { name: 'Propose fair rotation' }));
    const alert = await screen.findByTestId('proposal-infeasible');
    expect(alert.textContent).toContain('No schedule meets every rule');
    expect(alert.textContent).toContain('Nobody can hold primary 2027-04-05: everyone is away (time off).');
    expect(alert.textContent).toContain(
      'time-off · primary 2027-04-05 – 2027-04-12 · A Person: a is away 2027-04-05 – 2027-04-09 (vacation)',
    );
    expect(alert.textContent).toContain('Your plan was not changed.');
  });
});
