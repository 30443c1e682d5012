import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RotaplanApi, ZoneOffsetsAnswer } from '../../shared/ipc/contract';
import { ZoneRulesWarning } from '../../renderer/src/app/zone-rules-warning';
import { useAppStore } from '../../renderer/src/store/store';
import { changed } from '../unit/fairness/test-plans';

// A plan read in Tokyo only, and a main process whose (made-up) data puts Tokyo at UTC+08:00: the window's own
// rules (here Node's, UTC+09:00 all year) disagree over the whole span the window asks about.
const TOKYO = 'Asia/Tokyo';

beforeEach(() => {
  const plan = changed((p) => {
    p.rotation.timeZone = TOKYO;
    for (const m of p.members) m.timeZone = TOKYO;
    for (const pl of p.pipelines) pl.schedule.timeZone = TOKYO;
  });
  globalThis.rotaplan = {
    ref: {
      zoneOffsets: async (request: { zones: string[]; from: string; to: string }) => {
        const from = Date.parse(`${request.from}T00:00:00Z`);
        const to = Date.parse(`${request.to}T00:00:00Z`) + 86_400_000;
        const value: ZoneOffsetsAnswer = {
          tzdata: '2099z',
          icu: '99.1',
          tables: request.zones.map((zone) => ({
            zone,
            known: true,
            from,
            to,
            periods: [{ from, offsetMinutes: 480 }],
          })),
        };
        return { ok: true, value };
      },
    },
  } as unknown as RotaplanApi;
  useAppStore.setState({ plan, past: [], future: [], loadStatus: 'ready' });
});
afterEach(() => {
  globalThis.rotaplan = undefined;
});

describe('the zone-rules warning', () => {
  it('names the zone in the top bar and opens the dates and both offsets', async () => {
    const user = userEvent.setup({ delay: null });
    render(
      <MantineProvider>
        <ZoneRulesWarning />
      </MantineProvider>,
    );
    const indicator = await screen.findByTestId('zone-rules-indicator');
    expect(indicator.textContent).toBe('Zone rules differ: Asia/Tokyo');
    await user.click(indicator);
    const details = await screen.findByTestId('zone-rules-warning');
    expect(details.querySelector('li')?.textContent).toBe(
      'Asia/Tokyo from 2027-04-04 to 2027-04-27: this window says UTC+09:00, the main process says UTC+08:00.',
    );
    expect(details.textContent).toContain('the command line (tz data 2099z)');
  });
});
