import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SidePanel, type CalendarSelection } from '../../renderer/src/features/calendar/side-panel';
import { useGuardedEdit } from '../../renderer/src/hooks/use-edit-runner';
import { useAppStore } from '../../renderer/src/store/store';
import { applyEdit } from '../../shared/plan/edits';
import { removeBridge, useSamplePlanWithBridge } from './sample-store';
import { renderWithMantine } from './render-with-mantine';

function Panel({ selection }: { selection: CalendarSelection }) {
  const plan = useAppStore((s) => s.plan)!;
  const { run, modal } = useGuardedEdit();
  return (
    <>
      {modal}
      <SidePanel
        plan={plan}
        selection={selection}
        run={run}
        onSelect={() => undefined}
        onClose={() => undefined}
      />
    </>
  );
}

function renderPanel(selection: CalendarSelection) {
  return renderWithMantine(<Panel selection={selection} />);
}

const shift = (id: string) => useAppStore.getState().plan!.shifts.find((s) => s.id === id)!;

describe('calendar side panel (jsdom)', () => {
  beforeEach(() => {
    useSamplePlanWithBridge();
  });
  afterEach(removeBridge);

  it('shows who, when, layer and source of the week of 2027-01-04', () => {
    renderPanel({ kind: 'shift', shiftId: 'primary-2027-01-04' });
    const panel = screen.getByTestId('shift-panel');
    expect(within(panel).getByText('Primary shift')).toBeInTheDocument();
    expect(within(panel).getByText('Maya Chen')).toBeInTheDocument();
    expect(within(panel).getByText('Mon, Jan 4, 09:00 → Mon, Jan 11, 09:00')).toBeInTheDocument();
    expect(within(panel).getByText('168 h · PST')).toBeInTheDocument();
    expect(within(panel).getByTestId('shift-source')).toHaveTextContent('generated');
  });

  it('pins and unpins; a pinned shift offers no reassign, swap or move', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel({ kind: 'shift', shiftId: 'primary-2027-01-04' });
    await user.click(screen.getByRole('button', { name: 'Pin' }));
    expect(shift('primary-2027-01-04').pinned).toBe(true);
    expect(screen.getByRole('button', { name: 'Reassign…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Swap with…' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move one day later' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Unpin' }));
    expect(shift('primary-2027-01-04').pinned).toBe(false);
    expect(useAppStore.getState().past).toHaveLength(2);
  });

  it('moves a week one day later: the handoffs on both sides move with it', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel({ kind: 'shift', shiftId: 'primary-2027-01-11' });
    await user.click(screen.getByRole('button', { name: 'Move one day later' }));
    expect(shift('primary-2027-01-04')).toMatchObject({ end: '2027-01-12T17:00:00Z', memberId: 'maya' });
    expect(shift('primary-2027-01-11')).toMatchObject({
      start: '2027-01-12T17:00:00Z',
      end: '2027-01-19T17:00:00Z',
      memberId: 'diego',
      source: 'override',
    });
    expect(shift('primary-2027-01-18')).toMatchObject({ start: '2027-01-19T17:00:00Z' });
  });

  it('trades places with the next week from the keyboard path', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel({ kind: 'shift', shiftId: 'primary-2027-01-04' });
    await user.click(screen.getByRole('button', { name: 'Move one shift later' }));
    expect(shift('primary-2027-01-04')).toMatchObject({
      start: '2027-01-11T17:00:00Z',
      memberId: 'maya',
      source: 'swap',
    });
    expect(shift('primary-2027-01-11')).toMatchObject({
      start: '2027-01-04T17:00:00Z',
      memberId: 'diego',
      source: 'swap',
    });
  });

  it('explains a refused move and changes nothing', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel({ kind: 'shift', shiftId: 'primary-2027-01-04' });
    const before = useAppStore.getState().plan;
    // The first week has no shift before it to take over 2027-01-04 09:00 – 2027-01-05 09:00.
    await user.click(screen.getByRole('button', { name: 'Move one day later' }));
    expect(
      await screen.findByText(
        "nobody would be on call 2027-01-04 09:00 – 2027-01-05 09:00: no shift of the layer ends where Maya Chen's Primary shift 2027-01-04 09:00 – 2027-01-11 09:00 starts",
      ),
    ).toBeInTheDocument();
    expect(useAppStore.getState().plan).toBe(before);
  });

  it('reassigns through the dialog (an override)', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel({ kind: 'shift', shiftId: 'primary-2027-01-04' });
    await user.click(screen.getByRole('button', { name: 'Reassign…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reassign shift' });
    // The first free teammate is proposed: Priya Raman.
    expect(within(dialog).getByLabelText('Who covers it instead')).toHaveValue('Priya Raman — free');
    await user.click(within(dialog).getByRole('button', { name: 'Reassign' }));
    expect(shift('primary-2027-01-04')).toMatchObject({ memberId: 'priya', source: 'override' });
  });

  it('asks before putting someone on call during their time off, and Cancel keeps the plan', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel({ kind: 'shift', shiftId: 'primary-2027-01-25' });
    await user.click(screen.getByRole('button', { name: 'Reassign…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reassign shift' });
    await user.click(within(dialog).getByLabelText('Who covers it instead'));
    await user.click(
      await screen.findByRole('option', {
        name: 'Sam Okafor — primary 2027-01-25: sam is on call during time off 2027-01-26 – 2027-01-29',
        hidden: true,
      }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Reassign' }));

    const ask = await screen.findByRole('dialog', {
      name: 'This puts someone on call during their time off',
    });
    expect(ask).toHaveTextContent(
      'Sam Okafor is away (conference, Data Council talk) 2027-01-26 – 2027-01-29',
    );
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(shift('primary-2027-01-25').memberId).toBe('diego');

    await user.click(screen.getByRole('button', { name: 'Reassign…' }));
    const again = await screen.findByRole('dialog', { name: 'Reassign shift' });
    await user.click(within(again).getByLabelText('Who covers it instead'));
    await user.click(
      await screen.findByRole('option', {
        name: 'Sam Okafor — primary 2027-01-25: sam is on call during time off 2027-01-26 – 2027-01-29',
        hidden: true,
      }),
    );
    await user.click(within(again).getByRole('button', { name: 'Reassign' }));
    await user.click(
      within(
        await screen.findByRole('dialog', { name: 'This puts someone on call during their time off' }),
      ).getByRole('button', { name: 'Put Sam Okafor on call anyway' }),
    );
    expect(shift('primary-2027-01-25')).toMatchObject({ memberId: 'sam', source: 'override' });
  });

  it('swaps with a chosen shift', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel({ kind: 'shift', shiftId: 'primary-2027-01-04' });
    await user.click(screen.getByRole('button', { name: 'Swap with…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Swap with another shift' });
    await user.type(within(dialog).getByLabelText('The shift to swap with'), 'Sam Okafor · Primary');
    await user.click(
      await screen.findByRole('option', {
        name: 'Sam Okafor · Primary · Mon, Feb 8, 09:00 → Mon, Feb 15, 09:00',
        hidden: true,
      }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Swap' }));
    expect(shift('primary-2027-01-04')).toMatchObject({ memberId: 'sam', source: 'swap' });
    expect(shift('primary-2027-02-08')).toMatchObject({ memberId: 'maya', source: 'swap' });
  });

  it('never offers a shadow as the shift to swap with, and locks a shadow itself', async () => {
    // Sam shadows Diego's primary week of 2027-01-11 (until his Martin Luther King Jr. Day off).
    const paired = applyEdit(
      useAppStore.getState().plan!,
      { kind: 'shadow:add', layerId: 'primary', memberId: 'sam', from: '2027-01-11', until: '2027-01-18' },
      '2026-11-28T00:00:00.000Z',
      undefined,
      useAppStore.getState().holidays ?? undefined,
    );
    if (!paired.ok) throw new Error(paired.reason);
    useAppStore.setState({ plan: paired.plan });
    const user = userEvent.setup({ delay: null });
    const view = renderPanel({ kind: 'shift', shiftId: 'primary-2027-01-04' });
    await user.click(screen.getByRole('button', { name: 'Swap with…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Swap with another shift' });
    await user.type(within(dialog).getByLabelText('The shift to swap with'), 'Sam Okafor · Primary');
    const options = (await screen.findAllByRole('option', { hidden: true })).map((o) => o.textContent);
    expect(options).toContain('Sam Okafor · Primary · Mon, Feb 8, 09:00 → Mon, Feb 15, 09:00');
    expect(options.filter((o) => o?.includes('Jan 11'))).toEqual([]);
    view.unmount();

    renderPanel({ kind: 'shift', shiftId: 'primary-shadow-sam-2027-01-11T09:00' });
    expect(screen.getByTestId('shadow-locked')).toBeInTheDocument();
    for (const name of [
      'Reassign…',
      'Swap with…',
      'Find a swap',
      'Move one day earlier',
      'End one day later',
    ])
      expect(screen.getByRole('button', { name })).toBeDisabled();
  });

  it("finds a swap with the assistant's rules and gives the shift to the one eligible teammate", async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel({ kind: 'shift', shiftId: 'primary-2027-01-11' });
    await user.click(screen.getByRole('button', { name: 'Find a swap' }));
    const list = screen.getByTestId('swap-candidates');
    const rows = [...list.querySelectorAll<HTMLElement>('[data-candidate]')];
    expect(rows.map((r) => [r.dataset.candidate, r.dataset.eligible])).toEqual([
      ['sam', 'true'],
      ['priya', 'false'],
      ['maya', 'false'],
    ]);
    // Maya holds 2027-01-04: the back-to-back rule keeps her out, as in the swap assistant.
    const maya = list.querySelector('[data-candidate="maya"]') as HTMLElement;
    expect(
      within(maya).getByText('primary: maya holds 2 periods in a row from 2027-01-04 (limit 1)'),
    ).toBeInTheDocument();
    expect(within(maya).queryByText('free')).toBeNull();
    expect(within(maya).queryByRole('button', { name: 'Give shift' })).toBeNull();
    const sam = list.querySelector('[data-candidate="sam"]') as HTMLElement;
    expect(within(sam).getByText('free')).toBeInTheDocument();
    await user.click(within(sam).getByRole('button', { name: 'Give shift' }));
    expect(shift('primary-2027-01-11')).toMatchObject({ memberId: 'sam', source: 'override' });
  });

  it('shows who is on call at a clicked moment, per layer', () => {
    renderPanel({ kind: 'moment', instant: '2027-01-05T18:30:00Z', allDay: false });
    const now = screen.getByTestId('on-call-now');
    expect(
      within(now.querySelector('[data-layer-id="primary"]') as HTMLElement).getByText('Maya Chen'),
    ).toBeInTheDocument();
    expect(
      within(now.querySelector('[data-layer-id="secondary"]') as HTMLElement).getByText('Diego Alvarez'),
    ).toBeInTheDocument();
    expect(screen.getByText('Tue, Jan 5, 2027, 10:30 PST')).toBeInTheDocument();
  });

  it('ends a week one day later from the keyboard: the next week starts a day later, as a drag of the end does', async () => {
    const user = userEvent.setup({ delay: null });
    renderPanel({ kind: 'shift', shiftId: 'primary-2027-01-11' });
    screen.getByRole('button', { name: 'End one day later' }).focus();
    await user.keyboard('{Enter}');
    expect(shift('primary-2027-01-11')).toMatchObject({
      start: '2027-01-11T17:00:00Z',
      end: '2027-01-19T17:00:00Z',
      memberId: 'diego',
    });
    expect(shift('primary-2027-01-18')).toMatchObject({ start: '2027-01-19T17:00:00Z' });
  });
});
