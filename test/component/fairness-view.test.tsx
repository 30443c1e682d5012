import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { analyzePlan } from '../../shared/fairness/analyze';
import type { Flag } from '../../shared/fairness/flags/flag';
import { applyEdit } from '../../shared/plan/edits';
import type { Plan } from '../../shared/plan/schema';
import { simulateIncidents } from '../../shared/simulation/simulate';
import { FairnessView } from '../../renderer/src/features/fairness/fairness-view';
import { FlagsTable, type FlagTarget } from '../../renderer/src/features/fairness/flags-table';
import { HeadlineCards } from '../../renderer/src/features/fairness/headline-cards';
import { ScenarioSwitcher } from '../../renderer/src/features/scenarios/scenario-switcher';
import { useAppStore } from '../../renderer/src/store/store';
import { startSimulation } from '../../renderer/src/workers/simulation-client';
import { cleanPlan, member, weeks } from '../unit/fairness/test-plans';
import { renderWithMantine } from './render-with-mantine';

/**
 * Three people in Los Angeles, one layer, weeks from Monday 2027-04-05 09:00 to 2027-04-26: a, b, a (c none).
 * A week holds 120 weekday h, 48 weekend h and 63 night h: 120 + 48 × 1.5 + 63 × 0.5 = 223.5 weighted h.
 * Loads a 447, b 223.5, c 0; fair share 670.5 / 3 = 223.5 each. Balance (0.5 + 0 + 0) / 3 = 0.167; Gini
 * 2 × (223.5 + 447 + 223.5) / (2 × 9 × 223.5) = 0.444; spread 447 h; a on call 336 of 504 h = 66.7 %.
 */
function unevenPlan(): Plan {
  const plan = cleanPlan();
  plan.shifts = weeks('primary', '2027-04-05', ['a', 'b', 'a']);
  return plan;
}

function open(plan: Plan) {
  useAppStore.setState({
    plan,
    past: [],
    future: [],
    loadStatus: 'ready',
    view: 'fairness',
    calendarFocus: null,
    analysedScenarioId: null,
  });
  return renderWithMantine(<FairnessView />);
}

const text = (testId: string) => screen.getByTestId(testId).textContent;

beforeEach(() => {
  globalThis.rotaplan = {
    plan: {
      save: async () => ({ ok: true, value: { path: '/p', revision: 'r', savedAt: '2027-03-01T00:00:00Z' } }),
    },
  } as unknown as typeof globalThis.rotaplan;
});

describe('HeadlineCards', () => {
  it('shows balance, Gini, spread and the highest share on call with the 25 % rule in words', () => {
    renderWithMantine(
      <HeadlineCards analysis={analyzePlan(unevenPlan())} maxOnCallShare={0.5} layerCount={1} />,
    );
    expect(text('metric-balance')).toBe('0.167');
    expect(text('metric-gini')).toBe('0.444');
    expect(text('metric-spread')).toBe('447.0 h');
    expect(text('metric-share')).toBe('66.7 %');
    expect(screen.getByText(/coefficient of variation 0\.817/)).toBeInTheDocument();
    const share = document.querySelector('[data-metric="share"]')!;
    expect(share.textContent).toContain(
      'Highest: A Person. Google’s SRE book (ch. 11) keeps each engineer on call at most 25 % of the time; this plan’s limit is 50.0 %. 1 of 3 people on one layer is above it.',
    );
  });

  it('a clean plan: perfect balance and everyone within the limit', () => {
    renderWithMantine(
      <HeadlineCards analysis={analyzePlan(cleanPlan())} maxOnCallShare={0.5} layerCount={1} />,
    );
    expect(text('metric-balance')).toBe('1.000');
    expect(text('metric-gini')).toBe('0.000');
    expect(text('metric-spread')).toBe('0.0 h');
    expect(text('metric-share')).toBe('33.3 %');
    expect(document.querySelector('[data-metric="share"]')!.textContent).toContain(
      'All 3 people on one layer stay within it.',
    );
  });
});

