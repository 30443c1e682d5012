import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { OverlapNoticeBanner } from '../../renderer/src/app/overlap-notice';
import { findLayerOverlaps } from '../../shared/plan/layer-overlaps';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import type { Plan } from '../../shared/plan/schema';
import { useAppStore } from '../../renderer/src/store/store';
import { removeBridge, useSamplePlanWithBridge } from './sample-store';

/** The sample plan with its second Primary shift starting a day early and a Secondary shift repeated. */
function overlappingPlan(): Plan {
  const plan = createSamplePlan('2026-11-27T00:00:00.000Z');
  const shifts = plan.shifts.map((s) =>
    s.id === 'primary-2027-01-11' ? { ...s, start: '2027-01-10T17:00:00Z' } : s,
  );
  const secondary = shifts.find((s) => s.id === 'secondary-2027-01-04')!;
  shifts.push({ ...secondary, id: 'secondary-copy' });
  return { ...plan, shifts };
}

describe('the overlap notice at load', () => {
  beforeEach(() => {
    useSamplePlanWithBridge();
    useAppStore.setState({ plan: overlappingPlan(), past: [], future: [] });
  });
  afterEach(removeBridge);

  it('names the overlaps per layer; Trim overlaps fixes them in one undoable step', async () => {
    const user = userEvent.setup();
    render(
      <MantineProvider>
        <OverlapNoticeBanner />
      </MantineProvider>,
    );
    const notice = screen.getByTestId('overlap-notice');
    expect(notice).toHaveTextContent('2 shifts overlap another on the same layer');
    expect(notice).toHaveTextContent('Overlapping shifts: 1 on Primary, 1 on Secondary.');

    await user.click(screen.getByRole('button', { name: 'Trim overlaps' }));
    await waitFor(() => expect(screen.queryByTestId('overlap-notice')).not.toBeInTheDocument());
    const trimmed = useAppStore.getState().plan!;
    expect(findLayerOverlaps(trimmed.shifts)).toEqual([]);
    expect(trimmed.shifts.find((s) => s.id === 'primary-2027-01-11')!.start).toBe('2027-01-11T17:00:00Z');
    expect(trimmed.shifts.some((s) => s.id === 'secondary-copy')).toBe(false);
    expect(useAppStore.getState().past).toHaveLength(1);

    useAppStore.getState().undo();
    expect(await screen.findByTestId('overlap-notice')).toHaveTextContent('1 on Primary, 1 on Secondary');
  });

  it('shows nothing for a plan without overlaps', () => {
    useAppStore.setState({ plan: createSamplePlan('2026-11-27T00:00:00.000Z') });
    render(
      <MantineProvider>
        <OverlapNoticeBanner />
      </MantineProvider>,
    );
    expect(screen.queryByTestId('overlap-notice')).not.toBeInTheDocument();
  });
});
