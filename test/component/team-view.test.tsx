import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RotaplanApi } from '../../shared/ipc/contract';
import { createSamplePlan } from '../../shared/plan/sample-plan';
import { TeamView } from '../../renderer/src/features/team/team-view';
import { useAppStore } from '../../renderer/src/store/store';
import { renderWithMantine } from './render-with-mantine';

function renderTeam() {
  return renderWithMantine(<TeamView />);
}

describe('Team view (jsdom)', () => {
  beforeEach(() => {
    // The preload bridge is the renderer's boundary; here it answers the reference-data call and accepts saves.
    globalThis.rotaplan = {
      ref: {
        holidayRegions: async () => ({
          ok: true,
          value: [
            { code: 'CA', name: 'Canada', subdivisions: [{ code: 'BC', name: 'British Columbia' }] },
            {
              code: 'US',
              name: 'United States of America',
              subdivisions: [{ code: 'CA', name: 'California' }],
            },
          ],
        }),
      },
      plan: {
        save: async () => ({
          ok: true,
          value: { path: '/p', revision: 'r', savedAt: '2026-11-27T00:00:00Z' },
        }),
      },
    } as unknown as RotaplanApi;
    useAppStore.setState({
      plan: createSamplePlan('2026-11-27T00:00:00.000Z'),
      past: [],
      future: [],
      loadStatus: 'ready',
    });
  });
  afterEach(() => {
    globalThis.rotaplan = undefined;
  });

  it('lists the team with roles, zones and regions', () => {
    renderTeam();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual([
      'Maya Chenmaya.chen@pacificinfra.example',
      'Diego Alvarezdiego.alvarez@pacificinfra.example',
      'Priya Ramanpriya.raman@pacificinfra.example',
      'Sam Okaforsam.okafor@pacificinfra.example',
    ]);
    expect(within(rows[2]!).getByText('America/Vancouver')).toBeInTheDocument();
    expect(within(rows[2]!).getByText('CA-BC')).toBeInTheDocument();
  });

  it('adds a member, refusing a bad e-mail with the schema message first', async () => {
    const user = userEvent.setup({ delay: null });
    renderTeam();
    await user.click(screen.getByRole('button', { name: 'Add member' }));
    await user.type(screen.getByLabelText(/^Name/), 'Lena Fischer');
    await user.type(screen.getByLabelText(/^E-mail/), 'lena-at-example');
    await user.click(screen.getByRole('button', { name: 'Save member' }));
    expect(await screen.findByText('expected an e-mail address')).toBeInTheDocument();
    expect(useAppStore.getState().plan!.members).toHaveLength(4);

    await user.clear(screen.getByLabelText(/^E-mail/));
    await user.type(screen.getByLabelText(/^E-mail/), 'lena.fischer@pacificinfra.example');
    await user.click(screen.getByRole('button', { name: 'Save member' }));
    expect(
      await within(screen.getByRole('table', { name: 'Team members' })).findByText('Lena Fischer'),
    ).toBeInTheDocument();
    const added = useAppStore.getState().plan!.members[4]!;
    expect(added).toMatchObject({
      name: 'Lena Fischer',
      email: 'lena.fischer@pacificinfra.example',
      timeZone: 'America/Los_Angeles',
      holidayRegion: { country: 'US', subdivision: 'CA' },
      color: '#7c3aed',
    });
    expect(useAppStore.getState().past).toHaveLength(1);
  });

  it('refuses to remove a member who owns pipelines and says why', async () => {
    const user = userEvent.setup({ delay: null });
    renderTeam();
    await user.click(screen.getByRole('button', { name: 'Remove Maya Chen' }));
    expect(await screen.findByText('Maya Chen cannot be removed yet')).toBeInTheDocument();
    expect(screen.getByText('primary owner of Profit')).toBeInTheDocument();
    expect(screen.getByText('on call for 26 shifts')).toBeInTheDocument();
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).queryByRole('button', { name: 'Remove Maya Chen' })).toBeNull();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(useAppStore.getState().plan!.members).toHaveLength(4);
  });
});