describe('FlagsTable', () => {
  const denver = member('d', { name: 'Dana Denver', timeZone: 'America/Denver' });
  const flags: Flag[] = [
    { kind: 'team-size', severity: 'warning', message: 'Too few people', fix: 'add 4 people' },
    {
      kind: 'holiday-gap',
      severity: 'error',
      message: 'Dana is primary on a holiday',
      start: '2027-02-15T07:00:00Z',
      end: '2027-02-16T07:00:00Z',
      memberId: 'd',
      shiftId: 'primary-2027-02-08',
      fix: 'swap with A',
    },
    {
      kind: 'dst-handoff',
      severity: 'info',
      message: 'The week lasts 167 h',
      start: '2027-03-08T17:00:00Z',
      shiftId: 'primary-2027-03-08',
    },
  ];

  function renderTable(onShow: (t: FlagTarget) => void) {
    return renderWithMantine(
      <FlagsTable flags={flags} zone="America/Los_Angeles" members={[member('a'), denver]} onShow={onShow} />,
    );
  }

  const rowTexts = () =>
    [...document.querySelectorAll('[data-testid="flags-table"] tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].slice(0, 6).map((td) => td.textContent),
    );

  it('lists severity, kind, date (the member’s own zone), member, message and fix', () => {
    renderTable(() => undefined);
    // Most severe first.
    expect(rowTexts()).toEqual([
      // 07:00Z is midnight in Denver (2027-02-15) but 23:00 on the 14th in Los Angeles.
      ['error', 'Holiday gap', '2027-02-15', 'Dana Denver', 'Dana is primary on a holiday', 'swap with A'],
      ['warning', 'Team size', 'Whole plan', '—', 'Too few people', 'add 4 people'],
      ['info', 'Dst handoff', '2027-03-08', '—', 'The week lasts 167 h', '—'],
    ]);
    // A flag without a date has nowhere to go in the calendar.
    expect(screen.getAllByRole('button', { name: 'Show in calendar' })).toHaveLength(2);
  });

  it('filters by severity and by kind', async () => {
    const user = userEvent.setup();
    renderTable(() => undefined);
    await user.click(screen.getByText('Errors 1'));
    expect(rowTexts().map((r) => r[1])).toEqual(['Holiday gap']);
    await user.click(screen.getByText('All 3'));
    await user.click(screen.getByRole('combobox', { name: 'Filter flags by kind' }));
    await user.click(await screen.findByRole('option', { name: 'Dst handoff (1)', hidden: true }));
    expect(rowTexts().map((r) => r[1])).toEqual(['Dst handoff']);
    await user.click(screen.getByText('Warnings 1'));
    expect(rowTexts()).toEqual([['No flag matches these filters.']]);
  });

  it('"Show in calendar" passes the date and the shift to highlight', async () => {
    const user = userEvent.setup();
    const shown: FlagTarget[] = [];
    renderTable((t) => shown.push(t));
    const buttons = screen.getAllByRole('button', { name: 'Show in calendar' });
    await user.click(buttons[0]!);
    await user.click(buttons[1]!);
    expect(shown).toEqual([
      { date: '2027-02-15', shiftId: 'primary-2027-02-08' },
      { date: '2027-03-08', shiftId: 'primary-2027-03-08' },
    ]);
  });
});

describe('Fairness view (jsdom, analysis inline)', () => {
  it('analyses the plan: cards, the member breakdown and the flags', async () => {
    open(unevenPlan());
    await waitFor(() => expect(text('metric-balance')).toBe('0.167'));
    // The breakdown and the flags are drawn after the headline figures.
    await screen.findByTestId('member-load-table', undefined, { timeout: 5000 });
    const row = (id: string) =>
      [
        ...document.querySelectorAll(
          `[data-testid="member-load-table"] tr[data-member-id="${id}"] td[data-column]`,
        ),
      ].map((td) => td.textContent);
    expect(row('a')).toEqual(['336', '96', '0', '126', '0', '447.0', '223.5 (+223.5)', '2', '66.7 %', '0']);
    expect(row('b')).toEqual(['168', '48', '0', '63', '0', '223.5', '223.5 (+0.0)', '1', '33.3 %', '0']);
    expect(row('c')).toEqual(['0', '0', '0', '0', '0', '0.0', '223.5 (−223.5)', '0', '0.0 %', '0']);
    const kinds = () =>
      [...document.querySelectorAll('[data-testid="flags-table"] tbody tr')].map((tr) => [
        tr.getAttribute('data-group-kind') ?? tr.getAttribute('data-flag-kind'),
        tr.getAttribute('data-date'),
      ]);
    // The two uneven-rotation flags fold into one row with their fix; the group opens to show both.
    expect(kinds()).toEqual([
      ['uneven-rotation', null],
      ['on-call-share', '2027-04-05'],
    ]);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show all 2' }));
    expect(kinds()).toEqual([
      ['uneven-rotation', null],
      ['uneven-rotation', '2027-04-05'],
      ['uneven-rotation', '2027-04-05'],
      ['on-call-share', '2027-04-05'],
    ]);
    expect(
      screen.getByText('A is on call 66.7 % of the window (Primary 66.7 %), above the 50 % limit'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('analysis-time')).toHaveTextContent(/^Analysed 2027-04-05 to 2027-04-26 in/);
  });

  it('"Show in calendar" opens the calendar at the flag’s date with the fix’s shift focused', async () => {
    const user = userEvent.setup();
    open(unevenPlan());
    await user.click(await screen.findByRole('button', { name: 'Show all 2' }, { timeout: 5000 }));
    await user.click(screen.getAllByRole('button', { name: 'Show in calendar' })[0]!);
    expect(useAppStore.getState().view).toBe('calendar');
    expect(useAppStore.getState().calendarFocus).toEqual({
      date: '2027-04-05',
      shiftId: 'primary-2027-04-05',
    });
  });

  it('re-analyses on every plan change', async () => {
    open(unevenPlan());
    await waitFor(() => expect(text('metric-balance')).toBe('0.167'));
    const result = applyEdit(
      useAppStore.getState().plan!,
      { kind: 'shift:reassign', shiftId: 'primary-2027-04-19', memberId: 'c' },
      '2027-03-01T00:00:00Z',
    );
    expect(result.ok).toBe(true);
    act(() => useAppStore.setState({ plan: result.ok ? result.plan : null }));
    await waitFor(() => expect(text('metric-balance')).toBe('1.000'));
    expect(text('metric-spread')).toBe('0.0 h');
  });

  it('comes back after an edit with the last numbers at once, marked stale until the new ones arrive', async () => {
    const first = open(unevenPlan());
    await waitFor(() => expect(text('metric-balance')).toBe('0.167'));
    first.unmount();
    const result = applyEdit(
      useAppStore.getState().plan!,
      { kind: 'shift:reassign', shiftId: 'primary-2027-04-19', memberId: 'c' },
      '2027-03-01T00:00:00Z',
    );
    if (!result.ok) throw new Error(result.reason);
    act(() => useAppStore.setState({ plan: result.plan }));
    renderWithMantine(<FairnessView />);
    expect(screen.queryByTestId('analysis-progress')).toBeNull();
    expect(screen.getByTestId('fairness-analysis')).toHaveAttribute('data-stale', 'true');
    expect(text('metric-balance')).toBe('0.167');
    await waitFor(() => expect(text('metric-balance')).toBe('1.000'));
    expect(screen.getByTestId('fairness-analysis')).toHaveAttribute('data-stale', 'false');
  });

  it('runs a simulation through the slice and shows the same numbers as the domain', async () => {
    const user = userEvent.setup();
    const plan = unevenPlan();
    open(plan);
    await user.click(screen.getByRole('tab', { name: 'Incident simulation' }));
    const runs = screen.getByRole('textbox', { name: 'Runs' });
    await user.clear(runs);
    await user.type(runs, '50');
    await user.click(screen.getByRole('button', { name: 'Run simulation' }));
    const results = await screen.findByTestId('simulation-results');
    expect(useAppStore.getState().simulation.status).toBe('done');
    const expected = simulateIncidents(plan, { runs: 50, seed: 1 });
    const pages = [...within(results).getByTestId('pages-table').querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent),
    );
    expect(pages).toEqual(
      expected.members.map((m) => [
        m.pages.mean.toFixed(1),
        String(m.pages.p50),
        String(m.pages.p95),
        m.nightPages.mean.toFixed(1),
        String(m.nightPages.p95),
      ]),
    );
    // c holds no shift, so nobody pages them.
    expect(pages[2]).toEqual(['0.0', '0', '0', '0.0', '0']);
    expect(within(results).getByText(/^50 runs, seed 1, 2027-04-05 to 2027-04-26/)).toBeInTheDocument();
  });

  it('Cancel stops a simulation: status cancelled and no result arrives later', async () => {
    useAppStore.setState({
      simulation: { ...useAppStore.getState().simulation, status: 'idle', result: null, resultPlan: null },
    });
    open(unevenPlan());
    fireEvent.click(screen.getByRole('tab', { name: 'Incident simulation' }));
    // Synchronous clicks: the run (inline here, on a timer) cannot finish between Run and Cancel.
    fireEvent.click(screen.getByRole('button', { name: 'Run simulation' }));
    expect(useAppStore.getState().simulation.status).toBe('running');
    expect(screen.getByTestId('simulation-progress')).toHaveTextContent('0 of 2,000 runs');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(useAppStore.getState().simulation.status).toBe('cancelled');
    // A run started after the cancel, on the same inline path, reports its end: the cancelled run's timer came
    // first, so had it gone on, its messages would have arrived by then.
    const settings = useAppStore.getState().simulation.settings!;
    await new Promise<void>((resolve) => {
      startSimulation(
        { plan: unevenPlan(), ...settings, runs: 10 },
        (m) => m.type !== 'progress' && resolve(),
      );
    });
    expect(useAppStore.getState().simulation.status).toBe('cancelled');
    expect(useAppStore.getState().simulation.result).toBeNull();
    expect(screen.getByTestId('simulation-cancelled')).toHaveTextContent('Cancelled. No result yet.');
  });

  it('the switcher analyses a scenario; its flags open the calendar at the date only', async () => {
    const user = userEvent.setup();
    let plan = unevenPlan();
    for (const edit of [
      { kind: 'scenario:create', scenarioId: 's1', name: 'C leaves', createdAt: '2027-03-01T00:00:00Z' },
      { kind: 'scenario:update', scenarioId: 's1', change: { kind: 'member-leaves', memberId: 'c' } },
    ] as const) {
      const r = applyEdit(plan, edit, '2027-03-01T00:00:00Z');
      if (!r.ok) throw new Error(r.reason);
      plan = r.plan;
    }
    open(plan);
    renderWithMantine(<ScenarioSwitcher />);
    await waitFor(() => expect(text('metric-balance')).toBe('0.167'));
    await user.click(screen.getByRole('combobox', { name: 'Plan analysed in Fairness' }));
    await user.click(await screen.findByRole('option', { name: 'Scenario: C leaves', hidden: true }));
    // a, b, a among two: loads 447 and 223.5 against 335.25 each.
    await waitFor(() => expect(text('metric-balance')).toBe('0.500'));
    expect(text('metric-gini')).toBe('0.167');
    expect(screen.getByTestId('analysing-scenario')).toHaveTextContent(
      'Analysing the scenario C leaves, not the live plan.',
    );
    const [first] = await screen.findAllByRole('button', { name: 'Show in calendar' }, { timeout: 5000 });
    await user.click(first!);
    expect(useAppStore.getState().calendarFocus).toEqual({ date: '2027-04-05' });
  });
});
