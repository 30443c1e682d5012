import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { OptimizeSettingsBar } from '../../renderer/src/features/optimize/optimize-settings';
import { useAppStore } from '../../renderer/src/store/store';
import type { Plan } from '../../shared/plan/schema';
import { hoursPlan } from '../unit/optimize/tiny-plans';

function open(plan: Plan) {
  // The save a successful edit schedules goes nowhere in this test.
  useAppStore.setState({ plan, past: [], future: [], loadStatus: 'ready', scheduleSave: () => {} });
  return render(
    <MantineProvider>
      <OptimizeSettingsBar
        value={{
          from: '2027-04-05',
          to: '2027-05-02',
          timeLimitSeconds: 10,
          fewestChanges: false,
          lowestPay: false,
        }}
        onChange={() => {}}
        disabled={false}
      />
    </MantineProvider>,
  );
}

describe('Optimise settings: max weekends and wishes', () => {
  it('sets and clears the weekend limit as one undoable edit each', () => {
    open(hoursPlan(['a', 'b'], 4));
    expect(screen.queryByTestId('optimize-wish-count')).toBeNull();
    const input = screen.getByLabelText('Max weekends per person');
    expect((input as HTMLInputElement).value).toBe('');
    fireEvent.change(input, { target: { value: '1' } });
    fireEvent.change(input, { target: { value: '12' } });
    // Nothing reaches the plan while typing; the blur commits one edit.
    expect(useAppStore.getState().past).toHaveLength(0);
    fireEvent.blur(input);
    expect(useAppStore.getState().plan!.rotation.maxWeekendsPerMember).toBe(12);
    expect(useAppStore.getState().past).toHaveLength(1);
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect('maxWeekendsPerMember' in useAppStore.getState().plan!.rotation).toBe(false);
    expect(useAppStore.getState().past).toHaveLength(2);
    act(() => useAppStore.getState().undo());
    expect(useAppStore.getState().plan!.rotation.maxWeekendsPerMember).toBe(12);
    expect((input as HTMLInputElement).value).toBe('12');
  });

  it('says how many wishes the plan holds', () => {
    const plan = hoursPlan(['a', 'b'], 4);
    plan.wishes = [
      { id: 'w1', memberId: 'a', from: '2027-04-05', to: '2027-04-06', kind: 'avoid', weight: 5 },
      { id: 'w2', memberId: 'b', from: '2027-04-12', to: '2027-04-12', kind: 'prefer', weight: 5 },
    ];
    open(plan);
    expect(screen.getByTestId('optimize-wish-count').textContent).toBe('2 wishes in the plan');
  });
});
