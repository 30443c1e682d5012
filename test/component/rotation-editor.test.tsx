import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RotationEditor } from '../../renderer/src/features/calendar/rotation-editor';
import { useGuardedEdit } from '../../renderer/src/hooks/use-edit-runner';
import { useAppStore } from '../../renderer/src/store/store';
import { removeBridge, useSamplePlanWithBridge } from './sample-store';
import { renderWithMantine } from './render-with-mantine';

function Editor() {
  const plan = useAppStore((s) => s.plan)!;
  const { run, modal } = useGuardedEdit();
  return (
    <>
      {modal}
      <RotationEditor plan={plan} run={run} onClose={() => undefined} />
    </>
  );
}

function renderEditor() {
  return renderWithMantine(<Editor />);
}

describe('rotation editor (jsdom)', () => {
  beforeEach(() => useSamplePlanWithBridge());
  afterEach(removeBridge);

  it('names what is wrong with a draft and keeps Apply off until it is fixed', async () => {
    const user = userEvent.setup({ delay: null });
    renderEditor();
    const dialog = await screen.findByRole('dialog', { name: 'Rotations' });
    const apply = within(dialog).getByRole('button', { name: 'Apply Primary changes…' });
    expect(apply).toBeDisabled();

    fireEvent.change(within(dialog).getByLabelText('Handoff time of Primary'), { target: { value: '' } });
    expect(within(dialog).getByTestId('rotation-problems')).toHaveTextContent(
      'Primary: handoff time: expected a local time as HH:MM',
    );
    expect(apply).toBeDisabled();

    fireEvent.change(within(dialog).getByLabelText('Handoff time of Primary'), {
      target: { value: '10:00' },
    });
    expect(within(dialog).queryByTestId('rotation-problems')).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: /^Remove Sam Okafor in Primary$/ }));
    expect(apply).toBeEnabled();
    // The other layer's draft is its own.
    await user.click(within(dialog).getByRole('tab', { name: 'Secondary' }));
    expect(within(dialog).getByRole('button', { name: 'Apply Secondary changes…' })).toBeDisabled();
  });

  it('adds a rotation, names its missing members, removes it again; the only rotation has no remove button', async () => {
    const user = userEvent.setup({ delay: null });
    renderEditor();
    const dialog = await screen.findByRole('dialog', { name: 'Rotations' });
    expect(within(dialog).queryByRole('button', { name: 'Remove rotation Primary' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Add rotation' }));
    expect(within(dialog).getByTestId('rotation-problems')).toHaveTextContent(
      'Rotation 2: members: a rotation needs at least one member',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Remove rotation Rotation 2' }));
    await waitFor(() => expect(within(dialog).queryByTestId('rotation-problems')).toBeNull());
  });
});
