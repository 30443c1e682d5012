import { MantineProvider } from '@mantine/core';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RotaplanApi } from '../../shared/ipc/contract';
import type { Member } from '../../shared/plan/schema';
import type { SetupDraft } from '../../shared/setup/setup-draft';
import { TeamStep } from '../../renderer/src/features/setup/team-step';
import { MemberForm } from '../../renderer/src/components/member-form-dialog';
import { member } from '../unit/fairness/test-plans';

// The real date-holidays names (GB has England, Northern Ireland, Scotland, Wales; Japan's prefectures are left
// out here so that it stands for a country without regions).
const COUNTRIES = [
  {
    code: 'GB',
    name: 'United Kingdom',
    subdivisions: [
      { code: 'ENG', name: 'England' },
      { code: 'NIR', name: 'Northern Ireland' },
      { code: 'SCT', name: 'Scotland' },
      { code: 'WLS', name: 'Wales' },
    ],
  },
  { code: 'JP', name: 'Japan', subdivisions: [] },
];

beforeEach(() => {
  globalThis.rotaplan = {
    ref: { holidayRegions: async () => ({ ok: true, value: COUNTRIES }) },
  } as unknown as RotaplanApi;
});
afterEach(() => {
  globalThis.rotaplan = undefined;
});

const wrap = (node: React.ReactNode) => render(<MantineProvider>{node}</MantineProvider>);

describe('the member form asks for a region where the country has them', () => {
  it('says what is lost without one, and saves the region picked', async () => {
    const user = userEvent.setup({ delay: null });
    const alex = member('a', { name: 'Alex', timeZone: 'Europe/London', holidayRegion: { country: 'GB' } });
    const saved: Member[] = [];
    wrap(
      <MemberForm
        opened
        title="Edit member"
        member={alex}
        pipelines={[]}
        onClose={() => {}}
        onSubmit={(m) => {
          saved.push(m);
          return null;
        }}
      />,
    );
    expect(await screen.findByText('Pick one to count regional holidays')).toBeInTheDocument();
    const region = screen.getByRole('combobox', { name: 'Region or state' });
    expect(region).toBeEnabled();
    expect(region).toHaveAttribute('placeholder', 'Pick a region');
    await user.click(region);
    await user.click(await screen.findByRole('option', { name: 'England (ENG)', hidden: true }));
    expect(screen.getByText('Its regional holidays are counted')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save member' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.holidayRegion).toEqual({ country: 'GB', subdivision: 'ENG' });
  });

  it('does not ask in a country without regions', async () => {
    const chi = member('c', { name: 'Chi', timeZone: 'Asia/Tokyo', holidayRegion: { country: 'JP' } });
    wrap(
      <MemberForm
        opened
        title="Edit member"
        member={chi}
        pipelines={[]}
        onClose={() => {}}
        onSubmit={() => null}
      />,
    );
    expect(await screen.findByText('This country has no regions')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Region or state' })).toBeDisabled();
  });
});

describe('the guided setup asks for a region where the country has them', () => {
  it('asks member 1 (GB, no region) and not member 2 (JP)', async () => {
    const draft = {
      name: 'Plan',
      organisation: '',
      timeZone: 'Europe/London',
      members: [
        {
          key: 'm1',
          name: 'Alex',
          email: 'alex@example.com',
          country: 'GB',
          subdivision: '',
          timeZone: 'Europe/London',
        },
        {
          key: 'm2',
          name: 'Chi',
          email: 'chi@example.com',
          country: 'JP',
          subdivision: '',
          timeZone: 'Asia/Tokyo',
        },
      ],
    } as unknown as SetupDraft;
    const { rerender } = wrap(<TeamStep draft={draft} defaultCountry="GB" onChange={() => {}} />);
    const asks = await screen.findAllByTestId('region-missing');
    expect(asks.map((a) => a.textContent)).toEqual([
      'Pick a region for member 1: without it only United Kingdom’s nationwide holidays count, not its regional ones.',
    ]);
    expect(screen.getByRole('combobox', { name: 'Region of member 1' })).toHaveAttribute(
      'placeholder',
      'Pick a region',
    );
    const picked = { ...draft, members: [{ ...draft.members[0]!, subdivision: 'ENG' }, draft.members[1]!] };
    rerender(
      <MantineProvider>
        <TeamStep draft={picked} defaultCountry="GB" onChange={() => {}} />
      </MantineProvider>,
    );
    expect(screen.queryByTestId('region-missing')).toBeNull();
  });
});
