import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RotaplanApi } from '../../shared/ipc/contract';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import type { Plan } from '../../shared/plan/schema';
import { validatePlan } from '../../shared/plan/validate';
import { GuidedSetup } from '../../renderer/src/features/setup/guided-setup';
import { useAppStore } from '../../renderer/src/store/store';
import { renderWithMantine } from './render-with-mantine';

// Typing character by character is slow in jsdom on a shared machine; a change event is what the inputs read.
const fill = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

describe('guided setup (jsdom)', () => {
  let sent: Plan | null;
  const sample = createSamplePlan('2026-11-27T00:00:00.000Z');

  beforeEach(() => {
    sent = null;
    globalThis.rotaplan = {
      ref: {
        holidayRegions: async () => ({
          ok: true,
          value: [
            {
              code: 'US',
              name: 'United States of America',
              subdivisions: [{ code: 'CA', name: 'California' }],
            },
          ],
        }),
      },
      plan: {
        new: async ({ plan }: { plan: Plan }) => {
          sent = plan;
          return {
            ok: true,
            value: { plan, path: '/u/plans/data-on-call.rotaplan.json', revision: 'r1', notice: null },
          };
        },
      },
    } as unknown as RotaplanApi;
    useAppStore.setState({ plan: sample, path: '/u/plan.rotaplan.json', past: [], future: [], view: 'team' });
  });
  afterEach(() => {
    globalThis.rotaplan = undefined;
  });

  function renderSetup(onClose = () => undefined) {
    return renderWithMantine(<GuidedSetup opened onClose={onClose} defaultTimeZone="America/Los_Angeles" />);
  }

  it('stops at each step until it is valid, then creates the plan and ends on the calendar', async () => {
    const user = userEvent.setup();
    renderSetup();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByTestId('setup-problems')).toHaveTextContent('Give the plan a name.');
    fill(screen.getByLabelText(/Plan name/), 'Data on-call');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByTestId('setup-problems')).toHaveTextContent('Member 1: name: a name cannot be empty.');
    for (const [i, [name, email]] of [
      ['Ana Lima', 'ana@example.com'],
      ['Ben Okoro', 'ben@example.com'],
    ].entries()) {
      fill(screen.getByLabelText(new RegExp(`^Name of member ${i + 1}`)), name!);
      fill(screen.getByLabelText(new RegExp(`^E-mail of member ${i + 1}`)), email!);
    }
    await user.click(screen.getByRole('button', { name: 'Next' }));

    await user.click(screen.getByRole('button', { name: 'Add suggested pipeline Profit' }));
    await user.click(screen.getByRole('button', { name: 'Add suggested pipeline Growth' }));
    expect(screen.getByRole('button', { name: 'Add suggested pipeline Profit' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // The ownership step starts from the balanced split.
    expect(screen.getByRole('combobox', { name: 'Primary owner of Profit' })).toHaveValue('Ana Lima');
    expect(screen.getByRole('combobox', { name: 'Secondary owner of Profit' })).toHaveValue('Ben Okoro');
    fill(screen.getByLabelText('Business stakeholder of Profit'), 'Finance');
    await user.click(screen.getByRole('button', { name: 'Next' }));

    // A team in one time zone cannot follow the sun; business hours + after hours fits it.
    await user.click(screen.getByRole('radio', { name: 'Follow-the-sun' }));
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    expect(screen.getByTestId('setup-problems')).toHaveTextContent(
      'Follow-the-sun needs people in time zones at least three hours apart',
    );
    await user.click(screen.getByRole('radio', { name: 'Business hours + after hours' }));
    expect(screen.getByTestId('rotation-summary')).toHaveTextContent(
      'Business hours (Mon–Fri 09:00–17:00, America/Los_Angeles): Ana Lima → Ben Okoro',
    );
    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    await waitFor(() => expect(useAppStore.getState().view).toBe('calendar'));
    expect(sent).not.toBeNull();
    expect(sent!.rotation.layers[0]!.rotations!.map((r) => r.name)).toEqual([
      'Business hours',
      'After hours',
    ]);
    expect(validatePlan(sent).ok).toBe(true);
    const state = useAppStore.getState();
    expect(state.plan?.meta.name).toBe('Data on-call');
    expect(state.path).toBe('/u/plans/data-on-call.rotaplan.json');
    expect(state.plan?.ownership[0]?.stakeholder).toBe('Finance');
    expect(state.plan?.shifts.length).toBeGreaterThan(0);
    expect(state.calendarFocus?.date).toBe(state.plan?.rotation.startDate);
  });

  it('Cancel leaves the open plan untouched and sends nothing', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    renderSetup(onClose);
    fill(screen.getByLabelText(/Plan name/), 'Something else');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(sent).toBeNull();
    expect(useAppStore.getState().plan).toBe(sample);
  });
});
