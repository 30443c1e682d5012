import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RotaplanApi } from '../../shared/ipc/contract';
import { applyEdit } from '../../shared/plan/edits';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import { CalendarView } from '../../renderer/src/features/calendar/calendar-view';
import { useAppStore } from '../../renderer/src/store/store';
import { HolidayCalendar } from '../../shared/time/holiday-calendar';
import { renderWithMantine } from './render-with-mantine';

const NOW = '2026-11-27T00:00:00.000Z';

function renderCalendar() {
  return renderWithMantine(<CalendarView />);
}

const shiftEls = (container: HTMLElement, id: string) => [
  ...container.querySelectorAll(`.rp-shift[data-shift-id="${id}"]`),
];

describe('Calendar view (jsdom)', () => {
  beforeEach(() => {
    globalThis.rotaplan = {
      plan: {
        save: async () => ({ ok: true, value: { path: '/p', revision: 'r', savedAt: NOW } }),
      },
    } as unknown as RotaplanApi;
    useAppStore.setState({
      plan: createSamplePlan(NOW),
      holidays: new HolidayCalendar(),
      past: [],
      future: [],
      loadStatus: 'ready',
      view: 'team',
    });
    // Open on a known month, whatever today is.
    useAppStore.getState().setCalendarFocus({ date: '2027-01-04' });
  });
  afterEach(() => {
    globalThis.rotaplan = undefined;
    useAppStore.setState({ calendarFocus: null });
  });

  it('draws the week of 2027-01-04 with Maya Chen primary and Diego Alvarez secondary, and the hours in view', async () => {
    const { container } = renderCalendar();
    await waitFor(() => expect(shiftEls(container, 'primary-2027-01-04').length).toBeGreaterThan(0));
    expect(shiftEls(container, 'primary-2027-01-04')[0]).toHaveTextContent('P09:00Maya Chen');
    expect(shiftEls(container, 'secondary-2027-01-04')[0]).toHaveTextContent('S09:00Diego Alvarez');
    expect(shiftEls(container, 'secondary-2027-01-04')[0]).toHaveAttribute('data-striped', 'true');
    // Month view of January 2027 from Monday 2026-12-28 to 2027-02-08 (six rows).
    expect(screen.getByTestId('hours-maya')).toHaveTextContent('P 327 h · S 168 h');
    expect(screen.getByTestId('hours-sam')).toHaveTextContent('S 168 h');
    // Short labels in the cell (a long and a tiny one), the full name on hover.
    expect(container.querySelector('[data-date-top="2027-01-18"]')).toHaveTextContent('18MLK DayMLK Day');
    expect(
      container.querySelector('[data-date-top="2027-01-18"] [data-mark-kind="holiday"]'),
    ).toHaveAttribute('title', 'Martin Luther King Jr. Day (Maya Chen, Diego Alvarez, Sam Okafor)');
    expect(container.querySelector('[data-date-top="2027-01-25"]')).toHaveTextContent('25InvestorsInvest.');
  });

  it('filters by layer and by member', async () => {
    const user = userEvent.setup({ delay: null });
    const { container } = renderCalendar();
    await waitFor(() => expect(shiftEls(container, 'secondary-2027-01-04').length).toBeGreaterThan(0));
    await user.click(screen.getByRole('checkbox', { name: 'S · Secondary' }));
    await waitFor(() => expect(shiftEls(container, 'secondary-2027-01-04')).toHaveLength(0));
    expect(shiftEls(container, 'primary-2027-01-04').length).toBeGreaterThan(0);
    await user.click(screen.getByRole('checkbox', { name: "Show Maya Chen's shifts" }));
    await waitFor(() => expect(shiftEls(container, 'primary-2027-01-04')).toHaveLength(0));
    expect(shiftEls(container, 'primary-2027-01-11').length).toBeGreaterThan(0);
  });

  it('opens on a date and highlights a shift another view asks for', async () => {
    useAppStore.getState().setCalendarFocus({ date: '2027-03-15', shiftId: 'primary-2027-03-15' });
    expect(useAppStore.getState().view).toBe('calendar');
    const { container } = renderCalendar();
    await waitFor(() => expect(shiftEls(container, 'primary-2027-03-15').length).toBeGreaterThan(0));
    expect(shiftEls(container, 'primary-2027-03-15')[0]).toHaveAttribute('data-highlighted', 'true');
    const panel = screen.getByTestId('shift-panel');
    expect(panel).toHaveAttribute('data-shift-id', 'primary-2027-03-15');
    // After the spring DST change the handoff is still 09:00, now in PDT.
    expect(within(panel).getByText('Mon, Mar 15, 09:00 → Mon, Mar 22, 09:00')).toBeInTheDocument();
    expect(within(panel).getByText('168 h · PDT')).toBeInTheDocument();
  });

  it('with no shifts says what to do and generates the rotation as one undoable edit', async () => {
    const user = userEvent.setup({ delay: null });
    useAppStore.setState({ plan: { ...createSamplePlan(NOW), shifts: [] } });
    renderCalendar();
    expect(screen.getByText('No shifts yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Generate the rotation from the settings' }));
    const dialog = await screen.findByRole('dialog', { name: 'Regenerate rotation' });
    expect(await within(dialog).findByText('104 added')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Apply changes' }));
    expect(useAppStore.getState().plan!.shifts).toHaveLength(104);
    expect(useAppStore.getState().past).toHaveLength(1);
    useAppStore.getState().undo();
    expect(useAppStore.getState().plan!.shifts).toHaveLength(0);
  });

  it('previews new settings before applying them, keeping pinned shifts', async () => {
    const user = userEvent.setup({ delay: null });
    const pinned = applyEdit(
      createSamplePlan(NOW),
      { kind: 'shift:pin', shiftId: 'primary-2027-01-11' },
      NOW,
    );
    if (!pinned.ok) throw new Error(pinned.reason);
    useAppStore.setState({ plan: pinned.plan });
    renderCalendar();
    await user.click(screen.getByRole('button', { name: 'Regenerate rotation' }));
    const dialog = await screen.findByRole('dialog', { name: 'Regenerate rotation' });
    expect(within(dialog).getByText('The shifts already match these settings.')).toBeInTheDocument();
    fireEvent.change(within(dialog).getByLabelText('Handoff time'), { target: { value: '10:00' } });
    expect(await within(dialog).findByText('1 pinned or hand-made kept')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Apply changes' })).toBeEnabled());
    const rows = within(within(dialog).getByTestId('regenerate-diff')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(
      'changedPrimaryMon, Jan 4, 09:00 → Mon, Jan 11, 09:00 ⇒ Mon, Jan 4, 10:00 → Mon, Jan 11, 09:00Maya Chen',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Apply changes' }));
    const shifts = useAppStore.getState().plan!.shifts;
    expect(useAppStore.getState().plan!.rotation.handoff.time).toBe('10:00');
    expect(shifts.find((s) => s.id === 'primary-2027-01-11')).toMatchObject({
      start: '2027-01-11T17:00:00Z',
      pinned: true,
    });
    expect(shifts.find((s) => s.id === 'primary-2027-01-18')).toMatchObject({
      start: '2027-01-18T18:00:00Z',
    });
  });

  it('folds a busy day into "+N more", which opens the day in the week view with every shift', async () => {
    const plan = createSamplePlan(NOW);
    // Eight one-hour manual shifts, 10:00-18:00 on Wednesday 13 January in Los Angeles, over the weekly P and S bars.
    const at = (hour: number) => new Date(Date.UTC(2027, 0, 13, hour)).toISOString().replace('.000Z', 'Z');
    const hourly = Array.from({ length: 8 }, (_, h) => ({
      id: `hour-${h}`,
      layerId: 'primary',
      memberId: 'sam',
      start: at(18 + h),
      end: at(19 + h),
      source: 'manual' as const,
      pinned: false,
    }));
    useAppStore.setState({ plan: { ...plan, shifts: [...plan.shifts, ...hourly] } });
    const { container } = renderCalendar();
    // Four rows: the P and S weeks, the first hourly shift, and the rest folded.
    const more = await waitFor(() => {
      const el = container.querySelector('[data-more-date="2027-01-13"]');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(more).toHaveTextContent(`+${hourly.length - 1} more`);
    expect(shiftEls(container, 'hour-0').length).toBeGreaterThan(0);
    expect(shiftEls(container, 'hour-1')).toHaveLength(0);
    await userEvent.click(more);
    await waitFor(() => expect(shiftEls(container, 'hour-5').length).toBeGreaterThan(0));
    expect(container.querySelector('[data-more-date]')).toBeNull();
  });
});
