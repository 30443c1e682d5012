import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RotaplanApi } from '../../shared/ipc/contract';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import type { Plan } from '../../shared/plan/schema';
import { validatePlan } from '../../shared/plan/validate';
import { GuidedSetup } from '../../renderer/src/features/setup/guided-setup';
import { PIPELINE_SUGGESTIONS } from '../../renderer/src/features/setup/pipeline-suggestions';
import {
  balancedOwnership,
  buildPlanFromDraft,
  initialDraft,
  stepProblems,
  type SetupDraft,
} from '../../renderer/src/features/setup/setup-draft';
import { useAppStore } from '../../renderer/src/store/store';

const NOW = '2027-03-10T18:30:00.000Z';

// Typing character by character is slow in jsdom on a shared machine; a change event is what the inputs read.
const fill = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });
const PEOPLE = [
  ['Ana Lima', 'ana@example.com', 'US', 'CA', 'America/Los_Angeles'],
  ['Ben Okoro', 'ben@example.com', 'US', 'CA', 'America/Los_Angeles'],
  ['Chloé Martin', 'chloe@example.com', 'CA', 'BC', 'America/Vancouver'],
  ['Dev Patel', 'dev@example.com', 'US', 'CO', 'America/Denver'],
] as const;

function fullDraft(): SetupDraft {
  const draft = initialDraft(NOW, 'America/Los_Angeles', 'US');
  draft.name = 'Data on-call';
  draft.organisation = 'Northwind';
  draft.members = PEOPLE.map(([name, email, country, subdivision, timeZone], i) => ({
    key: `m${i}`,
    name,
    email,
    country,
    subdivision,
    timeZone,
  }));
  draft.pipelines = PIPELINE_SUGGESTIONS.map((s, i) => ({ key: `p${i}`, ...s }));
  draft.ownership = balancedOwnership(draft.members, draft.pipelines);
  return draft;
}

describe('guided setup: the draft and the plan built from it', () => {
  it('splits ownership by criticality, most critical first, to whoever carries least', () => {
    const draft = fullDraft();
    const byName = (key: string | null) => draft.members.find((m) => m.key === key)?.name.split(' ')[0];
    expect(
      draft.pipelines.map((p) => [
        p.name,
        byName(draft.ownership[p.key]!.primary),
        byName(draft.ownership[p.key]!.secondary),
      ]),
    ).toEqual([
      ['Profit', 'Ana', 'Ben'],
      ['Growth', 'Ben', 'Dev'],
      ['Engagement', 'Dev', 'Ana'],
      ['Aggregated (Executives & investors)', 'Chloé', 'Dev'],
      ['Aggregated (Experiments)', 'Chloé', 'Ana'],
    ]);
  });

  it('names what is missing on each step', () => {
    const draft = initialDraft(NOW, 'America/Los_Angeles', 'US');
    expect(stepProblems(draft, 'plan')).toEqual(['Give the plan a name.']);
    expect(stepProblems({ ...draft, members: draft.members.slice(0, 1) }, 'team')).toEqual([
      'Add at least 2 people: a rotation needs someone to hand over to.',
      'Member 1: name: a name cannot be empty.',
      'Member 1: e-mail: expected an e-mail address.',
    ]);
    expect(stepProblems(draft, 'pipelines')).toEqual([
      'Add at least one pipeline, or pick one of the suggestions.',
    ]);
    const full = fullDraft();
    full.ownership.p0 = { primary: 'm1', secondary: 'm1', stakeholder: '' };
    expect(stepProblems(full, 'ownership')).toEqual([
      'Profit: the secondary owner must be someone other than the primary owner.',
    ]);
    expect(stepProblems({ ...full, rotation: { ...full.rotation, handoffTime: '9am' } }, 'rotation')).toEqual(
      ['Give the handoff time as HH:MM, e.g. 09:00.'],
    );
  });

  it('builds a valid plan: 4 members, 5 pipelines, owners, a weekly rotation from the next Monday with 104 shifts', () => {
    const built = buildPlanFromDraft(fullDraft(), NOW);
    if (!built.ok) throw new Error(built.message);
    const { plan } = built;
    expect(validatePlan(plan).ok).toBe(true);
    expect(plan.members.map((m) => [m.id, m.color, m.holidayRegion])).toEqual([
      ['ana-lima', '#2563eb', { country: 'US', subdivision: 'CA' }],
      ['ben-okoro', '#d97706', { country: 'US', subdivision: 'CA' }],
      ['chloe-martin', '#059669', { country: 'CA', subdivision: 'BC' }],
      ['dev-patel', '#db2777', { country: 'US', subdivision: 'CO' }],
    ]);
    expect(plan.pipelines.map((p) => p.id)).toEqual([
      'profit',
      'growth',
      'engagement',
      'aggregated-executives-investors',
      'aggregated-experiments',
    ]);
    expect(plan.ownership[0]).toEqual({
      pipelineId: 'profit',
      primaryMemberId: 'ana-lima',
      secondaryMemberId: 'ben-okoro',
      stakeholder: '',
    });
    expect(plan.coverage.holidays.planRegion).toEqual({ country: 'US', subdivision: 'CA' });
    expect(plan.rotation.layers).toEqual([
      { id: 'primary', name: 'Primary', memberOrder: ['ana-lima', 'ben-okoro', 'chloe-martin', 'dev-patel'] },
      {
        id: 'secondary',
        name: 'Secondary',
        memberOrder: ['ben-okoro', 'chloe-martin', 'dev-patel', 'ana-lima'],
      },
    ]);
    expect([plan.rotation.startDate, plan.rotation.endDate]).toEqual(['2027-03-15', '2028-03-13']);
    expect(plan.shifts).toHaveLength(104);
    // Monday 09:00 in Los Angeles is 16:00Z before DST ends and 17:00Z in winter.
    expect(plan.shifts[0]).toMatchObject({
      layerId: 'primary',
      memberId: 'ana-lima',
      start: '2027-03-15T16:00:00Z',
      end: '2027-03-22T16:00:00Z',
      source: 'generated',
    });
  });

  it('refuses to build from an unfinished draft and says which step to fix', () => {
    const draft = fullDraft();
    draft.members[2] = { ...draft.members[2]!, email: 'not-an-address' };
    expect(buildPlanFromDraft(draft, NOW)).toEqual({
      ok: false,
      step: 'team',
      message: 'Chloé Martin: e-mail: expected an e-mail address.',
    });
  });
});

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
    return render(
      <MantineProvider>
        <Notifications />
        <GuidedSetup opened onClose={onClose} defaultTimeZone="America/Los_Angeles" />
      </MantineProvider>,
    );
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

    await user.click(screen.getByRole('button', { name: 'Create plan' }));
    await waitFor(() => expect(useAppStore.getState().view).toBe('calendar'));
    expect(sent).not.toBeNull();
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
