import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TeamView } from '../../renderer/src/features/team/team-view';
import { useAppStore } from '../../renderer/src/store/store';
import { removeBridge, useSamplePlanWithBridge } from './sample-store';
import { renderWithMantine } from './render-with-mantine';

function openTeam() {
  return renderWithMantine(<TeamView />);
}

describe('removing a member who owns pipelines (jsdom)', { timeout: 60_000 }, () => {
  beforeEach(() => {
    useSamplePlanWithBridge({
      ref: { holidayRegions: async () => ({ ok: true, value: [] }) },
    });
  });
  afterEach(removeBridge);

  it('shows what refers to them, refuses "clear" with the reason, and reassigns everything', async () => {
    const user = userEvent.setup({ delay: null });
    openTeam();
    await user.click(screen.getByRole('button', { name: 'Remove Maya Chen' }));
    const dialog = await screen.findByRole('dialog');
    for (const line of [
      'primary owner of Profit',
      'primary owner of Aggregated (Executives & investors)',
      'on call for 26 shifts',
      'named in 1 entry of holiday-duty history',
      'in the Primary rotation order',
      'has 1 time-off entry',
    ]) {
      expect(within(dialog).getByText(line)).toBeInTheDocument();
    }
    expect(within(dialog).getByTestId('clear-refusal')).toHaveTextContent(
      'Not possible: Removing Maya Chen with "clear" would leave Profit and Aggregated (Executives & investors) with no primary owner.',
    );
    expect(within(dialog).queryByRole('button', { name: 'Remove and clear' })).toBeNull();
    expect(within(dialog).getByRole('button', { name: 'Reassign and remove' })).toBeDisabled();

    await user.click(within(dialog).getByRole('combobox', { name: 'Reassign to' }));
    const listbox = await screen.findByRole('listbox', { name: 'Reassign to', hidden: true });
    await user.click(within(listbox).getByRole('option', { name: 'Sam Okafor', hidden: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Reassign to Sam Okafor and remove' }));

    const plan = useAppStore.getState().plan!;
    expect(plan.members.map((m) => m.id)).toEqual(['diego', 'priya', 'sam']);
    // Sam was the secondary of Aggregated (Executives): he becomes its primary and the secondary seat opens.
    expect(plan.ownership.map((o) => [o.pipelineId, o.primaryMemberId, o.secondaryMemberId])).toEqual([
      ['profit', 'sam', 'diego'],
      ['growth', 'diego', 'priya'],
      ['engagement', 'sam', 'priya'],
      ['agg-exec', 'sam', null],
      ['agg-exp', 'priya', 'diego'],
    ]);
    expect(plan.shifts.filter((s) => s.memberId === 'maya')).toHaveLength(0);
    expect(plan.rotation.layers[0]!.memberOrder).toEqual(['diego', 'priya', 'sam']);
    expect(useAppStore.getState().past).toHaveLength(1);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('removes a member nothing refers to with one click', async () => {
    const user = userEvent.setup({ delay: null });
    const plan = useAppStore.getState().plan!;
    useAppStore.setState({
      plan: {
        ...plan,
        members: [
          ...plan.members,
          {
            ...plan.members[0]!,
            id: 'lena',
            name: 'Lena Fischer',
            email: 'lena@pacificinfra.example',
            skills: [],
            timeOff: [],
          },
        ],
      },
    });
    openTeam();
    await user.click(screen.getByRole('button', { name: 'Remove Lena Fischer' }));
    const dialog = await screen.findByRole('dialog');
    expect(
      within(dialog).getByText(
        'Lena Fischer has no ownership, shifts or holiday history in this plan. You can undo this.',
      ),
    ).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Remove Lena Fischer' }));
    expect(useAppStore.getState().plan!.members.map((m) => m.id)).toEqual(['maya', 'diego', 'priya', 'sam']);
  });
});
