import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { optimizePlan } from '../../shared/optimize/optimize-plan';
import { CompareTable } from '../../renderer/src/features/optimize/compare-table';
import { hoursPlan } from '../unit/optimize/tiny-plans';

const noSolver = () => Promise.reject(new Error('a baseline needs no solver'));

describe('CompareTable: a baseline that breaks rules', () => {
  it('says "breaks 1 rule" in orange, never a red "infeasible", and keeps the fair one "feasible"', async () => {
    // b is away in the second week: round-robin puts b there anyway, least-recent skips b.
    const plan = hoursPlan(['a', 'b', 'c'], 3, { b: [['2027-04-13', '2027-04-14']] });
    const rr = await optimizePlan(plan, { strategy: 'round-robin' }, noSolver);
    const lr = await optimizePlan(plan, { strategy: 'least-recent' }, noSolver);
    expect(rr.status).toBe('infeasible');
    render(
      <MantineProvider>
        <CompareTable results={[rr, lr]} />
      </MantineProvider>,
    );
    const table = screen.getByTestId('compare-table');
    expect(within(table).queryByText(/infeasible/i)).toBeNull();
    const [, rrRow, lrRow] = within(table).getAllByRole('row');
    const rrStatus = within(rrRow!).getAllByRole('cell')[1]!;
    expect(rrStatus.textContent).toBe('breaks 1 rule');
    expect(rrStatus.querySelector('[data-status="infeasible"]')).not.toBeNull();
    expect(within(lrRow!).getAllByRole('cell')[1]!.textContent).toBe('feasible');
    // The Rule breaks column counts them: 1 for round-robin, 0 for least-recent.
    expect(within(rrRow!).getAllByRole('cell')[8]!.textContent).toBe('1');
    expect(within(lrRow!).getAllByRole('cell')[8]!.textContent).toBe('0');
  });
});
