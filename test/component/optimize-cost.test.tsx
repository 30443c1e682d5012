import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { CompareTable } from '../../renderer/src/features/optimize/compare-table';
import {
  OptimizeSettingsBar,
  type OptimizeSettings,
} from '../../renderer/src/features/optimize/optimize-settings';
import { useAppStore } from '../../renderer/src/store/store';
import type { OptimizeResult } from '../../shared/optimize/optimize-plan';
import { hoursPlan } from '../unit/optimize/tiny-plans';

const result = (strategy: OptimizeResult['strategy'], total: number | null): OptimizeResult => ({
  strategy,
  status: 'feasible',
  objective: 168,
  bound: null,
  gap: null,
  members: [],
  changedShifts: 0,
  elapsedMs: 10,
  fairness: null,
  violations: [],
  proposal: null,
  ...(total !== null && { cost: { currency: 'EUR', total } }),
});

describe('Optimise: on-call pay in the comparison and the settings', () => {
  it('shows a cost column with each schedule’s pay when the results carry it', () => {
    render(
      <MantineProvider>
        <CompareTable results={[result('round-robin', 6540), result('optimal', 3360)]} />
      </MantineProvider>,
    );
    const table = screen.getByTestId('compare-table');
    expect(within(table).getByText('Cost')).toBeTruthy();
    const costs = screen.getAllByTestId('compare-cost').map((c) => c.textContent);
    const expected = [3360, 6540].map((v) =>
      new Intl.NumberFormat(undefined, { style: 'currency', currency: 'EUR' }).format(v),
    );
    expect(costs).toEqual(expected);
  });

  it('has no cost column without pay rules', () => {
    render(
      <MantineProvider>
        <CompareTable results={[result('optimal', null)]} />
      </MantineProvider>,
    );
    expect(within(screen.getByTestId('compare-table')).queryByText('Cost')).toBeNull();
  });

  it('offers "Lowest pay" only for a plan with pay rules, and turns it on', () => {
    const settings: OptimizeSettings = {
      from: '2027-04-05',
      to: '2027-05-02',
      timeLimitSeconds: 10,
      fewestChanges: false,
      lowestPay: false,
    };
    const changes: OptimizeSettings[] = [];
    const plan = hoursPlan(['a', 'b'], 4);
    useAppStore.setState({ plan, past: [], future: [], loadStatus: 'ready', scheduleSave: () => {} });
    const view = render(
      <MantineProvider>
        <OptimizeSettingsBar value={settings} onChange={(next) => changes.push(next)} disabled={false} />
      </MantineProvider>,
    );
    expect(screen.queryByTestId('optimize-lowest-pay')).toBeNull();
    view.unmount();
    useAppStore.setState({
      plan: { ...plan, pay: { currency: 'EUR', rules: [{ name: 'base', when: {}, hourly: 10 }] } },
    });
    render(
      <MantineProvider>
        <OptimizeSettingsBar value={settings} onChange={(next) => changes.push(next)} disabled={false} />
      </MantineProvider>,
    );
    fireEvent.click(screen.getByLabelText('Lowest pay'));
    expect(changes).toEqual([{ ...settings, lowestPay: true }]);
  });
});
