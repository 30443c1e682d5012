import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TeamView } from '../../renderer/src/features/team/team-view';
import { useAppStore } from '../../renderer/src/store/store';
import { removeBridge, useSamplePlanWithBridge } from './sample-store';
import { renderWithMantine } from './render-with-mantine';

function openTeam() {
  return renderWithMantine(<TeamView />);
}

const priya = () => useAppStore.getState().plan!.members.find((m) => m.id === 'priya')!;

async function pickRange(
  user: ReturnType<typeof userEvent.setup>,
  dialog: HTMLElement,
  from: string,
  to: string,
) {
  await user.click(within(dialog).getByLabelText('Dates'));
  // The popover's days are labelled "11 January 2027"; jsdom runs no transition, so they count as hidden.
  await user.click(await screen.findByRole('button', { name: from, hidden: true }));
  await user.click(screen.getByRole('button', { name: to, hidden: true }));
}

describe('Time off (jsdom)', { timeout: 60_000 }, () => {
  beforeEach(() => {
    useSamplePlanWithBridge({
      ref: { holidayRegions: async () => ({ ok: true, value: [] }) },
    });
  });
  afterEach(removeBridge);

  it('shows everyone’s absences by month, in member colours', () => {
    openTeam();
    const overview = screen.getByTestId('time-off-overview');
    expect(
      within(overview).getByText('6 absences, 40 days in all, by the month they start in.', { exact: false }),
    ).toBeInTheDocument();
    expect([...overview.querySelectorAll('[data-month]')].map((m) => m.getAttribute('data-month'))).toEqual([
      '2027-01',
      '2027-04',
      '2027-07',
      '2027-09',
      '2027-10',
      '2027-12',
    ]);
    const maya = overview.querySelector('[data-time-off-id="to-maya-summer"]')!;
    expect(maya.textContent).toBe('Maya ChenJul 27 – Aug 6, 202711 daysVacationFamily trip');
    expect(
      within(maya as HTMLElement)
        .getByText('Maya Chen')
        .closest('.mantine-Badge-root'),
    ).toHaveStyle({
      '--badge-color': '#2563eb',
    });
  });

  it('adds an absence picked on the calendar, refuses an overlap, edits and removes', async () => {
    const user = userEvent.setup({ delay: null });
    openTeam();
    await user.click(screen.getByRole('button', { name: 'Time off for Priya Raman' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Apr 19 – Apr 23, 2027')).toBeInTheDocument();
    expect(within(dialog).getByText('Oct 5 – Oct 7, 2027')).toBeInTheDocument();

    // Add: the calendar opens on the plan's first month (January 2027).
    await pickRange(user, dialog, '11 January 2027', '15 January 2027');
    await user.type(within(dialog).getByLabelText('Note'), 'Ski week');
    await user.click(within(dialog).getByRole('button', { name: 'Add absence' }));
    expect(priya().timeOff[0]).toEqual({
      id: 'to-priya-2027-01-11',
      start: '2027-01-11',
      end: '2027-01-15',
      kind: 'vacation',
      note: 'Ski week',
    });

    // Overlap: refused with the reason, nothing changed, the form keeps the dates.
    await pickRange(user, dialog, '14 January 2027', '18 January 2027');
    await user.click(within(dialog).getByRole('button', { name: 'Add absence' }));
    expect(
      await within(dialog).findByText(
        'Priya Raman is already away 2027-01-11 to 2027-01-15 (Ski week); change that absence instead',
      ),
    ).toBeInTheDocument();
    expect(priya().timeOff).toHaveLength(3);

    // Edit: the spring break becomes training, with a note.
    await user.click(within(dialog).getByRole('button', { name: 'Edit time off Apr 19 – Apr 23, 2027' }));
    const note = within(dialog).getByLabelText('Note');
    expect(note).toHaveValue('Spring break');
    await user.clear(note);
    await user.type(note, 'Kafka course');
    await user.click(within(dialog).getByLabelText('Kind'));
    const kinds = await screen.findByRole('listbox', { name: 'Kind', hidden: true });
    await user.click(within(kinds).getByRole('option', { name: 'Training', hidden: true }));
    await user.click(within(dialog).getByRole('button', { name: 'Save absence' }));
    expect(priya().timeOff.find((t) => t.id === 'to-priya-spring')).toEqual({
      id: 'to-priya-spring',
      start: '2027-04-19',
      end: '2027-04-23',
      kind: 'training',
      note: 'Kafka course',
    });

    await user.click(within(dialog).getByRole('button', { name: 'Remove time off Oct 5 – Oct 7, 2027' }));
    expect(priya().timeOff.map((t) => t.id)).toEqual(['to-priya-2027-01-11', 'to-priya-spring']);
    expect(useAppStore.getState().past).toHaveLength(3);
  });
});
